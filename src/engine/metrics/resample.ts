// The bootstrap's scorer: the scalar metrics of one resample, computed from the rows it drew and
// how often it drew each, over orders sorted once. scalarMetrics(p, rows) copies the resampled rows
// and sorts them again per class for every resample (O(K·n log n) and K copies each time); this is
// O(K·n) with no allocation per resample, and gives the very same numbers: every sum runs in the
// order the original runs it (the draws' order for losses and errors, the sorted order for ranks),
// and the rank sums are half-integers, exact in a double.
import { confusionScalars, LOG_LOSS_EPS } from './classification.ts';
import type { Predictions, Scalars } from './evaluate.ts';

/** Scores a resample: `rows` are the draws in order, `counts[i]` how often row i was drawn. */
export type ResampleScorer = (rows: Int32Array, counts: Int32Array) => Scalars;

/** Counts how often each row was drawn. */
export function drawCounts(rows: Int32Array, counts: Int32Array): Int32Array {
  counts.fill(0);
  for (let j = 0; j < rows.length; j++) counts[rows[j]!]!++;
  return counts;
}

function ascendingOrder(score: Float64Array): Int32Array {
  const order = Int32Array.from({ length: score.length }, (_, i) => i);
  return order.sort((a, b) => score[a]! - score[b]!);
}

/**
 * rocAuc of the resample over `order` (ascending scores): mid-ranks of each tie group among the
 * drawn rows, as rocAuc ranks the resampled copy.
 */
function weightedRocAuc(order: Int32Array, score: Float64Array, positive: Uint8Array, counts: Int32Array, n: number): number | null {
  let start = 0;
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    const s = score[order[i]!]!;
    let weight = 0;
    let posWeight = 0;
    for (; j < order.length && score[order[j]!] === s; j++) {
      const c = counts[order[j]!]!;
      weight += c;
      if (positive[order[j]!]) posWeight += c;
    }
    if (weight > 0) {
      const midRank = (start + (start + weight - 1)) / 2 + 1;
      pos += posWeight;
      rankSum += posWeight * midRank;
      start += weight;
    }
    i = j;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** averagePrecision of the resample: tie groups from the highest score down, skipping groups not drawn. */
function weightedAveragePrecision(order: Int32Array, score: Float64Array, positive: Uint8Array, counts: Int32Array): number | null {
  let total = 0;
  for (let i = 0; i < order.length; i++) if (positive[i]) total += counts[i]!;
  if (total === 0) return null;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let lastRecall = 0;
  for (let i = order.length - 1; i >= 0; ) {
    let j = i;
    const s = score[order[i]!]!;
    let drawn = 0;
    for (; j >= 0 && score[order[j]!] === s; j--) {
      const c = counts[order[j]!]!;
      drawn += c;
      if (positive[order[j]!]) tp += c;
      else fp += c;
    }
    if (drawn > 0) {
      const recall = tp / total;
      ap += (recall - lastRecall) * (tp / (tp + fp));
      lastRecall = recall;
    }
    i = j;
  }
  return ap;
}

function classificationScorer(p: Predictions): ResampleScorer {
  const K = p.classes!.length;
  const n = p.yTrue.length;
  const proba = p.proba!;
  const yTrue = Int32Array.from(p.yTrue);
  const yPred = Int32Array.from(p.yPred);
  const logTerm = new Float64Array(n);
  const brierTerm = new Float64Array(K === 2 ? n : n * K);
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    logTerm[i] = Math.log(Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, proba[i * K + t]!)));
    if (K === 2) brierTerm[i] = (proba[i * K + 1]! - (t === 1 ? 1 : 0)) ** 2;
    else for (let k = 0; k < K; k++) brierTerm[i * K + k] = (proba[i * K + k]! - (t === k ? 1 : 0)) ** 2;
  }
  // One sorted order per class whose AUCs are reported (binary: the positive class only).
  const aucClasses = K === 2 ? [1] : Array.from({ length: K }, (_, k) => k);
  const columns = aucClasses.map((k) => Float64Array.from({ length: n }, (_, i) => proba[i * K + k]!));
  const orders = columns.map(ascendingOrder);
  const truths = aucClasses.map((k) => Uint8Array.from(yTrue, (t) => (t === k ? 1 : 0)));
  const cm = Array.from({ length: K }, () => new Array<number>(K).fill(0));

  return (rows, counts) => {
    for (const row of cm) row.fill(0);
    for (let i = 0; i < n; i++) if (counts[i]) cm[yTrue[i]!]![yPred[i]!]! += counts[i]!;
    let logLoss = 0;
    let brier = 0;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j]!;
      logLoss -= logTerm[r]!;
      if (K === 2) brier += brierTerm[r]!;
      else for (let k = 0; k < K; k++) brier += brierTerm[r * K + k]!;
    }
    const m = rows.length;
    let roc: number | null;
    let pr: number | null;
    if (K === 2) {
      roc = weightedRocAuc(orders[0]!, columns[0]!, truths[0]!, counts, m);
      pr = weightedAveragePrecision(orders[0]!, columns[0]!, truths[0]!, counts);
    } else {
      let rocSum = 0;
      let rocN = 0;
      let prSum = 0;
      let prN = 0;
      for (let c = 0; c < aucClasses.length; c++) {
        const r = weightedRocAuc(orders[c]!, columns[c]!, truths[c]!, counts, m);
        if (r !== null) {
          rocSum += r;
          rocN++;
        }
        const a = weightedAveragePrecision(orders[c]!, columns[c]!, truths[c]!, counts);
        if (a !== null) {
          prSum += a;
          prN++;
        }
      }
      roc = rocN ? rocSum / rocN : null;
      pr = prN ? prSum / prN : null;
    }
    const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
    return { ...confusionScalars(cm, m), roc_auc: roc, pr_auc: pr, log_loss: div(logLoss, m), brier: div(brier, m) };
  };
}

