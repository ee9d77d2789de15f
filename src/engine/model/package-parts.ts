// The parts of a model package that the data decides beside the trees: the split's stratification,
// the smoke-test examples, the holdout's metrics and calibration, and importance per column.
import type { PipelineConfig } from '../config/pipeline.ts';
import { cellValue, columnByName, type Table } from '../data/table.ts';
import { fitCalibration, topShares } from '../drift/calibration.ts';
import { DataFileError } from '../errors.ts';
import type { FeatureEncoding } from '../features/encode.ts';
import type { CompiledPredictions } from '../forest/compiled.ts';
import { scalarMetrics } from '../metrics/evaluate.ts';
import { classified } from '../metrics/predictions.ts';
import type { ModelPackage } from './package.ts';
import { profileValues } from './profile.ts';

/** Test shares per value of the stratify column; a value with no test row, or 10 points off, is a warning. */
export function stratifyShares(column: string, table: Table, isTest: Uint8Array, labelled: Uint8Array, fraction: number): { shares: Record<string, number>; warnings: string[] } {
  const col = columnByName(table, column);
  if (!col) throw new DataFileError(table.files.join(', '), `split.stratify names ${JSON.stringify(column)}, which is not a column`);
  const total = new Map<string, number>();
  const test = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r++) {
    if (!labelled[r]) continue;
    const key = String(cellValue(col, r) ?? '');
    total.set(key, (total.get(key) ?? 0) + 1);
    if (isTest[r]) test.set(key, (test.get(key) ?? 0) + 1);
  }
  const shares: [string, number][] = [];
  const warnings: string[] = [];
  for (const [key, rows] of [...total].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const share = (test.get(key) ?? 0) / rows;
    shares.push([key, share]);
    if (share === 0 || Math.abs(share - fraction) > 0.1) warnings.push(`split: ${JSON.stringify(key)} in ${JSON.stringify(column)} has ${(share * 100).toFixed(1)}% of its ${rows} rows in test (asked: ${(fraction * 100).toFixed(0)}%)`);
  }
  return { shares: Object.fromEntries(shares), warnings };
}

/** The package's smoke test: up to five rows, labelled test rows first, whose predictions it records. */
export function exampleRowsOf(table: Table, isTest: Uint8Array, labelled: Uint8Array): number[] {
  const rows: number[] = [];
  for (let r = 0; r < table.rowCount && rows.length < 5; r++) if (isTest[r] && labelled[r]) rows.push(r);
  for (let r = 0; r < table.rowCount && rows.length < 5; r++) if (!rows.includes(r)) rows.push(r);
  return rows;
}

/** The model on its labelled test rows: metrics, prediction distribution and calibration (drift-report's reference). */
export function holdout(yTrue: Float64Array, predicted: CompiledPredictions, classes: string[] | null, task: PipelineConfig['task']): NonNullable<ModelPackage['holdout']> {
  const { yPred, shares: proba } = predicted;
  const metrics = scalarMetrics({ task, classes, yTrue, yPred, proba });
  const predictions = classes ? profileValues(Array.from(yPred, (k) => classes[k]!), 'categorical') : profileValues(yPred, 'number');
  const calibration = classes ? fitCalibration(topShares(classified({ task, classes, yTrue, yPred, proba }).proba, classes.length), Float64Array.from(yPred, (p, i) => (p === yTrue[i] ? 1 : 0))) : null;
  return { rows: yTrue.length, metrics, predictions, calibration };
}

/** Importance per input column (a one-hot or hashed column sums its features), largest first. */
export function importanceByColumn(encoding: FeatureEncoding, perFeature: ArrayLike<number>): Record<string, number> {
  // A Map, not an object: a column may be called "__proto__" or "constructor".
  const byColumn = new Map<string, number>();
  let f = 0;
  for (const c of encoding.columns) {
    const width = c.kind === 'one-hot' ? c.levels.length : c.kind === 'hashed-text' ? c.width : 1;
    let sum = 0;
    for (let i = 0; i < width; i++) sum += perFeature[f++] ?? 0;
    byColumn.set(c.name, sum);
  }
  return Object.fromEntries([...byColumn].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}
