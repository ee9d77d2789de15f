// Scores predictions: the metrics, their 95% confidence intervals by a seeded bootstrap of the test
// rows, and the metrics per slice. Pure: rows in, numbers out.
import { mulberry32 } from '../forest/rng.ts';
import { classificationMetrics, type ClassificationMetrics } from './classification.ts';
import { regressionMetrics, type RegressionMetrics } from './regression.ts';
import { drawCounts, resampleScorer } from './resample.ts';
import { classified, type Predictions, type Scalars } from './predictions.ts';

export type { Predictions, Scalars };

/** The scalar metrics of a set of rows (all rows when `rows` is undefined). */
export function scalarMetrics(p: Predictions, rows?: ArrayLike<number>): Scalars {
  const pick = (a: Float64Array, width = 1): Float64Array => {
    if (!rows) return a;
    const out = new Float64Array(rows.length * width);
    for (let i = 0; i < rows.length; i++) for (let w = 0; w < width; w++) out[i * width + w] = a[rows[i]! * width + w]!;
    return out;
  };
  if (p.task === 'regression') return { ...regressionMetrics(pick(p.yTrue), pick(p.yPred)) };
  const { classes, proba } = classified(p);
  return scalarsOf(classificationMetrics(pick(p.yTrue), pick(p.yPred), pick(proba, classes.length), classes));
}

/** The scalars of metrics already computed (fullMetrics): scalarMetrics without computing them again. */
export function scalarsOf(m: ClassificationMetrics | RegressionMetrics): Scalars {
  if (!('confusion_matrix' in m)) return { ...m };
  const { per_class, confusion_matrix, ...scalars } = m;
  return scalars;
}

export function fullMetrics(p: Predictions): ClassificationMetrics | RegressionMetrics {
  if (p.task === 'regression') return regressionMetrics(p.yTrue, p.yPred);
  const { classes, proba } = classified(p);
  return classificationMetrics(p.yTrue, p.yPred, proba, classes);
}

/** 95% percentile intervals from `resamples` seeded bootstrap resamples of the rows, for the metrics `names` (scalarMetrics(p)'s, in its order). */
export function bootstrapIntervals(p: Predictions, resamples: number, seed: number, names: readonly string[] = Object.keys(scalarMetrics(p))): Record<string, [number, number] | null> {
  const n = p.yTrue.length;
  const rng = mulberry32(seed);
  const samples: Record<string, number[]> = {};
  const rows = new Int32Array(n);
  const counts = new Int32Array(n);
  const score = resampleScorer(p);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) rows[i] = Math.floor(rng() * n);
    for (const [name, v] of Object.entries(score(rows, drawCounts(rows, counts)))) {
      if (v === null || !Number.isFinite(v)) continue;
      (samples[name] ??= []).push(v);
    }
  }
  const out: Record<string, [number, number] | null> = {};
  for (const name of names) {
    const s = samples[name];
    if (!s || s.length < resamples / 2) {
      out[name] = null;
      continue;
    }
    s.sort((a, b) => a - b);
    const q = (x: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(x * (s.length - 1))))]!;
    out[name] = [q(0.025), q(0.975)];
  }
  return out;
}

export interface Slice {
  column: string;
  value: string;
  rows: number;
  metrics: Scalars;
}

/**
 * Rows grouped by a column's value (categories as they are; numbers in quantile bins), in reading
 * order: number bins from low to high, then missing, then categories by name. Sorting the labels as
 * text would put "[10, 20)" before "[3, 10)".
 */
export function sliceRows(values: readonly (string | number | null)[], bins: number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const numbers = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const edges: number[] = [];
  if (numbers.length > 0) for (let b = 1; b < bins; b++) edges.push(numbers[Math.floor((b * numbers.length) / bins)]!);
  const uniqueEdges = [...new Set(edges)];
  const binOf = (v: number) => {
    let b = 0;
    while (b < uniqueEdges.length && v >= uniqueEdges[b]!) b++;
    return b;
  };
  const labelOf = (b: number) => {
    const lo = b === 0 ? numbers[0]! : uniqueEdges[b - 1]!;
    const hi = b === uniqueEdges.length ? numbers[numbers.length - 1]! : uniqueEdges[b]!;
    return b === uniqueEdges.length ? `[${lo}, ${hi}]` : `[${lo}, ${hi})`;
  };
  const byBin = new Map<number, number[]>();
  const missing: number[] = [];
  const byCategory = new Map<string, number[]>();
  values.forEach((v, i) => {
    if (v === null) missing.push(i);
    else if (typeof v === 'number') {
      const b = binOf(v);
      const g = byBin.get(b);
      if (g) g.push(i);
      else byBin.set(b, [i]);
    } else {
      const g = byCategory.get(v);
      if (g) g.push(i);
      else byCategory.set(v, [i]);
    }
  });
  for (const [b, rows] of [...byBin].sort(([x], [y]) => x - y)) groups.set(labelOf(b), rows);
  if (missing.length > 0) groups.set('(missing)', missing);
  for (const [name, rows] of [...byCategory].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) groups.set(name, rows);
  return groups;
}
