// train's reuse: pull-request (promote takes the merged pull request's candidate only when it is this
// commit's model), and save-config (retrain's pull request carries its parameters and data).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakeResults, runtimeToken } from './support/fake-results.ts';
import { FakeRuns } from './support/fake-runs.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
const HEAD = 'c0ffee0000000000000000000000000000000001';
const MERGE = 'beef000000000000000000000000000000000003';

let ws: string;
let gh: FakeGitHub;
let results: FakeResults;
let runs: FakeRuns;
let candidateDigest: string;

const env = (sha: string, job: string) => ({ ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${results.url}/`, GITHUB_SHA: sha, GITHUB_JOB: job, SOURCE_DATE_EPOCH: '1767225600', GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/spam-detector.yml@refs/heads/main' });
const train = (sha: string, inputs: Record<string, string>) => runAction('train', { workspace: ws, inputs: { pipeline: P, params: '{"trees": 8}', token: 't0ken', ...inputs }, apiUrl: gh.url, env: env(sha, sha === HEAD ? 'candidate' : 'promote') });

beforeAll(async () => {
  ws = await exampleWorkspace();
  gh = await new FakeGitHub().start();
  results = await new FakeResults().start();
  runs = new FakeRuns(gh, results);
  const pr = await train(HEAD, { 'upload-artifact': 'true' });
  expect(pr.code).toBe(0);
  candidateDigest = pr.outputs['model-digest']!;
  // The candidate workflow compares what it trained (no champion yet): its record names the model's digest.
  gh.on('repos/list-releases', () => ({ status: 200, body: [] }));
  const compare = await runAction('compare-to-champion', { workspace: ws, inputs: { pipeline: P, candidate: pr.outputs['model-path']!, token: 't0ken', 'allow-first-model': 'true' }, apiUrl: gh.url, env: env(HEAD, 'candidate') });
  expect(compare.code).toBe(0);
  runs.recordRun(101, 'spam-detector', 'pull_request', HEAD);
  expect(runs.runs[0]!.artifacts.map((a) => a.name)).toEqual([expect.stringMatching(/^model-spam-detector-/), expect.stringMatching(/^mlops-comparison-spam-detector-/)]);
  // GitHub lists each artifact's digest; the download is checked against it.
  for (const a of runs.runs[0]!.artifacts) expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  runs.pulls.push({ number: 7, headSha: HEAD, mergeCommitSha: MERGE, mergedAt: '2026-12-01T12:00:00Z' });
}, 60_000);

afterAll(async () => {
  await gh.stop();
  await results.stop();
});

afterEach(() => {
  expect(gh.violations).toEqual([]);
  expect(results.violations).toEqual([]);
});

test('the same data, config, parameters and code: the candidate is taken, byte for byte, and nothing is trained', async () => {
  const run = await train(MERGE, { reuse: 'pull-request' });
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ 'restored-from': 'pull-request #7', 'model-digest': candidateDigest });
  expect(run.stdout).toMatch(/reuse: took pull request #7's candidate/);
  expect(run.stdout).not.toMatch(/training \d+ trees/);
  expect(run.summary).toMatch(/^### train: spam-detector \(taken from pull-request #7, not trained\)/);
}, 60_000);

test('other parameters: the candidate is not this commit\'s model, so it trains', async () => {
  const run = await train(MERGE, { reuse: 'pull-request', params: '{"trees": 9}' });
  expect(run.code).toBe(0);
  expect(run.outputs['restored-from']).toBe('');
  expect(run.stdout).toMatch(/reuse: pull request #7's model was trained on other data, config, parameters or code than this commit's; training/);
  expect(run.stdout).toMatch(/training 9 trees/);
}, 60_000);

test('an expired artifact, or a commit that merged no pull request: it trains, and says why', async () => {
  runs.runs[0]!.artifacts[0]!.expired = true;
  const expired = await train(MERGE, { reuse: 'pull-request' });
  runs.runs[0]!.artifacts[0]!.expired = false;
  expect(expired.code).toBe(0);
  expect(expired.stdout).toMatch(/reuse: pull request #7's candidate runs on c0ffee000000 left no unexpired model-spam-detector-\* artifact this workflow trusts; training/);
  const direct = await train('0'.repeat(40), { reuse: 'pull-request' });
  expect(direct.code).toBe(0);
  expect(direct.stdout).toMatch(/reuse: commit 000000000000 merged no pull request; training/);
}, 60_000);

test.each([
  ['another workflow', { path: '.github/workflows/lint.yml' }, /run 101 was made by \.github\/workflows\/lint\.yml, not the candidate workflow \.github\/workflows\/spam-detector\.yml/],
  ['a fork', { headRepo: 'stranger/octo-repo' }, /run 101 ran the code of stranger\/octo-repo, not of octo-org\/octo-repo \(a fork's run trains with its own code\)/],
])('a candidate artifact from %s is not taken: it trains', async (_what, change, message) => {
  const run0 = runs.runs[0]!;
  const saved = { path: run0.path, headRepo: run0.headRepo };
  Object.assign(run0, change);
  try {
    const run = await train(MERGE, { reuse: 'pull-request' });
    expect(run.code).toBe(0);
    expect(run.outputs['restored-from']).toBe('');
    expect(run.stdout).toMatch(message);
    expect(run.stdout).toMatch(/training 8 trees/);
  } finally {
    Object.assign(run0, saved);
  }
}, 60_000);

test('a model that is not the one its run compared is not taken: it trains', async () => {
  // A newer run of the candidate workflow whose model artifact is another model than its comparison names.
  expect((await train(HEAD, { 'upload-artifact': 'true', params: '{"trees": 9}' })).code).toBe(0);
  const swapped = runs.recordRun(102, 'spam-detector', 'pull_request', HEAD);
  swapped.artifacts.push(runs.runs[0]!.artifacts.find((a) => a.name.startsWith('mlops-comparison-'))!);
  try {
    const run = await train(MERGE, { reuse: 'pull-request' });
    expect(run.code).toBe(0);
    expect(run.outputs['restored-from']).toBe('');
    expect(run.stdout).toMatch(/reuse: pull request #7's model artifact \(run 102\) has sha256 [0-9a-f]{12}…, not the [0-9a-f]{12}… its run compared; training/);
  } finally {
    runs.runs.pop();
  }
}, 60_000);

test('reuse takes pull-request or nothing', async () => {
  const r = await cli(ws, 'train', '--pipeline', P, '--reuse', 'yesterday');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/input "reuse": "yesterday" is not pull-request \(or empty\)/);
});

test('save-config writes the parameters and the data into the pipeline file, comments kept, and the model records that file', async () => {
  const before = await readFile(path.join(ws, P), 'utf8');
  await writeFile(path.join(ws, 'data/more.csv'), await readFile(path.join(ws, 'data/spambase.csv')));
  const r = await cli(ws, 'train', '--pipeline', P, '--params', '{"trees": 7, "min_samples_leaf": 2}', '--data', 'data/more.csv', '--save-config', 'true', '--json');
  expect(r.code).toBe(0);
  const after = await readFile(path.join(ws, P), 'utf8');
  expect(after).toMatch(/^# The example pipeline/);
  expect(after).toMatch(/trees: 7/);
  expect(after).toMatch(/min_samples_leaf: 2/);
  expect(after).toMatch(/train: data\/more\.csv/);
  const pkg = JSON.parse(await readFile(path.join(ws, 'out/spam-detector/model.json'), 'utf8'));
  expect(pkg.provenance.config_sha256).toBe(createHash('sha256').update(after).digest('hex'));
  expect(pkg.params.trees).toBe(7);
  await writeFile(path.join(ws, P), before);
}, 60_000);
