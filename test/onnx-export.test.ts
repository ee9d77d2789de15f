// The exported forest predicts what the suite predicts, in onnxruntime, on every row of the fixture
// pipelines: numeric, categorical (one-hot and ordinal), boolean, missing values, unseen categories,
// regression, and a classifier with many tied votes (the suite's tie rule, not ArgMax's).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { columnByName, type Table } from '../src/engine/data/table.ts';
import { DEFAULT_MISSING } from '../src/engine/config/pipeline.ts';
import { applyEncoding } from '../src/engine/features/encode.ts';
import { predictCompiled } from '../src/engine/forest/compiled.ts';
import { loadModel, type ModelPackage } from '../src/engine/model/package.ts';
import { readMetadata } from '../src/engine/onnx/model-proto.ts';
import { inputTypes } from '../src/engine/serving/batch-predict.ts';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

let ws: string;
beforeAll(async () => {
  ws = await exampleWorkspace();
  const spam = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  const scam = await readFile(path.join(ws, 'pipelines/scam-calls.yml'), 'utf8');
  const taxi = await readFile(path.join(ws, 'pipelines/taxi-demand.yml'), 'utf8');
  await writeFiles(ws, {
    // Four trees of two classes: a 2–2 vote on many rows.
    'pipelines/spam-ties.yml': `${spam.replace('name: spam-detector', 'name: spam-ties')}model:\n  trees: 4\n`,
    // The calls without their transcript: categories, yes/no flags and a number missing on most rows.
    'pipelines/calls.yml': scam.replace('name: scam-calls', 'name: calls').replace('features:\n', 'features:\n  exclude: [transcript]\n'),
    // Zones (8 levels) as ordinal codes.
    'pipelines/taxi-ordinal.yml': taxi.replace('name: taxi-demand', 'name: taxi-ordinal').replace('features:\n', 'features:\n  one_hot_max_levels: 7\n'),
  });
}, 60_000);

interface Feed {
  type: 'float64' | 'string';
  dims: number[];
  data: (number | string | null)[];
}
const doubles = (n: number, value: (r: number) => number): Feed => ({ type: 'float64', dims: [n, 1], data: Array.from({ length: n }, (_, r) => (Number.isNaN(value(r)) ? null : value(r))) });

/** What onnxruntime is fed for a table: each column as the exported model's input says. */
function feeds(pkg: ModelPackage, table: Table): Record<string, Feed> {
  const out: Record<string, Feed> = {};
  const n = table.rowCount;
  for (const enc of pkg.encoding.columns) {
    const col = columnByName(table, enc.name);
    if (!col) throw new Error(`no column ${enc.name}`);
    if (enc.kind === 'numeric') {
      if (col.kind !== 'numeric') throw new Error(`${enc.name} was not read as numbers`);
      out[enc.name] = doubles(n, (r) => col.values[r]!);
    } else if (col.kind === 'categorical') {
      const level = (r: number) => (col.codes[r]! < 0 ? undefined : col.levels[col.codes[r]!]!);
      if (enc.kind === 'boolean') out[enc.name] = doubles(n, (r) => (level(r) === undefined ? Number.NaN : level(r) === enc.trueLevel ? 1 : 0));
      else out[enc.name] = { type: 'string', dims: [n, 1], data: Array.from({ length: n }, (_, r) => level(r) ?? '') };
    } else throw new Error(`${enc.name} was read as numbers`);
  }
  return out;
}

/**
 * The pipeline's data, with rows added that training never saw: each categorical column in turn an
 * unknown level, then missing, on copies of the first rows.
 */
async function scoringFile(pipeline: string, pkg: ModelPackage, data: string): Promise<string> {
  const text = await readFile(path.join(ws, data), 'utf8');
  const [header = '', ...rows] = text.trimEnd().split('\n');
  const names = header.split(',');
  const extra: string[] = [];
  for (const enc of pkg.encoding.columns) {
    if (enc.kind !== 'one-hot' && enc.kind !== 'ordinal' && enc.kind !== 'boolean') continue;
    const at = names.indexOf(enc.name);
    for (const value of ['never-seen', '']) {
      for (const row of rows.slice(0, 5)) {
        // The rows here have no quoted commas (their files are the fixtures'), so a split is exact.
        const cells = row.split(',');
        cells[at] = enc.kind === 'boolean' && value !== '' ? (cells[at] ?? '') : value;
        extra.push(cells.join(','));
      }
    }
  }
  const file = `out/${pipeline}-scoring.csv`;
  await writeFiles(ws, { [file]: `${[header, ...rows, ...extra].join('\n')}\n` });
  return file;
}

async function exported(pipeline: string, data: string): Promise<{ pkg: ModelPackage; table: Table; onnx: string }> {
  const p = `pipelines/${pipeline}.yml`;
  const trained = await cli(ws, 'train', '--pipeline', p, '--output', `out/${pipeline}/model.json`);
  expect(trained.code).toBe(0);
  const ex = await cli(ws, 'export-onnx', '--model', `out/${pipeline}/model.json`, '--json');
  expect(ex).toMatchObject({ code: 0 });
  expect(JSON.parse(ex.out).onnx).toBe(`out/${pipeline}/model.onnx`);
  const { pkg } = await loadModel(path.join(ws, `out/${pipeline}/model.json`));
  const file = await scoringFile(pipeline, pkg, data);
  const table = await readCsv([{ path: path.join(ws, file), name: file }], { missing: DEFAULT_MISSING, declared: inputTypes(pkg) });
  return { pkg, table, onnx: path.join(ws, `out/${pipeline}/model.onnx`) };
}

