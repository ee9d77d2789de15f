// Models from scikit-learn (test/fixtures/onnx, made by scripts/trainers/logistic-regression.py) as the
// suite runs them in onnxruntime-web: every label scikit-learn gave, on Spambase (two classes) and on
// 26 letters, probabilities within 1e-12; the class of each probability column found from the labels;
// and a model whose inputs, labels or classes do not fit the pipeline refused with the reason.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { DEFAULT_MISSING } from '../src/engine/config/pipeline.ts';
import type { Table } from '../src/engine/data/table.ts';
import { graphInfo } from '../src/engine/onnx/graph-info.ts';
import { DataType, modelProto } from '../src/engine/onnx/model-proto.ts';
import { describeModel, loadOnnx, probabilityClasses, runOnnx, suitePredictions } from '../src/engine/onnx/onnx-model.ts';
import { letterCsv } from '../scripts/lib/synthetic.mjs';
import { REPO_ROOT } from './support/run-action.ts';
import { tempDir } from './support/tmp.ts';

const fixture = (f: string) => path.join(REPO_ROOT, 'test/fixtures/onnx', f);
const read = async (file: string): Promise<Table> => readCsv([{ path: file, name: path.basename(file) }], { missing: DEFAULT_MISSING });

describe.each([
  ['spam-logistic', 'type', () => Promise.resolve(path.join(REPO_ROOT, 'data/spambase.csv'))],
  ['letters-logistic', 'letter', async () => letterCsv(path.join(await tempDir(), 'letters.csv'))],
])('%s, fitted by scikit-learn', (name, target, data) => {
  test('gives every row scikit-learn\'s label, and its probabilities within 1e-12', async () => {
    const table = await read(await data());
    const sklearn = JSON.parse(await readFile(fixture(`${name}.sklearn.json`), 'utf8')) as { classes: string[]; labels: string[]; probabilities_first_100: number[][] };
    const features = table.columns.filter((c) => c.name !== target).map((c) => ({ name: c.name, numeric: c.kind === 'numeric' }));
    const bytes = await readFile(fixture(`${name}.onnx`));
    const iface = describeModel(name, graphInfo(bytes), features, 'classification');
    expect(iface.input).toMatchObject({ layout: 'matrix', name: 'X', type: 'float64' });
    const raw = await runOnnx(await loadOnnx(name, bytes), iface, table, features.map((f) => f.name));
    expect(raw.labels).toEqual(sklearn.labels);
    // The target's classes as the suite orders them (sorted), and each probability column's class.
    const classes = [...new Set(sklearn.labels)].sort();
    expect(classes.length).toBe(name === 'spam-logistic' ? 2 : 26);
    const order = probabilityClasses(name, raw, classes);
    expect(order).toEqual(sklearn.classes);
    const suite = suitePredictions(raw, { ...iface, classes: order }, classes);
    sklearn.probabilities_first_100.forEach((row, r) => row.forEach((p, k) => expect(Math.abs(suite.shares![r * classes.length + classes.indexOf(sklearn.classes[k]!)]! - p)).toBeLessThanOrEqual(1e-12)));
    expect(Array.from(suite.yPred.subarray(0, 50), (k) => classes[k])).toEqual(sklearn.labels.slice(0, 50));
  }, 60_000);
});

test('inputs that do not fit the pipeline are refused with what the model takes and what the pipeline has', async () => {
  const info = graphInfo(await readFile(fixture('spam-logistic.onnx')));
  const five = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, numeric: true }));
  expect(() => describeModel('m.onnx', info, five, 'classification')).toThrow('m.onnx: its input "X" takes 57 features, but the pipeline has 5: a, b, c, d, e');
  const mixed = Array.from({ length: 57 }, (_, i) => ({ name: `f${i}`, numeric: i !== 3 }));
  expect(() => describeModel('m.onnx', info, mixed, 'classification')).toThrow('a model with one matrix input needs every feature numeric; f3 is not');
  expect(() => describeModel('m.onnx', info, mixed.map((f) => ({ ...f, numeric: true })), 'regression')).toThrow('a regressor gives one float or double output');
});

/** A model of two inputs named as columns: p = [1 - a, a], and the label is b as given. */
function twoColumnModel(): Uint8Array {
  return modelProto({
    irVersion: 8,
    opsets: { '': 17 },
    producer: { name: 'test', version: '1' },
    graph: {
      name: 'two',
      nodes: [
        { op: 'Sub', inputs: ['one', 'a'], outputs: ['not_a'] },
        { op: 'Concat', inputs: ['not_a', 'a'], outputs: ['probabilities'], attributes: { axis: { i: 1 } } },
        { op: 'Squeeze', inputs: ['b', 'axis'], outputs: ['label'] },
      ],
      initializers: [
        { name: 'one', dims: [1], data: { type: DataType.DOUBLE, values: [1] } },
        { name: 'axis', dims: [1], data: { type: DataType.INT64, values: [1] } },
      ],
      inputs: [{ name: 'a', type: DataType.DOUBLE, shape: ['N', 1] }, { name: 'b', type: DataType.STRING, shape: ['N', 1] }],
      outputs: [{ name: 'label', type: DataType.STRING, shape: ['N'] }, { name: 'probabilities', type: DataType.DOUBLE, shape: ['N', 2] }],
    },
    metadata: {},
  });
}

