// The CLI on every Node.js line still supported upstream: the tests run on node@24 (the project's own),
// and here the CLI runs as a user runs it on Node 22 (installed by npm ci's prepare script) and is
// refused clearly on anything older (this machine's own node may be 20).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

const node22 = path.join(REPO_ROOT, 'node_modules/.node-lines/22/node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
const mlops = path.join(REPO_ROOT, 'bin/mlops.js');

test('npm ci installed Node 22 beside node@24', () => {
  expect(existsSync(node22)).toBe(true);
  expect(execFileSync(node22, ['--version']).toString()).toMatch(/^v22\./);
});

test('on Node 22, a data glob and the whole chain run (fs.promises.glob exists there)', async () => {
  const ws = await exampleWorkspace();
  const run = (...args: string[]) => spawnSync(node22, [mlops, ...args], { cwd: ws, env: { PATH: process.env.PATH ?? '', MLOPS_CACHE: 'off' }, encoding: 'utf8' });
  const v = run('validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/spam*.csv', '--json');
  expect(v.stderr).not.toContain('internal error');
  expect(v.status).toBe(0);
  expect((JSON.parse(v.stdout) as { passed: boolean }).passed).toBe(true);
  const r = run('train', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/*.csv', '--params', '{"trees": 3}');
  // Whatever the glob's files make of it, never exit 3: on Node 20 this was "(0, promises_.glob)(...) is not a function".
  expect(r.status).not.toBe(3);
  expect(r.stderr).not.toContain('internal error');
  const t = run('train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 3}', '--json');
  expect(t.status).toBe(0);
});

test('an older node is refused at start: exit 2, naming the version found and the one needed', async () => {
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', `Object.defineProperty(process.versions, 'node', { value: '20.20.2' }); await import(${JSON.stringify(mlops)});`, '--', '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(out.status).toBe(2);
  expect(out.stderr).toContain('mlops: Node.js 22 or later is needed; this is Node.js 20.20.2');
  // A real older node, where the machine has one (Debian's node here is 20).
  const system = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  if (system.status === 0 && Number(/^v(\d+)/.exec(system.stdout)?.[1]) < 22) {
    const real = spawnSync('/usr/bin/node', [mlops, 'train', '--pipeline', 'x.yml', '--data', '*.csv'], { encoding: 'utf8' });
    expect(real.status).toBe(2);
    expect(real.stderr).toContain(`this is Node.js ${system.stdout.trim().slice(1)}`);
  }
  expect((await cli(REPO_ROOT, '--version')).code).toBe(0);
});
