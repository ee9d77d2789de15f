// The two request protocols that serving platforms already speak, parsed into named columns:
// MLflow's scoring protocol (POST /invocations: dataframe_split, dataframe_records, instances, inputs,
// or text/csv) and the Open Inference Protocol (KServe v2: POST /v2/models/<name>/infer with one
// [N, F] tensor or one input per named column). Every malformed body is a RequestError (4xx).
//
// A body is bounded in bytes, but its shape can multiply: 60,000 column names times 9,000 rows is half
// a billion cells from 0.6 MB. So the limits (rows, columns) are checked before anything is expanded,
// and only the columns the model reads are materialised; the others are counted and named, never
// stored. Work and memory then grow with what the body carries, at most max-rows × model features cells.
import { quoteValue } from '../text/escape.ts';
import { RequestError } from './request-table.ts';

export interface ParsedRequest {
  /** The model's columns that the request gives, each with one value per row. */
  columns: Map<string, unknown[]>;
  rows: number;
  /** The first few request columns the model does not read (for the answer and the metrics). */
  extra: string[];
  /** How many request columns the model does not read. */
  extraCount: number;
}

export interface RequestLimits {
  maxRows: number;
  /** The most columns a request may name, the model's and the extra ones together. */
  maxColumns: number;
}

/** What a request is parsed against: the model's columns, in its order, and the limits. */
export interface ParseTarget extends RequestLimits {
  inputs: readonly string[];
}

const SHOWN_EXTRA = 20;

/**
 * The most objects and arrays a request within the limits can hold: a row each (records, split rows,
 * instances), a tensor per column, a few around them. JSON.parse makes each one a heap object of some
 * 100 bytes, so a 10 MB body of `{}` would cost 600 MB before any limit could be applied to what it
 * parsed into; counted on the bytes first, such a body costs a scan.
 */
export function maxContainers(limits: RequestLimits): number {
  return 2 * limits.maxRows + limits.maxColumns + 16;
}

/** Deeper than any request shape (a v2 tensor of rank 8 inside its body is 12 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Scans JSON text (strings skipped) for its objects and arrays: how many (stopping past `max`) and
 * whether they nest deeper than MAX_JSON_DEPTH. Malformed text is left for JSON.parse to name.
 */
