// Scores a model package on current data: its own test split (from the split key the package
// records, so a champion and a candidate each find the rows they did not train on), encoded as the
// package says.
import { knownLabels } from '../engine/data/labels.ts';
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { testRowsThreaded } from '../engine/data/split-threads.ts';
import { defaultThreads } from '../engine/forest/pool.ts';
import type { Table } from '../engine/data/table.ts';
import { columnByName, subsetTable } from '../engine/data/table.ts';
import { MissingColumnError, UserError } from '../engine/errors.ts';
import type { Predictions } from '../engine/metrics/evaluate.ts';
import type { ModelPackage } from '../engine/model/package.ts';
import type { StepIO } from './io.ts';
import { predictPackage } from '../engine/model/predict.ts';

/** A package used with a pipeline must have been trained for it: same name, task and target. */
export function assertBelongs(pkg: ModelPackage, cfg: PipelineConfig, file: string): void {
  const diffs: string[] = [];
  if (pkg.pipeline !== cfg.name) diffs.push(`the pipeline "${pkg.pipeline}", not "${cfg.name}"`);
  if (pkg.task !== cfg.task) diffs.push(`${pkg.task}, not ${cfg.task}`);
  if (pkg.target.name !== cfg.target) diffs.push(`the target ${JSON.stringify(pkg.target.name)}, not ${JSON.stringify(cfg.target)}`);
  if (diffs.length > 0) throw new UserError(`${file} was trained for ${diffs.join(', ')} (as ${cfg.file} says); use a model of this pipeline`);
}

/** The columns the package needs that the data lacks (all of them, not the first). */
export function missingFeatures(pkg: ModelPackage, table: Table): string[] {
  const have = new Set(table.columns.map((c) => c.name));
  return pkg.encoding.columns.map((c) => c.name).filter((n) => !have.has(n));
}

/** The split key columns the package recorded that the data lacks. */
export function missingKeyColumns(pkg: ModelPackage, table: Table): string[] {
  return pkg.split.key_columns.filter((c) => !columnByName(table, c));
}

/** Every column the package needs (features, then split key columns), all named at once when missing. */
export function requireColumns(pkg: ModelPackage, table: Table): void {
  const missing = missingFeatures(pkg, table);
  const [firstMissing] = missing;
  if (firstMissing !== undefined) throw new MissingColumnError(firstMissing, `the model needs columns the data no longer has: ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  const keyGone = missingKeyColumns(pkg, table);
  const [firstGone] = keyGone;
  if (firstGone !== undefined) throw new MissingColumnError(firstGone, `the model's split key needs columns the data no longer has (${keyGone.map((m) => JSON.stringify(m)).join(', ')}), so its test rows cannot be found`);
}

/** The package's test rows of this table, by the split key it recorded (on every core when the table is large). */
export function testMask(pkg: ModelPackage, table: Table): Promise<Uint8Array> {
  return testRowsThreaded(table, { columns: pkg.split.key_columns, seed: pkg.split.seed, testFraction: pkg.split.test_fraction }, defaultThreads());
}

/** The rows of `mask` that carry a label the model knows, with that label (class index or value). */
export function labelledRows(pkg: ModelPackage, table: Table, mask: Uint8Array, io: StepIO): { rows: number[]; yTrue: Float64Array } {
  const target = columnByName(table, pkg.target.name);
  if (!target) throw new MissingColumnError(pkg.target.name, `the target column ${JSON.stringify(pkg.target.name)} is missing from the data`);
  const { rows, y, unknown } = knownLabels(target, pkg.target.classes, table.rowCount, mask);
  if (unknown > 0) io.warning(`${unknown} test row${unknown === 1 ? ' has a label' : 's have labels'} the model never saw; they are left out of the scores`);
  return { rows, yTrue: y };
}

/** The package's labelled test rows of this table. */
export async function packageTestRows(pkg: ModelPackage, table: Table, io: StepIO): Promise<{ rows: number[]; yTrue: Float64Array }> {
  return labelledRows(pkg, table, await testMask(pkg, table), io);
}

/** Predictions of the package on the given rows of the table. */
export async function scoreRows(pkg: ModelPackage, table: Table, rows: readonly number[], yTrue: Float64Array): Promise<Predictions> {
  const missing = missingFeatures(pkg, table);
  const [firstMissing] = missing;
  if (firstMissing !== undefined) throw new MissingColumnError(firstMissing, `the model needs columns the data no longer has: ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  const { yPred, shares } = await predictPackage(pkg, subsetTable(table, rows));
  return { task: pkg.task, classes: pkg.target.classes, yTrue, yPred, proba: shares };
}

/** How many labels are exactly 0 (where scikit-learn's MAPE divides by ε and explodes). */
export function zeroLabels(p: Predictions): number {
  if (p.task !== 'regression') return 0;
  let n = 0;
  for (const y of p.yTrue) if (y === 0) n++;
  return n;
}

/** The caveat printed beside a MAPE computed over zero labels. */
export function mapeNote(zeros: number, rows: number): string {
  return `mape: ${zeros.toLocaleString('en-US')} of the ${rows.toLocaleString('en-US')} rows have the label 0. As in scikit-learn, MAPE divides by max(|y|, ε) there, so those rows dominate it (it is left out of the chart); judge the model by mae or rmse.`;
}
