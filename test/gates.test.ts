// Gates fail closed: a gate that cannot be judged (a metric with no value on these rows, a missing
// paired test) never passes, and the decision names the metric and why.
import { decide, type Gates, type MetricGate } from '../src/engine/compare/gates.ts';
import { disagreements, measurePair, samePredictions } from '../src/engine/compare/paired.ts';
import type { Predictions } from '../src/engine/metrics/evaluate.ts';

const gates = (over: Partial<Gates> = {}): Gates => ({ primary: 'accuracy', requireSignificantGain: false, alpha: 0.05, metrics: {}, ...over });
// The metrics that have no value on some rows: both areas under a curve are undefined on one class.
const UNDEFINABLE = ['roc_auc', 'pr_auc'] as const;
const CHANGE_GATES: [keyof MetricGate, number][] = [
  ['min_absolute_change', 0.01],
  ['min_relative_change', 0.01],
  ['max_regression', 0.05],
];

describe.each(UNDEFINABLE)('%s without a value', (metric) => {
  test.each([['threshold', 0.8] as [keyof MetricGate, number], ...CHANGE_GATES])('the candidate\'s: its %s gate does not pass', (gate, value) => {
    const v = decide(gates({ metrics: { [metric]: { [gate]: value } } }), { accuracy: 0.9, [metric]: null }, { accuracy: 0.8, [metric]: 0.7 }, { p: 0.01, diff: 0.1 });
    expect(v).toMatchObject({ decision: 'reject', promote: false });
    expect(v.reasons.join('\n')).toContain(`${metric}: not available for this model`);
  });

  test.each(CHANGE_GATES)('the champion\'s: its %s gate cannot be judged, so it does not pass', (gate, value) => {
    const v = decide(gates({ metrics: { [metric]: { [gate]: value } } }), { accuracy: 0.9, [metric]: 0.95 }, { accuracy: 0.8, [metric]: null }, { p: 0.01, diff: 0.1 });
    expect(v).toMatchObject({ decision: 'reject', promote: false });
    expect(v.reasons.join('\n')).toMatch(new RegExp(`${metric}: the champion's value is not available .*${gate} cannot be judged`));
  });

  test('the champion\'s: a threshold needs only the candidate, and still judges it', () => {
    expect(decide(gates({ metrics: { [metric]: { threshold: 0.9 } } }), { accuracy: 0.9, [metric]: 0.95 }, { accuracy: 0.8, [metric]: null }, { p: 0.01, diff: 0.1 }).decision).toBe('promote');
    expect(decide(gates({ metrics: { [metric]: { threshold: 0.99 } } }), { accuracy: 0.9, [metric]: 0.95 }, { accuracy: 0.8, [metric]: null }, { p: 0.01, diff: 0.1 }).decision).toBe('reject');
  });

  test('as the primary metric: require_significant_gain without a paired test does not pass', () => {
    const v = decide(gates({ primary: metric, requireSignificantGain: true }), { [metric]: 0.95 }, { [metric]: null }, undefined);
    expect(v).toMatchObject({ decision: 'reject', promote: false });
    expect(v.reasons.join('\n')).toContain(`no paired test of ${metric}`);
  });
});

test('a first model has no champion: change gates do not apply, thresholds do', () => {
  expect(decide(gates({ metrics: { roc_auc: { min_absolute_change: 0.01 } } }), { roc_auc: 0.9 }, undefined, undefined).decision).toBe('first-model');
});

test('no paired test (bootstrap 0): require_significant_gain does not pass; without it, the reasons say nothing was tested', () => {
  expect(decide(gates({ requireSignificantGain: true }), { accuracy: 0.99 }, { accuracy: 0.5 }, undefined).decision).toBe('reject');
  const v = decide(gates(), { accuracy: 0.99 }, { accuracy: 0.5 }, undefined);
  expect(v.decision).toBe('promote');
  expect(v.reasons.join('\n')).toContain('not tested for significance');
  expect(decide(gates({ requireSignificantGain: true }), { accuracy: 0.99 }, { accuracy: 0.5 }, { p: Number.NaN, diff: 0.49 }).decision).toBe('reject');
});

const predictions = (yTrue: number[], yPred: number[], p1: number[]): Predictions => ({
  task: 'classification',
  classes: ['a', 'b'],
  yTrue: Float64Array.from(yTrue),
  yPred: Float64Array.from(yPred),
  proba: Float64Array.from(p1.flatMap((p) => [1 - p, p])),
});

test('end to end on rows of one class: ROC AUC has no value, and a change gate on it rejects', () => {
  const yTrue = Array.from({ length: 60 }, () => 1);
  const champ = predictions(yTrue, yTrue.map((_, i) => (i % 5 === 0 ? 0 : 1)), yTrue.map((_, i) => (i % 5 === 0 ? 0.3 : 0.8)));
  const cand = predictions(yTrue, yTrue.map((_, i) => (i % 10 === 0 ? 0 : 1)), yTrue.map((_, i) => (i % 10 === 0 ? 0.4 : 0.9)));
  const m = measurePair(cand, champ, { resamples: 200, seed: 1, alpha: 0.05 });
  expect(m.championScalars?.roc_auc).toBeNull();
  expect(m.candidateScalars.roc_auc).toBeNull();
  const v = decide(gates({ metrics: { roc_auc: { max_regression: 0.01 } } }), m.candidateScalars, m.championScalars, m.tests.accuracy);
  expect(v.decision).toBe('reject');
  expect(v.reasons.join('\n')).toContain('roc_auc: not available for this model');
});

test('disagreements count the rows exactly one model got right (McNemar\'s b and c)', () => {
  const champ = predictions([1, 1, 0, 0, 1], [1, 0, 0, 1, 1], [0.9, 0.4, 0.1, 0.6, 0.8]);
  const cand = predictions([1, 1, 0, 0, 1], [0, 1, 0, 0, 1], [0.4, 0.7, 0.2, 0.3, 0.9]);
  expect(disagreements(champ, cand)).toEqual({ championOnly: 1, candidateOnly: 2 });
  expect(disagreements(cand, cand)).toEqual({ championOnly: 0, candidateOnly: 0 });
  expect(samePredictions(champ, cand)).toBe(false);
  expect(samePredictions(cand, cand)).toBe(true);
  expect(() => disagreements(champ, predictions([1], [1], [0.9]))).toThrow(/not the same rows/);
});

test('with no resamples there are no paired tests, and accuracy\'s McNemar p comes with its bootstrap', () => {
  const yTrue = Array.from({ length: 40 }, (_, i) => i % 2);
  const a = predictions(yTrue, yTrue.map((y, i) => (i % 4 === 0 ? 1 - y : y)), yTrue.map((y) => (y ? 0.7 : 0.3)));
  const b = predictions(yTrue, yTrue, yTrue.map((y) => (y ? 0.8 : 0.2)));
  expect(measurePair(b, a, { resamples: 0, seed: 1, alpha: 0.05 }).tests).toEqual({});
  const m = measurePair(b, a, { resamples: 200, seed: 1, alpha: 0.05 });
  expect(m.tests.accuracy?.p).toBeCloseTo(0.0020, 3); // McNemar exact, b = 0, c = 10: 2 · 0.5^10
  expect(m.rows.find((r) => r.name === 'accuracy')).toMatchObject({ champion: 0.75, candidate: 1, significant: true });
});