test('one input per column, numbers and text; labels that disagree with the probabilities, or that the target lacks, are refused', async () => {
  const dir = await tempDir();
  const bytes = twoColumnModel();
  const features = [{ name: 'a', numeric: true }, { name: 'b', numeric: false }];
  const iface = describeModel('two.onnx', graphInfo(bytes), features, 'classification');
  expect(iface.input).toEqual({ layout: 'columns', columns: [{ name: 'a', type: 'float64' }, { name: 'b', type: 'string' }] });
  const model = await loadOnnx('two.onnx', bytes);
  const csv = async (text: string) => {
    const file = path.join(dir, `${Math.random()}.csv`);
    await (await import('node:fs/promises')).writeFile(file, text);
    return runOnnx(model, iface, await read(file), ['a', 'b']);
  };
  // Column 1 is "yes" (a high), column 0 "no"; a row that ties (0.5) says nothing.
  const good = await csv('a,b\n0.9,yes\n0.1,no\n0.5,no\n0.8,yes\n');
  expect(probabilityClasses('two.onnx', good, ['no', 'yes'])).toEqual(['no', 'yes']);
  const flipped = await csv('a,b\n0.9,no\n0.1,yes\n');
  expect(probabilityClasses('two.onnx', flipped, ['no', 'yes'])).toEqual(['yes', 'no']);
  const bad = await csv('a,b\n0.9,yes\n0.8,no\n');
  expect(() => probabilityClasses('two.onnx', bad, ['no', 'yes'])).toThrow('two.onnx: its labels and probabilities disagree on 1 of 2 training rows (row 2: label "no", highest probability in column 1 ("yes"))');
  const strange = await csv('a,b\n0.9,maybe\n');
  expect(() => probabilityClasses('two.onnx', strange, ['no', 'yes'])).toThrow('it predicts a class the target does not have: "maybe"');
  // A missing number is NaN, a missing text the empty string.
  const missing = await csv('a,b\n,\n');
  expect(Number.isNaN(missing.values[0]!)).toBe(true);
  expect(missing.labels).toEqual(['']);
}, 60_000);

test('int64 labels (scikit-learn\'s for an integer target) are read as the classes the target\'s text names', async () => {
  const bytes = modelProto({
    irVersion: 8,
    opsets: { '': 17 },
    producer: { name: 'test', version: '1' },
    graph: {
      name: 'int-labels',
      nodes: [
        { op: 'Sub', inputs: ['one', 'a'], outputs: ['not_a'] },
        { op: 'Concat', inputs: ['not_a', 'a'], outputs: ['probabilities'], attributes: { axis: { i: 1 } } },
        { op: 'Greater', inputs: ['a', 'half'], outputs: ['high'] },
        { op: 'Cast', inputs: ['high'], outputs: ['code'], attributes: { to: { i: DataType.INT64 } } },
        { op: 'Squeeze', inputs: ['code', 'axis'], outputs: ['label'] },
      ],
      initializers: [
        { name: 'one', dims: [1], data: { type: DataType.DOUBLE, values: [1] } },
        { name: 'half', dims: [1], data: { type: DataType.DOUBLE, values: [0.5] } },
        { name: 'axis', dims: [1], data: { type: DataType.INT64, values: [1] } },
      ],
      inputs: [{ name: 'a', type: DataType.DOUBLE, shape: ['N', 1] }],
      outputs: [{ name: 'label', type: DataType.INT64, shape: ['N'] }, { name: 'probabilities', type: DataType.DOUBLE, shape: ['N', 2] }],
    },
    metadata: {},
  });
  const iface = describeModel('int.onnx', graphInfo(bytes), [{ name: 'a', numeric: true }], 'classification');
  const file = path.join(await tempDir(), 'int.csv');
  await (await import('node:fs/promises')).writeFile(file, 'a\n0.9\n0.2\n0.7\n');
  const raw = await runOnnx(await loadOnnx('int.onnx', bytes), iface, await read(file), ['a']);
  expect(raw.labels).toEqual(['1', '0', '1']);
  const order = probabilityClasses('int.onnx', raw, ['0', '1']);
  expect(order).toEqual(['0', '1']);
  expect(Array.from(suitePredictions(raw, { ...iface, classes: order }, ['0', '1']).yPred)).toEqual([1, 0, 1]);
}, 60_000);
