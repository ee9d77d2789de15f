import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { RandomForestClassifier, RandomForestRegression } from 'ml-random-forest';
import { loadPipeline } from '../src/engine/config/pipeline.ts';
import { rowKeys, testRows } from '../src/engine/data/split.ts';
import { MODEL_FORMAT_VERSION } from '../src/engine/model/package.ts';
import { subsetTable } from '../src/engine/data/table.ts';
import { ModelFormatError } from '../src/engine/errors.ts';
import { applyEncoding } from '../src/engine/features/encode.ts';
import { loadModel, parseModel } from '../src/engine/model/package.ts';
import { predict, referenceForest, stockJSON } from './support/reference-forest.ts';
import { cli, cliWith } from './support/cli.ts';
import { loadData } from '../src/steps/data-source.ts';
import { labelsOf } from '../src/engine/data/labels.ts';
import { exampleWorkspace } from './support/tmp.ts';

let ws: string;
beforeAll(async () => {
  ws = await exampleWorkspace();
});

test('train writes a model package whose forest stock ml-random-forest loads and predicts exactly as ours', async () => {
  // The time comes from the environment the CLI was started with (its front door reads it, not the step).
  const r = await cliWith({ MLOPS_CACHE: 'off', SOURCE_DATE_EPOCH: '1767225600' }, ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--json');
  expect(r.code).toBe(0);
  const outputs = JSON.parse(r.out);
  expect(outputs['model-path']).toBe('out/spam-detector/model.json');
  expect(outputs['model-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(outputs['oob-score']).toBeGreaterThan(0.93);
  expect(Object.keys(outputs['feature-importance'])).toHaveLength(57);
  expect(r.err).toMatch(/trees 100\/100 · [\d.]+ s · [\d,]+ rows\/s/);

  const { pkg, bytes } = await loadModel(path.join(ws, outputs['model-path']));
  expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(outputs['model-digest']);
  expect(pkg).toMatchObject({ format: 'mlops-model', format_version: MODEL_FORMAT_VERSION, pipeline: 'spam-detector', task: 'classification', target: { name: 'type', classes: ['nonspam', 'spam'] } });
  expect(pkg.provenance).toMatchObject({ data_files: ['data/spambase.csv'], created_at: '2026-01-01T00:00:00.000Z', commit: null });
  expect(pkg.provenance.data_sha256).toBe(createHash('sha256').update('data/spambase.csv\0').update(await readFile(path.join(ws, 'data/spambase.csv'))).update('\0').digest('hex'));
  expect(pkg.rows.train + pkg.rows.test).toBe(4601);
  expect(pkg.profile.capitalTotal).toMatchObject({ type: 'integer', missing: 0 });
  // No id: the key is every column of the training data, recorded in file order.
  expect(pkg.split.key_columns).toHaveLength(58);
  expect(pkg.split.key_columns.slice(0, 2)).toEqual(['make', 'address']);

  // The test rows, encoded as the package says.
  const cfg = await loadPipeline('pipelines/spam-detector.yml', ws);
  const { table } = await loadData(cfg, {}, { root: ws, cwd: ws });
  const isTest = testRows(rowKeys(table, pkg.split.key_columns), cfg.split.testFraction, cfg.split.seed);
  const rows = [...Array(table.rowCount).keys()].filter((r) => isTest[r]);
  const columns = applyEncoding(subsetTable(table, rows), pkg.encoding);
  const ours = predict(referenceForest(pkg, bytes), columns);
  const stock = RandomForestClassifier.load(stockJSON(bytes) as unknown as Parameters<typeof RandomForestClassifier.load>[0]).predict(rows.map((_, i) => columns.map((c) => c[i]!)));
  expect(stock).toEqual(Array.from(ours));
  const y = labelsOf(cfg, subsetTable(table, rows)).yClass!;
  expect(ours.filter((p, i) => p === y[i]).length / rows.length).toBeGreaterThanOrEqual(0.94);
});

test('the same inputs give the same sha256 with 1 thread or 2', async () => {
  const digest = async (threads: string, output: string) => JSON.parse((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 16}', '--threads', threads, '--output', output, '--json')).out)['model-digest'];
  const one = await digest('1', 'out/a.json');
  expect(await digest('2', 'out/b.json')).toBe(one);
  expect(await digest('1', 'out/c.json')).toBe(one);
  const gz = JSON.parse((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 16}', '--output', 'out/d.json.gz', '--json')).out);
  const { pkg } = await loadModel(path.join(ws, gz['model-path']));
  expect(pkg.params!.trees).toBe(16);
});

test('params override model: keys, and a bad one is named', async () => {
  const bad = await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"treez": 5}');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/input "params" line 1, key "treez": unknown key \(known keys here: trees, max_depth/);
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '[1]')).err).toMatch(/expected a JSON object/);
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"max_features": 2.5}')).err).toMatch(/2.5 is neither a fraction in \(0, 1\] nor a whole count/);
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--threads', 'many')).err).toMatch(/input "threads": "many" is not a whole number/);
});

