// The train/test split. A row's side is a function of its key and the seed, nothing else. The key is
// the text of a fixed, recorded list of columns (the id, or by default every column of the training
// data, in the order recorded), so adding rows never moves an old row, and neither does adding,
// dropping or reordering any other column. Rows with identical key cells share a side, so exact
// duplicates never straddle the split.
import { MissingColumnError } from '../errors.ts';
import type { Column, Table } from './table.ts';
import { cellText } from './table.ts';

const SEPARATOR = '\u001f';

/** A 53-bit hash of a string, from two seeded 32-bit FNV-1a variants; uniform enough to split on. */
export function hash53(text: string, seed: number): number {
  let a = (0x811c9dc5 ^ seed) >>> 0;
  let b = (0x01000193 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Final avalanche, so that near keys ("row-1", "row-2") land far apart.
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  a ^= a >>> 16;
  b = Math.imul(b ^ (b >>> 16), 0x7feb352d);
  b = Math.imul(b ^ (b >>> 15), 0x846ca68b);
  b ^= b >>> 16;
  return (a >>> 11) * 4294967296 + (b >>> 0);
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

/** The key of each row: the text of its key columns, joined. A key column the data lacks is an error. */
export function rowKeys(table: Table, keyColumns: readonly string[]): string[] {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const cols: Column[] = keyColumns.map((name) => {
    const col = byName.get(name);
    if (!col) throw new MissingColumnError(name, `the split key column ${JSON.stringify(name)} is not in the data`);
    return col;
  });
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

/** The test rows of a table under a recorded split key. */
export function testRowsOf(table: Table, key: SplitKey): Uint8Array {
  return testRows(rowKeys(table, key.columns), key.testFraction, key.seed);
}
