// The drift statistics against scipy's own values on the same samples (test/fixtures/drift-scipy.json,
// written by scripts/drift-fixtures.py with Debian's python3-scipy).
import { readFileSync } from 'node:fs';
import { chi2Sf, kolmogorovSf } from '../src/engine/drift/distributions.ts';
import { numericSample, type CategoricalSample } from '../src/engine/drift/sample.ts';
import { binnedShares, chiSquare, jensenShannon, ks2samp, sturgesEdges, wasserstein, zTest } from '../src/engine/drift/stattests.ts';

interface Fixtures {
  ks_2samp: { name: string; a: number[]; b: number[]; statistic: number; pvalue: number }[];
  kstwo_sf: { n: number; x: number; sf: number }[];
  chisquare: { name: string; ref: Record<string, number>; cur: Record<string, number>; statistic: number; pvalue: number }[];
  z_test: { name: string; ref: Record<string, number>; cur: Record<string, number>; pvalue: number }[];
  wasserstein: { name: string; a: number[]; b: number[]; distance: number; std_a: number }[];
  sturges_histogram: { name: string; a: number[]; b: number[]; integer: boolean; edges: number[]; ref_shares: number[]; cur_shares: number[]; jensenshannon: number }[];
  jensenshannon: { p: number[]; q: number[]; distance: number }[];
  chi2_sf: { x: number; df: number; sf: number }[];
}

const fx = JSON.parse(readFileSync(new URL('./fixtures/drift-scipy.json', import.meta.url), 'utf8')) as Fixtures;

/** Close in relative terms, or both below 1e-300 (underflow). */
function close(actual: number, expected: number, rel: number): void {
  if (Math.abs(expected) < 1e-300) {
    expect(Math.abs(actual)).toBeLessThan(1e-290);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

const cats = (counts: Record<string, number>): CategoricalSample => ({ kind: 'categorical', counts: new Map(Object.entries(counts)), n: Object.values(counts).reduce((a, b) => a + b, 0), other: 0 });

describe('drift statistics agree with scipy', () => {
  test.each(fx.ks_2samp.map((c) => [c.name, c] as const))('ks_2samp: %s', (_name, c) => {
    const r = ks2samp(numericSample(c.a), numericSample(c.b));
    close(r.statistic, c.statistic, 1e-12);
    close(r.pValue, c.pvalue, 1e-7);
  });

  test('kstwo.sf over every branch of the algorithm', () => {
    for (const c of fx.kstwo_sf) {
      const got = kolmogorovSf(c.n, c.x);
      if (Math.abs(got - c.sf) > 1e-12 && Math.abs(got - c.sf) / Math.max(c.sf, 1e-300) > 1e-7) throw new Error(`kstwo.sf(${c.x}, ${c.n}): ${got}, scipy ${c.sf}`);
    }
  });

  test.each(fx.chisquare.map((c) => [c.name, c] as const))('chisquare: %s', (_name, c) => {
    const r = chiSquare(cats(c.ref), cats(c.cur));
    close(r.statistic, c.statistic, 1e-12);
    close(r.pValue, c.pvalue, 1e-9);
  });

  test('chi2.sf', () => {
    for (const c of fx.chi2_sf) close(chi2Sf(c.x, c.df), c.sf, 1e-9);
  });

  test.each(fx.z_test.map((c) => [c.name, c] as const))('z-test: %s', (_name, c) => {
    close(zTest(cats(c.ref), cats(c.cur)).pValue, c.pvalue, 1e-9);
  });

  test.each(fx.wasserstein.map((c) => [c.name, c] as const))('wasserstein_distance: %s', (_name, c) => {
    close(wasserstein(numericSample(c.a), numericSample(c.b)), c.distance, 1e-10);
  });

  test.each(fx.sturges_histogram.map((c) => [c.name, c] as const))('numpy Sturges bins, shares and jensenshannon: %s', (_name, c) => {
    const a = numericSample(c.a, c.integer);
    const b = numericSample(c.b, c.integer);
    expect(Array.from(sturgesEdges(a, b))).toEqual(c.edges);
    const [r, q] = binnedShares(a, b, false);
    expect(Array.from(r)).toEqual(c.ref_shares);
    expect(Array.from(q)).toEqual(c.cur_shares);
    close(jensenShannon(r, q), c.jensenshannon, 1e-12);
  });

  test('jensenshannon', () => {
    for (const c of fx.jensenshannon) close(jensenShannon(c.p, c.q), c.distance, 1e-12);
  });
});
