// Turns the builders into final, typed columns and infers each undeclared column's type.
import type { ColumnBuilder } from './column-builder.ts';
import { DECIMAL_COMMA_SYNTAX, NUMBER_SYNTAX } from './number-bytes.ts';
import type { CategoricalColumn, Column, ColumnType, InvalidCell, NumericColumn } from './table.ts';
import { isNumericType } from './table.ts';

/** A string column whose non-missing cells are at least this share of numbers is numeric, with bad cells. */
const NUMERIC_SHARE = 0.95;
/** Text (free prose) rather than categories: this many words per value on average. */
const TEXT_MIN_WORDS = 3;
/** Text rather than categories: mostly distinct values that are this long on average. */
const TEXT_MIN_LENGTH = 20;
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f']);

function trimmed<T extends Float64Array | Int32Array>(a: T, rows: number): T {
  // A copy when the estimate was far off; otherwise a view, to keep peak memory at one copy.
  return (a.length > rows * 1.25 ? a.slice(0, rows) : a.subarray(0, rows)) as T;
}

function isIntegral(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v && !Number.isInteger(v)) return false;
  }
  return true;
}

function numeric(name: string, values: Float64Array, invalid: InvalidCell[], declared: ColumnType | undefined): NumericColumn {
  const type = declared === 'integer' || declared === 'number' ? declared : isIntegral(values) ? 'integer' : 'number';
  return { name, kind: 'numeric', type, values, invalid };
}

function levelCounts(codes: Int32Array, levels: number): { counts: Float64Array; present: number } {
  const counts = new Float64Array(levels);
  let present = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c >= 0) {
      counts[c]!++;
      present++;
    }
  }
  return { counts, present };
}

/** The type of a string column that was not declared. */
export function inferStringType(levels: readonly string[], counts: Float64Array, present: number): 'boolean' | 'categorical' | 'text' {
  if (levels.length > 0 && levels.length <= 2 && levels.every((l) => BOOLEAN_WORDS.has(l.trim().toLowerCase()))) return 'boolean';
  if (present === 0) return 'categorical';
  let words = 0;
  let length = 0;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const n = counts[i]!;
    words += n * level.split(/\s+/).filter(Boolean).length;
    length += n * level.length;
  }
  if (words / present >= TEXT_MIN_WORDS) return 'text';
  if (levels.length > present / 2 && present >= 20 && length / present >= TEXT_MIN_LENGTH) return 'text';
  return 'categorical';
}

function finishString(b: ColumnBuilder, rows: number, declared: ColumnType | undefined): Column {
  const codes = trimmed(b.codes, rows);
  const { counts, present } = levelCounts(codes, b.levels.length);
  if (declared === undefined && present > 0) {
    // Mostly numbers with a few words among them: a numeric column with bad cells, not categories.
    // A number too large for a double (1e400) is a bad cell, never Infinity.
    const parsed = b.levels.map((l) => (NUMBER_SYNTAX.test(l.trim()) ? Number(l) : Number.NaN)).map((v) => (Number.isFinite(v) ? v : Number.NaN));
    let numericRows = 0;
    parsed.forEach((v, i) => {
      if (!Number.isNaN(v)) numericRows += counts[i]!;
    });
    if (numericRows >= NUMERIC_SHARE * present) {
      const values = new Float64Array(rows);
      const invalid: InvalidCell[] = [];
      for (let r = 0; r < rows; r++) {
        const c = codes[r]!;
        values[r] = c < 0 ? Number.NaN : parsed[c]!;
        if (c >= 0 && Number.isNaN(parsed[c]!)) invalid.push({ row: r, value: b.levels[c]! });
      }
      return numeric(b.name, values, invalid, undefined);
    }
  }
  const type = declared === 'boolean' || declared === 'categorical' || declared === 'text' ? declared : inferStringType(b.levels, counts, present);
  const column: CategoricalColumn = { name: b.name, kind: 'categorical', type, codes, levels: b.levels };
  if (declared === undefined && present > 0) {
    // "64,5": numbers written with a decimal comma. Read as categories unless data.decimal says ",";
    // validate-data warns, so that the change of meaning is never silent.
    let comma = 0;
    let numeric = 0;
    b.levels.forEach((l, i) => {
      const t = l.trim();
      if (DECIMAL_COMMA_SYNTAX.test(t)) comma += counts[i]!;
      else if (NUMBER_SYNTAX.test(t)) numeric += counts[i]!;
    });
    if (comma > 0 && comma + numeric >= NUMERIC_SHARE * present) column.decimalCommaCells = comma;
  }
  return column;
}

export function finishColumns(builders: readonly ColumnBuilder[], rows: number, declared: ReadonlyMap<string, ColumnType> | undefined): Column[] {
  return builders.map((b) => {
    const type = declared?.get(b.name);
    if (b.mode === 'numeric' && !b.pinned && b.exceptions.size > 0) {
      // Few rows, so the streaming switch never came: apply the same rule now.
      let numbers = 0;
      for (let r = 0; r < rows; r++) if (!Number.isNaN(b.values[r]!)) numbers++;
      if (numbers < NUMERIC_SHARE * (numbers + b.exceptions.size)) b.switchToStrings(rows);
    }
    if (b.mode === 'numeric') {
      const invalid = [...b.exceptions].map(([row, value]) => ({ row, value })).sort((x, y) => x.row - y.row);
      return numeric(b.name, trimmed(b.values, rows), invalid, type !== undefined && isNumericType(type) ? type : undefined);
    }
    return finishString(b, rows, type);
  });
}
