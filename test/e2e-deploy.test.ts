// deploy: the bundle against the fake GitHub (the release, the Deployments API) and a real prediction
// server on 127.0.0.1; and the CLI against a server under load. Deployment statuses always end in
// success or failure; on a failure the old model keeps serving.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSlot, PredictionServer, SERVE_DEFAULTS } from '../src/serve/server.ts';
import { cli, cliWith } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
const TOKEN = 'deploy-s3cret';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let ws: string;
let old: Buffer;
let gh: FakeGitHub;
let repo: FakePullRequest;
let server: PredictionServer;
beforeAll(async () => {
  ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', P, '--params', '{"trees": 6}', '--output', 'out/old.json')).code).toBe(0);
  old = await readFile(path.join(ws, 'out/old.json'));
  expect((await cli(ws, 'train', '--pipeline', P, '--params', '{"trees": 9}')).code).toBe(0);
  expect((await cli(ws, 'evaluate', '--pipeline', P, '--model', 'out/spam-detector/model.json')).code).toBe(0);
});
beforeEach(async () => {
  gh = await new FakeGitHub().start();
  repo = new FakePullRequest(gh);
  const env = { SOURCE_DATE_EPOCH: '1767225600' };
  expect((await runAction('compare-to-champion', { workspace: ws, inputs: { pipeline: P, candidate: 'out/spam-detector/model.json', token: 't0ken' }, apiUrl: gh.url, env })).code).toBe(0);
  expect((await runAction('publish-model', { workspace: ws, inputs: { pipeline: P, token: 't0ken' }, apiUrl: gh.url, env })).code).toBe(0);
  server = await new PredictionServer(await loadSlot(old, 'old.json', 'v0'), { ...SERVE_DEFAULTS, port: 0, adminToken: TOKEN }).start();
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
  await server.stop();
});

const deploy = (inputs: Record<string, string>) => runAction('deploy', { workspace: ws, inputs: { pipeline: P, token: 't0ken', url: server.url, 'admin-token': TOKEN, environment: 'production', ...inputs }, apiUrl: gh.url });
const served = async () => ((await (await fetch(`${server.url}/version`)).json()) as { model_digest: string; version: string });

test('the champion release is verified, delivered and served; the deployment goes in_progress → success', async () => {
  const asset = repo.releases[0]!.assets.find((a) => a.name === 'spam-detector-model.json.gz')!.bytes;
  const run = await deploy({});
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ version: '1', url: server.url, 'model-digest': `sha256:${sha(asset)}` });
  expect(await served()).toMatchObject({ model_digest: `sha256:${sha(asset)}`, version: 'v1' });
  expect(repo.deployments).toHaveLength(1);
  const d = repo.deployments[0]!;
  expect(run.outputs['deployment-id']).toBe(String(d.id));
  expect(d).toMatchObject({ ref: 'spam-detector-v1', environment: 'production' });
  expect(gh.requests.find((r) => r.operation?.operationId === 'repos/create-deployment')?.body).toMatchObject({ auto_merge: false, required_contexts: [] });
  expect(d.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
  expect(d.statuses[1]!.environment_url).toBe(server.url);
});

test('a refused delivery (a wrong admin token) fails the step, ends the deployment in failure, and the old model keeps serving', async () => {
  const run = await deploy({ 'admin-token': 'wrong' });
  expect(run.code).toBe(1);
  expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/^deploy: http:\/\/127\.0\.0\.1:\d+\/admin\/model refused spam-detector-v1 \(HTTP 401: a valid bearer token is required\); the endpoint keeps serving its old model/);
  expect(repo.deployments[0]!.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  expect((await served()).model_digest).toBe(`sha256:${sha(old)}`);
});

test('an endpoint that does not answer: the deployment still ends in failure', async () => {
  await server.stop();
  const run = await runAction('deploy', { workspace: ws, inputs: { pipeline: P, token: 't0ken', url: 'http://127.0.0.1:9', 'admin-token': TOKEN }, apiUrl: gh.url });
  expect(run.code).toBe(1);
  expect(repo.deployments[0]!.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  server = await new PredictionServer(await loadSlot(old, 'old.json', 'v0'), { ...SERVE_DEFAULTS, port: 0, adminToken: TOKEN }).start();
});

test('a release whose model does not match its SHA256SUMS is never sent', async () => {
  const asset = repo.releases[0]!.assets.find((a) => a.name === 'spam-detector-model.json.gz')!;
  asset.bytes = Buffer.concat([asset.bytes, Buffer.from([0])]);
  const run = await deploy({});
  expect(run.code).toBe(1);
  expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/checksum mismatch: spam-detector-model\.json\.gz has sha256/);
  expect(repo.deployments).toHaveLength(0);
  expect((await served()).model_digest).toBe(`sha256:${sha(old)}`);
});

test('the CLI deploys the local champion to a running server, under load, with no failed request', async () => {
  const local = await exampleWorkspace();
  const run = await cli(local, 'run', '--pipeline', P, '--json');
  expect(run.code).toBe(0);
  const published = JSON.parse(run.out)['publish-model'];
  const body = JSON.stringify({ dataframe_records: [Object.fromEntries(((await (await fetch(`${server.url}/v2/models/spam-detector`)).json()) as { inputs: { name: string }[] }).inputs.map((i) => [i.name, 0.1]))] });
  let failures = 0;
  let stop = false;
  const load = Array.from({ length: 6 }, async () => {
    while (!stop) {
      const res = await fetch(`${server.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (res.status !== 200) failures++;
      await res.arrayBuffer();
    }
  });
  try {
    // The token comes from the environment the CLI was started with (its front door reads it, the step does not).
    const d = await cliWith({ MLOPS_CACHE: 'off', MLOPS_ADMIN_TOKEN: TOKEN }, local, 'deploy', '--pipeline', P, '--url', server.url, '--json');
    expect(d.err).toBe('');
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out)).toEqual({ 'deployment-id': null, version: 1, url: server.url, 'model-digest': published['model-digest'] });
  } finally {
    stop = true;
    await Promise.all(load);
  }
  expect(failures).toBe(0);
  expect((await served()).model_digest).toBe(published['model-digest']);
});
