// The prediction server, in-process on 127.0.0.1: both protocols, every kind of malformed request (none
// of which crashes it or leaks internals), metrics, the request log, and hot swaps under load.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RandomForestClassifier } from 'ml-random-forest';
import { loadPipeline } from '../src/engine/config/pipeline.ts';
import { subsetTable } from '../src/engine/data/table.ts';
import { applyEncoding } from '../src/engine/features/encode.ts';
import { compileForest, predictCompiled } from '../src/engine/forest/compiled.ts';
import { parseModel } from '../src/engine/model/package.ts';
import { loadData } from '../src/steps/data-source.ts';
import { packageTestRows } from '../src/steps/scoring.ts';
import { predict, predictShares, referenceForest, stockJSON } from './support/reference-forest.ts';
import { RequestLog } from '../src/serve/request-log.ts';
import { loadSlot, PredictionServer, SERVE_DEFAULTS } from '../src/serve/server.ts';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, tempDir } from './support/tmp.ts';

let ws: string;
let spam: Buffer;
let spam2: Buffer;
let taxi: Buffer;
let server: PredictionServer;
const TOKEN = 's3cret-token';

beforeAll(async () => {
  ws = await exampleWorkspace();
  const train = async (pipeline: string, trees: number, out: string) => {
    expect((await cli(ws, 'train', '--pipeline', pipeline, '--params', JSON.stringify({ trees }), '--output', out)).code).toBe(0);
    return readFile(path.join(ws, out));
  };
  spam = await train('pipelines/spam-detector.yml', 20, 'out/spam.json');
  spam2 = await train('pipelines/spam-detector.yml', 21, 'out/spam2.json');
  taxi = await train('pipelines/taxi-demand.yml', 10, 'out/taxi.json');
});

beforeEach(async () => {
  server = await new PredictionServer(await loadSlot(spam, 'spam.json', 'v1'), { ...SERVE_DEFAULTS, port: 0, maxBodyBytes: 200_000, maxRows: 500, adminToken: TOKEN }).start();
});
afterEach(() => server.stop());

