// The one home of the target-to-label mapping: classes sorted by name (so their order never depends on
// row order) and each row's label as the forest and the metrics read it, a class index or a value.
import type { PipelineConfig } from '../config/pipeline.ts';
import { DataFileError, UserError } from '../errors.ts';
import { cellValue, columnByName, type Column, type Table } from './table.ts';
import { present } from '../present.ts';

export interface Labels {
  classes: string[] | null;
  /** Class index (classification) or value (regression) per row; NaN or -1 where missing. */
  yClass: Int32Array | undefined;
  yValue: Float64Array | undefined;
  labelled: Uint8Array;
}

/** The target as model labels: classes sorted by name (so their order never depends on row order). */
export function labelsOf(cfg: Pick<PipelineConfig, 'target' | 'task'>, table: Table): Labels {
  const col = columnByName(table, cfg.target);
  if (!col) throw new DataFileError(table.files.join(', '), `the target column ${JSON.stringify(cfg.target)} is missing`);
  const n = table.rowCount;
  const labelled = new Uint8Array(n);
  if (cfg.task === 'regression') {
    if (col.kind !== 'numeric') throw new UserError(`a regression target must be numeric; ${JSON.stringify(cfg.target)} holds ${col.type} values (run validate-data)`);
    const yValue = Float64Array.from(col.values);
    yValue.forEach((v, i) => (labelled[i] = v === v ? 1 : 0));
    return { classes: null, yClass: undefined, yValue, labelled };
  }
  const text = (c: Column, r: number): string | undefined => {
    const v = cellValue(c, r);
    return v === null ? undefined : String(v);
  };
  const seen = new Set<string>();
  for (let r = 0; r < n; r++) {
    const t = text(col, r);
    if (t !== undefined) seen.add(t);
  }
  const numericLabels = col.kind === 'numeric';
  const classes = [...seen].sort((a, b) => (numericLabels ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  if (classes.length < 2) throw new UserError(`classification needs at least two classes in ${JSON.stringify(cfg.target)}; found ${classes.length} (run validate-data)`);
  const index = new Map(classes.map((c, i) => [c, i]));
  const yClass = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const t = text(col, r);
    const k = t === undefined ? undefined : index.get(t);
    yClass[r] = k ?? -1;
    labelled[r] = k === undefined ? 0 : 1;
  }
  return { classes, yClass, yValue: undefined, labelled };
}

/** The labels of `rows` as the metrics read them: the class index or the value. */
export function labelValues(labels: Labels, rows: readonly number[]): Float64Array {
  const y = labels.yClass ?? present(labels.yValue, 'the target values');
  return Float64Array.from(rows, (r) => y[r]!);
}

/**
 * The rows (of `mask`, when given) whose target a model with these classes knows, each with its label as
 * the metrics read it; rows with no label are left out, and rows with a label the model never saw are
 * counted as `unknown`.
 */
export function knownLabels(target: Column, classes: readonly string[] | null, rowCount: number, mask?: Uint8Array): { rows: number[]; y: Float64Array; unknown: number } {
  const classIndex = classes ? new Map(classes.map((c, i) => [c, i])) : undefined;
  const rows: number[] = [];
  const y: number[] = [];
  let unknown = 0;
  for (let r = 0; r < rowCount; r++) {
    if (mask && !mask[r]) continue;
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
  return { rows, y: Float64Array.from(y), unknown };
}
