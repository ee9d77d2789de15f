// A streaming CSV reader that works on bytes: it never builds a string for a number, and never holds a
// row as an object. It reads the file in chunks; a record cut by the end of a chunk is parsed again,
// whole, with the next chunk, so nothing half-read is ever committed. Structural problems (a ragged
// row, an unclosed quote, bytes that are not UTF-8) are recorded with their file and line, and the
// reader goes on, so that one run names every problem.
import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import { DataFileError } from '../errors.ts';
import { CELL_MISSING, CELL_NUMBER, CELL_TEXT, ColumnBuilder, type CellKind } from './column-builder.ts';
import { parseNumberBytes } from './number-bytes.ts';
import { finishColumns } from './infer.ts';
import type { ColumnType, ParseIssue, ParseIssueCode, Table } from './table.ts';
import { isNumericType } from './table.ts';

export type Delimiter = ',' | ';' | '\t';

export interface CsvSource {
  /** Where to read it. */
  path: string;
  /** How messages name it (repository-relative). */
  name: string;
}

export interface ReadOptions {
  /** Undefined: detected from the header line. */
  delimiter?: Delimiter;
  /** Cell values that mean missing. */
  missing: readonly string[];
  /** Declared column types; the rest are inferred. */
  declared?: ReadonlyMap<string, ColumnType>;
  /** The decimal mark of numbers: '.' (default) or ','. */
  decimal?: '.' | ',';
  /** Bytes per read; tests set it small to cut records at every possible place. */
  chunkBytes?: number;
}

/** Reading in slices: `take` gets a table of at least `rows` rows (the last one fewer) as they are read. */
export interface SliceOptions {
  rows: number;
  take: (slice: Table) => Promise<void>;
}

/** The longest record (and so the longest cell) read; beyond it the file is refused, fast. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** The most columns a file may have. */
export const MAX_COLUMNS = 100_000;

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Issues kept per kind; the rest are only counted. */
const ISSUES_KEPT = 200;

class IssueLog {
  readonly kept: ParseIssue[] = [];
  readonly counts: Partial<Record<ParseIssueCode, number>> = {};
  add(issue: ParseIssue): void {
    const n = (this.counts[issue.code] ?? 0) + 1;
    this.counts[issue.code] = n;
    if (n <= ISSUES_KEPT) this.kept.push(issue);
  }
}

function detectDelimiter(buf: Uint8Array, start: number, end: number): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (c === LF || c === CR) break;
      if (c === 44) counts[',']++;
      else if (c === 59) counts[';']++;
      else if (c === 9) counts['\t']++;
    }
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Everything shared across the files of one table. */
class TableBuilder {
  builders: ColumnBuilder[] = [];
  names: string[] = [];
  rows = 0;
  capacity: number;
  fileIndex: Uint16Array;
  line: Uint32Array;
  readonly issues = new IssueLog();

  constructor(capacity: number) {
    this.capacity = capacity;
    this.fileIndex = new Uint16Array(capacity);
    this.line = new Uint32Array(capacity);
  }

  /** Starts the next slice: new columns of the same names and modes, no rows. */
  reset(declared: ReadonlyMap<string, ColumnType> | undefined): void {
    this.builders = this.builders.map((b) => new ColumnBuilder(b.name, b.pinned ? b.mode : modeFor(declared?.get(b.name)), b.pinned, this.capacity));
    this.rows = 0;
  }

  ensure(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, Math.ceil(this.capacity * 1.5) + 64);
    for (const b of this.builders) b.grow(capacity);
    const fi = new Uint16Array(capacity);
    fi.set(this.fileIndex);
    this.fileIndex = fi;
    const ln = new Uint32Array(capacity);
    ln.set(this.line);
    this.line = ln;
    this.capacity = capacity;
  }
}

/** Parses one file's records into the table; returns nothing, records issues. */
class FileParser {
  private readonly t: TableBuilder;
  private readonly src: CsvSource;
  private readonly fileNo: number;
  private readonly missing: Set<string>;
  /** Missing markers that look like numbers ("-999") must be compared before parsing. */
  private readonly numericMissing: Buffer[];
  private delim = 44;
  private line = 1;
  /** For each field position: the table column it fills, or -1 (a column the first file did not have). */
  private target: Int32Array = new Int32Array(0);
  private nFields = 0;
  private kind: Uint8Array = new Uint8Array(0);
  private num: Float64Array = new Float64Array(0);
  private text: string[] = [];
  private stopped = false;
  private readonly decimal: number;

