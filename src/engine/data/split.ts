// The train/test split. A row's side is a function of its key (the id column's value, or without an id
// the text of all its cells) and the seed, nothing else: adding rows never moves an old row from train
// to test or back, so a champion and a candidate trained on more data are scored on comparable rows.
// Rows with identical content share a key, so exact duplicates never straddle the split.
import { MissingColumnError } from '../errors.ts';
import type { Table } from './table.ts';
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

/** The key of each row: its id, or the text of every cell. */
export function rowKeys(table: Table, id: string | undefined): string[] {
  const keys = new Array<string>(table.rowCount);
  const idColumn = id === undefined ? undefined : table.columns.find((c) => c.name === id);
  if (id !== undefined && !idColumn) throw new MissingColumnError(id, `the id column ${JSON.stringify(id)} is not in the data`);
  for (let r = 0; r < table.rowCount; r++) {
    keys[r] = idColumn ? cellText(idColumn, r) : table.columns.map((c) => cellText(c, r)).join(SEPARATOR);
  }
  return keys;
}

/** True for the rows that go to the test split. */
export function testRows(keys: readonly string[], testFraction: number, seed: number): Uint8Array {
  const out = new Uint8Array(keys.length);
  const cut = testFraction * 2 ** 53;
  for (let r = 0; r < keys.length; r++) out[r] = hash53(keys[r]!, seed) < cut ? 1 : 0;
  return out;
}