test('loading rejects an unknown format or version and a truncated file, saying which; a __proto__ key pollutes nothing', async () => {
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 4}', '--output', 'out/to-damage.json')).code).toBe(0);
  const good = await readFile(path.join(ws, 'out/to-damage.json'));
  const reject = async (bytes: Uint8Array) => {
    try {
      await parseModel('m.json', bytes);
    } catch (err) {
      expect(err).toBeInstanceOf(ModelFormatError);
      return (err as Error).message;
    }
    throw new Error('expected a rejection');
  };
  expect(await reject(good.subarray(0, good.length - 100))).toMatch(/^m.json: not a complete JSON document \(truncated\?\)/);
  expect(await reject(gzipSync(good).subarray(0, 500))).toMatch(/^m.json: the gzip data is truncated or damaged/);
  expect(await reject(Buffer.from(good.toString().replace('"format":"mlops-model"', '"format":"onnx"')))).toBe('m.json: unknown format "onnx"; expected "mlops-model"');
  expect(await reject(Buffer.from(good.toString().replace(`"format_version":${MODEL_FORMAT_VERSION}`, '"format_version":1')))).toMatch(/format version 1 is not supported; this tool reads versions 2, 3 and 4 \(a package from an older mlops-actions; train it again\)/);
  expect(await reject(Buffer.from(good.toString().replace(`"format_version":${MODEL_FORMAT_VERSION}`, '"format_version":5')))).toMatch(/format version 5 is not supported; this tool reads versions 2, 3 and 4 \(a package from a newer mlops-actions; upgrade\)/);
  // A forest's package that says it is format 4 lacks the ONNX model such a package has.
  expect(await reject(Buffer.from(good.toString().replace(`"format_version":${MODEL_FORMAT_VERSION}`, '"format_version":4')))).toMatch(/the key "onnx" is missing/);
  // A version 2 package, as the previous release wrote it (gains, every share of a leaf): still read, same forest.
  const v3 = JSON.parse(good.toString());
  const v2 = structuredClone(v3);
  v2.format_version = 2;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON tree, widened in place
  const widen = (n: Record<string, any>): void => {
    if (n.distribution !== undefined) n.distribution = [[...n.distribution[0], ...new Array(2 - n.distribution[0].length).fill(0)]];
    else {
      n.gain = 0.5;
      widen(n.left);
      widen(n.right);
    }
  };
  for (const e of v2.forest.baseModel.estimators) widen(e.root);
  expect(JSON.stringify(v2)).toContain('"gain":0.5');
  const read = await parseModel('v2.json', Buffer.from(JSON.stringify(v2)));
  expect(read.format_version).toBe(2);
  expect(read.forest).toEqual((await parseModel('v3.json', good)).forest);
  // A top-level "__proto__" is refused as damaged (#21), and pollutes nothing on the way.
  await expect(parseModel('m.json', Buffer.from(good.toString().replace('"pipeline":', '"__proto__":{"polluted":true},"pipeline":')))).rejects.toThrow('m.json: has a top-level key "__proto__"');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  await writeFile(path.join(ws, 'out/ok.json'), good);
  expect((await loadModel(path.join(ws, 'out/ok.json'))).pkg.pipeline).toBe('spam-detector');
});

test.each([
  ['taxi-demand', 'regression'],
  ['scam-calls', 'classification'],
] as const)('the %s example (%s) trains, and stock ml-random-forest predicts its test rows exactly as ours', async (name, task) => {
  const r = await cli(ws, 'train', '--pipeline', `pipelines/${name}.yml`, '--params', '{"trees": 20}', '--json');
  expect(r.code).toBe(0);
  const { pkg, bytes } = await loadModel(path.join(ws, JSON.parse(r.out)['model-path']));
  expect(pkg.task).toBe(task);
  const cfg = await loadPipeline(`pipelines/${name}.yml`, ws);
  const { table } = await loadData(cfg, {}, { root: ws, cwd: ws });
  expect(pkg.split.key_columns).toEqual([cfg.id]);
  const isTest = testRows(rowKeys(table, pkg.split.key_columns), cfg.split.testFraction, cfg.split.seed);
  const rows = [...Array(table.rowCount).keys()].filter((i) => isTest[i]);
  const columns = applyEncoding(subsetTable(table, rows), pkg.encoding);
  const ours = predict(referenceForest(pkg, bytes), columns);
  const matrix = rows.map((_, i) => columns.map((c) => c[i]!));
  type Json = Parameters<typeof RandomForestClassifier.load>[0] & Parameters<typeof RandomForestRegression.load>[0];
  const stock = task === 'classification' ? RandomForestClassifier.load(stockJSON(bytes) as unknown as Json).predict(matrix) : RandomForestRegression.load(stockJSON(bytes) as unknown as Json).predict(matrix);
  expect(stock).toEqual(Array.from(ours));
  const labels = labelsOf(cfg, subsetTable(table, rows));
  if (task === 'classification') {
    expect(pkg.encoding.columns.find((c) => c.name === 'transcript')?.kind).toBe('hashed-text');
    expect(pkg.split.stratify_test_shares).toEqual({ legit: expect.any(Number), scam: expect.any(Number) });
    expect(ours.filter((p, i) => p === labels.yClass![i]).length / rows.length).toBeGreaterThan(0.85);
  } else {
    const y = labels.yValue!;
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const r2 = 1 - ours.reduce((a, p, i) => a + (p - y[i]!) ** 2, 0) / y.reduce((a, v) => a + (v - mean) ** 2, 0);
    expect(r2).toBeGreaterThan(0.9);
  }
});

