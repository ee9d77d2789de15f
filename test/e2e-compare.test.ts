// compare-to-champion's bundle under the harness, against the fake GitHub (every request checked
// against GitHub's OpenAPI description): one comment per pipeline per pull request, whatever happens.
import { readComparisonRecord } from '../src/engine/compare/record.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

let ws: string;
let weak: Buffer;
let similar: Buffer;
beforeAll(async () => {
  ws = await exampleWorkspace();
  const train = async (params: string, output: string) => expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', params, '--output', output)).code).toBe(0);
  await train('{"trees": 40}', 'out/candidate.json');
  await train('{"trees": 1, "max_depth": 1}', 'out/weak.json');
  await train('{"trees": 40, "seed": 7}', 'out/similar.json');
  weak = await readFile(path.join(ws, 'out/weak.json'));
  similar = await readFile(path.join(ws, 'out/similar.json'));
});

let gh: FakeGitHub;
let pr: FakePullRequest;
beforeEach(async () => {
  gh = await new FakeGitHub().start();
  pr = new FakePullRequest(gh);
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const event = (fork = false) => ({
  name: 'pull_request',
  payload: { number: 7, pull_request: { number: 7, head: { repo: { full_name: fork ? 'someone/octo-repo' : 'octo-org/octo-repo', fork } }, base: { repo: { full_name: 'octo-org/octo-repo' } } } },
});
const compare = (inputs: Record<string, string> = {}, fork = false) =>
  runAction('compare-to-champion', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', candidate: 'out/candidate.json', token: 't0ken', ...inputs }, event: event(fork), apiUrl: gh.url });
const marker = '<!-- mlops-actions:compare-to-champion:spam-detector -->';
const ours = () => pr.comments.filter((c) => c.body.startsWith(marker));

test('a significantly better candidate is promoted; a second run updates the same comment', async () => {
  pr.publishChampion('spam-detector', weak);
  const first = await compare();
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.outputs).toMatchObject({ decision: 'promote', promote: 'true' });
  expect(ours()).toHaveLength(1);
  const body = ours()[0]!.body;
  expect(body).toMatch(/\| \*\*accuracy\*\* \| 0\.\d{4} \| 0\.9\d{3} \| \+0\.\d{4} \| \+0\.\d{4} … \+0\.\d{4} \| yes \(p < 1e-16\) \|/);
  // Never "p = 0": the bootstrap's floor is 2/(R+1), McNemar's underflow is a bound.
  expect(body).not.toMatch(/p = 0(?![.\d])|p = 0\.0\b/);
  // One chart per metric group: scores on 0..1, losses on their own axis.
  expect(body).toContain('```mermaid\nxychart-beta\n  title "spam-detector: scores (higher is better), champion (first bar) and candidate"');
  expect(body).toContain('title "spam-detector: losses (lower is better), champion (first bar) and candidate"\n  x-axis [log_loss, brier]');
  expect(first.outputs['compared-rows']).toMatch(/^\d+$/);
  expect(body).toContain('**Champion** (rows: true, columns: predicted)');
  expect(body).toContain('release spam-detector-v1');
  expect(first.summary).toBe(body);
  const second = await compare();
  expect(second.code).toBe(0);
  expect(ours()).toHaveLength(1);
  expect(pr.comments).toHaveLength(1);
  expect(gh.requests.filter((r) => r.operation?.operationId === 'issues/update-comment')).toHaveLength(1);
  const recordText = await readFile(path.join(ws, 'out/spam-detector/comparison.json'), 'utf8');
  expect(JSON.parse(recordText)).toMatchObject({ format: 'mlops-comparison/2', marker, decision: 'promote' });
  // What a fork's privileged comment is rendered from: a record with a champion and paired tests reads back whole.
  const read = readComparisonRecord('comparison.json', recordText);
  expect(read.champion).not.toBeNull();
  expect(read.metrics.find((m) => m.name === 'accuracy')).toMatchObject({ champion: expect.any(Number), diff: expect.any(Number), p: expect.any(Number) });
});

test('a PR with 150 earlier comments: the marker comment on page 2 is found and updated', async () => {
  pr.addUserComments(120);
  pr.comments.push({ id: 1, body: `${marker}\nold report`, user: { login: 'github-actions[bot]', type: 'Bot' } });
  pr.addUserComments(30);
  const run = await compare();
  expect(run.code).toBe(0);
  expect(pr.comments).toHaveLength(151);
  expect(pr.comments.find((c) => c.id === 1)!.body).toContain('first model');
  const pages = gh.requests.filter((r) => r.operation?.operationId === 'issues/list-comments').map((r) => r.query.get('page') ?? '1');
  expect(pages).toEqual(['1', '2']);
});

test('a pull request from a fork: no write is tried, a notice says why, the step succeeds', async () => {
  const run = await compare({}, true);
  expect(run.code).toBe(0);
  expect(run.commands.find((c) => c.command === 'notice')?.message).toMatch(/from a fork gets a read-only token; the comment is skipped/);
  expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([]);
});

test('a 403 when writing is a notice, never a failure', async () => {
  pr.failNext['issues/create-comment'] = [403];
  const run = await compare();
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/cannot write comments here \(403/);
  expect(pr.comments).toHaveLength(0);
});

test('a 502 and then success: the request is retried', async () => {
  pr.failNext['issues/list-comments'] = [502];
  const run = await compare();
  expect(run.code).toBe(0);
  expect(ours()).toHaveLength(1);
  expect(gh.requests.filter((r) => r.operation?.operationId === 'issues/list-comments').length).toBe(2);
});

test('first model: no release, the verdict says so and only thresholds apply', async () => {
  const run = await compare();
  expect(run.outputs).toMatchObject({ decision: 'first-model', promote: 'true' });
  expect(ours()[0]!.body).toContain('🆕 **first model**');
});

test('a first model that misses an absolute threshold is rejected: exit 1, promote false', async () => {
  await writeFiles(ws, { 'pipelines/high-bar.yml': (await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8')) + 'gates:\n  metrics:\n    accuracy:\n      threshold: 0.999\n' });
  const run = await compare({ pipeline: 'pipelines/high-bar.yml' });
  expect(run.code).toBe(1);
  expect(run.outputs).toMatchObject({ decision: 'reject', promote: 'false' });
  expect(JSON.parse(run.outputs.reasons!)).toContainEqual(expect.stringMatching(/^accuracy 0\.9\d+ misses the floor 0\.999$/));
});

test('no token is no champion source, not "no champion": the step fails unless allow-first-model is set', async () => {
  const refused = await compare({ token: '' });
  expect(refused.code).toBe(1);
  expect(refused.outputs).toEqual({});
  expect(refused.commands.find((c) => c.command === 'error')?.message).toMatch(/^compare-to-champion: input "token": no token, so the champion cannot be looked up/);
  const allowed = await compare({ token: '', 'allow-first-model': 'true' });
  expect(allowed.code).toBe(0);
  expect(allowed.outputs).toMatchObject({ decision: 'first-model', promote: 'true' });
  expect(allowed.commands.some((c) => c.command === 'warning' && /allow-first-model is true/.test(c.message))).toBe(true);
  expect(gh.requests).toEqual([]);
});

test.each([
  [401, /the token was refused \(401\)/],
  [502, /the GitHub API did not answer after retries \(HTTP 502\)/],
])('a champion lookup that fails (%i) stops the step; it never decides first-model', async (status, why) => {
  gh.on('repos/list-releases', () => ({ status, body: { message: status === 401 ? 'Bad credentials' : 'Bad Gateway' } }));
  const run = await compare();
  expect(run.code).toBe(1);
  expect(run.outputs.decision).toBeUndefined();
  expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(why);
  expect(ours()).toHaveLength(0);
}, 120000);

test('a candidate identical to the champion is no-change: promote false, exit 0, and the comment says so', async () => {
  pr.publishChampion('spam-detector', await readFile(path.join(ws, 'out/candidate.json')));
  const run = await compare();
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ decision: 'no-change', promote: 'false' });
  expect(ours()[0]!.body).toContain('⏸️ **no change**');
  expect(ours()[0]!.body).not.toContain('beats the champion');
  expect(JSON.parse(run.outputs.reasons!)[0]).toBe('the candidate is the champion: their packages have the same sha256');
});

test('a comment that cannot be written (422) is a warning; the verdict and outputs stand', async () => {
  pr.failNext['issues/create-comment'] = [422];
  const run = await compare();
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ decision: 'first-model', promote: 'true' });
  expect(run.commands.find((c) => c.command === 'warning')?.message).toMatch(/^the pull request comment failed \(HTTP 422\): .*The step's results stand\.$/);
});

test('better but not significantly: promoted by default, rejected with require_significant_gain', async () => {
  pr.publishChampion('spam-detector', similar);
  const run = await compare();
  expect(run.outputs.decision).toBe('promote');
  expect(JSON.parse(run.outputs.reasons!).join(' ')).toMatch(/not significant/);
  const strict = (await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8')) + 'gates:\n  require_significant_gain: true\n';
  await writeFiles(ws, { 'pipelines/strict.yml': strict });
  const rejected = await compare({ pipeline: 'pipelines/strict.yml' });
  expect(rejected.code).toBe(1);
  expect(rejected.outputs).toMatchObject({ decision: 'reject', promote: 'false' });
  expect(rejected.commands.find((c) => c.command === 'error')?.message).toMatch(/^compare-to-champion: the candidate was rejected: .*require_significant_gain is on/);
});

test('a tampered champion fails its checksum', async () => {
  pr.publishChampion('spam-detector', weak, true);
  const run = await compare();
  expect(run.code).toBe(1);
  expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/checksum mismatch: the champion's sha256 is [0-9a-f]{64}, but it was published as 0{64}/);
});

test('a champion that needs a column the data lost, and a hostile column name, are both handled', async () => {
  const hostile = '| <img src=x> @org/team <!-- mlops-actions:compare-to-champion:spam-detector -->';
  const csv = await readFile(path.join(ws, 'data/spambase.csv'), 'utf8');
  const lines = csv.trimEnd().split('\n');
  // The champion saw an extra column that is gone now; the current data gives its most important
  // feature ("charDollar") a hostile name, so the name reaches the importance table.
  await writeFiles(ws, {
    'data/old.csv': lines.map((l, i) => `${i === 0 ? '"legacy"' : String(i % 3)},${l}`).join('\n') + '\n',
    'data/now.csv': [lines[0]!.replace('"charDollar"', JSON.stringify(hostile)), ...lines.slice(1)].join('\n') + '\n',
  });
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/old.csv', '--params', '{"trees": 10}', '--output', 'out/old.json')).code).toBe(0);
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/now.csv', '--params', '{"trees": 10}', '--output', 'out/now.json')).code).toBe(0);
  pr.publishChampion('spam-detector', await readFile(path.join(ws, 'out/old.json')));
  const run = await compare({ candidate: 'out/now.json', data: 'data/now.csv', schema: '' });
  expect(run.code).toBe(0);
  const body = ours()[0]!.body;
  expect(body).toContain('- the champion needs columns the data no longer has &#40;legacy, charDollar&#41;, so it cannot be scored; only the absolute thresholds apply');
  expect(body).not.toContain('no champion yet');
  expect(run.outputs.decision).toBe('promote');
  expect(body.split('<!--')).toHaveLength(2); // our marker only
  expect(body).not.toMatch(/<img|@org/);
  expect(body).toContain('&lt;img src=x&gt; &#64;org/team');
});

test('a create whose response is lost is not repeated: the next look finds the comment and updates it', async () => {
  pr.loseCreateResponses = 1;
  const run = await compare();
  expect(run.code).toBe(0);
  expect(pr.comments).toHaveLength(1);
  expect(run.stdout).toMatch(/updated the pull request comment \d+ \(its creation had answered 502\)/);
});

test('the comparison is uploaded as an artifact for a follow-up workflow to post', async () => {
  const { FakeResults, runtimeToken } = await import('./support/fake-results.ts');
  const results = await new FakeResults().start();
  try {
    const run = await runAction('compare-to-champion', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', candidate: 'out/candidate.json', token: 't0ken' }, event: event(true), apiUrl: gh.url, env: { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${results.url}/` } });
    expect(run.code).toBe(0);
    const create = results.calls.find((c) => c.method === 'CreateArtifact');
    expect(run.outputs.artifact).toMatch(/^mlops-comparison-spam-detector-test-ffac537-[0-9a-f]{12}$/);
    expect(create?.body.name).toBe(run.outputs.artifact);
    const zip = results.blobs.get(`artifacts/${run.outputs.artifact}`)!;
    expect(zip.includes(Buffer.from('comparison.json'))).toBe(true);
    expect(results.violations).toEqual([]);
  } finally {
    await results.stop();
  }
});
