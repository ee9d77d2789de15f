import { decide, type Gates } from '../src/engine/compare/gates.ts';
import { mcnemarExact, pairedBootstrap } from '../src/engine/compare/significance.ts';
import type { Predictions } from '../src/engine/metrics/evaluate.ts';

test("McNemar's exact test: hand-computed values", () => {
  // b = 2, c = 8: p = 2 · (C(10,0) + C(10,1) + C(10,2)) / 2^10 = 2 · 56 / 1024
  expect(mcnemarExact(2, 8)).toBeCloseTo(112 / 1024, 12);
  expect(mcnemarExact(8, 2)).toBeCloseTo(112 / 1024, 12);
  expect(mcnemarExact(5, 5)).toBe(1);
  expect(mcnemarExact(0, 0)).toBe(1);
  // b = 0, c = 10: p = 2 / 1024
  expect(mcnemarExact(0, 10)).toBeCloseTo(2 / 1024, 12);
  // Large counts stay finite: 400 against 500 discordant pairs is clearly significant.
  expect(mcnemarExact(400, 500)).toBeLessThan(0.002);
});

const gates = (over: Partial<Gates> = {}): Gates => ({ primary: 'accuracy', requireSignificantGain: false, alpha: 0.05, metrics: {}, ...over });

test('gates: thresholds are floors or ceilings by metric direction', () => {
  const v = decide(gates({ metrics: { accuracy: { threshold: 0.9 }, log_loss: { threshold: 0.3 } } }), { accuracy: 0.95, log_loss: 0.35 }, undefined, undefined);
  expect(v).toMatchObject({ decision: 'first-model', promote: false });
  expect(v.reasons).toContain('log_loss 0.35 misses the ceiling 0.3');
  expect(v.reasons).toContain('accuracy 0.95 meets the floor 0.9');
});

test('gates: min_absolute_change, min_relative_change and max_regression against the champion', () => {
  const champ = { accuracy: 0.9, rmse: 10 };
  expect(decide(gates({ metrics: { accuracy: { min_absolute_change: 0.02 } } }), { accuracy: 0.91 }, champ, { p: 0.5, diff: 0.01 }).decision).toBe('reject');
  expect(decide(gates({ metrics: { rmse: { min_relative_change: 0.05 } } }), { rmse: 9.4 }, champ, { p: 0.5, diff: 0.01 }).decision).toBe('promote');
  expect(decide(gates({ metrics: { rmse: { max_regression: 0.5 } } }), { rmse: 10.6 }, champ, { p: 0.5, diff: 0 }).reasons).toContain('rmse is worse by 0.6, more than max_regression 0.5');
});

test('significance: significantly worse rejects; require_significant_gain needs a significant gain', () => {
  const champ = { accuracy: 0.9 };
  expect(decide(gates(), { accuracy: 0.88 }, champ, { p: 0.01, diff: -0.02 }).decision).toBe('reject');
  expect(decide(gates(), { accuracy: 0.91 }, champ, { p: 0.3, diff: 0.01 }).decision).toBe('promote');
  expect(decide(gates({ requireSignificantGain: true }), { accuracy: 0.91 }, champ, { p: 0.3, diff: 0.01 }).decision).toBe('reject');
  expect(decide(gates({ requireSignificantGain: true }), { accuracy: 0.95 }, champ, { p: 0.001, diff: 0.05 }).decision).toBe('promote');
});

test('paired bootstrap: a real gain has an interval above zero, no change straddles it', () => {
  const n = 300;
  const yTrue = Float64Array.from({ length: n }, (_, i) => i % 2);
  const mk = (wrongEvery: number): Predictions => {
    const yPred = Float64Array.from(yTrue, (y, i) => (i % wrongEvery === 0 ? 1 - y : y));
    return { task: 'classification', classes: ['a', 'b'], yTrue, yPred, proba: Float64Array.from({ length: 2 * n }, (_, j) => (j % 2 === yPred[Math.floor(j / 2)]! ? 0.9 : 0.1)) };
  };
  const gain = pairedBootstrap(mk(4), mk(20), 300, 1);
  expect(gain.accuracy!.diff).toBeCloseTo(0.25 - 0.05 + 0, 1);
  expect(gain.accuracy!.ci[0]).toBeGreaterThan(0);
  expect(gain.accuracy!.p).toBeLessThan(0.01);
  const same = pairedBootstrap(mk(5), mk(5), 300, 1);
  expect(same.accuracy!.diff).toBe(0);
  expect(same.accuracy!.p).toBe(1);
});

test('a champion that cannot be scored: the thresholds decide, and the reason says why', () => {
  const v = decide(gates({ metrics: { accuracy: { threshold: 0.99 } } }), { accuracy: 0.95 }, undefined, undefined, 'the champion needs columns the data no longer has (x)');
  expect(v.decision).toBe('reject');
  expect(v.reasons[0]).toBe('the champion needs columns the data no longer has (x)');
});
