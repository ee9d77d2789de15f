// The bootstrap's scorer gives, for every resample, the very numbers scalarMetrics gives on the
// resampled copy (Object.is, not a tolerance): binary and multiclass (ties and absent classes
// included) and regression, on draws from the bootstrap's own generator.
import { mulberry32 } from '../src/engine/forest/rng.ts';
import { scalarMetrics, type Predictions } from '../src/engine/metrics/evaluate.ts';
import { drawCounts, resampleScorer } from '../src/engine/metrics/resample.ts';

function classification(n: number, K: number, seed: number, coarse: boolean): Predictions {
  const rng = mulberry32(seed);
  const yTrue = new Float64Array(n);
  const yPred = new Float64Array(n);
  const proba = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    // Skewed labels: some classes are rare, so that resamples miss them.
    yTrue[i] = Math.min(K - 1, Math.floor(rng() ** 2 * K));
    let sum = 0;
    for (let k = 0; k < K; k++) {
      // Coarse shares (tenths) make many ties, as a forest's vote shares do.
      const v = (coarse ? Math.round(rng() * 10) / 10 : rng()) + (k === yTrue[i] ? 0.6 : 0);
      proba[i * K + k] = v;
      sum += v;
    }
    let best = 0;
    for (let k = 0; k < K; k++) {
      proba[i * K + k] = proba[i * K + k]! / sum;
      if (proba[i * K + k]! > proba[i * K + best]!) best = k;
    }
    yPred[i] = best;
  }
  return { task: 'classification', classes: Array.from({ length: K }, (_, k) => `c${k}`), yTrue, yPred, proba };
}

/** A forest's vote shares (T trees): most shares are 0, and some rows get no vote for their own class. */
function votes(n: number, K: number, T: number, seed: number): Predictions {
  const rng = mulberry32(seed);
  const yTrue = new Float64Array(n);
  const yPred = new Float64Array(n);
  const proba = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    yTrue[i] = Math.floor(rng() * K);
    for (let t = 0; t < T; t++) proba[i * K + (rng() < 0.2 ? yTrue[i]! : Math.floor(rng() * K))]! += 1 / T;
    let best = 0;
    for (let k = 1; k < K; k++) if (proba[i * K + k]! > proba[i * K + best]!) best = k;
    yPred[i] = best;
  }
  return { task: 'classification', classes: Array.from({ length: K }, (_, k) => `c${k}`), yTrue, yPred, proba };
}

function regression(n: number, seed: number): Predictions {
  const rng = mulberry32(seed);
  const yTrue = Float64Array.from({ length: n }, () => Math.round(rng() * 50) - 10);
  const yPred = Float64Array.from(yTrue, (y) => y + Math.round((rng() - 0.5) * 8));
  return { task: 'regression', classes: null, yTrue, yPred, proba: null };
}

test.each([
  ['binary, ties', classification(301, 2, 1, true)],
  ['binary, no ties', classification(250, 2, 2, false)],
  ['26 classes, rare ones missed by resamples', classification(400, 26, 3, true)],
  ['5 classes', classification(123, 5, 4, false)],
  ['26 classes of forest votes, own-class shares of 0 in the lowest tie group', votes(400, 26, 10, 7)],
  ['binary forest votes, positives in the lowest tie group', votes(300, 2, 10, 8)],
  ['regression, ties in the errors', regression(201, 5)],
  ['regression, even count', regression(200, 6)],
])('%s: every metric of 40 resamples is exactly what the resampled copy gives', (_name, p) => {
  const n = p.yTrue.length;
  const rng = mulberry32(99);
  const rows = new Int32Array(n);
  const counts = new Int32Array(n);
  const score = resampleScorer(p);
  for (let b = 0; b < 40; b++) {
    for (let i = 0; i < n; i++) rows[i] = Math.floor(rng() * n);
    const fast = score(rows, drawCounts(rows, counts));
    const slow = scalarMetrics(p, rows);
    expect(Object.keys(fast).sort()).toEqual(Object.keys(slow).sort());
    for (const key of Object.keys(slow)) expect([key, fast[key]]).toEqual([key, slow[key]]);
  }
});
