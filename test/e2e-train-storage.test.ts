// train under the harness with the runner's artifact and cache services (faked on 127.0.0.1).
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { cliWith } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakeResults, runtimeToken } from './support/fake-results.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

let gh: FakeGitHub;
let results: FakeResults;
let ws: string;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  results = await new FakeResults().start();
  ws = await exampleWorkspace();
});
afterAll(async () => {
  await gh.stop();
  await results.stop();
});

const env = () => ({ ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${results.url}/`, ACTIONS_CACHE_SERVICE_V2: 'true', SOURCE_DATE_EPOCH: '1767225600' });
const inputs = { pipeline: 'pipelines/spam-detector.yml', params: '{"trees": 12}', 'upload-artifact': 'true' };

test('the first run trains, caches and uploads; an unchanged second run is restored from the cache', async () => {
  const first = await runAction('train', { workspace: ws, inputs, apiUrl: gh.url, env: env() });
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/trees 12\/12/);
  expect(results.calls.map((c) => `${c.service}/${c.method}`)).toEqual([
    'CacheService/GetCacheEntryDownloadURL',
    'CacheService/CreateCacheEntry',
    'CacheService/FinalizeCacheEntryUpload',
    'ArtifactService/CreateArtifact',
    'ArtifactService/FinalizeArtifact',
  ]);
  // Unique per pipeline, job and model: jobs of a matrix never collide.
  const name = `model-spam-detector-test-ffac537-${first.outputs['model-digest']!.slice('sha256:'.length, 'sha256:'.length + 12)}`;
  expect(first.outputs.artifact).toBe(name);
  const create = results.calls.find((c) => c.method === 'CreateArtifact')!;
  expect(create.body).toMatchObject({ name, workflow_run_backend_id: '11111111-2222-3333-4444-555555555555', mime_type: 'application/zip' });
  const zip = results.blobs.get(`artifacts/${name}`)!;
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  expect(zip.includes(Buffer.from('model.json'))).toBe(true);
  const finalize = results.calls.find((c) => c.method === 'FinalizeArtifact')!;
  expect(finalize.body).toMatchObject({ size: String(zip.length), hash: `sha256:${createHash('sha256').update(zip).digest('hex')}` });
  expect(first.stdout).toContain(`uploaded the artifact ${name} (id 4242`);

  const bytes = await readFile(path.join(ws, 'out/spam-detector/model.json'));
  await rm(path.join(ws, 'out/spam-detector/model.json'));
  const second = await runAction('train', { workspace: ws, inputs, apiUrl: gh.url, env: env() });
  expect(second.code).toBe(0);
  expect(second.stdout).toMatch(/restored out\/spam-detector\/model.json from the cache \(mlops-model-spam-detector-[0-9a-f]{64}\)/);
  expect(second.stdout).not.toMatch(/trees \d+\/\d+/);
  expect(second.outputs['model-digest']).toBe(first.outputs['model-digest']);
  expect(await readFile(path.join(ws, 'out/spam-detector/model.json'))).toEqual(bytes);
  expect(second.summary).toContain('(restored from the cache)');

  // Other parameters are another model: a miss, and training.
  const third = await runAction('train', { workspace: ws, inputs: { ...inputs, params: '{"trees": 13}' }, apiUrl: gh.url, env: env() });
  expect(third.code).toBe(0);
  expect(third.stdout).toMatch(/trees 13\/13/);
  expect(results.violations).toEqual([]);
  expect(gh.requests).toEqual([]);
});

test('an artifact upload or a cache save that fails after training is a warning; the step and its outputs stand', async () => {
  results.failing.set('ArtifactService/CreateArtifact', { status: 409, code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
  results.failing.set('CacheService/CreateCacheEntry', { status: 409, code: 'already_exists', msg: 'cache entry already exists' });
  try {
    const run = await runAction('train', { workspace: ws, inputs: { ...inputs, params: '{"trees": 7}' }, apiUrl: gh.url, env: env() });
    expect(run.code).toBe(0);
    expect(run.outputs['model-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs.artifact).toBe('');
    const warnings = run.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings.some((w) => /^uploading the artifact model-spam-detector-test-ffac537-[0-9a-f]{12} failed.*already exists.*The step's results stand\.$/.test(w))).toBe(true);
    expect(run.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect((await readFile(path.join(ws, 'out/spam-detector/model.json'))).length).toBeGreaterThan(1000);
  } finally {
    results.failing.clear();
  }
});

describe('the CLI\'s local cache', () => {
  test('an unchanged candidate is restored from out/.cache, not trained; a change trains; MLOPS_CACHE=off always trains', async () => {
    const local = await exampleWorkspace();
    const args = ['train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 6}', '--json'];
    const first = await cliWith({}, local, ...args);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/training 6 trees/);
    expect(JSON.parse(first.out)['restored-from']).toBe('');
    const second = await cliWith({}, local, ...args);
    expect(second.code).toBe(0);
    expect(second.err).not.toMatch(/training \d+ trees/);
    expect(second.err).toMatch(/restored out\/spam-detector\/model\.json from the cache \(mlops-model-spam-detector-[0-9a-f]{64}\)/);
    expect(JSON.parse(second.out)).toMatchObject({ 'restored-from': 'cache', 'model-digest': JSON.parse(first.out)['model-digest'] });
    const changed = await cliWith({}, local, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 7}', '--json');
    expect(changed.err).toMatch(/training 7 trees/);
    const off = await cliWith({ MLOPS_CACHE: 'off' }, local, ...args);
    expect(off.err).toMatch(/training 6 trees/);
    // The entries are whole folders under out/.cache, one per key.
    expect((await readdir(path.join(local, 'out/.cache'))).filter((d) => d.startsWith('mlops-model-spam-detector-'))).toHaveLength(2);
  }, 60_000);

  test('the cache keeps the newest five models of a pipeline', async () => {
    const local = await exampleWorkspace();
    for (let trees = 2; trees <= 8; trees++) expect((await cliWith({ MLOPS_CACHE_DIR: 'cache' }, local, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', `{"trees": ${trees}}`)).code).toBe(0);
    expect((await readdir(path.join(local, 'cache'))).length).toBe(5);
  }, 60_000);
});
