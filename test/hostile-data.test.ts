// Data and packages as a bad day brings them: a data file the user may not read, a package with a
// top-level __proto__, a request log cut off mid-write or shared with another pipeline, a batch with a
// header and no rows. Each is a user's matter: a clear exit 2 (or a counted skip), never exit 3.
import { spawnSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseModel } from '../src/engine/model/package.ts';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
let ws: string;

beforeAll(async () => {
  ws = await exampleWorkspace();
  await writeFiles(ws, { [P]: `${await readFile(path.join(ws, P), 'utf8')}model:\n  trees: 6\n` });
  expect((await cli(ws, 'run', '--pipeline', P)).code).toBe(0);
}, 60_000);

test('train on a data file it may not read: exit 2 naming the file, not exit 3 with a stack', async () => {
  const local = await exampleWorkspace();
  const data = path.join(local, 'data/spambase.csv');
  let run: { status: number | null; stderr: string };
  if (process.getuid?.() === 0) {
    // Root reads anything: the test runs the CLI as an unprivileged user, as a user would meet this.
    spawnSync('chmod', ['-R', 'a+rwX', local]);
    await chmod(path.dirname(local), 0o777).catch(() => {});
    await chmod(data, 0o000);
    run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, path.join(REPO_ROOT, 'bin/mlops.js'), 'train', '--pipeline', P], { cwd: local, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', MLOPS_CACHE: 'off' } });
  } else {
    await chmod(data, 0o000);
    run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/mlops.js'), 'train', '--pipeline', P], { cwd: local, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', MLOPS_CACHE: 'off' } });
  }
  expect(run.stderr).not.toContain('internal error');
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/data\/spambase\.csv.*(EACCES|permission denied)/);
});

test('a package whose JSON has a top-level __proto__ key is refused as damaged', async () => {
  const text = await readFile(path.join(ws, 'out/spam-detector/model.json'), 'utf8');
  const forged = `{"__proto__": {"polluted": true}, ${text.trimStart().slice(1)}`;
  await expect(parseModel('forged.json', Buffer.from(forged))).rejects.toThrow('forged.json: has a top-level key "__proto__", which no model package has: it is damaged or was edited');
  await writeFile(path.join(ws, 'out/forged.json'), forged);
  const r = await cli(ws, 'evaluate', '--pipeline', P, '--model', 'out/forged.json');
  expect(r.code).toBe(2);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('drift-report on a CSV with a header and no rows: exit 2, "no rows to compare"', async () => {
  const header = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).split('\n')[0]!;
  await writeFile(path.join(ws, 'empty.csv'), `${header}\n`);
  const r = await cli(ws, 'drift-report', '--pipeline', P, '--data', 'empty.csv', '--retrain-workflow', '');
  expect(r.code).toBe(2);
  expect(r.err).toContain('empty.csv: has a header but no rows: no rows to compare');
});

test('a request log: a last line cut off mid-write is skipped and counted; another pipeline\'s entries are skipped and counted', async () => {
  const [header, ...lines] = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trim().split('\n');
  const names = header!.split(',').map((h) => JSON.parse(h) as string).slice(0, -1);
  const entry = (pipeline: string, i: number) =>
    JSON.stringify({ time: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(), pipeline, version: 'v1', model_digest: 'sha256:x', inputs: Object.fromEntries(names.map((n, j) => [n, [Number(lines[i]!.split(',')[j])]])), predictions: ['spam'] });
  const own = Array.from({ length: 120 }, (_, i) => entry('spam-detector', i));
  const other = Array.from({ length: 7 }, (_, i) => entry('taxi-demand', i));
  const cut = entry('spam-detector', 200).slice(0, 80);
  await writeFile(path.join(ws, 'requests.jsonl'), `${[...own, ...other].join('\n')}\n${cut}`);
  const r = await cli(ws, 'drift-report', '--pipeline', P, '--log', 'requests.jsonl', '--retrain-workflow', '', '--json');
  expect(r.err).not.toContain('internal error');
  expect(r.code).toBe(0);
  const report = await readFile(path.join(ws, 'out/spam-detector/drift-report.md'), 'utf8');
  expect(report).toContain('120 rows from 120 requests');
  expect(report).toContain('7 requests of other pipelines skipped');
  expect(report).toContain('1 last line cut off mid-write skipped');
  // A broken line anywhere but at the end is still refused by its line number.
  await writeFile(path.join(ws, 'broken.jsonl'), `${own[0]}\n${cut}\n${own[1]}\n`);
  const broken = await cli(ws, 'drift-report', '--pipeline', P, '--log', 'broken.jsonl', '--retrain-workflow', '');
  expect(broken.code).toBe(2);
  expect(broken.err).toContain('broken.jsonl line 2: not JSON');
});
