// The bootstrap's scorer: the scalar metrics of one resample, computed from the rows it drew and
// how often it drew each, over orders sorted once. scalarMetrics(p, rows) copies the resampled rows
// and sorts them again per class for every resample (O(K·n log n) and K copies each time); this is
// O(K·n) with no allocation per resample, and gives the very same numbers: every sum runs in the
// order the original runs it (the draws' order for losses and errors, the sorted order for ranks),
// and the rank sums are half-integers, exact in a double.
import { confusionScalars, LOG_LOSS_EPS } from './classification.ts';
import { classified, type Predictions, type Scalars } from './predictions.ts';

/** Scores a resample: `rows` are the draws in order, `counts[i]` how often row i was drawn. */
export type ResampleScorer = (rows: Int32Array, counts: Int32Array) => Scalars;

/** Counts how often each row was drawn. */
export function drawCounts(rows: Int32Array, counts: Int32Array): Int32Array {
  counts.fill(0);
  for (let j = 0; j < rows.length; j++) counts[rows[j]!]!++;
  return counts;
}

/** One class's scores sorted once, highest first, with the rows and their truth in that order. */
interface SortedClass {
  rows: Int32Array;
  score: Float64Array;
  positive: Uint8Array;
  /** The rows of the class. */
  positives: Int32Array;
  /** Where the lowest tie group starts (with many classes, most rows share the score 0 there). */
  lastGroup: number;
}

function sortDescending(score: Float64Array, positive: Uint8Array): SortedClass {
  const rows = Int32Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  const sorted = Float64Array.from(rows, (r) => score[r]!);
  let lastGroup = sorted.length;
  while (lastGroup > 0 && sorted[lastGroup - 1] === sorted[sorted.length - 1]) lastGroup--;
  return { rows, score: sorted, positive: Uint8Array.from(rows, (r) => positive[r]!), positives: Int32Array.from(rows.filter((r) => positive[r] === 1)), lastGroup };
}

/**
 * rocAuc and averagePrecision of a resample in one walk down the scores. The tie groups are those of
 * the resampled copy (a group no draw fell in is skipped). A group's mid-rank from the bottom is
 * (below + (below + drawn − 1)) / 2 + 1 with below = m − above − drawn, as rocAuc ranks the copy, and
 * the precision sum runs from the highest score down, as averagePrecision sums it.
 */
function aucs(c: SortedClass, counts: Int32Array, m: number): { roc: number | null; pr: number | null } {
  const { rows, score, positive, positives, lastGroup } = c;
  let total = 0;
  for (let i = 0; i < positives.length; i++) total += counts[positives[i]!]!;
  let above = 0;
  let tp = 0;
  let fp = 0;
  let rankSum = 0;
  let ap = 0;
  let lastRecall = 0;
  for (let i = 0; i <= lastGroup && rows.length > 0; ) {
    let drawn = 0;
    let pos = 0;
    if (i === lastGroup) {
      // The lowest group holds every draw not above it: counted, not walked (integers, so exact).
      drawn = m - above;
      pos = total - tp;
      i++;
    } else {
      const s = score[i]!;
      let j = i;
      for (; j < lastGroup && score[j] === s; j++) {
        const w = counts[rows[j]!]!;
        drawn += w;
        if (positive[j]) pos += w;
      }
      i = j;
    }
    if (drawn === 0) continue;
    const below = m - above - drawn;
    rankSum += pos * ((below + (below + drawn - 1)) / 2 + 1);
    above += drawn;
    tp += pos;
    fp += drawn - pos;
    if (total > 0) {
      const recall = tp / total;
      ap += (recall - lastRecall) * (tp / (tp + fp));
      lastRecall = recall;
    }
  }
  const neg = m - total;
  return { roc: total === 0 || neg === 0 ? null : (rankSum - (total * (total + 1)) / 2) / (total * neg), pr: total === 0 ? null : ap };
}

function classificationScorer(p: Predictions): ResampleScorer {
  const { classes, proba } = classified(p);
  const K = classes.length;
  const n = p.yTrue.length;
  const yTrue = Int32Array.from(p.yTrue);
  const yPred = Int32Array.from(p.yPred);
  const logTerm = new Float64Array(n);
  // Brier's terms of each row, its zero terms left out: adding +0 to a sum of squares changes no bit.
  const brierStart = new Int32Array(n + 1);
  const brierTerms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    logTerm[i] = Math.log(Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, proba[i * K + t]!)));
    if (K === 2) brierTerms.push((proba[i * K + 1]! - (t === 1 ? 1 : 0)) ** 2);
    else
      for (let k = 0; k < K; k++) {
        const term = (proba[i * K + k]! - (t === k ? 1 : 0)) ** 2;
        if (term !== 0) brierTerms.push(term);
      }
    brierStart[i + 1] = brierTerms.length;
  }
  const brierTerm = Float64Array.from(brierTerms);
  // One sorted order per class whose AUCs are reported (binary: the positive class only).
  const aucClasses = K === 2 ? [1] : Array.from({ length: K }, (_, k) => k);
  const sorted = aucClasses.map((k) => sortDescending(Float64Array.from({ length: n }, (_, i) => proba[i * K + k]!), Uint8Array.from(yTrue, (t) => (t === k ? 1 : 0))));
  const cm = Array.from({ length: K }, () => new Array<number>(K).fill(0));

  return (rows, counts) => {
    for (const row of cm) row.fill(0);
    for (let i = 0; i < n; i++) if (counts[i]) cm[yTrue[i]!]![yPred[i]!]! += counts[i]!;
    let logLoss = 0;
    let brier = 0;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j]!;
      logLoss -= logTerm[r]!;
      for (let q = brierStart[r]!; q < brierStart[r + 1]!; q++) brier += brierTerm[q]!;
    }
    const m = rows.length;
    let roc: number | null;
    let pr: number | null;
    if (K === 2) ({ roc, pr } = aucs(sorted[0]!, counts, m));
    else {
      // One-vs-rest, macro: the mean over the classes where each is defined, summed in class order.
      let rocSum = 0;
      let rocN = 0;
      let prSum = 0;
      let prN = 0;
      for (const c of sorted) {
        const a = aucs(c, counts, m);
        if (a.roc !== null) {
          rocSum += a.roc;
          rocN++;
        }
        if (a.pr !== null) {
          prSum += a.pr;
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
