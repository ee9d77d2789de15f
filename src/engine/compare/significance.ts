// Paired tests on the same rows: McNemar's exact test for accuracy (and error rate), a paired
// bootstrap for every other metric.
import { mulberry32 } from '../forest/rng.ts';
import { scalarMetrics, type Predictions, type Scalars } from '../metrics/evaluate.ts';
import { drawCounts, resampleScorer } from '../metrics/resample.ts';

/** log C(n, k), summed as logs so that large n does not overflow. */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/**
 * McNemar's exact test: b rows only the champion got right, c rows only the candidate got right.
 * Two-sided p = min(1, 2 · P(X <= min(b, c))) with X ~ Binomial(b + c, 1/2).
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

export interface PairedResult {
  diff: number;
  ci: [number, number];
  p: number;
}

/**
 * A paired bootstrap of candidate − champion for every scalar metric: both are scored on the same
 * resampled rows. `base` is each model's scalarMetrics on all the rows (given when already computed). p is twice the smaller share of resamples on either side of zero, each share counted
 * with the usual add-one correction ((k + 1) / (R + 1)): R resamples cannot show a p below about 2/R,
 * so none is reported as 0.
 */
export function pairedBootstrap(champion: Predictions, candidate: Predictions, resamples: number, seed: number, base: { a: Scalars; b: Scalars } = { a: scalarMetrics(champion), b: scalarMetrics(candidate) }): Record<string, PairedResult> {
  const n = champion.yTrue.length;
  const rng = mulberry32(seed);
  const diffs: Record<string, number[]> = {};
  const rows = new Int32Array(n);
  const counts = new Int32Array(n);
  const scoreA = resampleScorer(champion);
  const scoreB = resampleScorer(candidate);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) rows[i] = Math.floor(rng() * n);
    drawCounts(rows, counts);
    const a = scoreA(rows, counts);
    const b = scoreB(rows, counts);
    for (const name of Object.keys(a)) {
      const x = a[name];
      const y = b[name];
      if (x === null || y === null || x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      (diffs[name] ??= []).push(y - x);
    }
  }
  const out: Record<string, PairedResult> = {};
  for (const name of Object.keys(base.a)) {
    const x = base.a[name];
    const y = base.b[name];
    const d = diffs[name];
    if (x === null || y === null || x === undefined || y === undefined || !d || d.length === 0) continue;
    d.sort((p, q) => p - q);
    const q = (t: number) => d[Math.min(d.length - 1, Math.max(0, Math.round(t * (d.length - 1))))]!;
    const below = (d.filter((v) => v <= 0).length + 1) / (d.length + 1);
    const above = (d.filter((v) => v >= 0).length + 1) / (d.length + 1);
    out[name] = { diff: y - x, ci: [q(0.025), q(0.975)], p: Math.min(1, 2 * Math.min(below, above)) };
  }
  return out;
}