function regressionScorer(p: Predictions): ResampleScorer {
  const n = p.yTrue.length;
  const y = p.yTrue;
  const e2 = new Float64Array(n);
  const abs = new Float64Array(n);
  const ape = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = y[i]! - p.yPred[i]!;
    e2[i] = e * e;
    abs[i] = Math.abs(e);
    // scikit-learn's mean_absolute_percentage_error divides by max(|y|, eps).
    ape[i] = abs[i]! / Math.max(Math.abs(y[i]!), Number.EPSILON);
  }
  const byAbs = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => abs[a]! - abs[b]!);
  /** The k-th smallest absolute error of the resample (0-based). */
  const kth = (counts: Int32Array, k: number): number => {
    let seen = 0;
    for (let i = 0; i < n; i++) {
      seen += counts[byAbs[i]!]!;
      if (seen > k) return abs[byAbs[i]!]!;
    }
    return 0;
  };
  return (rows, counts) => {
    const m = rows.length;
    let mean = 0;
    for (let j = 0; j < m; j++) mean += y[rows[j]!]!;
    mean /= m || 1;
    let se = 0;
    let ae = 0;
    let apeSum = 0;
    let ss = 0;
    for (let j = 0; j < m; j++) {
      const r = rows[j]!;
      se += e2[r]!;
      ae += abs[r]!;
      apeSum += ape[r]!;
      ss += (y[r]! - mean) ** 2;
    }
    const median = m === 0 ? 0 : m % 2 ? kth(counts, (m - 1) / 2) : (kth(counts, m / 2 - 1) + kth(counts, m / 2)) / 2;
    return { rmse: Math.sqrt(se / (m || 1)), mae: ae / (m || 1), r2: ss === 0 ? (se === 0 ? 1 : 0) : 1 - se / ss, mape: apeSum / (m || 1), median_ae: median };
  };
}

/** A scorer for resamples of `p`'s rows, equal to scalarMetrics(p, rows) for every resample. */
export function resampleScorer(p: Predictions): ResampleScorer {
  return p.task === 'regression' ? regressionScorer(p) : classificationScorer(p);
}