export function scanContainers(body: Uint8Array, max: number): { count: number; tooDeep: boolean } {
  let count = 0;
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === 0x22) {
      // A string: skip to its closing quote, over escapes.
      for (i++; i < body.length && body[i] !== 0x22; i++) if (body[i] === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return { count, tooDeep: true };
      if (++count > max) return { count, tooDeep: false };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { count, tooDeep: false };
}

function parseJson(body: Buffer, limits: RequestLimits): unknown {
  const max = maxContainers(limits);
  const scan = scanContainers(body, max);
  if (scan.tooDeep) throw new RequestError(400, `the body nests JSON deeper than ${MAX_JSON_DEPTH} levels; no request shape needs that`);
  if (scan.count > max) throw new RequestError(413, `the body holds more than ${max} JSON objects and arrays; a request of at most ${limits.maxRows} rows and ${limits.maxColumns} columns needs no more`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new RequestError(400, `the body is not JSON (${(err as Error).message.slice(0, 120)})`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRows(rows: number, target: ParseTarget): void {
  if (rows > target.maxRows) throw new RequestError(413, `${rows} rows; the limit is ${target.maxRows} per request`);
}

function tooManyColumns(count: number, target: ParseTarget): RequestError {
  return new RequestError(413, `${count} columns; the limit is ${target.maxColumns} per request (--max-columns)`);
}

/** Collects the model's columns and counts the others, refusing past the column limit. */
class ColumnSink {
  readonly columns = new Map<string, unknown[]>();
  private readonly wanted: Set<string>;
  private readonly extraNames = new Set<string>();
  private readonly target: ParseTarget;
  private readonly rows: number;

  constructor(target: ParseTarget, rows: number) {
    checkRows(rows, target);
    this.target = target;
    this.rows = rows;
    this.wanted = new Set(target.inputs);
  }

  /** The model's column of this name (created with nulls), or undefined for a column it does not read. */
  column(name: string): unknown[] | undefined {
    if (this.wanted.has(name)) {
      let col = this.columns.get(name);
      if (!col) this.columns.set(name, (col = new Array<unknown>(this.rows).fill(null)));
      return col;
    }
    if (!this.extraNames.has(name)) {
      this.extraNames.add(name);
      if (this.extraNames.size + this.columns.size > this.target.maxColumns) throw tooManyColumns(this.extraNames.size + this.columns.size, this.target);
    }
    return undefined;
  }

  result(): ParsedRequest {
    return { columns: this.columns, rows: this.rows, extra: [...this.extraNames].slice(0, SHOWN_EXTRA), extraCount: this.extraNames.size };
  }
}

function fromRecords(records: unknown[], what: string, target: ParseTarget): ParsedRequest {
  const sink = new ColumnSink(target, records.length);
  records.forEach((rec, r) => {
    if (!isRecord(rec)) throw new RequestError(400, `${what}[${r}] is not an object of column to value`);
    for (const k in rec) {
      if (!Object.hasOwn(rec, k)) continue;
      const col = sink.column(k);
      if (col) col[r] = rec[k];
    }
  });
  return sink.result();
}

function fromRows(names: readonly unknown[], data: unknown[], what: string, target: ParseTarget): ParsedRequest {
  if (names.length > target.maxColumns) throw tooManyColumns(names.length, target);
  const sink = new ColumnSink(target, data.length);
  const picked: [number, unknown[]][] = [];
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (typeof n !== 'string') throw new RequestError(400, `${what}: column ${i} has the name ${quoteValue(JSON.stringify(n) ?? String(n), 40)}, not a string`);
    if (seen.has(n)) throw new RequestError(400, `${what}: the column ${quoteValue(n, 60)} is named twice`);
    seen.add(n);
    const col = sink.column(n);
    if (col) picked.push([i, col]);
  });
  data.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== names.length) throw new RequestError(400, `${what}[${r}] must be a list of ${names.length} values`);
    for (const [i, col] of picked) col[r] = row[i];
  });
  return sink.result();
}

function fromColumnDict(dict: Record<string, unknown>, what: string, target: ParseTarget): ParsedRequest {
  const keys = Object.keys(dict);
  if (keys.length > target.maxColumns) throw tooManyColumns(keys.length, target);
  let rows = -1;
  for (const k of keys) {
    const v = dict[k];
    const n = Array.isArray(v) ? v.length : 1;
    if (rows >= 0 && n !== rows) throw new RequestError(400, `${what}: the column ${quoteValue(k, 60)} has ${n} values, the others ${rows}`);
    rows = n;
  }
  const sink = new ColumnSink(target, Math.max(rows, 0));
  for (const k of keys) {
    const v = dict[k];
    const values = Array.isArray(v) ? v : [v];
    const col = sink.column(k);
    if (col) for (let r = 0; r < values.length; r++) col[r] = values[r];
  }
  return sink.result();
}

/** A small RFC 4180 reader for a text/csv request body (the header names the columns). */
export function parseCsvBody(text: string, target: ParseTarget): ParsedRequest {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endRecord = () => {
    if (record.length > 1 || record[0] !== '') {
      records.push(record);
      // The header and at most max-rows rows: a body of a million short lines is refused as it is read.
      if (records.length - 1 > target.maxRows) throw new RequestError(413, `more than ${target.maxRows} rows; the limit is ${target.maxRows} per request`);
      if (records.length === 1 && record.length > target.maxColumns) throw tooManyColumns(record.length, target);
    }
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      endRecord();
    } else field += c;
  }
  if (quoted) throw new RequestError(400, 'the CSV body has an unclosed quote');
  if (field !== '' || record.length > 0) {
    record.push(field);
    endRecord();
  }
  const [header, ...rows] = records;
  if (!header) throw new RequestError(400, 'the CSV body is empty: it needs a header row');
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new RequestError(400, `CSV row ${i + 1} has ${r.length} fields, the header ${header.length}`);
  });
  // Empty cells are missing values, as in the data files.
  return fromRows(header, rows.map((r) => r.map((v) => (v === '' ? null : v))), 'CSV row', target);
}

