// A pipeline whose model comes from the team's own trainer: scikit-learn's logistic regression, fitted
// on exactly the training rows train hands the command (test/fixtures/onnx/*-lr-trained.onnx, made by
// scripts/trainers/logistic-regression.py through this very pipeline; the trainer here copies it).
// The chain runs as users run it, through the committed bundle (bin/mlops.js), ONNX runtime included.
import { execFile } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { DEFAULT_MISSING } from '../src/engine/config/pipeline.ts';
import { columnByName } from '../src/engine/data/table.ts';
import { loadModel } from '../src/engine/model/package.ts';
import { testMask } from '../src/steps/scoring.ts';
import { DataType, modelProto } from '../src/engine/onnx/model-proto.ts';
import { loadSlot, PredictionServer, SERVE_DEFAULTS } from '../src/serve/server.ts';
import { letterCsv } from '../scripts/lib/synthetic.mjs';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

const run = promisify(execFile);
const fixture = (f: string) => path.join(REPO_ROOT, 'test/fixtures/onnx', f);

async function mlops(ws: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return mlopsWith({ MLOPS_CACHE: 'off' }, ws, ...args);
}

async function mlopsWith(env: Record<string, string>, ws: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'bin/mlops.js'), ...args], { cwd: ws, env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 1 << 26 });
    return { code: 0, out: stdout, err: stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

const trainerOf = (name: string, extra = '') => `trainer:\n  command: cp trainers/${name}.onnx "$MLOPS_OUTPUT"\n  inputs: [trainers/${name}.onnx]\n${extra}`;

let ws: string;
beforeAll(async () => {
  ws = await exampleWorkspace();
  const spam = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  await cp(fixture('spam-lr-trained.onnx'), path.join(ws, 'trainers/spam-lr-trained.onnx'));
  await cp(fixture('letters-lr-trained.onnx'), path.join(ws, 'trainers/letters-lr-trained.onnx'));
  await letterCsv(path.join(ws, 'data/letters.csv'));
  await writeFiles(ws, {
    'pipelines/spam-lr.yml': `${spam.replace('name: spam-detector', 'name: spam-lr')}${trainerOf('spam-lr-trained')}`,
    'pipelines/letters-lr.yml': `name: letters-lr\ntask: classification\ntarget: letter\ndata:\n  train: data/letters.csv\n${trainerOf('letters-lr-trained')}`,
  });
}, 60_000);

/** scikit-learn's accuracy on the rows the suite holds out: its labels for every row, the package's split. */
async function sklearnAccuracy(pipeline: string, data: string, target: string, fixtureName: string): Promise<number> {
  const { pkg } = await loadModel(path.join(ws, `out/${pipeline}/model.json`));
  const table = await readCsv([{ path: path.join(ws, data), name: data }], { missing: DEFAULT_MISSING });
  const mask = await testMask(pkg, table);
  const labels = (JSON.parse(await readFile(fixture(`${fixtureName}.sklearn.json`), 'utf8')) as { labels: string[] }).labels;
  const y = columnByName(table, target);
  if (y?.kind !== 'categorical') throw new Error('the target is not categorical');
  let right = 0;
  let n = 0;
  for (let r = 0; r < table.rowCount; r++) {
    if (!mask[r]) continue;
    n++;
    if (labels[r] === y.levels[y.codes[r]!]) right++;
  }
  return right / n;
}

describe.each([
  ['spam-lr', 'data/spambase.csv', 'type', 'spam-lr-trained'],
  ['letters-lr', 'data/letters.csv', 'letter', 'letters-lr-trained'],
])('%s: a scikit-learn logistic regression from the pipeline\'s trainer', (pipeline, data, target, fixtureName) => {
  test('train wraps it, and evaluate\'s accuracy is scikit-learn\'s own on the same test rows, exactly', async () => {
    const trained = await mlops(ws, 'train', '--pipeline', `pipelines/${pipeline}.yml`, '--json');
    expect(trained).toMatchObject({ code: 0 });
    const evaluated = await mlops(ws, 'evaluate', '--pipeline', `pipelines/${pipeline}.yml`, '--model', `out/${pipeline}/model.json`);
    expect(evaluated.code).toBe(0);
    const metrics = JSON.parse(await readFile(path.join(ws, `out/${pipeline}/metrics.json`), 'utf8')) as { accuracy: number };
    expect(metrics.accuracy).toBe(await sklearnAccuracy(pipeline, data, target, fixtureName));
    const { pkg } = await loadModel(path.join(ws, `out/${pipeline}/model.json`));
    expect(pkg).toMatchObject({ format_version: 4, params: null, forest: null, importance_method: 'permutation' });
    expect(pkg.onnx?.interface.input).toMatchObject({ layout: 'matrix', type: 'float64' });
  }, 120_000);
});

test('the chain on an ONNX model: published with model.onnx, compared against a forest champion and back, history, rollback, predict, drift and serve', async () => {
  // v1: the suite's forest, published by the same pipeline without its trainer.
  const spam = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  await writeFiles(ws, { 'pipelines/chain.yml': `${spam.replace('name: spam-detector', 'name: chain')}model:\n  trees: 30\n` });
  expect((await mlops(ws, 'run', '--pipeline', 'pipelines/chain.yml')).code).toBe(0);
  // v2 candidate: the logistic regression (accuracy 0.92 against the forest's 0.95): not promoted.
  await writeFiles(ws, { 'pipelines/chain.yml': `${spam.replace('name: spam-detector', 'name: chain')}${trainerOf('spam-lr-trained')}` });
  const lr = await mlops(ws, 'run', '--pipeline', 'pipelines/chain.yml', '--json');
  // A rejected candidate fails its gate: exit 1, as for any model.
  expect(lr.code).toBe(1);
  expect(lr.err).toContain('the candidate was rejected: accuracy is significantly worse than the champion\'s');
  const lrRun = JSON.parse(lr.out) as Record<string, Record<string, unknown>>;
  expect(lrRun['compare-to-champion']).toMatchObject({ promote: false });
  expect(lrRun['compare-to-champion']!.decision).toMatch(/reject|no-change/);
  expect(lrRun['publish-model']).toBeUndefined();
  // Forced, it is published: the release carries the team's ONNX model as model.onnx.
  const forced = await mlops(ws, 'publish-model', '--pipeline', 'pipelines/chain.yml', '--force', '--json');
  expect(forced.code).toBe(0);
  expect(JSON.parse(forced.out)).toMatchObject({ version: 2 });
  const { pkg } = await loadModel(path.join(ws, 'out/chain/model.json'));
  expect(await readFile(path.join(ws, 'models/chain/v2/model.onnx'))).toEqual(Buffer.from(pkg.onnx!.bytes));
  const card = await readFile(path.join(ws, 'models/chain/v2/model-card.md'), 'utf8');
  expect(card).toContain('An ONNX model (classification) from the pipeline\'s own trainer');
  // Its ONNX section describes the team's model (one matrix input), not the forest's export.
  expect(card).toContain('`model.onnx` in this release (listed in SHA256SUMS) is the model the pipeline\'s trainer wrote, as the suite runs it: one input, `X`, a `[N, F]` double matrix');
  expect(card).toMatch(/^tags:\n {2}- onnx\n/m);
  // And back: a forest candidate against the ONNX champion, on the same rows.
  await writeFiles(ws, { 'pipelines/chain.yml': `${spam.replace('name: spam-detector', 'name: chain')}model:\n  trees: 40\n` });
  const back = await mlops(ws, 'run', '--pipeline', 'pipelines/chain.yml', '--json');
  expect(back.code).toBe(0);
  const backRun = JSON.parse(back.out) as Record<string, Record<string, unknown>>;
  expect(backRun['compare-to-champion']).toMatchObject({ promote: true });
  expect(backRun['publish-model']).toMatchObject({ version: 3 });
  // History lists all three; a rollback to the ONNX version makes it the champion again.
  const history = JSON.parse((await mlops(ws, 'history', '--pipeline', 'pipelines/chain.yml', '--json')).out) as { version: number; champion: boolean; decision: string }[];
  expect(history.map((h) => [h.version, h.champion, h.decision])).toEqual([[1, false, 'first-model'], [2, false, 'forced (reject)'], [3, true, 'promote']]);
  const rollback = await mlops(ws, 'publish-model', '--pipeline', 'pipelines/chain.yml', '--rollback-to', '2', '--json');
  expect(rollback.code).toBe(0);
  expect(await readFile(path.join(ws, 'models/chain/v4/model.onnx'))).toEqual(Buffer.from(pkg.onnx!.bytes));
  // predict with the ONNX champion: scikit-learn's labels.
  const predicted = await mlops(ws, 'predict', '--pipeline', 'pipelines/chain.yml', '--data', 'data/spambase.csv', '--output', 'out/chain-predictions.csv');
  expect(predicted.code).toBe(0);
  const rows = (await readFile(path.join(ws, 'out/chain-predictions.csv'), 'utf8')).trimEnd().split('\n');
  const sklearn = (JSON.parse(await readFile(fixture('spam-lr-trained.sklearn.json'), 'utf8')) as { labels: string[] }).labels;
  expect(rows[0]).toBe('row,prediction,p_nonspam,p_spam,error');
  expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual(sklearn);
  // drift-report weighs by its permutation importance and scores the ONNX champion.
  const drift = await mlops(ws, 'drift-report', '--pipeline', 'pipelines/chain.yml', '--data', 'data/spambase.csv', '--json');
  expect(drift.err).not.toMatch(/internal error/);
  expect([0, 1]).toContain(drift.code);
  // serve answers with it: a single row on the server's own thread, the whole file on the prediction thread.
  const champion = await readFile(path.join(ws, 'models/chain/v4/chain-model.json.gz'));
  const server = await new PredictionServer(await loadSlot(champion, 'v4', 'v4'), { ...SERVE_DEFAULTS, port: 0, inlineMaxBytes: 4096, maxRows: 10_000 }).start();
  try {
    const [header = '', ...lines] = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trimEnd().split('\n');
    const names = header.split(',').map((h) => h.replace(/^"|"$/g, ''));
    const records = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], Number(v)]).filter(([n]) => n !== 'type')));
    for (const batch of [records.slice(0, 1), records]) {
      const res = await fetch(`${server.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: batch }) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { predictions: string[]; probabilities: Record<string, number>[] };
      expect(body.predictions).toEqual(sklearn.slice(0, batch.length));
      expect(Object.keys(body.probabilities[0]!)).toEqual(['nonspam', 'spam']);
    }
  } finally {
    await server.stop();
  }
}, 300_000);

test.each([
  ['fails', 'echo "the trainer broke" >&2; exit 3', /the trainer failed \(exit 3\)[\s\S]*the trainer broke/],
  ['writes nothing', 'true', /wrote no model to MLOPS_OUTPUT/],
  ['writes a file that is not ONNX', 'echo not-a-model > "$MLOPS_OUTPUT"', /the trainer's model: not an ONNX model|has no graph/],
  ['writes a model of other features', 'cp trainers/zipmap.onnx "$MLOPS_OUTPUT"', /its input "X" takes 5 features, but the pipeline has 57/],
  ['runs past its timeout', 'sleep 120', /ran past trainer.timeout_minutes/],
])('a trainer that %s: exit 2 with the cause', async (_what, command, message) => {
  await cp(fixture('zipmap-logistic.onnx'), path.join(ws, 'trainers/zipmap.onnx'));
  const spam = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  const timeout = command.startsWith('sleep') ? '  timeout_minutes: 0.02\n' : '';
  await writeFiles(ws, { 'pipelines/bad.yml': `${spam.replace('name: spam-detector', 'name: bad')}trainer:\n  command: ${JSON.stringify(command)}\n${timeout}` });
  const r = await mlops(ws, 'train', '--pipeline', 'pipelines/bad.yml');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/internal error|at .*\.js:\d+/);
}, 120_000);

test('the forest\'s settings and inputs are refused beside a trainer, saying why', async () => {
  const spam = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  await writeFiles(ws, { 'pipelines/mixed.yml': `${spam.replace('name: spam-detector', 'name: mixed')}model:\n  trees: 5\n${trainerOf('spam-lr-trained')}` });
  const mixed = await mlops(ws, 'train', '--pipeline', 'pipelines/mixed.yml');
  expect(mixed.code).toBe(2);
  expect(mixed.err).toMatch(/"model".*the forest's settings, but this pipeline has trainer:/);
  const params = await mlops(ws, 'train', '--pipeline', 'pipelines/spam-lr.yml', '--params', '{"trees": 5}');
  expect(params.code).toBe(2);
  expect(params.err).toContain('input "params": is the forest\'s, but pipelines/spam-lr.yml has trainer:');
}, 60_000);

test('the train cache sees a trainer only through trainer.inputs: listed files unchanged, restored; changed, trained again; none listed, trained every time', async () => {
  const cached = (pipeline: string) => mlopsWith({}, ws, 'train', '--pipeline', `pipelines/${pipeline}.yml`, '--output', `out/${pipeline}-cached.json`);
  await writeFiles(ws, { 'trainers/note.txt': 'one' });
  const spam = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  await writeFiles(ws, {
    'pipelines/cached.yml': `${spam.replace('name: spam-detector', 'name: cached')}trainer:\n  command: cp trainers/spam-lr-trained.onnx "$MLOPS_OUTPUT"\n  inputs: [trainers/spam-lr-trained.onnx, trainers/note.txt]\n`,
    'pipelines/uncached.yml': `${spam.replace('name: spam-detector', 'name: uncached')}trainer:\n  command: cp trainers/spam-lr-trained.onnx "$MLOPS_OUTPUT"\n`,
  });
  expect((await cached('cached')).err).toContain('running the trainer');
  const again = await cached('cached');
  expect(again.err).toContain('restored out/cached-cached.json from the cache');
  expect(again.err).not.toContain('running the trainer');
  await writeFiles(ws, { 'trainers/note.txt': 'two' });
  expect((await cached('cached')).err).toContain('running the trainer');
  expect((await cached('uncached')).err).toContain('running the trainer');
  expect((await cached('uncached')).err).toContain('running the trainer');
}, 120_000);

test('a scikit-learn linear regression (taxi demand): evaluate\'s RMSE is scikit-learn\'s on the same test rows', async () => {
  await cp(fixture('taxi-lr-trained.onnx'), path.join(ws, 'trainers/taxi-lr-trained.onnx'));
  await writeFiles(ws, { 'pipelines/taxi-lr.yml': `name: taxi-lr\ntask: regression\ntarget: trips\nid: slot\ndata:\n  train: data/taxi-demand.csv\nfeatures:\n  exclude: [timestamp, weekday, zone, holiday, event_nearby]\n${trainerOf('taxi-lr-trained')}` });
  expect((await mlops(ws, 'train', '--pipeline', 'pipelines/taxi-lr.yml')).code).toBe(0);
  expect((await mlops(ws, 'evaluate', '--pipeline', 'pipelines/taxi-lr.yml', '--model', 'out/taxi-lr/model.json')).code).toBe(0);
  const metrics = JSON.parse(await readFile(path.join(ws, 'out/taxi-lr/metrics.json'), 'utf8')) as { rmse: number };
  const { pkg } = await loadModel(path.join(ws, 'out/taxi-lr/model.json'));
  const table = await readCsv([{ path: path.join(ws, 'data/taxi-demand.csv'), name: 'data/taxi-demand.csv' }], { missing: DEFAULT_MISSING });
  const mask = await testMask(pkg, table);
  const predictions = (JSON.parse(await readFile(fixture('taxi-lr-trained.sklearn.json'), 'utf8')) as { predictions: number[] }).predictions;
  const y = columnByName(table, 'trips');
  if (y?.kind !== 'numeric') throw new Error('trips is not numeric');
  let sse = 0;
  let n = 0;
  for (let r = 0; r < table.rowCount; r++) {
    if (!mask[r] || Number.isNaN(y.values[r]!)) continue;
    sse += (predictions[r]! - y.values[r]!) ** 2;
    n++;
  }
  expect(metrics.rmse).toBeCloseTo(Math.sqrt(sse / n), 9);
}, 120_000);

test('a model that gives no prediction for a row with a missing value is refused, naming the row', async () => {
  // hour + temperature + rain, one input per column: NaN wherever a value is missing.
  const sum = modelProto({
    irVersion: 8,
    opsets: { '': 17 },
    producer: { name: 'test', version: '1' },
    graph: {
      name: 'sum',
      nodes: [{ op: 'Sum', inputs: ['hour', 'temperature_c', 'rain_mm'], outputs: ['prediction'] }],
      initializers: [],
      inputs: ['hour', 'temperature_c', 'rain_mm'].map((name) => ({ name, type: DataType.DOUBLE, shape: ['N', 1] })),
      outputs: [{ name: 'prediction', type: DataType.DOUBLE, shape: ['N', 1] }],
    },
    metadata: {},
  });
  await writeFiles(ws, { 'trainers/sum.onnx': sum, 'pipelines/taxi-sum.yml': `name: taxi-sum\ntask: regression\ntarget: trips\nid: slot\ndata:\n  train: data/taxi-demand.csv\nfeatures:\n  exclude: [timestamp, weekday, zone, holiday, event_nearby]\ntrainer:\n  command: cp trainers/sum.onnx "$MLOPS_OUTPUT"\n` });
  const r = await mlops(ws, 'train', '--pipeline', 'pipelines/taxi-sum.yml');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/the trainer's model gives no prediction \(NaN\) for \d+ of [\d,]+ test rows, the first data\/taxi-demand\.csv line \d+; a model must handle every row/);
}, 120_000);

test('a classifier that ends in a ZipMap, as skl2onnx writes it by default, is cut and runs through the chain', async () => {
  await cp(fixture('zipmap-logistic.onnx'), path.join(ws, 'trainers/zipmap-logistic.onnx'));
  const spam = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  // The fixture reads Spambase's first five columns: the others are left out of the features.
  const header = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).split('\n', 1)[0]!.split(',').map((h) => JSON.parse(h) as string);
  const others = header.slice(5).filter((h) => h !== 'type');
  await writeFiles(ws, { 'pipelines/zipped.yml': `${spam.replace('name: spam-detector', 'name: zipped')}features:\n  exclude: ${JSON.stringify(others)}\n${trainerOf('zipmap-logistic')}` });
  const trained = await mlops(ws, 'train', '--pipeline', 'pipelines/zipped.yml');
  expect(trained.code).toBe(0);
  expect(trained.err).toContain('cut the model\'s final ZipMap (output_probability): its probabilities are the tensor probabilities_float');
  const { pkg } = await loadModel(path.join(ws, 'out/zipped/model.json'));
  expect(pkg.onnx).toMatchObject({ zipmap_cut: true, interface: { outputs: { label: 'label', probabilities: 'probabilities_float' }, classes: ['nonspam', 'spam'] } });
  expect((await mlops(ws, 'evaluate', '--pipeline', 'pipelines/zipped.yml', '--model', 'out/zipped/model.json')).code).toBe(0);
  const predicted = await mlops(ws, 'predict', '--model', 'out/zipped/model.json', '--data', 'data/spambase.csv', '--output', 'out/zipped.csv');
  expect(predicted.code).toBe(0);
  expect((await readFile(path.join(ws, 'out/zipped.csv'), 'utf8')).split('\n')[0]).toBe('row,prediction,p_nonspam,p_spam,error');
}, 120_000);
