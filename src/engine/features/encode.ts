// Feature encoding: learned from the training table (fit), stored in the model package, and applied
// identically to any later table (apply). Every encoded feature is a number; NaN means missing and goes
// right at every split, in training and at prediction.
//
// - numbers: as they are;
// - booleans: 1 for the true-like level, 0 for the other;
// - categories: one column per level up to `oneHotMaxLevels`, else one ordinal column (levels sorted);
//   a category never seen in training is all zeros (one-hot: "none of the known levels") or NaN
//   (ordinal: treated as missing), never a crash;
// - text: a hashed bag of words (n-grams of lower-cased word tokens) of `textWidth` buckets.
import { MissingColumnError } from '../errors.ts';
import { hash53 } from '../data/split.ts';
import type { Column, Table } from '../data/table.ts';
import { columnByName } from '../data/table.ts';

export type EncodedColumn =
  | { name: string; kind: 'numeric' }
  | { name: string; kind: 'boolean'; trueLevel: string }
  | { name: string; kind: 'one-hot'; levels: string[] }
  | { name: string; kind: 'ordinal'; levels: string[] }
  | { name: string; kind: 'hashed-text'; width: number; ngrams: number; seed: number };

export interface FeatureEncoding {
  columns: EncodedColumn[];
  /** The names of the encoded features, in the order the forest sees them. */
  features: string[];
}

export interface EncodingOptions {
  oneHotMaxLevels: number;
  textWidth: number;
  ngrams: number;
}

export const DEFAULT_ENCODING: EncodingOptions = { oneHotMaxLevels: 10, textWidth: 256, ngrams: 2 };

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1']);
const TEXT_SEED = 0x5eed;

function presentLevels(col: Extract<Column, { kind: 'categorical' }>): string[] {
  const used = new Uint8Array(col.levels.length);
  for (const c of col.codes) if (c >= 0) used[c] = 1;
  return col.levels.filter((_, i) => used[i]).sort();
}

export function fitEncoding(table: Table, featureNames: readonly string[], opts: EncodingOptions = DEFAULT_ENCODING): FeatureEncoding {
  const columns: EncodedColumn[] = featureNames.map((name) => {
    const col = columnByName(table, name);
    if (!col) throw new MissingColumnError(name, `the feature ${JSON.stringify(name)} is not in the data`);
    if (col.kind === 'numeric') return { name, kind: 'numeric' };
    if (col.type === 'text') return { name, kind: 'hashed-text', width: opts.textWidth, ngrams: opts.ngrams, seed: TEXT_SEED };
    const levels = presentLevels(col);
    if (col.type === 'boolean') return { name, kind: 'boolean', trueLevel: levels.find((l) => TRUE_WORDS.has(l.trim().toLowerCase())) ?? levels[levels.length - 1] ?? '' };
    return levels.length <= opts.oneHotMaxLevels ? { name, kind: 'one-hot', levels } : { name, kind: 'ordinal', levels };
  });
  return { columns, features: columns.flatMap(featureNamesOf) };
}

function featureNamesOf(c: EncodedColumn): string[] {
  switch (c.kind) {
    case 'numeric':
    case 'boolean':
    case 'ordinal':
      return [c.name];
    case 'one-hot':
      return c.levels.map((l) => `${c.name}=${l}`);
    case 'hashed-text':
      return Array.from({ length: c.width }, (_, i) => `${c.name}#${i}`);
  }
}

/** Word tokens, lower-cased, and their n-grams up to `n`. */
export function textTokens(text: string, n: number): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_$!]+/gu) ?? [];
  const out: string[] = [];
  for (let k = 1; k <= n; k++) for (let i = 0; i + k <= words.length; i++) out.push(words.slice(i, i + k).join(' '));
  return out;
}

/** Applies an encoding to a table that has (at least) the encoded columns; returns one array per feature. */
export function applyEncoding(table: Table, encoding: FeatureEncoding): Float64Array[] {
  const n = table.rowCount;
  const out: Float64Array[] = [];
  for (const enc of encoding.columns) {
    const col = columnByName(table, enc.name);
    if (!col) throw new MissingColumnError(enc.name, `the feature column ${JSON.stringify(enc.name)} is missing from the data`);
    if (enc.kind === 'numeric') {
      if (col.kind === 'numeric') out.push(Float64Array.from(col.values));
      else out.push(Float64Array.from(col.codes, (c) => (c < 0 ? Number.NaN : Number(col.levels[c]))));
      continue;
    }
    // The remaining encodings read text levels; numeric cells are read as their text.
    const codes = col.kind === 'categorical' ? col.codes : Int32Array.from({ length: n }, (_, r) => (Number.isNaN(col.values[r]!) ? -1 : r));
    const levelOf = (r: number): string | undefined => {
      const c = codes[r]!;
      if (c < 0) return undefined;
      return col.kind === 'categorical' ? col.levels[c] : String(col.values[r]);
    };
    if (enc.kind === 'boolean') out.push(Float64Array.from({ length: n }, (_, r) => {
      const l = levelOf(r);
      return l === undefined ? Number.NaN : l === enc.trueLevel ? 1 : 0;
    }));
    else if (enc.kind === 'one-hot') {
      const index = new Map(enc.levels.map((l, i) => [l, i]));
      const cols = enc.levels.map(() => new Float64Array(n));
      for (let r = 0; r < n; r++) {
        const l = levelOf(r);
        if (l === undefined) for (const c of cols) c[r] = Number.NaN;
        else {
          const i = index.get(l);
          if (i !== undefined) cols[i]![r] = 1;
        }
      }
      out.push(...cols);
    } else if (enc.kind === 'ordinal') {
      const index = new Map(enc.levels.map((l, i) => [l, i]));
      out.push(Float64Array.from({ length: n }, (_, r) => {
        const l = levelOf(r);
        return l === undefined ? Number.NaN : (index.get(l) ?? Number.NaN);
      }));
    } else {
      const cols = Array.from({ length: enc.width }, () => new Float64Array(n));
      for (let r = 0; r < n; r++) {
        const l = levelOf(r);
        if (l === undefined) continue; // no words: all buckets 0
        for (const token of textTokens(l, enc.ngrams)) cols[hash53(token, enc.seed) % enc.width]![r]! += 1;
      }
      out.push(...cols);
    }
  }
  return out;
}
