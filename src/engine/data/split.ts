// The train/test split. A row's side is a function of its key and the seed, nothing else. The key is
// the text of a fixed, recorded list of columns (the id, or by default every column of the training
// data, in the order recorded), so adding rows never moves an old row, and neither does adding,
// dropping or reordering any other column. Rows with identical key cells share a side, so exact
// duplicates never straddle the split.
import { MissingColumnError } from '../errors.ts';
import type { Column, Table } from './table.ts';
import { cellText } from './table.ts';

const SEPARATOR = '\u001f';

// The hash's running state. Module-level, so that a key can be hashed cell by cell, never joined.
let ha = 0;
let hb = 0;

function hashStart(seed: number): void {
  ha = (0x811c9dc5 ^ seed) >>> 0;
  hb = (0x01000193 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
}

/** One character code into the hash. */
function feedChar(c: number): void {
  ha = Math.imul(ha ^ c, 0x01000193);
  const b = Math.imul(hb ^ c, 0x5bd1e995);
  hb = b ^ (b >>> 15);
}

function hashFeed(text: string): void {
  for (let i = 0; i < text.length; i++) feedChar(text.charCodeAt(i));
}

/** 10^0 … 10^15, each exact in a double. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
const digits = new Uint8Array(16);

/**
 * hashFeed(String(v)) for a number, without making the string: a million rows of 21 numbers are 21
 * million strings, which cost more than the hash. The fast path writes v as String would when v has at
 * most 15 significant digits and 1e-5 <= |v| < 1e15 (plain decimal notation there): then the decimal
 * m / 10^d with the fewest digits d after the point that reads back as v is the only one with so few
 * digits (15-digit decimals are further apart than doubles), and so is the shortest round trip that
 * String writes. Math.round(|v| · 10^d) finds m, as the product's rounding error is far below ½. Every
 * other number (more digits, exponents, NaN's text aside) goes through String.
 */
function hashFeedNumber(v: number): void {
  if (v === 0) return hashFeed('0'); // -0 too, as String writes it
  const x = v < 0 ? -v : v;
  if (x >= 1e-5 && x < 1e15) {
    for (let d = 0; d <= 15; d++) {
      const p = POW10[d]!;
      const t = x * p;
      const m = Math.round(t);
      if (m >= 1e15) break;
      // The true m is within 2.3e-16·t of t (v's rounding and the product's); a wrong d is seldom
      // that close, and is let through to the exact test only when it is.
      const off = t - m;
      if (off > 4.5e-16 * t || off < -4.5e-16 * t || m / p !== x) continue;
      let q = Math.floor(x);
      let r = m - q * p;
      if (r < 0) {
        q--;
        r += p;
      } else if (r >= p) {
        q++;
        r -= p;
      }
      if (v < 0) feedChar(0x2d);
      for (let n = decimalDigits(q, 0, digits); n > 0; ) feedChar(0x30 + digits[--n]!);
      if (d > 0) {
        feedChar(0x2e);
        decimalDigits(r, d, digits);
        for (let k = d - 1; k >= 0; k--) feedChar(0x30 + digits[k]!);
      }
      return;
    }
  }
  hashFeed(String(v));
}

/**
 * The decimal digits of the integer x (0 <= x < 2^53), lowest first, into out: `width` of them
 * (leading zeros included), or as many as x has when width is 0. Returns how many. Below 2^31 the
 * division by ten is an int32 one, which the compiler makes a multiplication.
 */
function decimalDigits(x: number, width: number, out: Uint8Array): number {
  let n = 0;
  while (x >= 2147483648 && (width === 0 || n < width)) {
    const next = Math.floor(x / 10);
    out[n++] = x - next * 10;
    x = next;
  }
  let xi = x | 0;
  while (width === 0 ? n === 0 || xi > 0 : n < width) {
    const next = (xi / 10) | 0;
    out[n++] = xi - next * 10;
    xi = next;
  }
  return n;
}

/** hash53(String(v), seed), through hashFeedNumber: for its test against String. */
export function hash53Number(v: number, seed: number): number {
  hashStart(seed);
  hashFeedNumber(v);
  return hashEnd();
}

function hashEnd(): number {
  // Final avalanche, so that near keys ("row-1", "row-2") land far apart.
  let a = Math.imul(ha ^ (ha >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  a ^= a >>> 16;
  let b = Math.imul(hb ^ (hb >>> 16), 0x7feb352d);
  b = Math.imul(b ^ (b >>> 15), 0x846ca68b);
  b ^= b >>> 16;
  return (a >>> 11) * 4294967296 + (b >>> 0);
}

/** A 53-bit hash of a string, from two seeded 32-bit FNV-1a variants; uniform enough to split on. */
export function hash53(text: string, seed: number): number {
  hashStart(seed);
  hashFeed(text);
  return hashEnd();
}

/**
 * What hashing a row needs beyond its cells: the seed, the fraction, and a salt fed before the cells
 * ('' for the split a package records; the sweep's validation split salts its keys).
 */
export interface HashKey {
  seed: number;
  testFraction: number;
  salt?: string;
}

/** The exact definition of a split, as a model package records it. */
export interface SplitKey {
  /** The columns whose cells, in this order, make a row's key. */
  columns: string[];
  seed: number;
  testFraction: number;
}

/** The default key columns: the id alone, or every column of the data in file order. */
export function defaultKeyColumns(table: Table, id: string | undefined): string[] {
  return id === undefined ? table.columns.map((c) => c.name) : [id];
}

export function keyColumnsOf(table: Table, keyColumns: readonly string[]): Column[] {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  return keyColumns.map((name) => {
    const col = byName.get(name);
    if (!col) throw new MissingColumnError(name, `the split key column ${JSON.stringify(name)} is not in the data`);
    return col;
  });
}

/** The key of each row: the text of its key columns, joined. A key column the data lacks is an error. */
export function rowKeys(table: Table, keyColumns: readonly string[]): string[] {
  const cols = keyColumnsOf(table, keyColumns);
  const keys = new Array<string>(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) keys[r] = cols.length === 1 ? cellText(cols[0]!, r) : cols.map((c) => cellText(c, r)).join(SEPARATOR);
  return keys;
}

/** True for the rows that go to the test split. */
export function testRows(keys: readonly string[], testFraction: number, seed: number): Uint8Array {
  const out = new Uint8Array(keys.length);
  const cut = testFraction * 2 ** 53;
  for (let r = 0; r < keys.length; r++) out[r] = hash53(keys[r]!, seed) < cut ? 1 : 0;
  return out;
}

/**
 * The test rows of a table under a recorded split key: testRows of rowKeys (each salted, when a salt
 * is given), with each key hashed cell by cell instead of joined (a million rows of 21 cells would be
 * a million joined strings).
 */
export function testRowsOf(table: Table, key: SplitKey & HashKey): Uint8Array {
  const out = new Uint8Array(table.rowCount);
  hashRows(keyColumnsOf(table, key.columns), key, 0, table.rowCount, out);
  return out;
}

/** testRowsOf for rows [lo, hi) of columns already looked up: the part a split-threads.ts thread does. */
export function hashRows(cols: readonly Column[], key: HashKey, lo: number, hi: number, out: Uint8Array): void {
  const cut = key.testFraction * 2 ** 53;
  const salt = key.salt ?? '';
  for (let r = lo; r < hi; r++) {
    hashStart(key.seed);
    hashFeed(salt);
    for (let j = 0; j < cols.length; j++) {
      if (j > 0) hashFeed(SEPARATOR);
      const col = cols[j]!;
      // A number's text is String(v) (cellText), fed without making it; an invalid cell's is its own.
      if (col.kind === 'numeric' && col.values[r] === col.values[r]) hashFeedNumber(col.values[r]!);
      else hashFeed(cellText(col, r));
    }
    out[r] = hashEnd() < cut ? 1 : 0;
  }
}

