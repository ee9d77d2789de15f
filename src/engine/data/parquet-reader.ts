// Parquet files read into the same typed columns as CSV (hyparquet, pure JavaScript, with its
// compressors). Parquet's own types are kept: integers and doubles are numbers, strings and booleans
// text ("true", "false"), nulls missing, dates and timestamps ISO 8601 text ("2026-08-01",
// "2026-08-01T12:00:00Z"), the text a CSV of the same rows holds, so the same rows split and train the
// same way from either. A column of a type the suite cannot use (nested, binary, time of day) is
// refused by name. A page is refused before it is inflated when it would grow past MAX_PAGE_BYTES or
// MAX_INFLATION times its stored size, so a small hostile file cannot take the memory. Rows are named
// by their 1-based number in the file.
import { stat } from 'node:fs/promises';
import type { AsyncBuffer, ColumnData, Compressors, FileMetaData, SchemaElement } from 'hyparquet';
import { ColumnBuilder, CELL_MISSING, CELL_NUMBER, CELL_TEXT } from './column-builder.ts';
import type { CsvSource, ReadOptions, SliceOptions } from './csv-reader.ts';
import { finishColumns } from './infer.ts';
import { isNumericType, type ColumnType, type Table } from './table.ts';
import { DataFileError } from '../errors.ts';

/** The most bytes one page may inflate to. */
export const MAX_PAGE_BYTES = 256 * 1024 * 1024;
/** The most a page may grow when inflated, as a multiple of its stored size. */
export const MAX_INFLATION = 200;
/** The largest footer (the file's metadata) read. */
const MAX_FOOTER_BYTES = 64 * 1024 * 1024;


type Kind = 'number' | 'float32' | 'text' | 'boolean' | 'date' | 'timestamp';

interface Plan {
  name: string;
  kind: Kind;
}

class PageTooLarge extends Error {}

/** A column's Parquet type as people read it: INT64, BYTE_ARRAY (UTF8), LIST. */
function typeName(e: SchemaElement): string {
  const logical = (e as { logical_type?: { type?: string } }).logical_type?.type;
  const annotation = logical ?? e.converted_type;
  if (e.type === undefined) return annotation ?? 'a group (nested)';
  return annotation ? `${e.type} (${annotation})` : e.type;
}

function planOf(file: string, e: SchemaElement): Plan {
  const logical = (e as { logical_type?: { type?: string } }).logical_type?.type;
  const converted = e.converted_type;
  const refuse = (why = 'which the suite cannot read') => new DataFileError(file, `the column ${JSON.stringify(e.name)} has the Parquet type ${typeName(e)}, ${why}; give it as numbers, text, booleans, dates or timestamps`);
  if (e.num_children !== undefined && e.num_children > 0) throw refuse('a nested type the suite cannot read');
  if (e.repetition_type === 'REPEATED') throw refuse('a repeated field the suite cannot read');
  const time = logical === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS';
  const date = logical === 'DATE' || converted === 'DATE';
  const timestamp = logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS';
  switch (e.type) {
    case 'BOOLEAN':
      return { name: e.name, kind: 'boolean' };
    case 'INT32':
    case 'INT64':
      if (time) throw refuse();
      if (date) return { name: e.name, kind: 'date' };
      if (timestamp) return { name: e.name, kind: 'timestamp' };
      return { name: e.name, kind: 'number' };
    case 'INT96':
      return { name: e.name, kind: 'timestamp' };
    case 'FLOAT':
      return { name: e.name, kind: 'float32' };
    case 'DOUBLE':
      return { name: e.name, kind: 'number' };
    case 'BYTE_ARRAY':
      if (logical === 'STRING' || logical === 'ENUM' || logical === 'JSON' || converted === 'UTF8' || converted === 'ENUM' || converted === 'JSON') return { name: e.name, kind: 'text' };
      if (logical === 'DECIMAL' || converted === 'DECIMAL') return { name: e.name, kind: 'number' };
      throw refuse('binary bytes, not text');
    case 'FIXED_LEN_BYTE_ARRAY':
      if (logical === 'DECIMAL' || converted === 'DECIMAL' || logical === 'FLOAT16') return { name: e.name, kind: 'number' };
      throw refuse();
    default:
      throw refuse();
  }
}

