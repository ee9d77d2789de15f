// The whole loop, as GitHub would run it: this repository's caller (.github/workflows/spam-detector.yml)
// on a pull request, on the push that merges it, and on a schedule, through the reusable candidate,
// promote and monitor workflows. Each step is the committed bundle with the inputs the workflow's
// expressions give it (test/support/workflow-runner.ts); events start from GitHub's own webhook
// examples; GitHub is the fake on 127.0.0.1 that checks every request against the OpenAPI description,
// and the model is served by a real `mlops serve` whose request log the monitor reads.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { RequestLog } from '../src/serve/request-log.ts';
import { loadSlot, PredictionServer, SERVE_DEFAULTS } from '../src/serve/server.ts';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { FakeResults, runtimeToken } from './support/fake-results.ts';
import { FakeRuns } from './support/fake-runs.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, tempDir } from './support/tmp.ts';
import { webhookExample } from './support/webhooks.ts';
import { WorkflowRunner, type SimulatedEvent, type WorkflowRun } from './support/workflow-runner.ts';

const example = webhookExample;

const ADMIN = 'admin-s3cret';
const REPO = { full_name: 'octo-org/octo-repo', name: 'octo-repo', owner: { login: 'octo-org' }, default_branch: 'main', fork: false };
const git = (ws: string, ...args: string[]) => execFileSync('git', ['-C', ws, '-c', 'user.name=sim', '-c', 'user.email=sim@example.com', ...args], { encoding: 'utf8' }).trim();

let ws: string;
let gh: FakeGitHub;
let repo: FakePullRequest;
let results: FakeResults;
let runs: FakeRuns;
let server: PredictionServer;
let headSha: string;
let mergeSha: string;
let candidateDigest: string;
let sites: string[] = [];
/** Runs the caller for an event; `sha` is GITHUB_SHA, `headSha` the head commit GitHub records for the run. */
let simulate: (sha: string, ref: string, event: SimulatedEvent, headSha?: string) => Promise<WorkflowRun>;
// On a pull request, GITHUB_SHA is the test merge of refs/pull/7/merge, not the pull request's head.
const TEST_MERGE = 'e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0';

