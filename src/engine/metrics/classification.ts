// Classification metrics, as scikit-learn defines them (a ratio with a zero denominator is 0).
// `proba` holds K class shares per row (row-major); AUCs and losses read it.

export interface PerClass {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetrics {
  accuracy: number;
  balanced_accuracy: number;
  precision_macro: number;
  recall_macro: number;
  f1_macro: number;
  f1_weighted: number;
  roc_auc: number | null;
  pr_auc: number | null;
  log_loss: number;
  brier: number;
  per_class: Record<string, PerClass>;
  confusion_matrix: number[][];
}

const div = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Area under the ROC curve of scores for a binary truth (ties count half); null with one class. */
export function rocAuc(positive: ArrayLike<boolean>, score: ArrayLike<number>): number | null {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a]! - score[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && score[order[j + 1]!] === score[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1; // average rank of the tie group
    for (let k = i; k <= j; k++) if (positive[order[k]!]) {
      pos++;
      rankSum += midRank;
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Average precision (scikit-learn's average_precision_score): the step-wise area under the PR curve. */
export function averagePrecision(positive: ArrayLike<boolean>, score: ArrayLike<number>): number | null {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  let total = 0;
  for (let i = 0; i < n; i++) if (positive[i]) total++;
  if (total === 0) return null;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let lastRecall = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && score[order[j + 1]!] === score[order[i]!]) j++;
    for (let k = i; k <= j; k++) {
      if (positive[order[k]!]) tp++;
      else fp++;
    }
    const recall = tp / total;
    ap += (recall - lastRecall) * (tp / (tp + fp));
    lastRecall = recall;
    i = j + 1;
  }
  return ap;
}

/** The log loss's clip of probabilities, as scikit-learn clips them. */
export const LOG_LOSS_EPS = 1e-15;

export type ConfusionScalars = Pick<ClassificationMetrics, 'accuracy' | 'balanced_accuracy' | 'precision_macro' | 'recall_macro' | 'f1_macro' | 'f1_weighted'>;

/**
 * The metrics a confusion matrix decides (of `n` rows), and each class's entry when `perClass` is
 * given. The bootstrap's scorer calls this with a resample's matrix.
 */
export function confusionScalars(cm: readonly (readonly number[])[], n: number, perClass?: { classes: readonly string[]; out: [string, PerClass][] }): ConfusionScalars {
  const K = cm.length;
  let correct = 0;
  let recallSum = 0;
  let presentClasses = 0;
  let pSum = 0;
  let rSum = 0;
  let fSum = 0;
  let fWeighted = 0;
  // scikit-learn's macro averages run over the labels present in y_true or y_pred of the rows scored:
  // a class that a slice neither holds nor predicts does not count as a zero.
  let labelsPresent = 0;
  for (let k = 0; k < K; k++) {
    const tp = cm[k]![k]!;
    correct += tp;
    const support = cm[k]!.reduce((a, b) => a + b, 0);
    const predicted = cm.reduce((a, row) => a + row[k]!, 0);
    const precision = div(tp, predicted);
    const recall = div(tp, support);
    const f1 = div(2 * precision * recall, precision + recall);
    perClass?.out.push([perClass.classes[k]!, { precision, recall, f1, support }]);
    fWeighted += f1 * support;
    if (support > 0 || predicted > 0) {
      labelsPresent++;
      pSum += precision;
      rSum += recall;
      fSum += f1;
    }
    if (support > 0) {
      recallSum += recall;
      presentClasses++;
    }
  }
  return {
    accuracy: div(correct, n),
    balanced_accuracy: div(recallSum, presentClasses),
    precision_macro: div(pSum, labelsPresent),
    recall_macro: div(rSum, labelsPresent),
    f1_macro: div(fSum, labelsPresent),
    f1_weighted: div(fWeighted, n),
  };
}

export function classificationMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, proba: ArrayLike<number>, classes: readonly string[]): ClassificationMetrics {
  const K = classes.length;
  const n = yTrue.length;
  const cm = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let i = 0; i < n; i++) cm[yTrue[i]!]![yPred[i]!]!++;
  // Built from entries: a class may be called "__proto__", which an assignment would turn into a prototype.
  const perClass: [string, PerClass][] = [];
  const scalars = confusionScalars(cm, n, { classes, out: perClass });
  const per_class: Record<string, PerClass> = Object.fromEntries(perClass);
  const eps = LOG_LOSS_EPS;
  let logLoss = 0;
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    logLoss -= Math.log(Math.min(1 - eps, Math.max(eps, proba[i * K + t]!)));
    if (K === 2) brier += (proba[i * K + 1]! - (t === 1 ? 1 : 0)) ** 2;
    else for (let k = 0; k < K; k++) brier += (proba[i * K + k]! - (t === k ? 1 : 0)) ** 2;
  }
  const columnOf = (k: number) => Float64Array.from({ length: n }, (_, i) => proba[i * K + k]!);
  const truthOf = (k: number) => Array.from({ length: n }, (_, i) => yTrue[i] === k);
  let roc: number | null;
  let pr: number | null;
  if (K === 2) {
    roc = rocAuc(truthOf(1), columnOf(1));
    pr = averagePrecision(truthOf(1), columnOf(1));
  } else {
    // One-vs-rest, macro: the mean over the classes where it is defined.
    const rocs = classes.map((_, k) => rocAuc(truthOf(k), columnOf(k))).filter((v): v is number => v !== null);
    const prs = classes.map((_, k) => averagePrecision(truthOf(k), columnOf(k))).filter((v): v is number => v !== null);
    roc = rocs.length ? rocs.reduce((a, b) => a + b, 0) / rocs.length : null;
    pr = prs.length ? prs.reduce((a, b) => a + b, 0) / prs.length : null;
  }
  return {
    ...scalars,
    roc_auc: roc,
    pr_auc: pr,
    log_loss: div(logLoss, n),
    brier: div(brier, n),
    per_class,
    confusion_matrix: cm,
  };
}
