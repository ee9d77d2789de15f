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

function hashFeed(text: string): void {
  let a = ha;
  let b = hb;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  ha = a;
  hb = b;
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

function keyColumnsOf(table: Table, keyColumns: readonly string[]): Column[] {
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
 * The test rows of a table under a recorded split key: testRows of rowKeys, with each key hashed cell by
 * cell instead of joined (a million rows of 21 cells would be a million joined strings).
 */
export function testRowsOf(table: Table, key: SplitKey): Uint8Array {
  const out = new Uint8Array(table.rowCount);
  hashRows(keyColumnsOf(table, key.columns), key, 0, table.rowCount, out);
  return out;
}

/** testRowsOf for rows [lo, hi) of columns already looked up: the part a split-threads.ts thread does. */
export function hashRows(cols: readonly Column[], key: Pick<SplitKey, 'seed' | 'testFraction'>, lo: number, hi: number, out: Uint8Array): void {
  const cut = key.testFraction * 2 ** 53;
  for (let r = lo; r < hi; r++) {
    hashStart(key.seed);
    for (let j = 0; j < cols.length; j++) {
      if (j > 0) hashFeed(SEPARATOR);
      hashFeed(cellText(cols[j]!, r));
    }
    out[r] = hashEnd() < cut ? 1 : 0;
  }
}

export { keyColumnsOf };
