// Scores a model package on current data: its own test split (from the package's split settings and
// id, so a champion and a candidate see the same rows), encoded as the package says.
import { rowKeys, testRows } from '../engine/data/split.ts';
import type { Table } from '../engine/data/table.ts';
import { cellValue, subsetTable } from '../engine/data/table.ts';
import { MissingColumnError } from '../engine/errors.ts';
import { applyEncoding } from '../engine/features/encode.ts';
import { fromMlRandomForestJSON, predict, predictShares, type ForestOptions } from '../engine/forest/forest.ts';
import type { Predictions } from '../engine/metrics/evaluate.ts';
import type { ModelPackage } from '../engine/model/package.ts';
import type { StepIO } from './io.ts';

/** The columns the package needs that the data lacks (all of them, not the first). */
export function missingFeatures(pkg: ModelPackage, table: Table): string[] {
  const have = new Set(table.columns.map((c) => c.name));
  return pkg.encoding.columns.map((c) => c.name).filter((n) => !have.has(n));
}

/** The package's test rows of this table that carry a label the model knows. */
export function packageTestRows(pkg: ModelPackage, table: Table, io: StepIO): { rows: number[]; yTrue: Float64Array } {
  const target = table.columns.find((c) => c.name === pkg.target.name);
  if (!target) throw new MissingColumnError(pkg.target.name, `the target column ${JSON.stringify(pkg.target.name)} is missing from the data`);
  const isTest = testRows(rowKeys(table, pkg.id ?? undefined), pkg.split.test_fraction, pkg.split.seed);
  const classIndex = pkg.target.classes ? new Map(pkg.target.classes.map((c, i) => [c, i])) : undefined;
  const rows: number[] = [];
  const y: number[] = [];
  let unknown = 0;
  for (let r = 0; r < table.rowCount; r++) {
    if (!isTest[r]) continue;
    const cell = cellValue(target, r);
    if (cell === null) continue;
    const value = classIndex ? classIndex.get(String(cell)) : Number(cell);
    if (value === undefined || Number.isNaN(value)) {
      unknown++;
      continue;
    }
    rows.push(r);
    y.push(value);
  }
  if (unknown > 0) io.warning(`${unknown} test row${unknown === 1 ? ' has a label' : 's have labels'} the model never saw; they are left out of the scores`);
  return { rows, yTrue: Float64Array.from(y) };
}

export function forestOf(pkg: ModelPackage, features: number): ReturnType<typeof fromMlRandomForestJSON> {
  const options: ForestOptions = {
    task: pkg.task,
    classes: pkg.target.classes?.length ?? 0,
    trees: pkg.params.trees,
    maxDepth: pkg.params.max_depth ?? Infinity,
    minSamplesLeaf: pkg.params.min_samples_leaf,
    maxFeatures: pkg.params.max_features as ForestOptions['maxFeatures'],
    bootstrap: pkg.params.bootstrap,
    seed: pkg.params.seed,
  };
  return fromMlRandomForestJSON(pkg.forest, options, features);
}

/** Predictions of the package on the given rows of the table. */
export function scoreRows(pkg: ModelPackage, table: Table, rows: readonly number[], yTrue: Float64Array): Predictions {
  const missing = missingFeatures(pkg, table);
  if (missing.length > 0) throw new MissingColumnError(missing[0]!, `the model needs columns the data no longer has: ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  const columns = applyEncoding(subsetTable(table, rows), pkg.encoding);
  const forest = forestOf(pkg, columns.length);
  return {
    task: pkg.task,
    classes: pkg.target.classes,
    yTrue,
    yPred: predict(forest, columns),
    proba: pkg.task === 'classification' ? predictShares(forest, columns) : null,
  };
}
