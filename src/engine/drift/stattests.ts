// The statistics of the per-column drift tests, each as Evidently computes it through scipy
// (ks_2samp, chisquare, a two-proportion Z-test, wasserstein_distance, jensenshannon, and PSI), on the
// samples of sample.ts. Pure functions; test/drift-stats.test.ts checks them against scipy's values.
import { chi2Sf, gcd, kolmogorovSf, ksEqualSizeSf, ksTwoSampleExactSf, normalCdf } from './distributions.ts';
import { asCategories, type CategoricalSample, type NumericSample } from './sample.ts';

/** scipy's ks_2samp switches from the exact distribution to the asymptotic one above this sample size. */
export const KS_EXACT_MAX_N = 10000;

/** numpy rounds half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The two-sample Kolmogorov–Smirnov test, two-sided (scipy.stats.ks_2samp with method 'auto'). */
export function ks2samp(a: NumericSample, b: NumericSample): { statistic: number; pValue: number } {
  const n1 = a.n;
  const n2 = b.n;
  if (n1 === 0 || n2 === 0) return { statistic: Number.NaN, pValue: Number.NaN };
  const whole = a.exact && b.exact;
  // Whole counts: the largest |c1·n2 − c2·n1| is exact in doubles, so D lands on its lattice value.
  let i = 0;
  let j = 0;
  let c1 = 0;
  let c2 = 0;
  let best = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? a.values[i]! : Infinity;
    const y = j < b.values.length ? b.values[j]! : Infinity;
    if (x <= y) c1 += a.weights[i++]!;
    if (y <= x) c2 += b.weights[j++]!;
    const diff = whole ? Math.abs(c1 * n2 - c2 * n1) : Math.abs(c1 / n1 - c2 / n2);
    if (diff > best) best = diff;
  }
  if (whole && Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const g = gcd(n1, n2);
    const h = Math.round(best / g);
    const d = h / ((n1 / g) * n2);
    const p = h === 0 ? 1 : n1 === n2 ? ksEqualSizeSf(n1, h) : ksTwoSampleExactSf(n1, n2, h);
    if (p >= 0 && p <= 1) return { statistic: d, pValue: p };
  }
  const d = whole ? best / (n1 * n2) : best;
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  return { statistic: d, pValue: kolmogorovSf(roundHalfEven((m * n) / (m + n)), d) };
}

/** The first Wasserstein distance between two samples (scipy.stats.wasserstein_distance). */
export function wasserstein(a: NumericSample, b: NumericSample): number {
  let i = 0;
  let j = 0;
  let u = 0;
  let v = 0;
  let prev = Number.NaN;
  let gapCdf = 0;
  let total = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? a.values[i]! : Infinity;
    const y = j < b.values.length ? b.values[j]! : Infinity;
    const at = Math.min(x, y);
    if (prev === prev) total += gapCdf * (at - prev);
    if (x <= y) u += a.weights[i++]!;
    if (y <= x) v += b.weights[j++]!;
    gapCdf = Math.abs(u / a.n - v / b.n);
    prev = at;
  }
  return total;
}

/** Evidently's keys for a categorical test: every category either sample holds. */
function categoryKeys(a: CategoricalSample, b: CategoricalSample): string[] {
  const keys = new Set<string>(a.counts.keys());
  for (const k of b.counts.keys()) keys.add(k);
  return [...keys];
}

/**
 * A profile keeps the most frequent categories by name and counts the rest as "other"; a current
 * category it did not name may be one of those, so it is tested as "other" rather than as new.
 */
function foldIntoOther(ref: CategoricalSample, cur: CategoricalSample): CategoricalSample {
  if (ref.other === 0) return cur;
  const counts = new Map<string, number>();
  let other = 0;
  for (const [k, n] of cur.counts) {
    if (ref.counts.has(k)) counts.set(k, n);
    else other += n;
  }
  if (other > 0) counts.set(OTHER, other);
  return { kind: 'categorical', counts, n: cur.n, other: 0 };
}

const OTHER = '\u0000other';

function withOther(s: CategoricalSample): CategoricalSample {
  if (s.other === 0) return s;
  const counts = new Map(s.counts);
  counts.set(OTHER, s.other);
  return { kind: 'categorical', counts, n: s.n, other: 0 };
}

