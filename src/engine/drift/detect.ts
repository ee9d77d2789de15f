// Which features drifted: one test per column, chosen as Evidently chooses by default (unless the
// pipeline's drift section says otherwise), and the dataset verdict from the share that drifted.
import { binnedShares, chiSquare, jensenShannon, ks2samp, psi, wasserstein, zTest } from './stattests.ts';
import { asCategories, distinctTogether, stdOf, type CategoricalSample, type Sample } from './sample.ts';

export const STAT_TESTS = ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi'] as const;
export type StatTest = (typeof STAT_TESTS)[number];

/** What a test's number is: a p-value (drift when small) or a distance (drift when large). */
export const TEST_KIND: Record<StatTest, 'p-value' | 'distance'> = { ks: 'p-value', chisquare: 'p-value', z: 'p-value', wasserstein: 'distance', jensenshannon: 'distance', psi: 'distance' };

/** Evidently's default thresholds. */
export const DEFAULT_THRESHOLD: Record<StatTest, number> = { ks: 0.05, chisquare: 0.05, z: 0.05, wasserstein: 0.1, jensenshannon: 0.1, psi: 0.1 };

export const TEST_TITLE: Record<StatTest, string> = {
  ks: 'Kolmogorov–Smirnov',
  chisquare: 'chi-square',
  z: 'Z-test (proportions)',
  wasserstein: 'Wasserstein (normed)',
  jensenshannon: 'Jensen–Shannon',
  psi: 'PSI',
};

/** Evidently switches from p-value tests to distances above this many reference rows. */
export const SMALL_REFERENCE_ROWS = 1000;

export type ColumnKind = 'numeric' | 'categorical' | 'text';

export interface DriftSettings {
  /** The share of features (or of importance) that must drift for the dataset to drift. */
  share: number;
  /** Weigh each feature by the champion's feature importance. */
  weighted: boolean;
  /** Fewer current rows than this: not enough data for a verdict. */
  minRows: number;
  /** One test (and threshold) for every column, instead of the defaults. */
  stattest: StatTest | undefined;
  threshold: number | undefined;
  /** Per column. */
  columns: Record<string, { stattest?: StatTest; threshold?: number }>;
}

export const DEFAULT_DRIFT: DriftSettings = { share: 0.5, weighted: false, minRows: 30, stattest: undefined, threshold: undefined, columns: {} };

/** One side of a column: its sample (missing values left out) and how many rows were missing. */
export interface ColumnSide {
  sample: Sample;
  missing: number;
  /** Cells that should have been numbers and were not (current data only). */
  invalid?: number;
  /** A text reference: the words it names (the rest are hashed buckets), which the current side uses too. */
  vocabulary?: ReadonlySet<string>;
}

export interface ColumnInput {
  name: string;
  kind: ColumnKind;
  reference: ColumnSide;
  /** Undefined when the current data lacks the column. */
  current: ColumnSide | undefined;
}

export interface ColumnDrift {
  column: string;
  kind: ColumnKind;
  test: StatTest;
  /** The p-value or the distance. */
  score: number;
  threshold: number;
  drifted: boolean;
  /** ≥ 1 when drifted: how far past its threshold (for sorting by severity). */
  severity: number;
  /** PSI over the same bins, as information. */
  psi: number | null;
  referenceRows: number;
  currentRows: number;
  /** Current categories the reference never held, with their counts (most frequent first). */
  newCategories: [string, number][];
  missingShare: { reference: number; current: number };
  /** A text column: the named words whose share of the tokens rose and fell most (share in the reference, then now). */
  words?: { rose: [string, number, number][]; fell: [string, number, number][] };
  /** The binned shares that the charts draw (bin labels, reference, current). */
  bins: { labels: string[]; reference: number[]; current: number[] };
  note: string | undefined;
}

/** Evidently's default test for a column. */
export function defaultTest(kind: ColumnKind, referenceRows: number, distinct: number): StatTest {
  if (kind === 'text') return 'jensenshannon';
  if (referenceRows <= SMALL_REFERENCE_ROWS) {
    if (kind === 'numeric' && distinct > 5) return 'ks';
    return distinct > 2 ? 'chisquare' : 'z';
  }
  return kind === 'numeric' && distinct > 5 ? 'wasserstein' : 'jensenshannon';
}

function isDrift(test: StatTest, score: number, threshold: number): boolean {
  if (Number.isNaN(score)) return false;
  if (test === 'ks') return score <= threshold;
  if (TEST_KIND[test] === 'p-value') return score < threshold;
  return score >= threshold;
}

