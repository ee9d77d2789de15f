import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bootstrapIntervals, sliceRows, type Predictions } from '../src/engine/metrics/evaluate.ts';
import { cli } from './support/cli.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

let ws: string;
beforeAll(async () => {
  ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 40}')).code).toBe(0);
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/taxi-demand.yml', '--params', '{"trees": 20}')).code).toBe(0);
});

test('evaluate: every classification metric with a 95% interval, the confusion matrix, JSON and Markdown', async () => {
  const r = await cli(ws, 'evaluate', '--pipeline', 'pipelines/spam-detector.yml', '--model', 'out/spam-detector/model.json', '--json');
  expect(r.code).toBe(0);
  const outputs = JSON.parse(r.out);
  expect(outputs).toEqual({ metrics: 'out/spam-detector/metrics.json', report: 'out/spam-detector/evaluation.md' });
  const m = JSON.parse(await readFile(path.join(ws, outputs.metrics), 'utf8'));
  for (const key of ['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'per_class', 'confusion_matrix']) expect(m).toHaveProperty(key);
  expect(m.accuracy).toBeGreaterThan(0.93);
  expect(m.ci.accuracy[0]).toBeLessThan(m.accuracy);
  expect(m.ci.accuracy[1]).toBeGreaterThan(m.accuracy);
  expect(m.per_class.spam.support + m.per_class.nonspam.support).toBe(m.rows.test);
  expect(m.confusion_matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(m.rows.test);
  const report = await readFile(path.join(ws, outputs.report), 'utf8');
  expect(report).toMatch(/\| accuracy \| 0\.9\d{3} \| 0\.9\d{3} – 0\.9\d{3} \|/);
  expect(report).toContain('| **spam** |');
  // Per class, in the report as well as in metrics.json.
  const spam = m.per_class.spam;
  expect(report).toContain('**Per class**\n\n| Class | Precision | Recall | F1 | Support |');
  expect(report).toContain(`| spam | ${spam.precision.toFixed(4)} | ${spam.recall.toFixed(4)} | ${spam.f1.toFixed(4)} | ${spam.support} |`);
});

test('evaluate: regression metrics and slices (categories as they are, numbers in quantile bins)', async () => {
  const r = await cli(ws, 'evaluate', '--pipeline', 'pipelines/taxi-demand.yml', '--model', 'out/taxi-demand/model.json', '--json');
  expect(r.code).toBe(0);
  const m = JSON.parse(await readFile(path.join(ws, 'out/taxi-demand/metrics.json'), 'utf8'));
  expect(Object.keys(m).slice(0, 6)).toEqual(['format', 'rmse', 'mae', 'r2', 'mape', 'median_ae']);
  expect(m.format).toBe('mlops-metrics/1');
  expect(m.r2).toBeGreaterThan(0.9);
  const zones = m.slices.filter((s: { column: string }) => s.column === 'zone');
  expect(zones).toHaveLength(8);
  expect(zones.reduce((a: number, s: { rows: number }) => a + s.rows, 0)).toBe(m.rows.test);
  const temps = m.slices.filter((s: { column: string }) => s.column === 'temperature_c');
  expect(temps).toHaveLength(4);
  expect(temps[0].value).toMatch(/^\[-?[\d.]+, -?[\d.]+\)$/);
});

test('evaluate: a feature gone from the data is named, with every other missing one', async () => {
  const csv = await readFile(path.join(ws, 'data/spambase.csv'), 'utf8');
  const dropped = csv.split('\n').map((line) => line.split(',').filter((_, i) => i !== 0 && i !== 3).join(',')).join('\n');
  await writeFiles(ws, { 'data/fewer.csv': dropped });
  const r = await cli(ws, 'evaluate', '--pipeline', 'pipelines/spam-detector.yml', '--model', 'out/spam-detector/model.json', '--data', 'data/fewer.csv');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/the model needs columns the data no longer has: "make", "num3d"/);
});

test('bootstrap intervals are seeded and bracket the estimate; slices bin numbers by quantiles', () => {
  const n = 400;
  const p: Predictions = { task: 'regression', classes: null, yTrue: Float64Array.from({ length: n }, (_, i) => i), yPred: Float64Array.from({ length: n }, (_, i) => i + ((i * 7919) % 13) - 6), proba: null };
  const a = bootstrapIntervals(p, 200, 1);
  expect(bootstrapIntervals(p, 200, 1)).toEqual(a);
  expect(bootstrapIntervals(p, 200, 2)).not.toEqual(a);
  expect(a.mae![0]).toBeLessThan(a.mae![1]);
  const groups = sliceRows([1, 2, 3, 4, 5, 6, 7, 8, null, 'x'], 4);
  expect([...groups.keys()]).toEqual(['[1, 3)', '[3, 5)', '[5, 7)', '[7, 8]', '(missing)', 'x']);
  // Bins read low to high whatever the row order, even where their text sorts the other way.
  expect([...sliceRows([20, 15, 'b', null, 10, 9, 'a'], 2).keys()]).toEqual(['[9, 15)', '[15, 20]', '(missing)', 'a', 'b']);
});
