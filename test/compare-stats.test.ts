import { decide, type Gates } from '../src/engine/compare/gates.ts';
import { formatP } from '../src/engine/compare/p-value.ts';
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
  // A first model that misses a threshold is rejected, never waved through as "first model".
  expect(v).toMatchObject({ decision: 'reject', promote: false });
  expect(v.reasons).toContain('log_loss 0.35 misses the ceiling 0.3');
  expect(decide(gates({ metrics: { accuracy: { threshold: 0.9 } } }), { accuracy: 0.95 }, undefined, undefined)).toMatchObject({ decision: 'first-model', promote: true });
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
  // 300 resamples cannot show a p below 2/301: the add-one correction never reports 0.
  expect(gain.accuracy!.p).toBeCloseTo(2 / 301, 12);
  const same = pairedBootstrap(mk(5), mk(5), 300, 1);
  expect(same.accuracy!.diff).toBe(0);
  expect(same.accuracy!.p).toBe(1);
});

test('a champion that cannot be scored: the thresholds decide, and the reason says why', () => {
  const v = decide(gates({ metrics: { accuracy: { threshold: 0.99 } } }), { accuracy: 0.95 }, undefined, undefined, { unscorableChampion: 'the champion needs columns the data no longer has (x)' });
  expect(v.decision).toBe('reject');
  expect(v.reasons[0]).toBe('the champion needs columns the data no longer has (x)');
});

test('an identical candidate is no-change (never promoted); too few rows is a reject', () => {
  const champ = { accuracy: 0.9 };
  const same = decide(gates({ metrics: { accuracy: { min_absolute_change: 0.01 } } }), champ, champ, { p: 1, diff: 0 }, { identical: 'the candidate predicts exactly what the champion predicts on all 900 rows' });
  expect(same).toMatchObject({ decision: 'no-change', promote: false });
  expect(same.reasons[0]).toMatch(/predicts exactly what the champion predicts/);
  // Its absolute thresholds still apply.
  expect(decide(gates({ metrics: { accuracy: { threshold: 0.95 } } }), champ, champ, { p: 1, diff: 0 }, { identical: 'same' }).decision).toBe('reject');
  const few = decide(gates(), { accuracy: 1 }, champ, { p: 0.5, diff: 0.1 }, { tooFewRows: 'only 3 rows are test rows of both models; at least 30 are needed' });
  expect(few).toMatchObject({ decision: 'reject', promote: false, reasons: ['only 3 rows are test rows of both models; at least 30 are needed'] });
});

test('p-values are never printed as 0', () => {
  expect(formatP(0)).toBe('p < 1e-16');
  expect(formatP(mcnemarExact(0, 2000))).toBe('p < 1e-16');
  expect(formatP(3.2e-7)).toBe('p = 3.2e-7');
  expect(formatP(0.0341)).toBe('p = 0.034');
  expect(formatP(1)).toBe('p = 1');
  const v = decide(gates(), { accuracy: 0.99 }, { accuracy: 0.5 }, { p: 0, diff: 0.49 });
  expect(v.reasons.join(' ')).toContain('p < 1e-16');
  expect(v.reasons.join(' ')).not.toMatch(/p = 0(?![.\d])/);
});
