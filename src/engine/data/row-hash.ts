// Row identity across tables: two rows are "the same" when their cells have the same text, whatever
// dictionary codes or files they came from. Hashes find candidates; `rowsEqual` confirms them.
import type { Column } from './table.ts';
import { cellText } from './table.ts';

function hashString(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * A 53-bit hash of each row's cells in `columns` (numbers by value, strings by text), usable as a Map
 * key without collisions in practice; equality must still be confirmed.
 */
export function hashRows(columns: readonly Column[], rows: number): Float64Array {
  const h1 = new Uint32Array(rows).fill(0x811c9dc5);
  const h2 = new Uint32Array(rows).fill(0x9747b28c);
  for (const col of columns) {
    if (col.kind === 'numeric') {
      const v = col.values;
      for (let r = 0; r < rows; r++) {
        const x = v[r]!;
        f64[0] = x === x ? (x === 0 ? 0 : x) : Number.NaN; // -0 and 0 are one value; all NaNs are one
        h1[r] = Math.imul(h1[r]! ^ u32[0]!, 0x01000193) ^ u32[1]!;
        h2[r] = Math.imul(h2[r]! ^ u32[1]!, 0x5bd1e995) ^ u32[0]!;
      }
    } else {
      const a = col.levels.map((l) => hashString(l, 0x811c9dc5));
      const b = col.levels.map((l) => hashString(l, 0x27d4eb2f));
      const codes = col.codes;
      for (let r = 0; r < rows; r++) {
        const c = codes[r]!;
        h1[r] = Math.imul(h1[r]! ^ (c < 0 ? 0x9e3779b9 : a[c]!), 0x01000193);
        h2[r] = Math.imul(h2[r]! ^ (c < 0 ? 0x7f4a7c15 : b[c]!), 0x5bd1e995);
      }
    }
  }
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = (h1[r]! & 0x1fffff) * 4294967296 + h2[r]!;
  return out;
}

/** Whether row `ra` of columns `a` and row `rb` of columns `b` (paired by position) hold the same text. */
export function rowsEqual(a: readonly Column[], ra: number, b: readonly Column[], rb: number): boolean {
  for (let i = 0; i < a.length; i++) if (cellText(a[i]!, ra) !== cellText(b[i]!, rb)) return false;
  return true;
}
