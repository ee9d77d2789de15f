// The promotion decision, separate from the measuring. Gates follow MLflow's validation thresholds:
// per metric an absolute `threshold` (a floor, or a ceiling when lower is better), and against the
// champion `min_absolute_change`, `min_relative_change` and `max_regression`.
import { formatP } from './p-value.ts';

/** Metrics where a smaller value is better; every other built-in metric is better when larger. */
export const LOWER_IS_BETTER = new Set(['log_loss', 'brier', 'rmse', 'mae', 'mape', 'median_ae']);

export interface MetricGate {
  threshold?: number;
  min_absolute_change?: number;
  min_relative_change?: number;
  max_regression?: number;
}

export interface Gates {
  primary: string;
  requireSignificantGain: boolean;
  alpha: number;
  metrics: Record<string, MetricGate>;
}

export type Decision = 'promote' | 'reject' | 'first-model' | 'no-change';

export interface Verdict {
  decision: Decision;
  promote: boolean;
  reasons: string[];
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : Number(v.toPrecision(4)).toString());

/** What the comparison found beyond the metrics, which can decide on its own. */
export interface Evidence {
  /** The champion is there but cannot be scored on this data: why. */
  unscorableChampion?: string | undefined;
  /** The candidate is the champion (same digest) or predicts exactly what it predicts on every row. */
  identical?: string | undefined;
  /** Too few rows to decide on: why. */
  tooFewRows?: string | undefined;
}

/**
 * Decides. `candidate` and `champion` are scalar metrics on the same rows (champion undefined for a
 * first model); `primaryTest` is the paired test on the primary metric. Only a candidate that passes
 * every gate is promoted: a first model that misses a threshold is rejected like any other.
 */
export function decide(gates: Gates, candidate: Record<string, number | null>, champion: Record<string, number | null> | undefined, primaryTest: { p: number; diff: number } | undefined, evidence: Evidence = {}): Verdict {
  const reasons: string[] = [];
  let failed = false;
  if (evidence.tooFewRows !== undefined) return { decision: 'reject', promote: false, reasons: [evidence.tooFewRows] };
  // An identical candidate is judged by the absolute thresholds only: a change against itself is 0.
  const relative = evidence.identical === undefined ? champion : undefined;
  const better = (name: string, d: number) => (LOWER_IS_BETTER.has(name) ? -d : d);
  for (const [name, gate] of Object.entries(gates.metrics)) {
    const value = candidate[name];
    if (value === null || value === undefined) {
      reasons.push(`${name}: not available for this model, so its gate cannot pass`);
      failed = true;
      continue;
    }
    if (gate.threshold !== undefined) {
      const ok = LOWER_IS_BETTER.has(name) ? value <= gate.threshold : value >= gate.threshold;
      reasons.push(`${name} ${fmt(value)} ${ok ? 'meets' : 'misses'} the ${LOWER_IS_BETTER.has(name) ? 'ceiling' : 'floor'} ${fmt(gate.threshold)}`);
      if (!ok) failed = true;
    }
    if (!relative) continue;
    const base = relative[name];
    const changeGates = (['min_absolute_change', 'min_relative_change', 'max_regression'] as const).filter((g) => gate[g] !== undefined);
    if (base === null || base === undefined) {
      // A gate that cannot be judged does not pass: a change gate on an unmeasurable champion value
      // would otherwise let the candidate through unjudged.
      if (changeGates.length > 0) {
        reasons.push(`${name}: the champion's value is not available on these rows (${name === 'roc_auc' || name === 'pr_auc' ? 'they hold one class only' : 'it cannot be computed'}), so ${changeGates.join(', ')} cannot be judged and the gate does not pass`);
        failed = true;
      }
      continue;
    }
    const gain = better(name, value - base); // > 0: the candidate is better
    if (gate.min_absolute_change !== undefined && gain < gate.min_absolute_change) {
      reasons.push(`${name} improves by ${fmt(gain)}, less than min_absolute_change ${fmt(gate.min_absolute_change)}`);
      failed = true;
    }
    if (gate.min_relative_change !== undefined) {
      const rel = base === 0 ? (gain > 0 ? Infinity : 0) : gain / Math.abs(base);
      if (rel < gate.min_relative_change) {
        reasons.push(`${name} improves by ${fmt(rel * 100)}%, less than min_relative_change ${fmt(gate.min_relative_change * 100)}%`);
        failed = true;
      }
    }
    if (gate.max_regression !== undefined && -gain > gate.max_regression) {
      reasons.push(`${name} is worse by ${fmt(-gain)}, more than max_regression ${fmt(gate.max_regression)}`);
      failed = true;
    }
  }
  if (evidence.unscorableChampion !== undefined) {
    // There is a champion, but it cannot be scored on this data: the thresholds decide alone.
    return { decision: failed ? 'reject' : 'promote', promote: !failed, reasons: [evidence.unscorableChampion, ...reasons] };
  }
  if (!champion) {
    return { decision: failed ? 'reject' : 'first-model', promote: !failed, reasons: [`no champion yet: only the absolute thresholds apply`, ...reasons] };
  }
  if (evidence.identical !== undefined) {
    return { decision: failed ? 'reject' : 'no-change', promote: false, reasons: [evidence.identical, ...reasons] };
  }
  if (!primaryTest || !Number.isFinite(primaryTest.p) || !Number.isFinite(primaryTest.diff)) {
    // No paired test (no resamples, or a primary metric with no value on these rows): a gate that asks
    // for significance cannot be judged, so it does not pass; without one, the reasons say what was not tested.
    const why = `there is no paired test of ${gates.primary} on these rows (evaluation.bootstrap is 0, or the metric has no value on them)`;
    if (gates.requireSignificantGain) {
      reasons.push(`${why}, so require_significant_gain cannot be judged and does not pass`);
      failed = true;
    } else reasons.push(`${why}: the change against the champion was not tested for significance`);
  } else {
    const gain = better(gates.primary, primaryTest.diff);
    const significant = primaryTest.p < gates.alpha;
    if (significant && gain < 0) {
      reasons.push(`${gates.primary} is significantly worse than the champion's (${fmt(primaryTest.diff)}, ${formatP(primaryTest.p)})`);
      failed = true;
    } else if (gates.requireSignificantGain && !(significant && gain > 0)) {
      reasons.push(`${gates.primary} is not significantly better than the champion's (${fmt(primaryTest.diff)}, ${formatP(primaryTest.p)}); require_significant_gain is on`);
      failed = true;
    } else {
      reasons.push(`${gates.primary}: ${gain > 0 ? 'better' : gain < 0 ? 'worse' : 'no change'} by ${fmt(Math.abs(primaryTest.diff))} (${formatP(primaryTest.p)}, ${significant ? 'significant' : 'not significant'} at α = ${gates.alpha})`);
    }
  }
  return { decision: failed ? 'reject' : 'promote', promote: !failed, reasons };
}
