// The two sides of every column as drift tests read them: the reference from a model package's
// profile (so the training data is not needed) or from a table, and the current data from a table.
import type { Column, Table } from '../data/table.ts';
import { ModelFormatError } from '../errors.ts';
import type { ColumnProfile } from '../model/profile.ts';
import { frequentWords, tokenBucket, tokenCounts, TOKEN_BUCKETS } from '../model/profile.ts';
import { textTokens } from '../features/encode.ts';
import type { ColumnInput, ColumnKind, ColumnSide } from './detect.ts';
import { categoricalSample, fromSketch, numericSample, type CategoricalSample } from './sample.ts';

function levelRows(codes: ArrayLike<number>, levels: number): Float64Array {
  const rows = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) rows[codes[i]!]!++;
  return rows;
}

export function kindOf(type: Column['type'] | ColumnProfile['type']): ColumnKind {
  return type === 'integer' || type === 'number' ? 'numeric' : type === 'text' ? 'text' : 'categorical';
}

/**
 * A text column's tokens as categories: each word of the vocabulary by name, every other token by its
 * hashed bucket ("#395"). Both sides of a test use the reference's vocabulary.
 */
function tokenSample(levels: readonly string[], codes: ArrayLike<number>, vocabulary: ReadonlySet<string>): CategoricalSample {
  const perLevel = new Float64Array(levels.length);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) perLevel[codes[i]!]!++;
  const named = new Map<string, number>();
  levels.forEach((l, i) => {
    const n = perLevel[i]!;
    if (n > 0) for (const t of textTokens(l, 1)) if (vocabulary.has(t)) named.set(t, (named.get(t) ?? 0) + n);
  });
  return bucketSample(tokenCounts(levels, perLevel), named);
}

/** Bucket counts with the named words taken out of their buckets and counted by name. */
function bucketSample(buckets: ArrayLike<number>, named: ReadonlyMap<string, number>): CategoricalSample {
  const rest = Float64Array.from(buckets);
  const counts = new Map<string, number>();
  let n = 0;
  for (const [word, k] of named) {
    if (!(k > 0)) continue;
    counts.set(word, k);
    rest[tokenBucket(word)] = Math.max(0, rest[tokenBucket(word)]! - k);
    n += k;
  }
  for (let k = 0; k < rest.length; k++) {
    if (rest[k]! > 0) {
      counts.set(`#${k}`, rest[k]!);
      n += rest[k]!;
    }
  }
  return { kind: 'categorical', counts, n, other: 0 };
}

/** A table column as a drift test side; `kind` is the reference's (a column is read as its reference reads it). */
export function tableSide(col: Column, kind: ColumnKind, vocabulary?: ReadonlySet<string>): ColumnSide {
  if (col.kind === 'numeric') {
    const sample = numericSample(col.values, col.type === 'integer');
    const invalid = col.invalid.length;
    if (kind !== 'numeric') {
      const levels: string[] = [];
      const index = new Map<string, number>();
      const codes = Int32Array.from(col.values, (v) => {
        if (v !== v) return -1;
        const key = String(v);
        let c = index.get(key);
        if (c === undefined) index.set(key, (c = levels.push(key) - 1));
        return c;
      });
      return { sample: kind === 'text' ? tokenSample(levels, codes, vocabulary ?? new Set()) : categoricalSample(levels, codes), missing: col.values.length - sample.n };
    }
    return { sample, missing: col.values.length - sample.n - invalid, ...(invalid ? { invalid } : {}) };
  }
  let missing = 0;
  for (const c of col.codes) if (c < 0) missing++;
  if (kind === 'text') {
    // A reference table names its own frequent words; the current data is read with the reference's.
    const words = vocabulary ?? new Set(Object.keys(frequentWords(col.levels, levelRows(col.codes, col.levels.length))));
    return { sample: tokenSample(col.levels, col.codes, words), missing, vocabulary: words };
  }
  if (kind === 'numeric') {
    // The reference holds numbers, the current column does not parse as numbers: every value is invalid.
    const values = new Float64Array(col.codes.length).fill(Number.NaN);
    return { sample: numericSample(values), missing, invalid: col.codes.length - missing };
  }
  return { sample: categoricalSample(col.levels, col.codes), missing };
}

/** A column's reference side from a package profile; `file` names the package in errors. */
export function profileSide(name: string, p: ColumnProfile, file: string): ColumnSide {
  const bad = (what: string) => new ModelFormatError(file, `profile.${name}: ${what}; train the model again with this version of mlops to get a drift profile`);
  if (p.type === 'integer' || p.type === 'number') {
    const s = p.sketch;
    if (!s) throw bad('no sketch of the values (the package predates drift-report)');
    if (!Array.isArray(s.values) || !Array.isArray(s.counts) || s.values.length !== s.counts.length || s.values.some((v) => typeof v !== 'number') || s.counts.some((c) => typeof c !== 'number' || !(c > 0))) throw bad('a malformed sketch');
    for (let i = 1; i < s.values.length; i++) if (!(s.values[i]! > s.values[i - 1]!)) throw bad('sketch values are not increasing');
    return { sample: fromSketch(s.values, s.counts, p.type === 'integer', s.exact === true), missing: p.missing };
  }
  if (p.type === 'text') {
    if (!Array.isArray(p.tokens) || p.tokens.length !== TOKEN_BUCKETS || p.tokens.some((t) => typeof t !== 'number' || t < 0)) throw bad(`no token counts of ${TOKEN_BUCKETS} buckets (the package predates drift-report)`);
    // A package from before the vocabulary names no word: every token is counted by its bucket.
    const words = typeof p.words === 'object' && p.words !== null ? Object.entries(p.words).filter(([w, k]) => typeof k === 'number' && k > 0 && !w.startsWith('#')) : [];
    return { sample: bucketSample(p.tokens, new Map(words)), missing: p.missing, vocabulary: new Set(words.map(([w]) => w)) };
  }
  if (p.type !== 'boolean' && p.type !== 'categorical') throw bad(`the unknown type ${JSON.stringify((p as { type: unknown }).type)}`);
  if (typeof p.top !== 'object' || p.top === null) throw bad('no category counts');
  const counts = new Map<string, number>();
  let n = 0;
  for (const [k, v] of Object.entries(p.top)) {
    if (typeof v !== 'number' || !(v > 0)) throw bad(`the count of ${JSON.stringify(k)} is not a positive number`);
    counts.set(k, v);
    n += v;
  }
  const other = typeof p.other === 'number' && p.other > 0 ? p.other : 0;
  return { sample: { kind: 'categorical', counts, n: n + other, other }, missing: p.missing };
}

/** The inputs of the column tests: every reference feature, with the current table's column when it has one. */
export function columnInputs(reference: readonly { name: string; kind: ColumnKind; side: ColumnSide }[], current: Table): ColumnInput[] {
  const byName = new Map(current.columns.map((c) => [c.name, c]));
  return reference.map((r) => {
    const col = byName.get(r.name);
    return { name: r.name, kind: r.kind, reference: r.side, current: col ? tableSide(col, r.kind, r.side.vocabulary) : undefined };
  });
}
