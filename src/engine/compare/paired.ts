// Two models measured on the same rows: each one's metrics, the paired difference of every metric with
// its interval and test, and the rows on which exactly one of them is right. Pure: predictions in,
// numbers out.
import { fullMetrics, scalarsOf, type Predictions, type Scalars } from '../metrics/evaluate.ts';
import type { ClassificationMetrics } from '../metrics/classification.ts';
import type { RegressionMetrics } from '../metrics/regression.ts';
import { LOWER_IS_BETTER } from './gates.ts';
import type { MetricRow } from './report.ts';
import { mcnemarExact, pairedBootstrap, type PairedResult } from './significance.ts';

/** Rows only the champion got right, and rows only the candidate got right: McNemar's b and c. */
export function disagreements(champion: Predictions, candidate: Predictions): { championOnly: number; candidateOnly: number } {
  if (champion.yTrue.length !== candidate.yTrue.length) throw new RangeError(`the two models were scored on ${champion.yTrue.length} and ${candidate.yTrue.length} rows, not the same rows`);
  let championOnly = 0;
  let candidateOnly = 0;
  for (let i = 0; i < candidate.yTrue.length; i++) {
    const truth = candidate.yTrue[i];
    const champRight = champion.yPred[i] === truth;
    const candRight = candidate.yPred[i] === truth;
    if (champRight && !candRight) championOnly++;
    else if (candRight && !champRight) candidateOnly++;
  }
  return { championOnly, candidateOnly };
}

/** True when the two models predict the same on every row. */
export function samePredictions(champion: Predictions, candidate: Predictions): boolean {
  if (champion.yPred.length !== candidate.yPred.length) return false;
  for (let i = 0; i < candidate.yPred.length; i++) if (champion.yPred[i] !== candidate.yPred[i]) return false;
  return true;
}

export interface PairedMeasurement {
  candidate: ClassificationMetrics | RegressionMetrics;
  champion: ClassificationMetrics | RegressionMetrics | undefined;
  candidateScalars: Scalars;
  championScalars: Scalars | undefined;
  /** Every scalar metric of the candidate, beside the champion's, with the paired difference and test. */
  rows: MetricRow[];
  /** The paired test of each metric (none without a champion, or with no resamples). */
  tests: Record<string, PairedResult>;
}

/**
 * Measures the candidate, and the champion on the same rows when there is one. Every metric's paired
 * test is a paired bootstrap of `resamples` draws (none when 0); accuracy's p is McNemar's exact test.
 */
export function measurePair(candidate: Predictions, champion: Predictions | undefined, options: { resamples: number; seed: number; alpha: number }): PairedMeasurement {
  const candFull = fullMetrics(candidate);
  const champFull = champion ? fullMetrics(champion) : undefined;
  const candidateScalars = scalarsOf(candFull);
  const championScalars = champFull ? scalarsOf(champFull) : undefined;
  const tests = champion && championScalars && options.resamples > 0 ? pairedBootstrap(champion, candidate, options.resamples, options.seed, { a: championScalars, b: candidateScalars }) : {};
  if (champion && candidate.task === 'classification' && tests.accuracy) {
    const { championOnly, candidateOnly } = disagreements(champion, candidate);
    tests.accuracy.p = mcnemarExact(championOnly, candidateOnly);
  }
  const rows = Object.keys(candidateScalars).map((name): MetricRow => {
    const t = tests[name];
    return { name, champion: championScalars?.[name] ?? null, candidate: candidateScalars[name] ?? null, diff: t?.diff ?? null, ci: t?.ci ?? null, p: t?.p ?? null, significant: t ? t.p < options.alpha : null, lowerIsBetter: LOWER_IS_BETTER.has(name) };
  });
  return { candidate: candFull, champion: champFull, candidateScalars, championScalars, rows, tests };
}
