// Expected values are the examples in scikit-learn's documentation for each metric.
import { averagePrecision, classificationMetrics, rocAuc } from '../src/engine/metrics/classification.ts';
import { regressionMetrics } from '../src/engine/metrics/regression.ts';

/** Row-major class shares for binary scores (p of class 1). */
const binary = (p: number[]) => p.flatMap((x) => [1 - x, x]);

test('roc_auc and average precision: scikit-learn examples, ties counted half', () => {
  expect(rocAuc([false, false, true, true], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
  expect(averagePrecision([false, false, true, true], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333, 9);
  expect(rocAuc([false, true], [0.5, 0.5])).toBe(0.5);
  expect(rocAuc([true, true], [0.1, 0.2])).toBeNull();
});

test('balanced accuracy, macro and weighted precision, recall and F1, confusion matrix', () => {
  const m = classificationMetrics([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1], binary([0, 1, 0, 0, 0, 1]), ['a', 'b']);
  expect(m.balanced_accuracy).toBeCloseTo(0.625, 12);
  const three = classificationMetrics([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], new Array(18).fill(1 / 3), ['x', 'y', 'z']);
  expect(three.precision_macro).toBeCloseTo(0.2222222222, 9);
  expect(three.recall_macro).toBeCloseTo(0.3333333333, 9);
  expect(three.f1_macro).toBeCloseTo(0.2666666667, 9);
  expect(three.f1_weighted).toBeCloseTo(0.2666666667, 9);
  expect(three.accuracy).toBeCloseTo(1 / 3, 12);
  expect(three.confusion_matrix).toEqual([
    [2, 0, 0],
    [1, 0, 1],
    [0, 2, 0],
  ]);
  expect(three.per_class.x).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8, support: 2 });
});

test('log loss and Brier score: scikit-learn examples', () => {
  // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) == 0.21616
  const ll = classificationMetrics([1, 0, 0, 1], [1, 0, 0, 1], [0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65], ['ham', 'spam']);
  expect(ll.log_loss).toBeCloseTo(0.21616187, 7);
  // brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) == 0.0375
  expect(classificationMetrics([0, 1, 1, 0], [0, 1, 1, 0], binary([0.1, 0.9, 0.8, 0.3]), ['n', 'p']).brier).toBeCloseTo(0.0375, 12);
});

test('regression: scikit-learn examples', () => {
  const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
  expect(m.r2).toBeCloseTo(0.9486081370449679, 12);
  expect(m.mae).toBeCloseTo(0.5, 12);
  expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
  expect(m.median_ae).toBeCloseTo(0.5, 12);
  expect(m.mape).toBeCloseTo(0.3273809523809524, 12);
});

test('macro averages run over the labels present in the rows scored, as scikit-learn does', () => {
  // precision_score([0, 0, 1, 1], [0, 1, 1, 1], average='macro') == 0.8333 (class 2 absent from both)
  const m = classificationMetrics([0, 0, 1, 1], [0, 1, 1, 1], new Array(12).fill(1 / 3), ['x', 'y', 'z']);
  expect(m.precision_macro).toBeCloseTo(5 / 6, 12);
  expect(m.recall_macro).toBeCloseTo(0.75, 12);
  expect(m.f1_macro).toBeCloseTo((2 / 3 + 0.8) / 2, 12);
  // A label only predicted counts (precision 0 there): precision_score([0, 0], [0, 2], average='macro') == 0.5
  const predictedOnly = classificationMetrics([0, 0], [0, 2], new Array(6).fill(1 / 3), ['x', 'y', 'z']);
  expect(predictedOnly.precision_macro).toBeCloseTo(0.5, 12);
  expect(predictedOnly.recall_macro).toBeCloseTo(0.25, 12);
});

test('a class may have any name, "__proto__" included', () => {
  const m = classificationMetrics([0, 1], [0, 1], binary([0, 1]), ['__proto__', 'constructor']);
  expect(Object.getPrototypeOf(m.per_class)).toBe(Object.prototype);
  expect(Object.hasOwn(m.per_class, '__proto__')).toBe(true);
  expect(m.per_class.constructor).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
});
