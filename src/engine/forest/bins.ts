// Features are binned once per forest: each value becomes a small integer, and every split is "bin
// <= b". A column with at most MAX_BINS distinct values gets one bin per value, so its splits are exactly
// those of an exact search; a column with more gets quantile bins. The threshold between two bins is
// the midpoint of the largest value below it and the smallest above it, so `value < threshold` sends
// a row left exactly when its bin is on the left, in our predictor and in ml-random-forest's.

import { sortedPresent } from '../data/sorted.ts';

export const MAX_BINS = 255;
/** The bin of a missing value; it always goes right, as NaN < threshold is false at prediction. */
export const MISSING_BIN = 255;

export interface BinnedFeature {
  /** One bin per row. */
  bins: Uint8Array;
  /** thresholds[b]: the split value that separates bins <= b from bins > b. */
  thresholds: Float64Array;
  /** The number of non-missing bins. */
  count: number;
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The smallest double greater than x (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  i64[0] = x > 0 ? i64[0]! + 1n : i64[0]! - 1n;
  return f64[0]!;
}

/** `out`, when given, receives the bins (a worker writes its columns straight into shared memory). */
export function binFeature(values: Float64Array, out: Uint8Array = new Uint8Array(values.length)): BinnedFeature {
  const present = sortedPresent(values);
  // The distinct values, in order (each as its first occurrence: -0 stands for ±0), while there are
  // at most MAX_BINS; past that, only that there are more.
  const distinct: number[] = [];
  for (let i = 0; i < present.length && distinct.length <= MAX_BINS; i++) if (i === 0 || present[i] !== present[i - 1]) distinct.push(present[i]!);
  let upper: number[]; // the largest value of each bin
  if (distinct.length <= MAX_BINS) upper = distinct;
  else {
    upper = [];
    for (let b = 1; b <= MAX_BINS; b++) {
      const v = present[Math.min(present.length - 1, Math.floor((b * present.length) / MAX_BINS) - 1)]!;
      if (upper.length === 0 || v > upper[upper.length - 1]!) upper.push(v);
    }
    let last = present.length - 1;
    while (last > 0 && present[last - 1] === present[last]) last--;
    if (upper[upper.length - 1]! < present[last]!) upper[upper.length - 1] = present[last]!;
  }
  const thresholds = new Float64Array(upper.length);
  // The smallest value above each bin: the first present value past the bin's largest.
  let d = 0;
  for (let b = 0; b < upper.length - 1; b++) {
    while (present[d]! <= upper[b]!) d++;
    const mid = (upper[b]! + present[d]!) / 2;
    // Midpoints can round onto the upper value; then the upper value itself is the threshold.
    thresholds[b] = mid > upper[b]! ? mid : present[d]!;
  }
  // Splitting after the last bin sends every value left and only missing ones right. The threshold
  // must stay finite (JSON has no Infinity): the next double above the largest value.
  if (upper.length > 0) thresholds[upper.length - 1] = nextUp(upper[upper.length - 1]!);
  const bins = out;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) {
      bins[i] = MISSING_BIN;
      continue;
    }
    let lo = 0;
    let hi = upper.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= upper[mid]!) hi = mid;
      else lo = mid + 1;
    }
    bins[i] = lo;
  }
  return { bins, thresholds, count: upper.length };
}
