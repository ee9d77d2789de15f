// The drift engine's decisions: Evidently's choice of test, the dataset verdict, and the isotonic
// calibration behind the label-free accuracy estimate.
import { calibrated, estimateAccuracy, fitIsotonic } from '../src/engine/drift/calibration.ts';
import { DEFAULT_DRIFT, datasetDrift, defaultTest, type ColumnInput } from '../src/engine/drift/detect.ts';
import { categoricalSample, numericSample } from '../src/engine/drift/sample.ts';

test('Evidently\'s default test by reference size, kind and distinct values', () => {
  expect(defaultTest('numeric', 1000, 6)).toBe('ks');
  expect(defaultTest('numeric', 1000, 5)).toBe('chisquare');
  expect(defaultTest('numeric', 1000, 2)).toBe('z');
  expect(defaultTest('categorical', 200, 3)).toBe('chisquare');
  expect(defaultTest('categorical', 200, 2)).toBe('z');
  expect(defaultTest('numeric', 1001, 6)).toBe('wasserstein');
  expect(defaultTest('numeric', 1001, 5)).toBe('jensenshannon');
  expect(defaultTest('categorical', 5000, 40)).toBe('jensenshannon');
  expect(defaultTest('text', 10, 3)).toBe('jensenshannon');
});

const numbers = (n: number, shift: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) / 100 + shift);
const side = (values: Float64Array) => ({ sample: numericSample(values), missing: 0 });
const cats = (levels: string[], codes: number[]) => ({ sample: categoricalSample(levels, Int32Array.from(codes)), missing: 0 });

test('the dataset verdict: share of features, weighted by importance, and not enough data', () => {
  const inputs: ColumnInput[] = [
    { name: 'a', kind: 'numeric', reference: side(numbers(3000, 0)), current: side(numbers(2000, 3)) },
    { name: 'b', kind: 'numeric', reference: side(numbers(3000, 0)), current: side(numbers(2000, 0)) },
    { name: 'c', kind: 'categorical', reference: cats(['x', 'y', 'z'], Array.from({ length: 3000 }, (_, i) => i % 3)), current: cats(['x', 'y', 'z', 'new'], Array.from({ length: 2000 }, (_, i) => (i % 4 === 3 ? 3 : i % 3))) },
  ];
  const plain = datasetDrift(inputs, 2000, DEFAULT_DRIFT);
  expect(plain.drifted).toEqual(['a', 'c']);
  expect(plain.share).toBeCloseTo(2 / 3);
  expect(plain.verdict).toBe('drift');
  expect(plain.columns.find((c) => c.column === 'c')!.newCategories).toEqual([['new', 500]]);
  const weighted = datasetDrift(inputs, 2000, { ...DEFAULT_DRIFT, weighted: true }, new Map([['a', 0.1], ['b', 0.8], ['c', 0.1]]));
  expect(weighted.share).toBeCloseTo(0.2);
  expect(weighted.verdict).toBe('no-drift');
  expect(datasetDrift(inputs, 29, DEFAULT_DRIFT)).toMatchObject({ verdict: 'not-enough-data', drift: false, columns: [] });
  const gone = datasetDrift([{ ...inputs[1]!, current: undefined }], 100, DEFAULT_DRIFT);
  expect(gone.columns[0]).toMatchObject({ drifted: true, note: 'the column is missing from the current data' });
  const overridden = datasetDrift(inputs.slice(0, 1), 2000, { ...DEFAULT_DRIFT, stattest: 'psi', threshold: 100 });
  expect(overridden.columns[0]).toMatchObject({ test: 'psi', threshold: 100, drifted: false });
});

test('isotonic regression by pool-adjacent-violators (scikit-learn\'s thresholds), interpolated and clipped', () => {
  // scikit-learn 1.2 on the same points: X_thresholds_ [0.5 0.6 0.7 0.9 1.0], y_thresholds_
  // [0.5 0.5 0.667 0.667 1.0], predict([0.1, 0.65, 2]) = [0.5, 0.583, 1.0]. The tie at 0.9 is averaged
  // first (0.5, weight 2), then pooled with 0.7: (1 + 2 · 0.5) / 3.
  const fit = fitIsotonic([0.5, 0.6, 0.7, 0.9, 0.9, 1.0], [1, 0, 1, 1, 0, 1]);
  expect(fit.x).toEqual([0.5, 0.6, 0.7, 0.9, 1.0]);
  expect(fit.y.map((v) => Number(v.toFixed(6)))).toEqual([0.5, 0.5, 0.666667, 0.666667, 1]);
  expect(calibrated(fit, 0.1)).toBe(0.5);
  expect(calibrated(fit, 0.65)).toBeCloseTo(0.583333, 5);
  expect(calibrated(fit, 2)).toBe(1);
  const e = estimateAccuracy(fit, [1, 1, 0.5, 0.5]);
  expect(e.accuracy).toBeCloseTo(0.75);
  expect(e.interval[0]).toBeLessThan(0.75);
  expect(e.interval[1]).toBeLessThanOrEqual(1);
});
