// retrain.yml → mlops-retrain.yml as the runner runs it, shell steps included: it trains with the
// dispatched parameters, writes them into the pipeline file, pushes a branch to the origin (a local
// bare repository) and opens a pull request with `gh` (a stand-in that records its calls), and enables
// auto-merge only when asked and the decision is promote. Nothing changed: no pull request.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { runAction, REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, tempDir } from './support/tmp.ts';
import { webhookExample } from './support/webhooks.ts';
import { WorkflowRunner } from './support/workflow-runner.ts';

const P = 'pipelines/spam-detector.yml';
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' }).trim();

let origin: string;
let gh: FakeGitHub;
let bin: string;
let ghLog: string;

beforeAll(async () => {
  const seed = await exampleWorkspace();
  git(seed, 'add', '-A');
  git(seed, 'commit', '-qm', 'seed');
  git(seed, 'branch', '-M', 'main');
  origin = path.join(await tempDir('mlops-origin-'), 'repo.git');
  execFileSync('git', ['clone', '-q', '--bare', seed, origin]);
  gh = await new FakeGitHub().start();
  new FakePullRequest(gh);
  // A weak champion (3 trees), published as the release the candidate is compared with.
  expect((await cli(seed, 'train', '--pipeline', P, '--params', '{"trees": 3}')).code).toBe(0);
  expect((await cli(seed, 'evaluate', '--pipeline', P, '--model', 'out/spam-detector/model.json')).code).toBe(0);
  const env = { SOURCE_DATE_EPOCH: '1767225600' };
  expect((await runAction('compare-to-champion', { workspace: seed, inputs: { pipeline: P, candidate: 'out/spam-detector/model.json', token: 't' }, apiUrl: gh.url, env })).code).toBe(0);
  expect((await runAction('publish-model', { workspace: seed, inputs: { pipeline: P, token: 't' }, apiUrl: gh.url, env })).code).toBe(0);
  bin = await tempDir('mlops-bin-');
  ghLog = path.join(bin, 'gh.log');
  writeFileSync(path.join(bin, 'gh'), `#!/usr/bin/env bash\necho "$*" >> "${ghLog}"\nif [ "$1 $2" = "pr create" ]; then echo https://github.com/octo-org/octo-repo/pull/12; fi\n`);
  chmodSync(path.join(bin, 'gh'), 0o755);
}, 120_000);

afterAll(async () => gh.stop());
afterEach(() => expect(gh.violations).toEqual([]));

async function dispatch(inputs: Record<string, string>) {
  const ws = path.join(await tempDir('mlops-checkout-'), 'repo');
  execFileSync('git', ['clone', '-q', origin, ws]);
  writeFileSync(ghLog, '');
  const runner = new WorkflowRunner({ repoRoot: REPO_ROOT, workspace: ws, apiUrl: gh.url, sha: git(ws, 'rev-parse', 'HEAD'), ref: 'refs/heads/main', binPath: bin, env: { SOURCE_DATE_EPOCH: '1767225600', RUNNER_TEMP: await tempDir() }, secrets: { MLOPS_PR_TOKEN: 'app-token' } });
  const payload = webhookExample('workflow_dispatch');
  payload.inputs = inputs;
  const run = await runner.run('retrain.yml', { name: 'workflow_dispatch', payload }, inputs);
  return { run, ws, gh: readFileSync(ghLog, 'utf8').trim().split('\n').filter(Boolean) };
}

test('parameters: a branch with the new config, a pull request, and auto-merge on a promote', async () => {
  const { run, gh: calls } = await dispatch({ pipeline: P, reason: 'drift: 3 of 57 features', params: '{"trees": 60}', 'auto-merge': 'true' });
  const failed = run.steps.filter((s) => s.outcome === 'failure');
  expect(failed.map((s) => `${s.id}: ${s.run?.stdout}${s.run?.stderr}`)).toEqual([]);
  expect(run.jobs.retrain!.outputs).toMatchObject({ decision: 'promote', 'pull-request-url': 'https://github.com/octo-org/octo-repo/pull/12' });
  const branch = calls[0]!.match(/--head (\S+)/)![1]!;
  expect(branch).toMatch(/^mlops\/retrain\/spam-detector-\d+$/);
  expect(calls[0]).toMatch(/^pr create --base main --head mlops\/retrain\/spam-detector-\d+ --title mlops: retrain spam-detector --body-file /);
  expect(calls[1]).toBe('pr merge --auto --squash https://github.com/octo-org/octo-repo/pull/12');
  // The branch carries the parameters in the pipeline file, and the reason in its commit.
  const pipeline = execFileSync('git', ['-C', origin, 'show', `${branch}:${P}`], { encoding: 'utf8' });
  expect(pipeline).toMatch(/^# The example pipeline/);
  expect(pipeline).toMatch(/model:\n\s+trees: 60/);
  expect(execFileSync('git', ['-C', origin, 'log', '-1', '--format=%B', branch], { encoding: 'utf8' })).toMatch(/^mlops: retrain spam-detector\n\ndrift: 3 of 57 features/);
}, 180_000);

test('without auto-merge: the pull request only', async () => {
  const { run, gh: calls } = await dispatch({ pipeline: P, params: '{"trees": 40}' });
  expect(run.jobs.retrain!.result).toBe('success');
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatch(/^pr create /);
}, 180_000);

test('nothing to change (no parameters, no data): no branch, no pull request', async () => {
  const { run, gh: calls } = await dispatch({ pipeline: P, reason: 'drift' });
  expect(run.jobs.retrain!.result).toBe('success');
  expect(calls).toEqual([]);
  expect(run.steps.find((s) => s.id === 'pr')!.run!.stdout).toContain('::notice::Nothing changed');
  expect(execFileSync('git', ['-C', origin, 'branch', '--list', 'mlops/*'], { encoding: 'utf8' }).split('\n').filter(Boolean)).toHaveLength(2);
}, 180_000);