/** The top-level columns of a file's schema, each with how its values become cells. */
function plansOf(file: string, schema: readonly SchemaElement[]): Plan[] {
  const [root, ...rest] = schema;
  const plans: Plan[] = [];
  let i = 0;
  const skip = (): void => {
    // Walks past one element and its children (nested columns are refused, but must be named first).
    const e = rest[i++];
    for (let c = 0; c < (e?.num_children ?? 0); c++) skip();
  };
  for (let c = 0; c < (root?.num_children ?? 0); c++) {
    const e = rest[i];
    if (!e) throw new DataFileError(file, 'the schema lists fewer columns than it says: the file is damaged');
    plans.push(planOf(file, e));
    skip();
  }
  return plans;
}

/** A float32 as the shortest decimal that is that float32, then a double: what a CSV of it holds. */
function float32Value(v: number): number {
  if (!Number.isFinite(v)) return v;
  for (let digits = 1; digits <= 9; digits++) {
    const n = Number(v.toPrecision(digits));
    if (Math.fround(n) === v) return n;
  }
  return v;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function isoDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function isoTimestamp(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

/** Decompressors that refuse a page before inflating it when it would grow too large. */
async function guardedCompressors(): Promise<Compressors> {
  const { compressors } = await import('hyparquet-compressors');
  const guarded: Compressors = {};
  for (const [codec, inflate] of Object.entries(compressors) as [keyof Compressors, NonNullable<Compressors[keyof Compressors]>][]) {
    guarded[codec] = (input, outputLength) => {
      if (outputLength > MAX_PAGE_BYTES || outputLength > MAX_INFLATION * Math.max(input.length, 1)) throw new PageTooLarge(`a ${codec} page of ${input.length.toLocaleString('en-US')} bytes would inflate to ${outputLength.toLocaleString('en-US')} bytes (the limit is ${MAX_INFLATION}× its size, and ${MAX_PAGE_BYTES / 1024 / 1024} MiB)`);
      return inflate(input, outputLength);
    };
  }
  return guarded;
}

interface Opened {
  source: CsvSource;
  metadata: FileMetaData;
  plans: Plan[];
  rows: number;
  file: AsyncBuffer;
}

async function open(source: CsvSource): Promise<Opened> {
  const hp = await import('hyparquet');
  let size: number;
  try {
    size = (await stat(source.path)).size;
  } catch (err) {
    throw new DataFileError(source.name, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const file = await hp.asyncBufferFromFile(source.path);
  const tail = new DataView(await file.slice(Math.max(0, size - 8), size));
  if (size < 12 || new TextDecoder().decode(new Uint8Array(tail.buffer, 4, 4)) !== 'PAR1') throw new DataFileError(source.name, 'is not a Parquet file (it does not end with "PAR1"), or it was cut off');
  const footer = tail.getUint32(0, true);
  if (footer > MAX_FOOTER_BYTES || footer + 12 > size) throw new DataFileError(source.name, `its footer says ${footer.toLocaleString('en-US')} bytes of metadata, which ${footer + 12 > size ? 'the file does not hold: it is damaged or cut off' : `is over the limit of ${MAX_FOOTER_BYTES / 1024 / 1024} MiB`}`);
  let metadata: FileMetaData;
  try {
    metadata = await hp.parquetMetadataAsync(file, { initialFetchSize: footer + 8 });
  } catch (err) {
    throw new DataFileError(source.name, `its metadata cannot be read (${(err as Error).message}): the file is damaged`);
  }
  const rows = Number(metadata.num_rows);
  if (!Number.isSafeInteger(rows) || rows < 0) throw new DataFileError(source.name, `its metadata says ${String(metadata.num_rows)} rows: the file is damaged`);
  // Both readers walk the row groups (one at a time, or in slices): they must hold the rows the file says.
  const grouped = metadata.row_groups.reduce((n, g) => n + Number(g.num_rows), 0);
  if (grouped !== rows) throw new DataFileError(source.name, `its row groups hold ${grouped.toLocaleString('en-US')} rows, but its metadata says ${rows.toLocaleString('en-US')}: the file is damaged`);
  return { source, metadata, plans: plansOf(source.name, metadata.schema), rows, file };
}

/** Builders for the columns, numeric or text as their Parquet type (or the declared type) says. */
function buildersFor(plans: readonly Plan[], declared: ReadonlyMap<string, ColumnType> | undefined, capacity: number): ColumnBuilder[] {
  return plans.map((p) => {
    const type = declared?.get(p.name);
    const numeric = type !== undefined ? isNumericType(type) : p.kind === 'number' || p.kind === 'float32';
    return new ColumnBuilder(p.name, numeric ? 'numeric' : 'string', type !== undefined, Math.max(capacity, 1));
  });
}

/** Puts one decoded chunk into its builder, rows [start, end) of the file at `offset` in the table. */
function fill(b: ColumnBuilder, plan: Plan, data: ArrayLike<unknown>, start: number, end: number, offset: number, missing: ReadonlySet<string>): void {
  if (b.mode === 'numeric' && plan.kind === 'number') {
    // The common case, straight into the column: a number per cell, NaN for null (no text is made).
    const values = b.values;
    for (let r = start; r < end; r++) {
      const v = data[r - start];
      values[offset + r] = v === null || v === undefined ? Number.NaN : typeof v === 'number' ? v : Number(v as bigint);
    }
    return;
  }
  for (let r = start; r < end; r++) {
    const v = data[r - start];
    const row = offset + r;
    if (v === null || v === undefined) {
      b.set(row, CELL_MISSING, 0, '');
      continue;
    }
    let num = Number.NaN;
    let text: string;
    switch (plan.kind) {
      case 'number':
        num = typeof v === 'bigint' ? Number(v) : (v as number);
        text = String(v);
        break;
      case 'float32':
        num = float32Value(v as number);
        text = String(num);
        break;
      case 'boolean':
        text = v ? 'true' : 'false';
        break;
      case 'date':
        text = v instanceof Date ? isoDate(v) : String(v);
        break;
      case 'timestamp':
        text = v instanceof Date ? isoTimestamp(v) : String(v);
        break;
      default:
        text = String(v);
    }
    if (b.mode === 'numeric') {
      if (Number.isNaN(num)) {
        // Text in a column declared numeric: a number when it reads as one, else a bad cell.
        const t = text.trim();
        if (missing.has(text)) b.set(row, CELL_MISSING, 0, '');
        else if (t !== '' && Number.isFinite(Number(t))) b.set(row, CELL_NUMBER, Number(t), text);
        else b.set(row, CELL_TEXT, 0, text);
      } else b.set(row, CELL_NUMBER, num, text);
    } else b.set(row, missing.has(text) ? CELL_MISSING : CELL_TEXT, 0, text);
  }
}

/** Reads rows [rowStart, rowEnd) of one file into the builders at `offset`. */
async function readRows(o: Opened, builders: readonly ColumnBuilder[], rowStart: number, rowEnd: number, offset: number, missing: ReadonlySet<string>, compressors: Compressors): Promise<void> {
  const hp = await import('hyparquet');
  const byName = new Map(o.plans.map((p, i) => [p.name, i]));
  try {
    await hp.parquetRead({
      file: o.file,
      metadata: o.metadata,
      compressors,
      rowStart,
      rowEnd,
      onChunk: (chunk: ColumnData) => {
        const i = byName.get(chunk.columnName);
        const b = i === undefined ? undefined : builders[i];
        const plan = i === undefined ? undefined : o.plans[i];
        if (!b || !plan) return;
        // A chunk may hold rows outside the range asked for: only those inside are kept.
        const start = Math.max(chunk.rowStart, rowStart);
        const end = Math.min(chunk.rowEnd, rowEnd);
        if (end <= start) return;
        const data = chunk.columnData as ArrayLike<unknown>;
        fill(b, plan, sliceOf(data, start - chunk.rowStart, end - chunk.rowStart), start, end, offset - rowStart, missing);
      },
    });
  } catch (err) {
    if (err instanceof DataFileError) throw err;
    if (err instanceof PageTooLarge) throw new DataFileError(o.source.name, `refused: ${err.message}`);
    throw new DataFileError(o.source.name, `cannot be read (${(err as Error).message}): the file is damaged or cut off`);
  }
}

function sliceOf(data: ArrayLike<unknown>, from: number, to: number): ArrayLike<unknown> {
  if (from === 0 && to === data.length) return data;
  const d = data as unknown as { subarray?: (a: number, b: number) => ArrayLike<unknown>; slice?: (a: number, b: number) => ArrayLike<unknown> };
  return d.subarray ? d.subarray(from, to) : (d.slice?.(from, to) ?? Array.from({ length: to - from }, (_, k) => data[from + k]));
}

/** Opens every file; they must have the same columns in the same order. The first file comes back apart. */
async function openAll(sources: readonly CsvSource[]): Promise<{ opened: Opened[]; first: Opened }> {
  if (sources.length > 0xffff) throw new DataFileError(sources[0]?.name ?? '', `${sources.length} files match; at most 65535 can be read at once`);
  const opened: Opened[] = [];
  for (const s of sources) opened.push(await open(s));
  const [first] = opened;
  if (!first) throw new DataFileError('', 'no file to read');
  const a = first.plans.map((p) => p.name);
  for (const other of opened.slice(1)) {
    const b = other.plans.map((p) => p.name);
    if (a.join('\u0000') !== b.join('\u0000')) throw new DataFileError(other.source.name, `its columns (${b.join(', ')}) are not those of ${first.source.name} (${a.join(', ')}); files read together must have the same columns in the same order`);
  }
  return { opened, first };
}

function tableOf(builders: readonly ColumnBuilder[], rows: number, fileIndex: Uint16Array, line: Uint32Array, declared: ReadonlyMap<string, ColumnType> | undefined, files: string[]): Table {
  return { columns: finishColumns(builders, rows, declared), rowCount: rows, files, fileIndex, line, issues: [], issueCounts: {} };
}

/** Reads one or more Parquet files with the same columns into one table. */
export async function readParquet(sources: readonly CsvSource[], opts: Pick<ReadOptions, 'missing' | 'declared'>): Promise<Table> {
  const { opened, first } = await openAll(sources);
  const total = opened.reduce((n, o) => n + o.rows, 0);
  const builders = buildersFor(first.plans, opts.declared, total);
  const fileIndex = new Uint16Array(total);
  const line = new Uint32Array(total);
  const missing = new Set(opts.missing);
  const compressors = await guardedCompressors();
  let offset = 0;
  for (const [f, o] of opened.entries()) {
    // One row group at a time: the decoded values of a single group are held at once, not the file's.
    let groupStart = 0;
    for (const g of o.metadata.row_groups) {
      const groupEnd = groupStart + Number(g.num_rows);
      if (groupEnd > groupStart) await readRows(o, builders, groupStart, groupEnd, offset + groupStart, missing, compressors);
      groupStart = groupEnd;
    }
    for (let r = 0; r < o.rows; r++) {
      fileIndex[offset + r] = f;
      line[offset + r] = r + 1;
    }
    offset += o.rows;
  }
  return tableOf(builders, total, fileIndex, line, opts.declared, sources.map((s) => s.name));
}

/** Reads Parquet files in slices of about `slices.rows` rows, as readCsvSlices reads CSV (batch predict). */
export async function readParquetSlices(sources: readonly CsvSource[], opts: Pick<ReadOptions, 'missing' | 'declared'>, slices: SliceOptions): Promise<Pick<Table, 'issues' | 'issueCounts' | 'files'> & { columns: string[] }> {
  const { opened, first } = await openAll(sources);
  const missing = new Set(opts.missing);
  const compressors = await guardedCompressors();
  const files = sources.map((s) => s.name);
  for (const [f, o] of opened.entries()) {
    for (let start = 0; start < o.rows; start += slices.rows) {
      const end = Math.min(o.rows, start + slices.rows);
      const n = end - start;
      const builders = buildersFor(first.plans, opts.declared, n);
      await readRows(o, builders, start, end, 0, missing, compressors);
      const fileIndex = new Uint16Array(n).fill(f);
      const line = Uint32Array.from({ length: n }, (_, k) => start + k + 1);
      await slices.take(tableOf(builders, n, fileIndex, line, opts.declared, files));
    }
  }
  return { issues: [], issueCounts: {}, files, columns: first.plans.map((p) => p.name) };
}
