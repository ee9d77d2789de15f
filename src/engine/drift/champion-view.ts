// What the champion says about the current data: how its predictions drifted, its accuracy estimated
// from its calibrated confidence, and measured where the data has labels.
import type { PipelineConfig } from '../config/pipeline.ts';
import { knownLabels } from '../data/labels.ts';
import { columnByName, type Table } from '../data/table.ts';
import type { ModelPackage } from '../model/package.ts';
import { estimateAccuracy, topShares, type AccuracyEstimate } from './calibration.ts';
import { columnDrift, type ColumnDrift, type ColumnKind, type ColumnSide } from './detect.ts';
import type { Performance } from './report.ts';
import { categoricalSample, numericSample } from './sample.ts';
import { present } from '../present.ts';
import { predictPackage } from '../model/predict.ts';

type DriftConfig = PipelineConfig['drift'];

/** The current data's labelled rows as class indexes (or values), when it has the target. */
function currentLabels(pkg: ModelPackage, table: Table): { rows: number[]; y: Float64Array } | undefined {
  const col = columnByName(table, pkg.target.name);
  if (!col) return undefined;
  const { rows, y } = knownLabels(col, pkg.target.classes, table.rowCount);
  return rows.length ? { rows, y } : undefined;
}

/** A model's predictions as a column side: classes as categories, numbers as numbers. */
export function predictionSide(pkg: ModelPackage, yPred: Float64Array): ColumnSide {
  const classes = pkg.target.classes;
  return { sample: classes ? categoricalSample(classes, Int32Array.from(yPred)) : numericSample(yPred), missing: 0 };
}

export interface ModelView {
  prediction: ColumnDrift | null;
  estimated: AccuracyEstimate | null;
  measured: Extract<Performance, { kind: 'measured' }> | null;
  note: string | null;
}

/** What the champion says about the current data: its prediction drift, estimated and measured performance. */
export async function modelView(pkg: ModelPackage, current: Table, referencePredictions: ColumnSide | undefined, drift: DriftConfig, gone: readonly string[]): Promise<ModelView> {
  const none = { prediction: null, estimated: null, measured: null };
  if (gone.length > 0) return { ...none, note: `the current data lacks columns the champion needs (${gone.slice(0, 5).join(', ')}), so its predictions and performance cannot be computed` };
  if (current.rowCount === 0) return { ...none, note: 'no current rows' };
  const { yPred, shares } = await predictPackage(pkg, current);
  const classes = pkg.target.classes;
  let prediction: ColumnDrift | null = null;
  const kind: ColumnKind = classes ? 'categorical' : 'numeric';
  const currentSide = predictionSide(pkg, yPred);
  if (referencePredictions) prediction = columnDrift({ name: 'prediction', kind, reference: referencePredictions, current: currentSide }, drift);
  let estimated: AccuracyEstimate | null = null;
  const cal = pkg.holdout?.calibration;
  if (classes && cal) estimated = estimateAccuracy(cal, topShares(present(shares, "the champion's class shares"), classes.length));
  let measured: ModelView['measured'] = null;
  const labels = currentLabels(pkg, current);
  if (labels && labels.rows.length >= drift.minRows) {
    const n = labels.rows.length;
    if (classes) {
      let right = 0;
      labels.rows.forEach((r, i) => (right += yPred[r] === labels.y[i] ? 1 : 0));
      const acc = right / n;
      const half = 1.96 * Math.sqrt((acc * (1 - acc)) / n);
      measured = { kind: 'measured', metric: 'accuracy', value: acc, interval: [Math.max(0, acc - half), Math.min(1, acc + half)], rows: n, reference: pkg.holdout?.metrics.accuracy ?? null, lowerIsBetter: false };
    } else {
      let se = 0;
      labels.rows.forEach((r, i) => (se += (yPred[r]! - labels.y[i]!) ** 2));
      measured = { kind: 'measured', metric: 'rmse', value: Math.sqrt(se / n), interval: null, rows: n, reference: pkg.holdout?.metrics.rmse ?? null, lowerIsBetter: true };
    }
  }
  const note = !classes ? null : !cal ? 'the champion has no calibration map (it was trained before drift-report existed), so its accuracy cannot be estimated without labels' : null;
  return { prediction, estimated, measured, note };
}

/** A column's drift as the JSON summary records it: non-finite numbers as null, at most 50 new categories. */
export function jsonColumn(c: ColumnDrift) {
  const n = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  return { column: c.column, kind: c.kind, test: c.test, score: n(c.score), threshold: n(c.threshold), drifted: c.drifted, psi: n(c.psi), reference_rows: c.referenceRows, current_rows: c.currentRows, missing_share: c.missingShare, new_categories: c.newCategories.slice(0, 50), ...(c.words ? { words: c.words } : {}), note: c.note ?? null };
}