const post = (p: string, body: unknown, type = 'application/json', headers: Record<string, string> = {}) =>
  fetch(`${server.url}${p}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

/** The first rows of Spambase as records, and their labels. */
async function rows(n: number): Promise<Record<string, number>[]> {
  const [header, ...lines] = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trim().split('\n');
  const names = header!.split(',').map((h) => JSON.parse(h) as string);
  return lines.slice(0, n).map((l) => Object.fromEntries(l.split(',').slice(0, -1).map((v, i) => [names[i]!, Number(v)])));
}

test('the compiled forest predicts exactly what ml-random-forest\'s load().predict() predicts, and the same shares', async () => {
  const pkg = await parseModel('spam.json', spam);
  const cfg = await loadPipeline('pipelines/spam-detector.yml', ws);
  const { table } = await loadData(cfg, {}, { root: ws, cwd: ws });
  const { rows: test } = await packageTestRows(pkg, table, { warning: () => {} } as never);
  const columns = applyEncoding(subsetTable(table, test), pkg.encoding);
  const forest = referenceForest(pkg, spam);
  const compiled = predictCompiled(compileForest(forest), columns);
  const stock = RandomForestClassifier.load(stockJSON(spam) as never).predict(test.map((_, i) => columns.map((c) => c[i]!)));
  expect(Array.from(compiled.yPred)).toEqual(stock);
  expect(Array.from(compiled.yPred)).toEqual(Array.from(predict(forest, columns)));
  expect(Array.from(compiled.shares!)).toEqual(Array.from(predictShares(forest, columns)));
});

describe('MLflow scoring protocol', () => {
  test('every request format gives the same predictions, with class probabilities', async () => {
    const recs = await rows(6);
    const names = Object.keys(recs[0]!);
    const split = await json(await post('/invocations', { dataframe_split: { columns: names, data: recs.map((r) => names.map((n) => r[n])) } }));
    expect(split.status).toBe(200);
    const labels = split.body.predictions as string[];
    expect(labels).toHaveLength(6);
    expect(labels.every((l) => l === 'spam' || l === 'nonspam')).toBe(true);
    const probs = split.body.probabilities as Record<string, number>[];
    probs.forEach((p, i) => {
      expect(p.spam! + p.nonspam!).toBeCloseTo(1, 12);
      expect(p[labels[i]!]!).toBeGreaterThanOrEqual(0.5);
    });
    const columnsDict = Object.fromEntries(names.map((n) => [n, recs.map((r) => r[n])]));
    const csv = `${names.join(',')}\n${recs.map((r) => names.map((n) => r[n]).join(',')).join('\n')}\n`;
    for (const [body, type] of [
      [{ dataframe_records: recs }, 'application/json'],
      [{ instances: recs }, 'application/json'],
      [{ instances: recs.map((r) => names.map((n) => r[n])) }, 'application/json'],
      [{ inputs: recs }, 'application/json'],
      [{ inputs: columnsDict }, 'application/json'],
      [csv, 'text/csv'],
    ] as const) {
      const r = await json(await post('/invocations', body, type));
      expect([r.status, r.body.predictions]).toEqual([200, labels]);
    }
  });

  test('extra columns are ignored and counted; missing values are handled as in evaluate', async () => {
    const [rec] = await rows(1);
    const r = await json(await post('/invocations', { dataframe_records: [{ ...rec, notes: 'hello', other: 1 }, { ...rec, make: null, charDollar: null }] }));
    expect(r.status).toBe(200);
    expect(r.body.ignored_columns).toEqual(['notes', 'other']);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('mlops_extra_columns_total 2');
    expect(metrics).toMatch(/mlops_feature_missing_total\{feature="make"\} 1/);
    expect(metrics).toMatch(/mlops_feature_missing_rate\{feature="charDollar"\} 0\.5/);
  });
});

describe('Open Inference Protocol (KServe v2)', () => {
  test('health, metadata with every input\'s name and datatype, and infer with one [N, F] tensor or named inputs', async () => {
    expect(await json(await fetch(`${server.url}/v2/health/live`))).toEqual({ status: 200, body: { live: true } });
    expect(await json(await fetch(`${server.url}/v2/health/ready`))).toEqual({ status: 200, body: { ready: true } });
    const meta = await json(await fetch(`${server.url}/v2/models/spam-detector`));
    const inputs = meta.body.inputs as { name: string; datatype: string }[];
    expect(inputs).toHaveLength(57);
    expect(inputs[0]).toEqual({ name: 'make', datatype: 'FP64', shape: [-1] });
    expect(meta.body.outputs).toEqual([{ name: 'predict', datatype: 'BYTES', shape: [-1] }, { name: 'predict_proba', datatype: 'FP64', shape: [-1, 2] }]);
    const recs = await rows(3);
    const expected = (await json(await post('/invocations', { dataframe_records: recs }))).body.predictions;
    const tensor = await json(await post('/v2/models/spam-detector/infer', { id: 'req-1', inputs: [{ name: 'input-0', shape: [3, 57], datatype: 'FP64', data: recs.map((r) => inputs.map((i) => r[i.name])) }], outputs: [{ name: 'predict' }, { name: 'predict_proba' }] }));
    expect(tensor.status).toBe(200);
    expect(tensor.body).toMatchObject({ model_name: 'spam-detector', model_version: 'v1', id: 'req-1' });
    const outs = tensor.body.outputs as { name: string; shape: number[]; data: unknown[] }[];
    expect(outs[0]).toMatchObject({ name: 'predict', shape: [3], data: expected });
    expect(outs[1]).toMatchObject({ name: 'predict_proba', shape: [3, 2] });
    const named = await json(await post('/v2/models/spam-detector/infer', { inputs: inputs.map((i) => ({ name: i.name, shape: [3], datatype: 'FP64', data: recs.map((r) => r[i.name]) })) }));
    expect((named.body.outputs as { data: unknown[] }[])).toEqual([{ name: 'predict', datatype: 'BYTES', shape: [3], data: expected }]);
  });
});

describe('malformed requests: a clear 4xx, never a crash, never internals', () => {
  test.each([
    ['bad JSON', () => post('/invocations', '{"dataframe_records": [', 'application/json'), 400, /^the body is not JSON/],
    ['no known key', () => post('/invocations', { data: [] }), 400, /exactly one of dataframe_split, dataframe_records, instances or inputs/],
    ['a wrong type', async () => post('/invocations', { dataframe_records: [...(await rows(2)).slice(0, 1), { ...(await rows(1))[0], make: 'lots' }] }), 400, /^row 1: the column "make" needs a number, not "lots"$/],
    ['a missing column', async () => post('/invocations', { dataframe_records: (await rows(1)).map(({ make: _m, ...r }) => r) }), 400, /^the column "make" is missing$/],
    ['a huge body', () => post('/invocations', `{"inputs": "${'x'.repeat(300_000)}"}`), 413, /the limit is 200000|larger than the limit of 200000 bytes/],
    ['too many rows', async () => post('/invocations', { dataframe_records: Array.from({ length: 501 }, () => ({})) }), 413, /^501 rows; the limit is 500 per request$/],
    ['a wrong content type', () => post('/invocations', 'make=1', 'application/x-www-form-urlencoded'), 415, /content type must be application\/json or text\/csv/],
    ['a ragged CSV', () => post('/invocations', 'make,address\n1\n', 'text/csv'), 400, /CSV row 1 has 1 fields, the header 2/],
    ['a tensor of the wrong width', () => post('/v2/models/spam-detector/infer', { inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP64', data: [1, 2, 3] }] }), 400, /inputs\[0\] has 3 columns; the model reads 57/],
    ['a shape that does not fit its data', () => post('/v2/models/spam-detector/infer', { inputs: [{ name: 'make', shape: [2], datatype: 'FP64', data: [1] }] }), 400, /inputs\[0\] has 1 values for the shape \[2\]/],
    ['another model\'s name', () => post('/v2/models/other/infer', { inputs: [] }), 404, /no model "other" here; this server serves "spam-detector"/],
    ['an unknown route', () => fetch(`${server?.url}/nope`), 404, /^no route GET \/nope$/],
    ['a wrong method', () => fetch(`${server?.url}/invocations`), 405, /^\/invocations takes POST$/],
  ])('%s', async (_name, send, status, message) => {
    const r = await json(await (send as () => Promise<Response>)());
    expect(r.status).toBe(status);
    expect(r.body.error).toMatch(message);
    expect(JSON.stringify(r.body)).not.toMatch(/\n\s+at |node:internal|\.ts:\d/);
    // Still serving.
    expect((await fetch(`${server.url}/ping`)).status).toBe(200);
  });
});

test('unknown categories and missing values: handled, never an error (taxi demand, a regression)', async () => {
  const s = await new PredictionServer(await loadSlot(taxi, 'taxi.json', 'v1'), { ...SERVE_DEFAULTS, port: 0 }).start();
  try {
    const rec = { hour: 8, weekday: 'Mon', zone: 'Z99 Nowhere', holiday: 'no', event_nearby: null, temperature_c: 12.5, rain_mm: null };
    const r = (await (await fetch(`${s.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: [rec] }) })).json()) as { predictions: number[]; probabilities?: unknown };
    expect(typeof r.predictions[0]).toBe('number');
    expect(r.probabilities).toBeUndefined();
    expect(await (await fetch(`${s.url}/metrics`)).text()).toMatch(/mlops_prediction_value_count 1/);
  } finally {
    await s.stop();
  }
});

