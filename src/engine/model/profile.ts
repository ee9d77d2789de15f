// A profile of the training data, stored in the model package so that a drift report can compare
// fresh data with what the model learned from, without the training data at hand.
import type { Column, Table } from '../data/table.ts';

export const PROFILE_QUANTILES = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1] as const;
const HISTOGRAM_BINS = 10;
const TOP_CATEGORIES = 50;

export type ColumnProfile =
  | { type: 'integer' | 'number'; count: number; missing: number; mean: number | null; quantiles: (number | null)[]; histogram: { edges: number[]; counts: number[] } }
  | { type: 'boolean' | 'categorical'; count: number; missing: number; top: Record<string, number>; other: number; distinct: number }
  | { type: 'text'; count: number; missing: number; mean_length: number | null };

function numericProfile(col: Extract<Column, { kind: 'numeric' }>): ColumnProfile {
  const present = col.values.filter((v) => v === v).sort();
  const n = present.length;
  const q = (p: number) => (n === 0 ? null : present[Math.min(n - 1, Math.floor(p * (n - 1) + 0.5))]!);
  const mean = n === 0 ? null : present.reduce((a, b) => a + b, 0) / n;
  const lo = n ? present[0]! : 0;
  const hi = n ? present[n - 1]! : 0;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => lo + ((hi - lo) * i) / HISTOGRAM_BINS);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const v of present) counts[hi === lo ? 0 : Math.min(HISTOGRAM_BINS - 1, Math.floor(((v - lo) / (hi - lo)) * HISTOGRAM_BINS))]!++;
  return { type: col.type, count: col.values.length, missing: col.values.length - n, mean, quantiles: PROFILE_QUANTILES.map(q), histogram: { edges, counts } };
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
    return { type: 'text', count: col.codes.length, missing, mean_length: present ? length / present : null };
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
