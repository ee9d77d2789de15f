// A label-free estimate of a classifier's accuracy, after NannyML's confidence-based performance
// estimation (CBPE): train fits an isotonic map from the forest's top vote share to the chance that the
// prediction is right, on the test split; on new data, the mean of the mapped shares estimates the
// accuracy. It holds while the relation between features and label stays as it was (covariate shift),
// which is what the drift report says it assumes.

export interface Calibration {
  method: 'isotonic';
  /** What is mapped: the share of trees that vote for the predicted class. */
  input: 'top-vote-share';
  /** Increasing thresholds and their calibrated probabilities (scikit-learn's X_thresholds_, y_thresholds_). */
  x: number[];
  y: number[];
  /** The test rows it was fitted on, and the accuracy measured there. */
  rows: number;
  accuracy: number;
}

/**
 * Isotonic regression of y on x, increasing, by pool-adjacent-violators (scikit-learn's
 * IsotonicRegression: ties in x averaged first; points inside a flat run dropped).
 */
export function fitIsotonic(x: ArrayLike<number>, y: ArrayLike<number>): { x: number[]; y: number[] } {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (const i of order) {
    const last = ux.length - 1;
    if (last >= 0 && ux[last] === x[i]) {
      uy[last] = (uy[last]! * uw[last]! + y[i]!) / (uw[last]! + 1);
      uw[last]!++;
    } else {
      ux.push(x[i]!);
      uy.push(y[i]!);
      uw.push(1);
    }
  }
  // Blocks: value, weight, and how many unique points each covers. A block that breaks the order
  // with the one before is pooled into it, and that one, in turn, with the one before it.
  const blocks: { value: number; weight: number; size: number }[] = [];
  for (let i = 0; i < ux.length; i++) {
    let block = { value: uy[i]!, weight: uw[i]!, size: 1 };
    for (let prev = blocks.pop(); prev; prev = blocks.pop()) {
      if (prev.value <= block.value) {
        blocks.push(prev);
        break;
      }
      const weight = prev.weight + block.weight;
      block = { value: (prev.value * prev.weight + block.value * block.weight) / weight, weight, size: prev.size + block.size };
    }
    blocks.push(block);
  }
  const fitted: number[] = [];
  for (const b of blocks) for (let s = 0; s < b.size; s++) fitted.push(b.value);
  const keepX: number[] = [];
  const keepY: number[] = [];
  for (let i = 0; i < ux.length; i++) {
    const inner = i > 0 && i < ux.length - 1;
    if (!inner || fitted[i - 1] !== fitted[i] || fitted[i] !== fitted[i + 1]) {
      keepX.push(ux[i]!);
      keepY.push(fitted[i]!);
    }
  }
  return { x: keepX, y: keepY };
}

/** The calibrated probability of a vote share: linear between thresholds, clipped outside them. */
export function calibrated(cal: Pick<Calibration, 'x' | 'y'>, share: number): number {
  const { x, y } = cal;
  if (x.length === 0) return Number.NaN;
  if (share <= x[0]!) return y[0]!;
  if (share >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= share) lo = mid;
    else hi = mid;
  }
  const t = (share - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

/** Fits the map on test rows: each row's top vote share and whether its prediction was right. */
export function fitCalibration(topShares: ArrayLike<number>, correct: ArrayLike<number>): Calibration {
  const fit = fitIsotonic(topShares, correct);
  let right = 0;
  for (let i = 0; i < correct.length; i++) right += correct[i]!;
  return { method: 'isotonic', input: 'top-vote-share', x: fit.x, y: fit.y, rows: correct.length, accuracy: correct.length ? right / correct.length : Number.NaN };
}

export interface AccuracyEstimate {
  accuracy: number;
  /** A 95% interval from the rows' own uncertainty (each row right with its calibrated probability). */
  interval: [number, number];
  rows: number;
}

/** The expected accuracy on rows with these top vote shares. */
export function estimateAccuracy(cal: Pick<Calibration, 'x' | 'y'>, topShares: ArrayLike<number>): AccuracyEstimate {
  const n = topShares.length;
  let sum = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const p = calibrated(cal, topShares[i]!);
    sum += p;
    variance += p * (1 - p);
  }
  const accuracy = n ? sum / n : Number.NaN;
  const half = n ? (1.96 * Math.sqrt(variance)) / n : Number.NaN;
  return { accuracy, interval: [Math.max(0, accuracy - half), Math.min(1, accuracy + half)], rows: n };
}

/** Each row's largest share among its K class shares. */
export function topShares(proba: Float64Array, classes: number): Float64Array {
  const n = proba.length / classes;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let k = 0; k < classes; k++) best = Math.max(best, proba[r * classes + k]!);
    out[r] = best;
  }
  return out;
}
