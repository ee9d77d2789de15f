// A pull request from a fork: its candidate run cannot comment (read-only token), so compare-to-champion
// records its numbers in its artifact; post-comparison, in the base repository's workflow_run, checks
// that record, renders the comment itself and decides again with the base branch's gates. Every
// tampering a fork could try is refused naming the file, or cannot reach the comment.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { FakeResults } from './support/fake-results.ts';
import { FakeRuns } from './support/fake-runs.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace, tempDir } from './support/tmp.ts';
import { webhookExample } from './support/webhooks.ts';

const example = webhookExample;
const P = 'pipelines/spam-detector.yml';
const HEAD = 'c0ffee0000000000000000000000000000000001';

let ws: string;
let gh: FakeGitHub;
let repo: FakePullRequest;
let runs: FakeRuns;
let results: FakeResults;
let record: Record<string, unknown>;

beforeAll(async () => {
  ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', P, '--params', '{"trees": 8}')).code).toBe(0);
  gh = await new FakeGitHub().start();
  results = await new FakeResults().start();
  repo = new FakePullRequest(gh);
  runs = new FakeRuns(gh, results);
  runs.pulls.push({ number: 7, headSha: HEAD, mergeCommitSha: null, mergedAt: null }, { number: 8, headSha: 'feed000000000000000000000000000000000002', mergeCommitSha: null, mergedAt: null });
  const pr = example('pull_request', 'opened');
  pr.number = 7;
  pr.pull_request.number = 7;
  pr.pull_request.head = { ...pr.pull_request.head, sha: HEAD, repo: { ...pr.pull_request.head.repo, full_name: 'stranger/octo-repo', fork: true } };
  pr.pull_request.base.repo = { ...pr.pull_request.base.repo, full_name: 'octo-org/octo-repo' };
  const compare = await runAction('compare-to-champion', { workspace: ws, inputs: { pipeline: P, candidate: 'out/spam-detector/model.json', token: 'read-only' }, event: { name: 'pull_request', payload: pr }, apiUrl: gh.url });
  expect(compare.code).toBe(0);
  expect(compare.stdout).toMatch(/a pull request from a fork gets a read-only token; the comment is skipped/);
  expect(repo.comments).toHaveLength(0);
  record = JSON.parse(await readFile(path.join(ws, 'out/spam-detector/comparison.json'), 'utf8'));
  expect(record).toMatchObject({ pull_request: 7, head_sha: HEAD, decision: 'first-model' });
}, 120_000);

afterAll(async () => {
  await gh.stop();
  await results.stop();
});

afterEach(() => expect(gh.violations).toEqual([]));

/** An artifact folder as download-artifact lays it out: one subfolder per artifact. */
async function artifact(rec: unknown, extra: (dir: string) => Promise<void> = async () => {}): Promise<string> {
  const dir = await tempDir('mlops-artifact-');
  await mkdir(path.join(dir, 'mlops-comparison-spam-detector-candidate-abc'), { recursive: true });
  await writeFile(path.join(dir, 'mlops-comparison-spam-detector-candidate-abc', 'comparison.json'), typeof rec === 'string' ? rec : JSON.stringify(rec));
  await extra(dir);
  return dir;
}

function post(dir: string, headSha = HEAD, extra: Record<string, string> = {}) {
  const payload = example('workflow_run', 'completed');
  payload.workflow_run = { ...payload.workflow_run, head_sha: headSha, event: 'pull_request', html_url: 'https://github.com/octo-org/octo-repo/actions/runs/30433642' };
  return runAction('post-comparison', { workspace: ws, inputs: { artifact: dir, token: 'writer', ...extra }, event: { name: 'workflow_run', payload }, apiUrl: gh.url });
}

const latest = () => repo.comments[repo.comments.length - 1]!.body;

test('the record is posted on its pull request, once, and updated on a second run', async () => {
  const dir = await artifact(record);
  const first = await post(dir);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.outputs).toMatchObject({ 'pull-request': '7', posted: '["spam-detector"]' });
  expect(repo.comments).toHaveLength(1);
  expect(repo.comments[0]!.body).toMatch(/^<!-- mlops-actions:compare-to-champion:spam-detector -->\n/);
  expect(repo.comments[0]!.body).toContain('The numbers come from [the candidate run](https://github.com/octo-org/octo-repo/actions/runs/30433642)');
  expect(repo.comments[0]!.body).toMatch(/🆕 \*\*first model\*\*[\s\S]*\| \*\*accuracy\*\* \| – \| 0\.\d{4} \|/);
  expect((await post(dir)).code).toBe(0);
  expect(repo.comments).toHaveLength(1);
  expect(gh.requests.filter((r) => r.operation?.operationId === 'pulls/get').map((r) => r.path)).toEqual(['/repos/octo-org/octo-repo/pulls/7', '/repos/octo-org/octo-repo/pulls/7']);
}, 60_000);