/** An MLflow /invocations body. The target's inputs name the columns of a positional row (instances as lists). */
export function parseMlflow(body: Buffer, contentType: string, target: ParseTarget): ParsedRequest {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return parseCsvBody(body.toString('utf8'), target);
  if (type !== 'application/json') throw new RequestError(415, `the content type must be application/json or text/csv, not ${quoteValue(type || '(none)', 60)}`);
  const json = parseJson(body, target);
  if (!isRecord(json)) throw new RequestError(400, 'the body must be a JSON object with one of dataframe_split, dataframe_records, instances or inputs');
  const keys = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'].filter((k) => Object.hasOwn(json, k));
  if (keys.length !== 1) throw new RequestError(400, `the body must have exactly one of dataframe_split, dataframe_records, instances or inputs${keys.length ? ` (it has ${keys.join(', ')})` : ''}`);
  const key = keys[0]!;
  const v = json[key];
  if (key === 'dataframe_split') {
    if (!isRecord(v) || !Array.isArray(v.columns) || !Array.isArray(v.data)) throw new RequestError(400, 'dataframe_split needs "columns" (a list of names) and "data" (a list of rows)');
    return fromRows(v.columns, v.data, 'dataframe_split.data', target);
  }
  if (key === 'dataframe_records') {
    if (!Array.isArray(v)) throw new RequestError(400, 'dataframe_records must be a list of objects');
    return fromRecords(v, 'dataframe_records', target);
  }
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]) ? fromRows(target.inputs, v, key, target) : fromRecords(v, key, target);
  if (isRecord(v)) return fromColumnDict(v, key, target);
  throw new RequestError(400, `${key} must be a list of rows or an object of columns`);
}

interface V2Input {
  name?: unknown;
  shape?: unknown;
  datatype?: unknown;
  data?: unknown;
}

/**
 * A tensor's values in row-major order: flat, or nested exactly as deep as its shape says. Walked with
 * an explicit stack and stopped at `size` values, so neither a deep nesting nor a long list costs more
 * than the shape allows.
 */
