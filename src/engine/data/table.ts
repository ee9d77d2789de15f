// The in-memory form of a data set: typed columns, never row objects (rows as JS objects cost about 7x
// the memory). Numbers live in Float64Array with NaN for missing; strings are dictionary-encoded.

export type ColumnType = 'integer' | 'number' | 'boolean' | 'categorical' | 'text';
export const COLUMN_TYPES: readonly ColumnType[] = ['integer', 'number', 'boolean', 'categorical', 'text'];

export function isNumericType(type: ColumnType): boolean {
  return type === 'integer' || type === 'number';
}

/** A cell that should have been a number but was not. */
export interface InvalidCell {
  row: number;
  value: string;
}

export interface NumericColumn {
  name: string;
  kind: 'numeric';
  type: 'integer' | 'number';
  /** One value per row; NaN where missing or invalid. */
  values: Float64Array;
  /** Cells that were not numbers, in row order (their value in `values` is NaN). */
  invalid: InvalidCell[];
}

export interface CategoricalColumn {
  name: string;
  kind: 'categorical';
  type: 'boolean' | 'categorical' | 'text';
  /** One code per row: an index into `levels`, or -1 where missing. */
  codes: Int32Array;
  levels: string[];
  /** Undeclared columns only: how many cells look like numbers with a decimal comma ("64,5"). */
  decimalCommaCells?: number;
}

export type Column = NumericColumn | CategoricalColumn;

export type ParseIssueCode = 'empty_file' | 'header' | 'ragged_row' | 'unclosed_quote' | 'bad_quote' | 'encoding';

/** A structural problem found while reading; the reader skips or repairs and goes on. */
export interface ParseIssue {
  code: ParseIssueCode;
  file: string;
  line: number;
  column?: string;
  message: string;
}

export interface Table {
  columns: Column[];
  rowCount: number;
  /** The files read, as the user named them; `fileIndex` points into it. */
  files: string[];
  fileIndex: Uint16Array;
  /** The line (1-based, the header being line 1) on which each row starts. */
  line: Uint32Array;
  /** The first few issues of each kind; `issueCounts` has the totals. */
  issues: ParseIssue[];
  issueCounts: Partial<Record<ParseIssueCode, number>>;
}

const indexes = new WeakMap<readonly Column[], Map<string, Column>>();

/** A column by name, through an index built once per table (a file may have 100,000 columns). */
export function columnByName(table: Pick<Table, 'columns'>, name: string): Column | undefined {
  let index = indexes.get(table.columns);
  if (!index) indexes.set(table.columns, (index = new Map(table.columns.map((c) => [c.name, c]))));
  return index.get(name);
}

/** How a row's place is named: the line of a CSV file, the 1-based row number of a Parquet file. */
export const isParquetFile = (name: string) => /\.parquet$/i.test(name);
export const placeWord = (file: string) => (isParquetFile(file) ? 'row' : 'line');

/** Where a row came from, for messages and annotations. */
export function rowOrigin(table: Table, row: number): { file: string; line: number } {
  return { file: table.files[table.fileIndex[row]!]!, line: table.line[row]! };
}

const invalidTexts = new WeakMap<readonly InvalidCell[], Map<number, string>>();

/** A numeric column's unparsed text at a row, through an index built once (not a scan per cell). */
function invalidText(column: NumericColumn, row: number): string {
  if (column.invalid.length === 0) return '';
  let index = invalidTexts.get(column.invalid);
  if (!index) invalidTexts.set(column.invalid, (index = new Map(column.invalid.map((c) => [c.row, c.value]))));
  return index.get(row) ?? '';
}

/** The value of one cell as text ('' when missing), for messages and hashing across tables. */
export function cellText(column: Column, row: number): string {
  if (column.kind === 'numeric') {
    const v = column.values[row]!;
    if (Number.isNaN(v)) return invalidText(column, row);
    return String(v);
  }
  const code = column.codes[row]!;
  return code < 0 ? '' : column.levels[code]!;
}

/** A new table holding only `rows` (in that order), with the same columns and origins. */
export function subsetTable(table: Table, rows: ArrayLike<number>): Table {
  const n = rows.length;
  const pick = <T extends Float64Array | Int32Array | Uint16Array | Uint32Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let i = 0; i < n; i++) out[i] = a[rows[i]!]!;
    return out;
  };
  const columns = table.columns.map((c): Column => {
    if (c.kind === 'categorical') return { ...c, codes: pick(c.codes) };
    if (c.invalid.length === 0) return { ...c, values: pick(c.values) };
    const position = new Map<number, number>();
    for (let i = 0; i < n; i++) position.set(rows[i]!, i);
    const invalid = c.invalid.flatMap((cell) => {
      const row = position.get(cell.row);
      return row === undefined ? [] : [{ row, value: cell.value }];
    });
    return { ...c, values: pick(c.values), invalid };
  });
  return { ...table, columns, rowCount: n, fileIndex: pick(table.fileIndex), line: pick(table.line) };
}

/** A cell as a number (numeric columns), its text (categorical), or null when missing: for grouping. */
export function cellValue(col: Column, row: number): string | number | null {
  if (col.kind === 'numeric') return col.values[row] === col.values[row] ? col.values[row]! : null;
  return col.codes[row]! < 0 ? null : col.levels[col.codes[row]!]!;
}