function severityOf(test: StatTest, score: number, threshold: number): number {
  if (Number.isNaN(score)) return 0;
  if (TEST_KIND[test] === 'distance') return score / threshold;
  return Math.log(Math.max(score, 1e-300)) / Math.log(threshold);
}

function categorical(s: Sample): CategoricalSample {
  return s.kind === 'categorical' ? s : asCategories(s);
}

/** The test's number on two samples. */
export function runTest(test: StatTest, ref: Sample, cur: Sample): number {
  switch (test) {
    case 'ks':
      if (ref.kind !== 'numeric' || cur.kind !== 'numeric') throw new Error('ks needs numbers');
      return ks2samp(ref, cur).pValue;
    case 'wasserstein': {
      if (ref.kind !== 'numeric' || cur.kind !== 'numeric') throw new Error('wasserstein needs numbers');
      return wasserstein(ref, cur) / Math.max(stdOf(ref), 0.001);
    }
    case 'chisquare':
      return chiSquare(categorical(ref), categorical(cur)).pValue;
    case 'z':
      return zTest(categorical(ref), categorical(cur)).pValue;
    case 'jensenshannon': {
      const [r, c] = binnedShares(ref, cur, false);
      return jensenShannon(r, c);
    }
    case 'psi': {
      const [r, c] = binnedShares(ref, cur, true);
      return psi(r, c);
    }
  }
}

/** Which tests fit a column: numeric-only tests need numbers on both sides. */
function applicable(test: StatTest, kind: ColumnKind): boolean {
  return !((test === 'ks' || test === 'wasserstein') && kind !== 'numeric');
}

function binsOf(ref: Sample, cur: Sample): ColumnDrift['bins'] {
  if (ref.kind === 'numeric' && cur.kind === 'numeric' && ref.values.length > 20) {
    const [r, c] = binnedShares(ref, cur, false);
    const lo = Math.min(ref.values[0]!, cur.values[0] ?? Infinity);
    const hi = Math.max(ref.values[ref.values.length - 1]!, cur.values[cur.values.length - 1] ?? -Infinity);
    const step = (hi - lo) / r.length;
    const fmt = (v: number) => (Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toPrecision(3));
    return { labels: Array.from(r, (_, i) => fmt(lo + i * step)), reference: Array.from(r), current: Array.from(c) };
  }
  const a = categorical(ref);
  const b = categorical(cur);
  const keys = new Set<string>([...a.counts.keys(), ...b.counts.keys()]);
  const rows = [...keys].map((k) => ({ k, r: (a.counts.get(k) ?? 0) / a.n, c: (b.counts.get(k) ?? 0) / b.n })).sort((x, y) => Math.max(y.r, y.c) - Math.max(x.r, x.c) || (x.k < y.k ? -1 : 1));
  const shown = rows.slice(0, 12);
  return { labels: shown.map((x) => x.k), reference: shown.map((x) => x.r), current: shown.map((x) => x.c) };
}

/** The named words (not the "#" buckets) whose share rose and fell most, five each. */
function wordChanges(ref: Sample, cur: Sample): NonNullable<ColumnDrift['words']> {
  const a = categorical(ref);
  const b = categorical(cur);
  const words = new Set([...a.counts.keys(), ...b.counts.keys()].filter((k) => !k.startsWith('#')));
  const moves = [...words].map((w): [string, number, number] => [w, (a.counts.get(w) ?? 0) / (a.n || 1), (b.counts.get(w) ?? 0) / (b.n || 1)]);
  const by = (x: [string, number, number], y: [string, number, number]) => y[2] - y[1] - (x[2] - x[1]) || (x[0] < y[0] ? -1 : 1);
  const sorted = moves.sort(by);
  return { rose: sorted.filter((m) => m[2] > m[1]).slice(0, 5), fell: sorted.filter((m) => m[2] < m[1]).reverse().slice(0, 5) };
}