test('/metrics: requests and errors by route and code, latency, predictions per class, rows per request, the model version', async () => {
  await post('/invocations', { dataframe_records: await rows(4) });
  await post('/invocations', '{');
  const text = await (await fetch(`${server.url}/metrics`)).text();
  expect(text).toContain('# TYPE mlops_requests_total counter');
  expect(text).toContain('mlops_requests_total{route="/invocations",code="200"} 1');
  expect(text).toContain('mlops_request_errors_total{route="/invocations",code="400"} 1');
  expect(text).toMatch(/mlops_request_duration_seconds_bucket\{route="\/invocations",le="\+Inf"\} 2/);
  expect(text).toMatch(/mlops_predictions_total\{class="(spam|nonspam)"\} \d/);
  expect(text).toContain('mlops_rows_per_request_bucket{le="5"} 1');
  expect(text).toContain(`mlops_model_info{pipeline="spam-detector",version="v1",digest="sha256:${createHash('sha256').update(spam).digest('hex')}"} 1`);
});

test('the request log: JSON lines of inputs and predictions, sampled, rotated by size', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'requests.jsonl');
  const log = new RequestLog({ file, sample: 0.5, maxBytes: 8_000, random: (() => { let i = 0; return () => (i++ % 2 ? 0.9 : 0.1); })() });
  await log.open();
  const s = await new PredictionServer(await loadSlot(spam, 'spam.json', 'v1'), { ...SERVE_DEFAULTS, port: 0, log }).start();
  try {
    const recs = await rows(3);
    for (let i = 0; i < 20; i++) await fetch(`${s.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: recs }) });
  } finally {
    await s.stop();
  }
  const lines = [...(await readFile(`${file}.1`, 'utf8')).trim().split('\n'), ...(await readFile(file, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean)];
  expect(lines).toHaveLength(10); // half of 20, by the sample
  const entry = JSON.parse(lines[0]!);
  expect(entry).toMatchObject({ pipeline: 'spam-detector', version: 'v1', predictions: expect.any(Array) });
  expect(entry.inputs.make).toHaveLength(3);
});

describe('PUT /admin/model', () => {
  const put = (bytes: Buffer, headers: Record<string, string>) => fetch(`${server.url}/admin/model`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...headers }, body: bytes });
  const auth = { authorization: `Bearer ${TOKEN}` };
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  test('a wrong or missing token is refused; without a configured token the route does not exist', async () => {
    expect((await put(spam2, { authorization: 'Bearer nope', 'x-model-sha256': sha(spam2) })).status).toBe(401);
    expect((await put(spam2, { 'x-model-sha256': sha(spam2) })).status).toBe(401);
    const open = await new PredictionServer(await loadSlot(spam, 'spam.json', 'v1'), { ...SERVE_DEFAULTS, port: 0 }).start();
    try {
      expect((await fetch(`${open.url}/admin/model`, { method: 'PUT', body: spam2 })).status).toBe(404);
    } finally {
      await open.stop();
    }
  });

  test.each([
    ['a digest that does not match', () => [spam2, '0'.repeat(64)] as const, 400, /the package's sha256 is [0-9a-f]{64}, not 0{64}/],
    ['another pipeline\'s model', () => [taxi, sha(taxi)] as const, 409, /a model of "taxi-demand" \(regression\); this server serves "spam-detector"/],
    ['a damaged package', () => [Buffer.from('{"format":"mlops-model"'), sha(Buffer.from('{"format":"mlops-model"'))] as const, 422, /not a complete JSON document/],
    ['a package that fails its smoke test', () => {
      const bad = Buffer.from(spam2.toString().replace(/"predictions":\["(spam|nonspam)"/, (_m, c: string) => `"predictions":["${c === 'spam' ? 'nonspam' : 'spam'}"`));
      return [bad, sha(bad)] as const;
    }, 422, /fails its smoke test: example row 0 predicts/],
  ])('%s is refused, and the old model keeps serving', async (_name, make, status, message) => {
    const [bytes, digest] = make();
    const r = await json(await put(bytes, { ...auth, 'x-model-sha256': digest }));
    expect(r.status).toBe(status);
    expect(r.body.error).toMatch(message);
    expect((await json(await fetch(`${server.url}/version`))).body.model_digest).toBe(`sha256:${sha(spam)}`);
  });

  test('a hot swap under load: no failed request, every answer from one model or the other, /version answers the new digest', async () => {
    const recs = await rows(20);
    const answer = async () => JSON.stringify((await json(await post('/invocations', { dataframe_records: recs }))).body.predictions);
    const before = await answer();
    let failures = 0;
    const seen = new Set<string>();
    let stop = false;
    const load = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 60 && !stop; i++) {
        const res = await post('/invocations', { dataframe_records: recs });
        if (res.status !== 200) failures++;
        seen.add(JSON.stringify(((await res.json()) as { predictions: unknown }).predictions));
      }
    });
    for (const [bytes, version] of [[spam2, 'v2'], [spam, 'v3'], [spam2, 'v4']] as const) {
      await new Promise((r) => setTimeout(r, 30));
      const r = await json(await put(bytes, { ...auth, 'x-model-sha256': sha(bytes), 'x-model-version': version }));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ version, model_digest: `sha256:${sha(bytes)}` });
    }
    stop = true;
    await Promise.all(load);
    expect(failures).toBe(0);
    server.slot = await loadSlot(spam2, 'spam2.json', 'check');
    const after = await answer();
    for (const s of seen) expect([before, after]).toContain(s);
    expect((await json(await fetch(`${server.url}/version`))).body.model_digest).toBe(`sha256:${sha(spam2)}`);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('mlops_model_swaps_total{result="swapped"} 3');
  });
});

test('the Grafana dashboard queries only metrics that the server exports', async () => {
  await post('/invocations', { dataframe_records: await rows(2) });
  const exported = new Set([...(await (await fetch(`${server.url}/metrics`)).text()).matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
  const dashboard = await readFile(path.join(REPO_ROOT, 'deploy/grafana-dashboard.json'), 'utf8');
  const used = new Set([...dashboard.matchAll(/\b(mlops_[a-z_]+?)(?:_bucket|_sum|_count)?\b/g)].map((m) => m[1]!));
  expect(used.size).toBeGreaterThanOrEqual(7);
  for (const name of used) expect(exported).toContain(name);
});

test('mlops serve --pipeline serves the local champion as a process, and stops on SIGTERM', async () => {
  const { spawn } = await import('node:child_process');
  const local = await exampleWorkspace();
  await import('node:fs/promises').then((fs) => fs.appendFile(path.join(local, 'pipelines/spam-detector.yml'), 'model:\n  trees: 8\n'));
  expect((await cli(local, 'run', '--pipeline', 'pipelines/spam-detector.yml')).code).toBe(0);
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/mlops.js'), 'serve', '--pipeline', 'pipelines/spam-detector.yml', '--port', '0'], { cwd: local, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /serving spam-detector v1 \(sha256:[0-9a-f]{12}…\) on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  expect(err).toContain('(no MLOPS_ADMIN_TOKEN, so no PUT /admin/model)');
  expect((await fetch(`${url}/ping`)).status).toBe(200);
  expect(await (await fetch(`${url}/v2/health/ready`)).json()).toEqual({ ready: true });
  const r = (await (await fetch(`${url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: await rows(2) }) })).json()) as { predictions: string[] };
  expect(r.predictions).toHaveLength(2);
  expect(((await (await fetch(`${url}/version`)).json()) as { version: string }).version).toBe('v1');
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
}, 60000);