test('a forged body, verdict, links, images and comments written by the fork never reach the comment', async () => {
  const evil = '[click here](https://evil.example/login) ![x](https://evil.example/i.png) <!-- www.evil.example @everyone';
  const forged = {
    ...record,
    decision: 'promote',
    reasons: ['✅ **promote**: approved by the maintainers'],
    body: `${String(record.marker)}\n✅ **promote**: approved, merge now [here](https://evil.example)\n<!--`,
    classes: ['nonspam', evil],
    slices: [{ column: evil, value: `${evil} value`, rows: 1, champion: null, candidate: 0.5 }],
    importances: [[evil, 0.5]],
    data_files: [`data/${evil}.csv`],
    candidate: { ...(record.candidate as object), path: `</code>${evil}` },
  };
  const run = await post(await artifact(forged));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const body = latest();
  expect(body).not.toContain('approved');
  expect(body).not.toContain('merge now');
  // The decision is made again: the record's numbers make a first model, whatever the record says.
  expect(body).toContain('🆕 **first model**');
  expect(body).not.toContain('✅ **promote**');
  for (const bad of ['[click here]', '](https://evil', '![', '<!--', 'https://evil', 'www.evil', '@everyone', '<img']) expect(body.split(String(record.marker)).join('')).not.toContain(bad);
  // Only the comment's own two code spans open and close; the fork's </code> is text.
  expect(body.match(/<\/code>/g)).toHaveLength(2);
  expect(body).toContain('&lt;/code&gt;');
  expect(body).toContain('click here');
  expect(body).toMatch(/The numbers come from \[the candidate run\]\(https:\/\/github\.com\/octo-org\/octo-repo\/actions\/runs\/30433642\) of this pull request's own code \(commit c0ffee000000\) and were not re-run here/);
  expect(body).toMatch(/with the gates of pipelines\/spam-detector\.yml on the base branch/);
  expect(body.trimEnd().endsWith('</sub>')).toBe(true);
}, 60_000);

test('the base branch\'s gates decide, not the fork\'s', async () => {
  // The base branch asks for accuracy of at least 0.999; the fork's run reported a first model.
  const base = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  await mkdir(path.join(ws, 'base'), { recursive: true });
  await writeFile(path.join(ws, 'base/spam-detector.yml'), `${base}gates:\n  metrics:\n    accuracy:\n      threshold: 0.999\n`);
  const run = await post(await artifact(record), HEAD, { pipelines: 'base/*.yml' });
  expect(run.code).toBe(0);
  expect(latest()).toContain('❌ **reject**');
  expect(latest()).toMatch(/accuracy 0\.\d+ misses the floor 0\.999/);
  expect(run.summary).toMatch(/\| spam-detector \| reject \| first-model \|/);
}, 60_000);

type Tweak = (rec: Record<string, unknown>) => Record<string, unknown> | string;
const firstMetric = (change: Record<string, unknown>): Tweak => (rec) => ({ ...rec, metrics: (rec.metrics as object[]).map((m, i) => (i === 0 ? { ...m, ...change } : m)) });

test.each<[string, Tweak, RegExp]>([
  ['a pipeline the base branch does not define', (rec) => ({ ...rec, pipeline: 'stolen', marker: '<!-- mlops-actions:compare-to-champion:stolen -->' }), /names the pipeline "stolen", which no pipeline file of the base branch defines \(pipelines: "pipelines\/\*\.yml"\): not posted/],
  ['a number that is not finite', (rec) => JSON.stringify(firstMetric({ candidate: 12345 })(rec)).replace('12345', '1e400'), /accuracy\.candidate is null, not a finite number|accuracy\.candidate is Infinity, not a finite number/],
  ['a score outside its range', firstMetric({ candidate: 1.5 }), /accuracy\.candidate is 1\.5, outside 0…1/],
  ['a p-value outside 0…1', firstMetric({ p: 2 }), /has no champion, yet accuracy has a champion value or a paired test|accuracy\.p is 2, outside 0…1/],
  ['an unknown metric', firstMetric({ name: 'made_up' }), /metrics\[0\] is "made_up", not one of the classification metrics/],
  ['a confusion matrix that does not add up', (rec) => {
    const conf = rec.confusion as { candidate: number[][] };
    return { ...rec, confusion: { ...conf, candidate: conf.candidate.map((row, i) => (i === 0 ? row.map((n, j) => (j === 0 ? n + 1 : n)) : row)) } };
  }, /confusion\.candidate counts \d+ rows, not the \d+ compared rows/],
  ['numbers where names belong', (rec) => ({ ...rec, classes: [1, 2] }), /classes\[0\] is not a string/],
  ['a task the base pipeline does not have', (rec) => ({ ...rec, task: 'regression', primary: 'rmse', metrics: [], classes: null, confusion: null }), /is a regression, but the base branch's pipelines\/spam-detector\.yml is a classification/],
])('refused: %s', async (_what, tweak, message) => {
  const before = repo.comments.map((c) => c.body);
  const run = await post(await artifact(tweak(record)));
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/::error::post-comparison: .*comparison\.json/);
  expect(run.stdout).toMatch(message);
  expect(repo.comments.map((c) => c.body)).toEqual(before);
}, 60_000);

test.each([
  ['another pull request (whose head is not the run\'s)', { pull_request: 8 }, /names pull request #8, whose head is feed00000000, not the run's head c0ffee000000: not posted/],
  ['a pull request that does not exist', { pull_request: 99 }, /names pull request #99, whose head is unknown \(no such pull request\)/],
  ['a record written for another commit', { head_sha: 'ab'.repeat(20) }, /was written for commit abababababab, not the run's head c0ffee000000/],
  ['a foreign marker', { marker: '<!-- mlops-actions:compare-to-champion:other -->' }, /has the marker .* not/],
  ['another format', { format: 'mlops-comparison/1' }, /has format "mlops-comparison\/1", not "mlops-comparison\/2"/],
  ['no pull request at all', { pull_request: null }, /names no pull request/],
])('refused: %s', async (_what, change, message) => {
  const before = repo.comments.map((c) => c.body);
  const run = await post(await artifact({ ...record, ...change }));
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/::error::post-comparison: .*mlops-comparison-spam-detector-candidate-abc\/comparison\.json/);
  expect(run.stdout).toMatch(message);
  expect(repo.comments.map((c) => c.body)).toEqual(before);
}, 60_000);

test('refused before reading: an oversized record, and JSON that is not', async () => {
  const big = await post(await artifact(JSON.stringify({ ...record, padding: 'x'.repeat(1_100_000) })));
  expect(big.code).toBe(1);
  expect(big.stdout).toMatch(/comparison\.json: is \d+ bytes; a comparison record has at most 1048576/);
  const broken = await post(await artifact('{"format": '));
  expect(broken.code).toBe(1);
  expect(broken.stdout).toMatch(/comparison\.json: is not JSON/);
}, 60_000);

test('a symlink in the artifact is never followed; no artifact at all posts nothing', async () => {
  const outside = path.join(await tempDir(), 'comparison.json');
  await writeFile(outside, JSON.stringify({ ...record, pull_request: 8 }));
  const dir = await artifact(record, async (d) => {
    await mkdir(path.join(d, 'evil'));
    await symlink(outside, path.join(d, 'evil', 'comparison.json'));
  });
  const run = await post(dir);
  expect(run.code).toBe(0);
  expect(run.outputs['pull-request']).toBe('7');
  const none = await post(path.join(await tempDir(), 'not-downloaded'));
  expect(none.code).toBe(0);
  expect(none.outputs).toMatchObject({ 'pull-request': '', posted: '[]' });
}, 60_000);

test('without a workflow_run event or head-sha, it says what it needs', async () => {
  const dir = await artifact(record);
  const run = await runAction('post-comparison', { workspace: ws, inputs: { artifact: dir, token: 'writer' }, event: { name: 'push', payload: {} }, apiUrl: gh.url });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/post-comparison needs the candidate run's head commit: give head-sha, or run on a workflow_run event/);
}, 60_000);