/** Tests one column. */
export function columnDrift(input: ColumnInput, settings: DriftSettings): ColumnDrift {
  const ref = input.reference;
  const cur = input.current;
  const refRows = ref.sample.n;
  const share = (missing: number, present: number, rows: number) => (rows + missing === 0 ? 0 : missing / (present + missing));
  const base = {
    column: input.name,
    kind: input.kind,
    referenceRows: refRows,
    psi: null,
    newCategories: [] as [string, number][],
    bins: { labels: [], reference: [], current: [] },
  };
  if (!cur) {
    const test = settings.columns[input.name]?.stattest ?? settings.stattest ?? defaultTest(input.kind, refRows, 0);
    return { ...base, test, score: Number.NaN, threshold: Number.NaN, drifted: true, severity: Infinity, currentRows: 0, missingShare: { reference: share(ref.missing, refRows, refRows), current: 1 }, note: 'the column is missing from the current data' };
  }
  const missingShare = { reference: share(ref.missing, refRows, refRows), current: share(cur.missing, cur.sample.n, cur.sample.n) };
  const invalidNote = cur.invalid ? `${cur.invalid.toLocaleString('en-US')} current values are not numbers (counted as missing)` : undefined;
  if (cur.sample.n === 0 || refRows === 0) {
    const test = settings.columns[input.name]?.stattest ?? settings.stattest ?? defaultTest(input.kind, refRows, 0);
    const empty = cur.sample.n === 0 ? 'every current value is missing' : 'every reference value is missing';
    return { ...base, test, score: Number.NaN, threshold: Number.NaN, drifted: cur.sample.n === 0 && refRows > 0, severity: cur.sample.n === 0 ? Infinity : 0, currentRows: cur.sample.n, missingShare, note: [empty, invalidNote].filter(Boolean).join('; ') };
  }
  const override = settings.columns[input.name]?.stattest ?? settings.stattest;
  const distinct = input.kind === 'text' ? Infinity : distinctTogether(ref.sample, cur.sample);
  let test = override ?? defaultTest(input.kind, refRows, distinct);
  let note = invalidNote;
  if (!applicable(test, input.kind)) {
    const fallback = defaultTest(input.kind, refRows, distinct);
    note = [`${TEST_TITLE[test]} needs numbers; ${TEST_TITLE[fallback]} was used`, note].filter(Boolean).join('; ');
    test = fallback;
  }
  // A pipeline-wide threshold goes with the pipeline-wide test; a column's own threshold wins.
  const own = settings.columns[input.name];
  const threshold = own?.threshold ?? (test === settings.stattest && own?.stattest === undefined ? settings.threshold : undefined) ?? DEFAULT_THRESHOLD[test];
  const score = runTest(test, ref.sample, cur.sample);
  const drifted = isDrift(test, score, threshold);
  const [pr, pc] = binnedShares(ref.sample, cur.sample, true);
  const newCategories: [string, number][] = [];
  if (input.kind === 'categorical' && ref.sample.kind === 'categorical' && cur.sample.kind === 'categorical' && ref.sample.other === 0) {
    for (const [k, n] of cur.sample.counts) if (!ref.sample.counts.has(k)) newCategories.push([k, n]);
    newCategories.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }
  return { ...base, test, score, threshold, drifted, severity: severityOf(test, score, threshold), psi: psi(pr, pc), currentRows: cur.sample.n, newCategories, missingShare, bins: binsOf(ref.sample, cur.sample), note, ...(input.kind === 'text' ? { words: wordChanges(ref.sample, cur.sample) } : {}) };
}

export type Verdict = 'drift' | 'no-drift' | 'not-enough-data';

export interface DatasetDrift {
  verdict: Verdict;
  drift: boolean;
  /** The share of features (or of their importance) that drifted. */
  share: number;
  threshold: number;
  weighted: boolean;
  columns: ColumnDrift[];
  drifted: string[];
  currentRows: number;
  minRows: number;
}

/**
 * Tests every feature and decides for the dataset. `importance` weighs features when the settings ask
 * for it; below `minRows` current rows no test runs, and the verdict is "not enough data", never drift.
 */
export function datasetDrift(inputs: readonly ColumnInput[], currentRows: number, settings: DriftSettings, importance?: ReadonlyMap<string, number>): DatasetDrift {
  const base = { threshold: settings.share, weighted: settings.weighted && importance !== undefined, currentRows, minRows: settings.minRows };
  if (currentRows < settings.minRows) return { ...base, verdict: 'not-enough-data', drift: false, share: 0, columns: [], drifted: [] };
  const columns = inputs.map((c) => columnDrift(c, settings));
  const weight = (name: string) => (base.weighted && importance ? (importance.get(name) ?? 0) : 1);
  let total = 0;
  let drifted = 0;
  for (const c of columns) {
    total += weight(c.column);
    if (c.drifted) drifted += weight(c.column);
  }
  const share = total > 0 ? drifted / total : 0;
  columns.sort((a, b) => Number(b.drifted) - Number(a.drifted) || b.severity - a.severity || (a.column < b.column ? -1 : 1));
  const drift = columns.length > 0 && share >= settings.share;
  return { ...base, verdict: drift ? 'drift' : 'no-drift', drift, share, columns, drifted: columns.filter((c) => c.drifted).map((c) => c.column) };
}
