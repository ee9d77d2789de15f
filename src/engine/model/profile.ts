// A profile of the training data, stored in the model package so that a drift report can compare
// fresh data with what the model learned from, without the training data at hand.
import { hash53 } from '../data/split.ts';
import type { Column, Table } from '../data/table.ts';
import { textTokens } from '../features/encode.ts';
import { sortedSample, sketch } from '../drift/sample.ts';
import { sortedPresent } from '../data/sorted.ts';

export const PROFILE_QUANTILES = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1] as const;
const HISTOGRAM_BINS = 10;
/** Categories kept by name; the rest are counted together as `other`. */
export const TOP_CATEGORIES = 1000;
/**
 * Points of a numeric column's sketch. A column with at most this many distinct values is kept whole,
 * so a drift test against it (a Kolmogorov–Smirnov test on up to 1,000 rows included) is exact.
 */
export const SKETCH_POINTS = 2048;
/** Buckets of a text column's hashed token counts. */
export const TOKEN_BUCKETS = 1024;
const TOKEN_SEED = 0x5eed;

/** A column's distribution for drift tests: its distinct values and their counts (or quantiles standing in for them). */
export interface NumericSketch {
  values: number[];
  counts: number[];
  /** False when the values are evenly spaced quantiles of more distinct values. */
  exact: boolean;
}

export type ColumnProfile =
  | { type: 'integer' | 'number'; count: number; missing: number; mean: number | null; std?: number | null; quantiles: (number | null)[]; histogram: { edges: number[]; counts: number[] }; sketch?: NumericSketch }
  | { type: 'boolean' | 'categorical'; count: number; missing: number; top: Record<string, number>; other: number; distinct: number }
  | { type: 'text'; count: number; missing: number; mean_length: number | null; tokens?: number[]; words?: Record<string, number> };

/**
 * The words of a text column that a drift report names: the most frequent (at most TOP_WORDS) of those
 * found in at least MIN_WORD_ROWS training rows, with how often they occur. A rarer word, which may
 * identify a person, never leaves the data (the package goes into public releases); the report counts
 * it only inside its hashed bucket.
 */
export const MIN_WORD_ROWS = 20;
export const TOP_WORDS = 300;

export function frequentWords(levels: readonly string[], rowsPerLevel: ArrayLike<number>): Record<string, number> {
  const seen = new Map<string, { rows: number; count: number }>();
  levels.forEach((l, i) => {
    const n = rowsPerLevel[i]!;
    if (!(n > 0)) return;
    const inLevel = new Map<string, number>();
    for (const t of textTokens(l, 1)) inLevel.set(t, (inLevel.get(t) ?? 0) + 1);
    for (const [t, k] of inLevel) {
      const w = seen.get(t);
      if (w) {
        w.rows += n;
        w.count += k * n;
      } else seen.set(t, { rows: n, count: k * n });
    }
  });
  const kept = [...seen].filter(([, w]) => w.rows >= MIN_WORD_ROWS).sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_WORDS);
  const out: Record<string, number> = Object.create(null);
  for (const [t, w] of kept) out[t] = w.count;
  return { ...out };
}

/** A token's bucket, where a word the report does not name is counted. */
export const tokenBucket = (token: string) => hash53(token, TOKEN_SEED) % TOKEN_BUCKETS;

/**
 * A text column's hashed token counts (TOKEN_BUCKETS buckets): each level's tokens, weighted by how
 * many rows hold it. The one definition shared by the profile and drift-report's current side.
 */
export function tokenCounts(levels: readonly string[], rowsPerLevel: ArrayLike<number>): Float64Array {
  const buckets = new Float64Array(TOKEN_BUCKETS);
  levels.forEach((l, i) => {
    const n = rowsPerLevel[i]!;
    if (n > 0) for (const token of textTokens(l, 1)) buckets[tokenBucket(token)]! += n;
  });
  return buckets;
}

function numericProfile(col: Extract<Column, { kind: 'numeric' }>): ColumnProfile {
  // Sorted once: the quantiles, the histogram, the moments (summed in sorted order) and the sketch.
  const present = sortedPresent(col.values);
  const n = present.length;
  const q = (p: number) => (n === 0 ? null : present[Math.min(n - 1, Math.floor(p * (n - 1) + 0.5))]!);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += present[i]!;
  const mean = n === 0 ? null : sum / n;
  const lo = n ? present[0]! : 0;
  const hi = n ? present[n - 1]! : 0;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => lo + ((hi - lo) * i) / HISTOGRAM_BINS);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < n; i++) counts[hi === lo ? 0 : Math.min(HISTOGRAM_BINS - 1, Math.floor(((present[i]! - lo) / (hi - lo)) * HISTOGRAM_BINS))]!++;
  let squares = 0;
  if (mean !== null) for (let i = 0; i < n; i++) squares += (present[i]! - mean) ** 2;
  const std = mean === null ? null : Math.sqrt(squares / n);
  return { type: col.type, count: col.values.length, missing: col.values.length - n, mean, std, quantiles: PROFILE_QUANTILES.map(q), histogram: { edges, counts }, sketch: sketch(sortedSample(present, col.type === 'integer'), SKETCH_POINTS) };
}

function categoricalProfile(col: Extract<Column, { kind: 'categorical' }>): ColumnProfile {
  const counts = new Float64Array(col.levels.length);
  let missing = 0;
  for (const c of col.codes) {
    if (c < 0) missing++;
    else counts[c]!++;
  }
  if (col.type === 'text') {
    let length = 0;
    counts.forEach((n, i) => (length += n * col.levels[i]!.length));
    const present = col.codes.length - missing;
    return { type: 'text', count: col.codes.length, missing, mean_length: present ? length / present : null, tokens: Array.from(tokenCounts(col.levels, counts)), words: frequentWords(col.levels, counts) };
  }
  // Most frequent first; ties by name, so the profile does not depend on row order.
  const order = col.levels.map((l, i) => ({ l, n: counts[i]! })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n || (a.l < b.l ? -1 : a.l > b.l ? 1 : 0));
  const top: Record<string, number> = Object.create(null);
  for (const { l, n } of order.slice(0, TOP_CATEGORIES)) top[l] = n;
  const other = order.slice(TOP_CATEGORIES).reduce((a, x) => a + x.n, 0);
  return { type: col.type, count: col.codes.length, missing, top: { ...top }, other, distinct: order.length };
}

export function profileTable(table: Table): Record<string, ColumnProfile> {
  return Object.fromEntries(table.columns.map((c) => [c.name, c.kind === 'numeric' ? numericProfile(c) : categoricalProfile(c)]));
}

/** The profile of a list of values (the model's predictions): classes as categories, numbers as numbers. */
export function profileValues(values: readonly string[] | Float64Array, type: 'categorical' | 'number'): ColumnProfile {
  if (type === 'number') return numericProfile({ name: '', kind: 'numeric', type: 'number', values: values as Float64Array, invalid: [] });
  const levels: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values as readonly string[], (v) => {
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = levels.push(v) - 1));
    return c;
  });
  return categoricalProfile({ name: '', kind: 'categorical', type: 'categorical', codes, levels });
}