/** Pearson's chi-square test of the current counts against the reference's shares (Evidently's chisquare). */
export function chiSquare(ref: CategoricalSample, cur: CategoricalSample): { statistic: number; pValue: number } {
  const r = withOther(ref);
  const c = foldIntoOther(ref, cur);
  const keys = categoryKeys(r, c);
  const scale = c.n / r.n;
  let stat = 0;
  for (const k of keys) {
    const expected = (r.counts.get(k) ?? 0) * scale;
    const observed = c.counts.get(k) ?? 0;
    stat += expected === 0 ? (observed === 0 ? Number.NaN : Infinity) : (observed - expected) ** 2 / expected;
  }
  if (keys.length < 2) return { statistic: stat, pValue: Number.NaN };
  return { statistic: stat, pValue: Number.isFinite(stat) ? chi2Sf(stat, keys.length - 1) : stat === Infinity ? 0 : Number.NaN };
}

/** The two-proportion Z-test, two-sided (Evidently's z test, for at most two distinct values). */
export function zTest(ref: CategoricalSample, cur: CategoricalSample): { statistic: number; pValue: number } {
  const keys = categoryKeys(ref, cur);
  if (keys.length <= 1) return { statistic: 0, pValue: 1 };
  const key = keys[0]!;
  const n1 = ref.n;
  const n2 = cur.n;
  const p1 = (ref.counts.get(key) ?? 0) / n1;
  const p2 = (cur.counts.get(key) ?? 0) / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { statistic: z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
}

/** numpy's histogram_bin_edges(x, bins="sturges") over both samples together. */
export function sturgesEdges(a: NumericSample, b: NumericSample): Float64Array {
  const lo = Math.min(a.values[0] ?? Infinity, b.values[0] ?? Infinity);
  const hi = Math.max(a.values[a.values.length - 1] ?? -Infinity, b.values[b.values.length - 1] ?? -Infinity);
  let first = lo;
  let last = hi;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let width = (hi - lo) / (Math.log2(a.n + b.n) + 1);
  let bins = 1;
  if (width) {
    if (a.integer && b.integer && width < 1) width = 1;
    bins = Math.ceil((last - first) / width);
  }
  const step = (last - first) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  return edges;
}

/** numpy.histogram's counts over equal-width edges (the same rounding of each value to its bin). */
export function histogram(s: NumericSample, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const first = edges[0]!;
  const last = edges[bins]!;
  const counts = new Float64Array(bins);
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i]!;
    if (v < first || v > last) continue;
    let k = Math.trunc(((v - first) / (last - first)) * bins);
    if (k === bins) k--;
    if (v < edges[k]!) k--;
    else if (k !== bins - 1 && v >= edges[k + 1]!) k++;
    counts[k]! += s.weights[i]!;
  }
  return counts;
}

/**
 * Evidently's get_binned_data: the two samples' shares per bin. Numbers with more than 20 distinct
 * reference values fall into Sturges bins over both samples; anything else is binned by value.
 * `fillZeros` (PSI) replaces empty shares by a small number, as Evidently does, so logs stay finite.
 */
export function binnedShares(ref: NumericSample | CategoricalSample, cur: NumericSample | CategoricalSample, fillZeros: boolean): [Float64Array, Float64Array] {
  let r: Float64Array;
  let c: Float64Array;
  if (ref.kind === 'numeric' && cur.kind === 'numeric' && ref.values.length > 20) {
    const edges = sturgesEdges(ref, cur);
    r = histogram(ref, edges).map((x) => x / ref.n);
    c = histogram(cur, edges).map((x) => x / cur.n);
  } else {
    const a = ref.kind === 'numeric' ? asCategories(ref) : withOther(ref);
    const b = cur.kind === 'numeric' ? asCategories(cur) : ref.kind === 'categorical' ? foldIntoOther(ref, cur) : cur;
    const keys = categoryKeys(a, b);
    r = Float64Array.from(keys, (k) => (a.counts.get(k) ?? 0) / a.n);
    c = Float64Array.from(keys, (k) => (b.counts.get(k) ?? 0) / b.n);
  }
  if (fillZeros) {
    fill(r);
    fill(c);
  }
  return [r, c];
}

function fill(shares: Float64Array): void {
  let min = Infinity;
  for (const x of shares) if (x !== 0 && x < min) min = x;
  const small = min <= 0.0001 ? min / 1e6 : 0.0001;
  for (let i = 0; i < shares.length; i++) if (shares[i] === 0) shares[i] = small;
}

/** scipy.spatial.distance.jensenshannon with the natural log: from 0 (same) to √ln 2 ≈ 0.83. */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i]!;
    sq += q[i]!;
  }
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]! / sp;
    const b = q[i]! / sq;
    const m = (a + b) / 2;
    if (a > 0) js += a * Math.log(a / m);
    if (b > 0) js += b * Math.log(b / m);
  }
  return Math.sqrt(Math.max(0, js / 2));
}

/** The population stability index over shares with no zeros (Evidently's psi). */
export function psi(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < ref.length; i++) s += (ref[i]! - cur[i]!) * Math.log(ref[i]! / cur[i]!);
  return s;
}
