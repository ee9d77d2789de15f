// A column's values as the drift tests read them: numbers as sorted distinct values with counts (the
// same thing whether they come from a CSV, a request log, or the profile a model package stores), and
// categories as counts. Missing values are left out, as Evidently drops them before testing.
import { sortedPresent } from '../data/sorted.ts';

export interface NumericSample {
  kind: 'numeric';
  /** Distinct values, ascending. */
  values: Float64Array;
  /** How many rows hold each value (whole numbers, unless `exact` is false). */
  weights: Float64Array;
  /** The number of rows (the sum of the weights). */
  n: number;
  /** Whole-number data (numpy bins such data with a width of at least 1). */
  integer: boolean;
  /** False when the values are quantiles standing in for more distinct values than a profile keeps. */
  exact: boolean;
}

export interface CategoricalSample {
  kind: 'categorical';
  counts: Map<string, number>;
  n: number;
  /** Rows in categories a profile did not keep by name (its long tail); 0 for raw data. */
  other: number;
}

export type Sample = NumericSample | CategoricalSample;

/** The sample of numbers (NaN is missing and left out). */
export function numericSample(values: ArrayLike<number>, integer = false): NumericSample {
  return sortedSample(sortedPresent(values instanceof Float64Array ? values : Float64Array.from(values)), integer);
}

/** The sample of numbers already sorted, none NaN (sortedPresent's). */
export function sortedSample(sorted: Float64Array, integer = false): NumericSample {
  return runLength(sorted, integer);
}

function runLength(sorted: Float64Array, integer: boolean): NumericSample {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const values = new Float64Array(distinct);
  const weights = new Float64Array(distinct);
  let d = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) values[++d] = sorted[i]!;
    weights[d]!++;
  }
  return { kind: 'numeric', values, weights, n: sorted.length, integer, exact: true };
}

/** The counts of each category (null is missing and left out). */
export function categoricalSample(levels: readonly string[], codes: ArrayLike<number>): CategoricalSample {
  const perCode = new Float64Array(levels.length);
  let n = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) {
      perCode[c]!++;
      n++;
    }
  }
  const counts = new Map<string, number>();
  levels.forEach((l, i) => {
    if (perCode[i]! > 0) counts.set(l, (counts.get(l) ?? 0) + perCode[i]!);
  });
  return { kind: 'categorical', counts, n, other: 0 };
}

/** Numbers read as categories (a numeric column with few distinct values, tested as Evidently does). */
export function asCategories(sample: NumericSample): CategoricalSample {
  const counts = new Map<string, number>();
  sample.values.forEach((v, i) => counts.set(String(v), sample.weights[i]!));
  return { kind: 'categorical', counts, n: sample.n, other: 0 };
}

/** How many distinct values the two samples hold together. */
export function distinctTogether(a: Sample, b: Sample): number {
  if (a.kind === 'numeric' && b.kind === 'numeric') {
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < a.values.length || j < b.values.length) {
      const x = i < a.values.length ? a.values[i]! : Infinity;
      const y = j < b.values.length ? b.values[j]! : Infinity;
      if (x <= y) i++;
      if (y <= x) j++;
      n++;
    }
    return n;
  }
  const keys = new Set<string>();
  for (const s of [a, b]) {
    if (s.kind === 'categorical') for (const k of s.counts.keys()) keys.add(k);
    else for (const v of s.values) keys.add(String(v));
  }
  return keys.size;
}

/** The population standard deviation (numpy's std, ddof 0). */
export function stdOf(s: NumericSample): number {
  if (s.n === 0) return 0;
  let mean = 0;
  for (let i = 0; i < s.values.length; i++) mean += s.values[i]! * s.weights[i]!;
  mean /= s.n;
  let ss = 0;
  for (let i = 0; i < s.values.length; i++) ss += s.weights[i]! * (s.values[i]! - mean) ** 2;
  return Math.sqrt(ss / s.n);
}

/**
 * At most `points` (value, count) pairs that stand for the sample in a model package: the sample itself
 * when it has that few distinct values (then every test on it is exact), else its quantiles at evenly
 * spaced ranks, each carrying an equal share of the rows.
 */
export function sketch(s: NumericSample, points: number): { values: number[]; counts: number[]; exact: boolean } {
  if (s.values.length <= points) return { values: Array.from(s.values), counts: Array.from(s.weights), exact: true };
  const values: number[] = [];
  const counts: number[] = [];
  let cum = 0;
  let i = 0;
  for (let p = 0; p < points; p++) {
    const rank = ((p + 0.5) / points) * s.n;
    while (i < s.values.length - 1 && cum + s.weights[i]! <= rank) cum += s.weights[i++]!;
    const v = s.values[i]!;
    if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1]! += s.n / points;
    else {
      values.push(v);
      counts.push(s.n / points);
    }
  }
  return { values, counts, exact: false };
}

/** A sample back from its sketch. */
export function fromSketch(values: readonly number[], counts: readonly number[], integer: boolean, exact: boolean): NumericSample {
  const n = counts.reduce((a, b) => a + b, 0);
  return { kind: 'numeric', values: Float64Array.from(values), weights: Float64Array.from(counts), n, integer, exact };
}
