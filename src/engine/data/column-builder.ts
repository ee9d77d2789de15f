// Accumulates one column while the CSV streams by. A column starts as numbers (unless declared
// otherwise) and keeps the few cells that are not numbers aside, so that "forty" in a column of ages
// is reported as a bad cell rather than turning the column into text. Only when such cells are common
// does the column switch to dictionary-encoded strings.

export const CELL_NUMBER = 0;
export const CELL_MISSING = 1;
export const CELL_TEXT = 2;
export type CellKind = typeof CELL_NUMBER | typeof CELL_MISSING | typeof CELL_TEXT;

/** A numeric column switches to strings once this many cells, and this share of rows, are not numbers. */
const SWITCH_MIN_CELLS = 50;
const SWITCH_MIN_SHARE = 0.05;

export type BuilderMode = 'numeric' | 'string';

export class ColumnBuilder {
  readonly name: string;
  /** A declared type pins the mode: the column never switches. */
  readonly pinned: boolean;
  mode: BuilderMode;
  values: Float64Array;
  codes: Int32Array;
  readonly levels: string[] = [];
  private readonly levelIndex = new Map<string, number>();
  /** Numeric mode: row -> text of the cells that were not numbers. */
  readonly exceptions = new Map<number, string>();

  constructor(name: string, mode: BuilderMode, pinned: boolean, capacity: number) {
    this.name = name;
    this.mode = mode;
    this.pinned = pinned;
    this.values = mode === 'numeric' ? new Float64Array(capacity) : new Float64Array(0);
    this.codes = mode === 'string' ? new Int32Array(capacity) : new Int32Array(0);
  }

  get capacity(): number {
    return this.mode === 'numeric' ? this.values.length : this.codes.length;
  }

  grow(capacity: number): void {
    if (this.mode === 'numeric') {
      const next = new Float64Array(capacity);
      next.set(this.values);
      this.values = next;
    } else {
      const next = new Int32Array(capacity);
      next.set(this.codes);
      this.codes = next;
    }
  }

  code(text: string): number {
    let code = this.levelIndex.get(text);
    if (code === undefined) {
      code = this.levels.length;
      this.levels.push(text);
      this.levelIndex.set(text, code);
    }
    return code;
  }

  set(row: number, kind: CellKind, num: number, text: string): void {
    if (this.mode === 'string') {
      this.codes[row] = kind === CELL_MISSING ? -1 : this.code(text);
      return;
    }
    if (kind === CELL_NUMBER) {
      this.values[row] = num;
      return;
    }
    this.values[row] = Number.NaN;
    if (kind === CELL_MISSING) return;
    this.exceptions.set(row, text);
    if (!this.pinned && this.exceptions.size > SWITCH_MIN_CELLS && this.exceptions.size > SWITCH_MIN_SHARE * (row + 1)) {
      this.switchToStrings(row + 1);
    }
  }

  /** Re-encodes rows [0, rows) as strings; numbers get their shortest decimal form. */
  switchToStrings(rows: number): void {
    const codes = new Int32Array(this.values.length);
    for (let r = 0; r < rows; r++) {
      const v = this.values[r]!;
      if (!Number.isNaN(v)) codes[r] = this.code(String(v));
      else {
        const text = this.exceptions.get(r);
        codes[r] = text === undefined ? -1 : this.code(text);
      }
    }
    this.codes = codes;
    this.values = new Float64Array(0);
    this.exceptions.clear();
    this.mode = 'string';
  }
}