  constructor(t: TableBuilder, src: CsvSource, fileNo: number, opts: ReadOptions) {
    this.t = t;
    this.src = src;
    this.fileNo = fileNo;
    this.decimal = opts.decimal === ',' ? 44 : 46;
    this.missing = new Set(opts.missing);
    this.numericMissing = opts.missing.filter((m) => m !== '' && parseNumberBytes(Buffer.from(m), 0, Buffer.byteLength(m), this.decimal) !== undefined).map((m) => Buffer.from(m));
  }

  /** The line on which the record being parsed starts (for a record that is too long). */
  get currentLine(): number {
    return this.line;
  }

  issue(code: ParseIssueCode, line: number, message: string, column?: string): void {
    this.t.issues.add({ code, file: this.src.name, line, message, ...(column === undefined ? {} : { column }) });
  }

  private decode(buf: Buffer, s: number, e: number, line: number, fieldNo: number): string {
    const text = buf.toString('utf8', s, e);
    if (text.includes('\uFFFD') && !isUtf8(buf.subarray(s, e))) {
      const bad = Array.from(buf.subarray(s, Math.min(e, s + 24)), (b) => (b >= 0x80 ? `\\x${b.toString(16)}` : b < 0x20 ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('');
      this.issue('encoding', line, `bytes that are not UTF-8 ("${bad}"); save the file as UTF-8`, this.columnName(fieldNo));
    }
    if (text.includes('\0')) this.issue('encoding', line, 'a NUL byte (\\0) in a value: a CSV file holds text, so this may be a binary file or a damaged export', this.columnName(fieldNo));
    return text;
  }

  private columnName(fieldNo: number): string | undefined {
    const c = this.target[fieldNo];
    return c === undefined || c < 0 ? undefined : this.t.names[c];
  }

  /** Stores one unquoted (or simply quoted) field's bytes into the scratch record. */
  private field(buf: Buffer, fieldNo: number, s: number, e: number, line: number): void {
    const col = fieldNo < this.nFields ? this.target[fieldNo]! : -1;
    if (col < 0) return;
    if (s === e) {
      this.kind[col] = CELL_MISSING;
      return;
    }
    const builder = this.t.builders[col]!;
    if (builder.mode === 'numeric') {
      if (this.numericMissing.length > 0 && this.numericMissing.some((m) => e - s === m.length && buf.compare(m, 0, m.length, s, e) === 0)) {
        this.kind[col] = CELL_MISSING;
        return;
      }
      const v = parseNumberBytes(buf, s, e, this.decimal);
      if (v !== undefined) {
        this.kind[col] = CELL_NUMBER;
        this.num[col] = v;
        return;
      }
    }
    const text = this.decode(buf, s, e, line, fieldNo);
    if (this.missing.has(text)) this.kind[col] = CELL_MISSING;
    else {
      this.kind[col] = CELL_TEXT;
      this.text[col] = text;
    }
  }

  private textField(fieldNo: number, text: string): void {
    const col = fieldNo < this.nFields ? this.target[fieldNo]! : -1;
    if (col < 0) return;
    if (text === '' || this.missing.has(text)) {
      this.kind[col] = CELL_MISSING;
      return;
    }
    const builder = this.t.builders[col]!;
    if (builder.mode === 'numeric') {
      const bytes = Buffer.from(text);
      const v = parseNumberBytes(bytes, 0, bytes.length, this.decimal);
      if (v !== undefined) {
        this.kind[col] = CELL_NUMBER;
        this.num[col] = v;
        return;
      }
    }
    this.kind[col] = CELL_TEXT;
    this.text[col] = text;
  }

  setHeader(names: string[], declared: ReadonlyMap<string, ColumnType> | undefined, headerLine: number): void {
    const t = this.t;
    if (names.length > MAX_COLUMNS) throw new DataFileError(this.src.name, `the header has ${names.length.toLocaleString('en-US')} columns; at most ${MAX_COLUMNS.toLocaleString('en-US')} are read`);
    const seen = new Map<string, number>();
    const unique = names.map((raw, i) => {
      let name = raw;
      if (name.trim() === '') {
        name = `column_${i + 1}`;
        this.issue('header', headerLine, `column ${i + 1} has an empty name; it is called "${name}" here`);
      }
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      if (n > 0) {
        const renamed = `${name}_${n + 1}`;
        this.issue('header', headerLine, `the column name ${JSON.stringify(name)} appears more than once; the copy at position ${i + 1} is called "${renamed}" here`);
        name = renamed;
      }
      return name;
    });
    if (t.builders.length === 0) {
      t.names = unique;
      t.builders = unique.map((name) => {
        const type = declared?.get(name);
        return new ColumnBuilder(name, modeFor(type), type !== undefined, t.capacity);
      });
      this.target = Int32Array.from(unique, (_, i) => i);
    } else {
      const position = new Map(t.names.map((n, i) => [n, i]));
      const here = new Set(unique);
      this.target = Int32Array.from(unique, (name) => position.get(name) ?? -1);
      const extra = unique.filter((n) => !position.has(n));
      const absent = t.names.filter((n) => !here.has(n));
      if (extra.length > 0) this.issue('header', headerLine, `columns that the first file does not have are ignored: ${extra.map((n) => JSON.stringify(n)).join(', ')}`);
      if (absent.length > 0) this.issue('header', headerLine, `columns of the first file are missing here and read as missing values: ${absent.map((n) => JSON.stringify(n)).join(', ')}`);
    }
    this.nFields = unique.length;
    const width = t.builders.length;
    this.kind = new Uint8Array(width);
    this.num = new Float64Array(width);
    this.text = new Array<string>(width).fill('');
  }

  /**
   * Parses the records in buf[start, end). Returns the offset of the first byte not consumed: the start
   * of a record that the chunk cut, to be parsed again with more bytes. With `eof`, consumes everything.
   */
  parse(buf: Buffer, start: number, end: number, eof: boolean, onHeader?: (fields: string[], line: number) => void): number {
    const delim = this.delim;
    const t = this.t;
    let p = start;
    const headerFields: string[] | null = onHeader ? [] : null;
    records: while (p < end && !this.stopped) {
      const recStart = p;
      const recLine = this.line;
      let c = buf[p]!;
      // Blank lines between records are skipped, as most readers do.
      if (c === LF) {
        p++;
        this.line++;
        continue;
      }
      if (c === CR) {
        if (p + 1 < end) p += buf[p + 1] === LF ? 2 : 1;
        else if (eof) p++;
        else break;
        this.line++;
        continue;
      }
      if (headerFields) headerFields.length = 0;
      else this.kind.fill(CELL_MISSING);
      let fieldNo = 0;
      for (;;) {
        const fieldLine = this.line;
        if (p < end && buf[p] === QUOTE) {
          // Quoted field: "" is an escaped quote; delimiters and newlines inside are data.
          let q = p + 1;
          let escaped = false;
          let newlines = 0;
          let contentEnd = -1;
          while (q < end) {
            c = buf[q]!;
            if (c === QUOTE) {
              if (q + 1 < end && buf[q + 1] === QUOTE) {
                escaped = true;
                q += 2;
                continue;
              }
              if (q + 1 >= end && !eof) break; // cannot tell "" from a closing quote yet
              contentEnd = q;
              q++;
              break;
            }
            if (c === LF) newlines++;
            q++;
          }
          if (contentEnd < 0) {
            if (!eof) {
              p = recStart;
              this.line = recLine;
              break records;
            }
            this.issue('unclosed_quote', fieldLine, 'a quoted field is never closed; the rest of the file is ignored (check for a stray " in this row)', this.columnName(fieldNo));
            this.stopped = true;
            p = end;
            break records;
          }
          this.line += newlines;
          let s = q; // bytes after the closing quote, up to the delimiter, are kept (and reported)
          while (s < end && buf[s] !== delim && buf[s] !== LF && buf[s] !== CR) s++;
          if (s === end && !eof) {
            p = recStart;
            this.line = recLine;
            break records;
          }
          let text = this.decode(buf, p + 1, contentEnd, fieldLine, fieldNo);
          if (escaped) text = text.replaceAll('""', '"');
          if (s > q) {
            const tail = this.decode(buf, q, s, this.line, fieldNo);
            this.issue('bad_quote', this.line, `text after a closing quote (${JSON.stringify(tail.slice(0, 20))}); quote the whole field`, this.columnName(fieldNo));
            text += tail;
          }
          if (headerFields) headerFields.push(text);
          else this.textField(fieldNo, text);
          p = s;
        } else {
          let q = p;
          while (q < end) {
            c = buf[q]!;
            if (c === delim || c === LF || c === CR) break;
            q++;
          }
          if (q === end && !eof) {
            p = recStart;
            this.line = recLine;
            break records;
          }
          if (headerFields) headerFields.push(this.decode(buf, p, q, fieldLine, fieldNo));
          else this.field(buf, fieldNo, p, q, fieldLine);
          p = q;
        }
        fieldNo++;
        if (p >= end) break; // end of file ends the record
        c = buf[p]!;
        if (c === delim) {
          p++;
          if (p >= end && eof) {
            // A delimiter as the file's last byte: one more, empty, field.
            if (headerFields) headerFields.push('');
            fieldNo++;
            break;
          }
          continue;
        }
        if (c === LF) p++;
        else if (p + 1 < end) p += buf[p + 1] === LF ? 2 : 1;
        else if (eof) p++;
        else {
          p = recStart;
          this.line = recLine;
          break records;
        }
        this.line++;
        break;
      }
      if (headerFields && onHeader) {
        onHeader(headerFields.slice(), recLine);
        return p;
      }
      if (fieldNo !== this.nFields) {
        this.issue('ragged_row', recLine, `the row has ${fieldNo} field${fieldNo === 1 ? '' : 's'}, the header has ${this.nFields}; the row is skipped`);
        continue;
      }
      const row = t.rows;
      if (row >= t.capacity) t.ensure(row + 1);
      const builders = t.builders;
      for (let col = 0; col < builders.length; col++) {
        builders[col]!.set(row, this.kind[col]! as CellKind, this.num[col]!, this.text[col]!);
      }
      t.fileIndex[row] = this.fileNo;
      t.line[row] = recLine;
      t.rows = row + 1;
    }
    return p;
  }

  setDelimiter(d: Delimiter): void {
    this.delim = d.charCodeAt(0);
  }
}

/** How a column's cells are gathered: as numbers unless its declared type is not numeric. */
const modeFor = (type: ColumnType | undefined): 'numeric' | 'string' => (type === undefined || isNumericType(type) ? 'numeric' : 'string');

async function readOne(t: TableBuilder, src: CsvSource, fileNo: number, opts: ReadOptions, totalBytes: number, slices?: SliceOptions & { files: string[] }): Promise<void> {
  const parser = new FileParser(t, src, fileNo, opts);
  let fh;
  try {
    fh = await open(src.path, 'r');
  } catch (err) {
    throw new DataFileError(src.name, `cannot open the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    // At least 4 bytes: the BOM check looks at the first 3 before the parser starts.
    let buf = Buffer.allocUnsafe(Math.max(4, opts.chunkBytes ?? 1 << 22));
    let filled = 0;
    let eof = false;
    let started = false;
    let headerDone = false;
    let pos = 0;
    for (;;) {
      if (!eof && filled < buf.length) {
        const { bytesRead } = await fh.read(buf, filled, buf.length - filled, pos);
        pos += bytesRead;
        filled += bytesRead;
        if (bytesRead === 0) eof = true;
      }
      let start = 0;
      if (!started) {
        if (filled < 3 && !eof) continue;
        started = true;
        if (filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
        let onlySpace = true;
        for (let i = start; i < filled && onlySpace; i++) onlySpace = buf[i] === LF || buf[i] === CR || buf[i] === 32 || buf[i] === 9;
        if (onlySpace && eof) {
          parser.issue('empty_file', 1, 'the file is empty: it has no header and no rows');
          return;
        }
        parser.setDelimiter(opts.delimiter ?? detectDelimiter(buf, start, filled));
      }
      let consumed: number;
      if (!headerDone) {
        let header: { fields: string[]; line: number } | undefined;
        consumed = parser.parse(buf, start, filled, eof, (fields, line) => {
          header = { fields, line };
        });
        if (header) {
          headerDone = true;
          if (t.builders.length === 0) {
            // The first chunk tells how long a record is; size the columns for the whole table at once.
            const headerBytes = consumed - start;
            const sample = buf.subarray(consumed, filled);
            let newlines = 0;
            for (let i = 0; i < sample.length; i++) if (sample[i] === LF) newlines++;
            const perRow = newlines > 0 ? sample.length / newlines : Math.max(headerBytes, 1);
            const estimate = Math.ceil(((totalBytes - headerBytes) / perRow) * 1.02) + 16;
            t.ensure(Math.min(estimate, slices ? slices.rows + (1 << 16) : 1 << 30));
          }
          parser.setHeader(header.fields, opts.declared, header.line);
          consumed = parser.parse(buf, consumed, filled, eof);
        }
      } else {
        consumed = parser.parse(buf, start, filled, eof);
      }
      if (slices && t.rows >= slices.rows) await takeSlice(t, slices, opts.declared);
      // With eof the parser consumes everything it was given.
      if (eof) break;
      // Keep the unconsumed tail; grow the buffer when one record is larger than it.
      const tail = filled - consumed;
      if (consumed === 0 && tail === buf.length) {
        if (buf.length >= MAX_RECORD_BYTES) {
          throw new DataFileError(src.name, `line ${parser.currentLine} starts a record longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB, the most a record (or a cell) may hold; is there an unclosed quote, or is this not a CSV file?`);
        }
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_RECORD_BYTES));
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      } else {
        buf.copy(buf, 0, consumed, filled);
      }
      filled = tail;
    }
    if (!headerDone) parser.issue('empty_file', 1, 'the file is empty: it has no header and no rows');
  } finally {
    await fh.close();
  }
}

/** The rows read since the last slice, as a table of their own; the builder starts the next slice. */
async function takeSlice(t: TableBuilder, slices: SliceOptions & { files: string[] }, declared: ReadonlyMap<string, ColumnType> | undefined): Promise<void> {
  const slice: Table = {
    columns: finishColumns(t.builders, t.rows, declared),
    rowCount: t.rows,
    files: slices.files,
    fileIndex: t.fileIndex.slice(0, t.rows),
    line: t.line.slice(0, t.rows),
    issues: [],
    issueCounts: {},
  };
  t.reset(declared);
  await slices.take(slice);
}

/**
 * Reads one or more CSV files that share a header in slices of about `slices.rows` rows, handing each
 * to `slices.take` before reading on, so that memory does not grow with the files. Returns the parse
 * issues of the whole read (a ragged row is skipped and recorded, as readCsv does).
 */
export async function readCsvSlices(sources: readonly CsvSource[], opts: ReadOptions, slices: SliceOptions): Promise<Pick<Table, 'issues' | 'issueCounts' | 'files'> & { columns: string[] }> {
  const { t, total } = await startRead(sources);
  const files = sources.map((s) => s.name);
  const sliced = { ...slices, files };
  for (const [i, src] of sources.entries()) await readOne(t, src, i, opts, total, sliced);
  if (t.rows > 0) await takeSlice(t, sliced, opts.declared);
  return { issues: t.issues.kept, issueCounts: t.issues.counts, files, columns: t.names };
}

async function startRead(sources: readonly CsvSource[]): Promise<{ t: TableBuilder; total: number }> {
  const [first] = sources;
  if (first && sources.length > 0xffff) throw new DataFileError(first.name, `${sources.length} files match; at most 65535 can be read at once`);
  const sizes = await Promise.all(
    sources.map(async (s) => {
      try {
        return (await stat(s.path)).size;
      } catch (err) {
        throw new DataFileError(s.name, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      }
    }),
  );
  return { t: new TableBuilder(0), total: sizes.reduce((a, b) => a + b, 0) };
}

/** Reads one or more CSV files that share a header into one table. */
export async function readCsv(sources: readonly CsvSource[], opts: ReadOptions): Promise<Table> {
  const { t, total } = await startRead(sources);
  for (const [i, src] of sources.entries()) await readOne(t, src, i, opts, total);
  const columns = finishColumns(t.builders, t.rows, opts.declared);
  const trim = <T extends Uint16Array | Uint32Array>(a: T): T => (a.length > t.rows * 1.25 ? (a.slice(0, t.rows) as T) : (a.subarray(0, t.rows) as T));
  return {
    columns,
    rowCount: t.rows,
    files: sources.map((s) => s.name),
    fileIndex: trim(t.fileIndex),
    line: trim(t.line),
    issues: t.issues.kept,
    issueCounts: t.issues.counts,
  };
}