function flatten(data: unknown[], shape: readonly number[], size: number, what: string): unknown[] {
  if (data.length === size && !data.some(Array.isArray)) return data;
  const out: unknown[] = [];
  const stack: [unknown[], number, number][] = [[data, 0, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [list, at, depth] = top;
    if (at >= list.length) {
      stack.pop();
      continue;
    }
    top[1] = at + 1;
    const v = list[at];
    if (Array.isArray(v)) {
      if (depth + 1 >= shape.length) throw new RequestError(400, `${what}.data is nested deeper than its shape [${shape.join(', ')}]`);
      stack.push([v, 0, depth + 1]);
    } else {
      if (out.length >= size) throw new RequestError(400, `${what} has more values than its shape [${shape.join(', ')}] holds (${size})`);
      out.push(v);
    }
  }
  return out;
}

/** A KServe v2 infer body: the columns, and the outputs asked for (predict, predict_proba). */
export function parseV2(body: Buffer, target: ParseTarget): ParsedRequest & { outputs: string[]; id: string | undefined } {
  const json = parseJson(body, target);
  if (!isRecord(json) || !Array.isArray(json.inputs) || json.inputs.length === 0) throw new RequestError(400, 'the body must be an object with "inputs": a list of tensors');
  if (json.outputs !== undefined && !Array.isArray(json.outputs)) throw new RequestError(400, '"outputs" must be a list of {"name": ...}');
  const outputs = ((json.outputs as unknown[] | undefined) ?? []).map((o, i) => {
    if (!isRecord(o) || typeof o.name !== 'string') throw new RequestError(400, `outputs[${i}] must be an object with a "name"`);
    if (o.name !== 'predict' && o.name !== 'predict_proba') throw new RequestError(400, `unknown output ${quoteValue(o.name, 40)} (outputs: predict, predict_proba)`);
    return o.name;
  });
  if (json.id !== undefined && typeof json.id !== 'string') throw new RequestError(400, '"id" must be a string');
  const id = typeof json.id === 'string' ? json.id.slice(0, 256) : undefined;
  const inputs = json.inputs;
  if (inputs.length > target.maxColumns) throw tooManyColumns(inputs.length, target);
  const cellLimit = target.maxRows * Math.max(target.inputs.length, 1);
  const tensor = (input: unknown, i: number): { shape: number[]; data: unknown[] } => {
    if (!isRecord(input)) throw new RequestError(400, `inputs[${i}] must be an object with name, shape, datatype and data`);
    const t = input as V2Input;
    if (!Array.isArray(t.shape) || t.shape.length === 0 || t.shape.length > 2 || !t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new RequestError(400, `inputs[${i}].shape must be a list of one or two whole numbers`);
    const shape = t.shape as number[];
    checkRows(shape[0]!, target);
    const size = shape.reduce((a, b) => a * b, 1);
    if (size > cellLimit) throw new RequestError(413, `inputs[${i}] has the shape [${shape.join(', ')}]: ${size} values, more than the ${cellLimit} a request may carry (max-rows × model features)`);
    if (!Array.isArray(t.data)) throw new RequestError(400, `inputs[${i}].data must be a list`);
    const data = flatten(t.data, shape, size, `inputs[${i}]`);
    if (data.length !== size) throw new RequestError(400, `inputs[${i}] has ${data.length} values for the shape [${shape.join(', ')}]`);
    return { shape, data };
  };
  const first = inputs[0];
  if (inputs.length === 1 && isRecord(first) && Array.isArray(first.shape) && first.shape.length === 2 && !target.inputs.includes(String(first.name))) {
    // One [N, F] tensor: its columns are the model's inputs in metadata order.
    const { shape, data } = tensor(first, 0);
    const [n, f] = shape as [number, number];
    if (f !== target.inputs.length) throw new RequestError(400, `inputs[0] has ${f} columns; the model reads ${target.inputs.length} (see GET /v2/models/<name>)`);
    const columns = new Map<string, unknown[]>(target.inputs.map((name, j) => [name, Array.from({ length: n }, (_, r) => data[r * f + j])]));
    return { columns, rows: n, extra: [], extraCount: 0, outputs, id };
  }
  let rows = -1;
  const named: [string, unknown[]][] = [];
  inputs.forEach((input, i) => {
    if (!isRecord(input) || typeof input.name !== 'string') throw new RequestError(400, `inputs[${i}].name must be a column name`);
    const { shape, data } = tensor(input, i);
    if (shape.length === 2 && shape[1] !== 1) throw new RequestError(400, `inputs[${i}] (${quoteValue(input.name, 60)}) must have the shape [N] or [N, 1]`);
    if (rows >= 0 && data.length !== rows) throw new RequestError(400, `inputs[${i}] (${quoteValue(input.name, 60)}) has ${data.length} rows, the others ${rows}`);
    rows = data.length;
    named.push([input.name, data]);
  });
  const sink = new ColumnSink(target, Math.max(rows, 0));
  for (const [name, data] of named) {
    const col = sink.column(name);
    if (col) for (let r = 0; r < data.length; r++) col[r] = data[r];
  }
  return { ...sink.result(), outputs, id };
}