/** The model's outputs in onnxruntime-node (test/support/onnx-run.mjs). */
function run(model: string, input: Record<string, Feed>): Record<string, Feed> {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'test/support/onnx-run.mjs')], { input: JSON.stringify({ model, feeds: input }), maxBuffer: 1 << 30, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, Feed>;
}
const num = (v: number | string | null | undefined): number => (v === null || v === undefined ? Number.NaN : Number(v));

describe.each([
  ['spam-detector', 'data/spambase.csv'],
  ['spam-ties', 'data/spambase.csv'],
  ['calls', 'data/scam-calls/2026-08.csv'],
])('the exported %s classifier', (pipeline, data) => {
  test('gives every row the suite\'s label, and its vote shares within 1e-12', async () => {
    const { pkg, table, onnx } = await exported(pipeline, data);
    const classes = pkg.target.classes ?? [];
    const suite = predictCompiled(pkg.forest!, applyEncoding(table, pkg.encoding));
    const got = run(onnx, feeds(pkg, table));
    const labels = got.label!.data;
    const shares = got.probabilities!.data;
    expect(got.probabilities!.dims).toEqual([table.rowCount, classes.length]);
    let ties = 0;
    let argmaxDiffers = 0;
    for (let r = 0; r < table.rowCount; r++) {
      expect(labels[r]).toBe(classes[suite.yPred[r]!]);
      const row = Array.from(suite.shares!.subarray(r * classes.length, (r + 1) * classes.length));
      for (let k = 0; k < classes.length; k++) expect(Math.abs(num(shares[r * classes.length + k]) - row[k]!)).toBeLessThanOrEqual(1e-12);
      const top = Math.max(...row);
      if (row.filter((v) => v === top).length > 1) ties++;
      if (row.indexOf(top) !== suite.yPred[r]) argmaxDiffers++;
    }
    if (pipeline === 'spam-ties') {
      // The tie rule is exercised: on some rows ArgMax's lowest index would give another label.
      expect(ties).toBeGreaterThan(100);
      expect(argmaxDiffers).toBeGreaterThan(10);
    }
    if (pipeline === 'calls') expect(pkg.encoding.columns.map((c) => c.kind)).toEqual(expect.arrayContaining(['one-hot', 'boolean', 'numeric']));
    const meta = readMetadata(await readFile(onnx));
    expect(JSON.parse(meta.classes!)).toEqual(classes);
    expect(meta).toMatchObject({ pipeline, task: 'classification', format: 'mlops-forest-onnx/1' });
    expect(meta.model_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  }, 120_000);
});

describe.each([
  ['taxi-demand', 'one-hot'],
  ['taxi-ordinal', 'ordinal'],
])('the exported %s regressor', (pipeline, zoneKind) => {
  test('gives every row the suite\'s prediction within 1e-12 (relative)', async () => {
    const { pkg, table, onnx } = await exported(pipeline, 'data/taxi-demand.csv');
    expect(pkg.encoding.columns.find((c) => c.name === 'zone')?.kind).toBe(zoneKind);
    const suite = predictCompiled(pkg.forest!, applyEncoding(table, pkg.encoding));
    const got = run(onnx, feeds(pkg, table));
    expect(got.prediction!.dims).toEqual([table.rowCount, 1]);
    const values = got.prediction!.data;
    for (let r = 0; r < table.rowCount; r++) expect(Math.abs(num(values[r]) - suite.yPred[r]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(suite.yPred[r]!)));
  }, 120_000);
});

test('a model with a text feature is refused, exit 2, naming the column', async () => {
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/scam-calls.yml')).code).toBe(0);
  const r = await cli(ws, 'export-onnx', '--model', 'out/scam-calls/model.json');
  expect(r.code).toBe(2);
  expect(r.err).toContain('the text column "transcript"');
  await expect(readFile(path.join(ws, 'out/scam-calls/model.onnx'))).rejects.toThrow();
}, 120_000);

test('the champion of a pipeline is exported with its version in the metadata', async () => {
  const run1 = await cli(ws, 'run', '--pipeline', 'pipelines/spam-ties.yml');
  expect(run1.code).toBe(0);
  const r = await cli(ws, 'export-onnx', '--pipeline', 'pipelines/spam-ties.yml', '--output', 'out/champion.onnx');
  expect(r.code).toBe(0);
  const meta = readMetadata(await readFile(path.join(ws, 'out/champion.onnx')));
  expect(meta.version).toBe('1');
  await writeFile(path.join(ws, 'out/keep.txt'), 'mine');
  const refused = await cli(ws, 'export-onnx', '--pipeline', 'pipelines/spam-ties.yml', '--output', 'out/keep.txt');
  expect(refused.code).toBe(2);
  expect(await readFile(path.join(ws, 'out/keep.txt'), 'utf8')).toBe('mine');
}, 120_000);