beforeAll(async () => {
  ws = await exampleWorkspace();
  git(ws, 'add', '-A');
  git(ws, 'commit', '-qm', 'the pull request\'s head');
  headSha = git(ws, 'rev-parse', 'HEAD');
  // The merge commit: the same tree as the head (nothing else landed), a commit of its own.
  git(ws, 'commit', '-q', '--allow-empty', '-m', 'Merge pull request #7');
  mergeSha = git(ws, 'rev-parse', 'HEAD');

  results = await new FakeResults().start();
  gh = await new FakeGitHub().start();
  repo = new FakePullRequest(gh);
  runs = new FakeRuns(gh, results);

  // What production serves before the loop's first release, with the request log the monitor reads.
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 5}', '--output', 'out/v0.json')).code).toBe(0);
  const log = new RequestLog({ file: path.join(ws, 'logs/spam-detector/requests.jsonl'), sample: 1, maxBytes: 64 * 1024 * 1024 });
  await log.open();
  server = await new PredictionServer(await loadSlot(await readFile(path.join(ws, 'out/v0.json')), 'v0.json', 'v0'), { ...SERVE_DEFAULTS, port: 0, adminToken: ADMIN, log }).start();

  const temp = await tempDir('mlops-runner-temp-');
  sites = [];
  let runId = 7000;
  simulate = async (sha, ref, event, runHead = sha) => {
    const runner = new WorkflowRunner({
      repoRoot: REPO_ROOT,
      workspace: ws,
      apiUrl: gh.url,
      sha,
      ref,
      env: { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${results.url}/`, ACTIONS_CACHE_SERVICE_V2: 'true', SOURCE_DATE_EPOCH: '1767225600', RUNNER_TEMP: temp },
      vars: { MLOPS_SPAM_DETECTOR_URL: server.url },
      secrets: { MLOPS_ADMIN_TOKEN: ADMIN },
      // GitHub Pages: the artifact's pipeline page as uploaded, and the address deploy-pages gives.
      standIns: {
        'actions/upload-pages-artifact': async (inputs) => {
          sites.push(await readFile(path.join(ws, inputs.path!, 'spam-detector.html'), 'utf8'));
          return {};
        },
        'actions/deploy-pages': async () => ({ page_url: 'https://octo-org.github.io/octo-repo/' }),
        // The Actions cache of the previous site: a miss, then the save (the site reads every version).
        'actions/cache/restore': async () => ({ 'cache-hit': 'false' }),
        'actions/cache/save': async () => ({}),
      },
    });
    const run = await runner.run('spam-detector.yml', event);
    // GitHub's record of the run: its head commit and the artifacts it uploaded.
    runs.recordRun(++runId, 'spam-detector', event.name, runHead);
    return run;
  };
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await gh?.stop();
  await results?.stop();
});

afterEach(() => {
  expect(gh.violations).toEqual([]);
  expect(results.violations).toEqual([]);
});

function pullRequestEvent(action: 'opened' | 'synchronize'): SimulatedEvent {
  const payload = example('pull_request', action);
  payload.number = 7;
  Object.assign(payload.pull_request, { number: 7 });
  Object.assign(payload.pull_request.head, { sha: headSha, ref: 'more-data', repo: { ...payload.pull_request.head.repo, ...REPO } });
  Object.assign(payload.pull_request.base, { ref: 'main', repo: { ...payload.pull_request.base.repo, ...REPO } });
  payload.repository = { ...payload.repository, ...REPO };
  return { name: 'pull_request', payload };
}

const stepsOf = (run: WorkflowRun, job: string) => run.steps.filter((s) => s.job.startsWith(`${job}/`));
const failures = (run: WorkflowRun) => run.steps.filter((s) => s.outcome === 'failure').map((s) => `${s.job} ${s.id}: ${s.run?.stdout.split('\n').filter((l) => l.startsWith('::error')).join(' ')}`);

test('a pull request: validate-data → train → evaluate → compare-to-champion, and one comment, updated on the next push', async () => {
  const first = await simulate(TEST_MERGE, 'refs/pull/7/merge', pullRequestEvent('opened'), headSha);
  expect(failures(first)).toEqual([]);
  expect(first.jobs).toMatchObject({ candidate: { result: 'success' }, promote: { result: 'skipped' }, monitor: { result: 'skipped' } });
  expect(stepsOf(first, 'candidate').map((s) => `${s.id}:${s.outcome}`)).toEqual(['step0:success', 'validate:success', 'step2:skipped', 'train:success', 'evaluate:success', 'step5:skipped', 'compare:success']);
  expect(first.jobs.candidate!.outputs).toMatchObject({ decision: 'first-model', promote: 'true' });
  // The step got what the workflow's expressions say: train's model path, as evaluate's input.
  const [train, evaluate] = ['train', 'evaluate'].map((id) => stepsOf(first, 'candidate').find((s) => s.id === id)!);
  expect(evaluate!.inputs.model).toBe(train!.run!.outputs['model-path']);
  candidateDigest = train!.run!.outputs['model-digest']!;
  expect(repo.comments).toHaveLength(1);
  expect(repo.comments[0]!.body).toMatch(/^<!-- mlops-actions:compare-to-champion:spam-detector -->/);
  expect(first.jobs.candidate!.outputs['model-artifact']).toBe(`model-spam-detector-candidate-${headSha.slice(0, 7)}-${train!.run!.outputs['model-digest']!.slice(7, 19)}`);

  const second = await simulate(TEST_MERGE, 'refs/pull/7/merge', pullRequestEvent('synchronize'), headSha);
  expect(failures(second)).toEqual([]);
  expect(stepsOf(second, 'candidate').find((s) => s.id === 'train')!.run!.outputs['restored-from']).toBe('cache');
  expect(repo.comments).toHaveLength(1);
}, 180_000);

test('the merge: promote takes the pull request\'s candidate, publishes one release, deploys it once, and serve serves it', async () => {
  expect(repo.releases).toHaveLength(0);
  runs.pulls.push({ number: 7, headSha, mergeCommitSha: mergeSha, mergedAt: '2026-12-01T12:00:00Z' });
  const payload = example('push');
  Object.assign(payload, { ref: 'refs/heads/main', after: mergeSha, repository: { ...payload.repository, ...REPO } });
  const run = await simulate(mergeSha, 'refs/heads/main', { name: 'push', payload });
  expect(failures(run)).toEqual([]);
  expect(run.jobs).toMatchObject({ candidate: { result: 'skipped' }, promote: { result: 'success' }, monitor: { result: 'skipped' } });
  const train = stepsOf(run, 'promote').find((s) => s.id === 'train')!;
  expect(train.inputs.reuse).toBe('pull-request');
  expect(train.run!.outputs['restored-from']).toBe('pull-request #7');
  expect(train.run!.stdout).not.toMatch(/training \d+ trees/);
  expect(run.jobs.promote!.outputs).toMatchObject({ decision: 'first-model', version: '1', tag: 'spam-detector-v1' });

  expect(repo.releases.map((r) => r.tag_name)).toEqual(['spam-detector-v1']);
  expect(repo.deployments).toHaveLength(1);
  expect(repo.deployments[0]).toMatchObject({ ref: 'spam-detector-v1', environment: 'production' });
  expect(repo.deployments[0]!.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
  const served = (await (await fetch(`${server.url}/version`)).json()) as { version: string };
  expect(served.version).toBe('v1');
  // The model published is the pull request's candidate, byte for byte.
  expect(train.run!.outputs['model-digest']).toBe(candidateDigest);
  // The registry site, rebuilt from the releases and deployed to Pages.
  expect(run.jobs).toMatchObject({ pages: { result: 'success' } });
  expect(sites.at(-1)).toContain('<h2 id="champion-h">Champion: v1</h2>');
}, 180_000);

test('a schedule tick: the serving log has drifted, so the monitor opens one drift issue and dispatches one retrain that retrain.yml accepts', async () => {
  // Production traffic that no longer looks like the training data: every frequency four times higher.
  const text = await readFile(path.join(ws, 'data/spambase.csv'), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const names = header!.split(',').map((n) => n.replace(/"/g, ''));
  const records = lines.slice(0, 600).map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, Number(v) * 4] as const).filter(([name]) => name !== 'type')));
  for (let i = 0; i < records.length; i += 100) {
    const res = await fetch(`${server.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: records.slice(i, i + 100) }) });
    expect(res.status).toBe(200);
  }
  await server.stop();

  const payload = { schedule: '23 5 * * 1', repository: { ...example('push').repository, ...REPO } };
  const run = await simulate(mergeSha, 'refs/heads/main', { name: 'schedule', payload });
  expect(failures(run)).toEqual([]);
  expect(run.jobs).toMatchObject({ candidate: { result: 'skipped' }, promote: { result: 'skipped' }, monitor: { result: 'success' } });
  expect(run.jobs.monitor!.outputs.verdict).toBe('drift');
  // The drift summary is kept on the champion's release, and the site published after it shows it.
  expect(repo.releases[0]!.assets.filter((a) => a.name.startsWith('drift-'))).toHaveLength(1);
  expect(run.jobs).toMatchObject({ pages: { result: 'success' } });
  expect(sites.at(-1)).toMatch(/<table id="drift-table">[\s\S]*<span class="tag drift">drift<\/span>/);
  expect(repo.issues).toHaveLength(1);
  expect(repo.issues[0]!.state).toBe('open');
  expect(run.jobs.monitor!.outputs['issue-number']).toBe(String(repo.issues[0]!.number));
  expect(repo.dispatches).toHaveLength(1);
  const dispatch = repo.dispatches[0]!;
  expect(dispatch).toMatchObject({ workflow: 'retrain.yml', ref: 'main', inputs: { pipeline: 'pipelines/spam-detector.yml' } });
  // The dispatch is one retrain.yml takes: only inputs it declares, a pipeline among its choices.
  const retrain = parse(await readFile(path.join(REPO_ROOT, '.github/workflows/retrain.yml'), 'utf8')) as { on: { workflow_dispatch: { inputs: Record<string, { options?: string[] }> } } };
  const declared = retrain.on.workflow_dispatch.inputs;
  for (const key of Object.keys(dispatch.inputs)) expect(Object.keys(declared)).toContain(key);
  expect(declared.pipeline!.options).toContain(dispatch.inputs.pipeline);

  // The whole loop, counted: one comment, one release, one deployment, one drift issue, one dispatch.
  expect({ comments: repo.comments.length, releases: repo.releases.length, deployments: repo.deployments.length, issues: repo.issues.length, dispatches: repo.dispatches.length }).toEqual({ comments: 1, releases: 1, deployments: 1, issues: 1, dispatches: 1 });
}, 180_000);
