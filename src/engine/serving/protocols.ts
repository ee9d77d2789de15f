// The two request protocols that serving platforms already speak, parsed into named columns:
// MLflow's scoring protocol (POST /invocations: dataframe_split, dataframe_records, instances, inputs,
// or text/csv) and the Open Inference Protocol (KServe v2: POST /v2/models/<name>/infer with one
// [N, F] tensor or one input per named column). Every malformed body is a RequestError (400).
import { quoteValue } from '../text/escape.ts';
import { RequestError } from './request-table.ts';

export interface ParsedRequest {
  columns: Map<string, unknown[]>;
  rows: number;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new RequestError(400, `the body is not JSON (${(err as Error).message.slice(0, 120)})`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fromRecords(records: unknown[], what: string): ParsedRequest {
  const columns = new Map<string, unknown[]>();
  records.forEach((rec, r) => {
    if (!isRecord(rec)) throw new RequestError(400, `${what}[${r}] is not an object of column to value`);
    for (const [k, v] of Object.entries(rec)) {
      let col = columns.get(k);
      if (!col) columns.set(k, (col = new Array<unknown>(records.length).fill(null)));
      col[r] = v;
    }
  });
  return { columns, rows: records.length };
}

function fromRows(names: readonly string[], data: unknown[], what: string): ParsedRequest {
  const columns = new Map<string, unknown[]>(names.map((n) => [n, new Array<unknown>(data.length)]));
  data.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== names.length) throw new RequestError(400, `${what}[${r}] must be a list of ${names.length} values`);
    names.forEach((n, i) => (columns.get(n)![r] = row[i]));
  });
  return { columns, rows: data.length };
}

function fromColumnDict(dict: Record<string, unknown>, what: string): ParsedRequest {
  let rows = -1;
  const columns = new Map<string, unknown[]>();
  for (const [k, v] of Object.entries(dict)) {
    const values = Array.isArray(v) ? v : [v];
    if (rows >= 0 && values.length !== rows) throw new RequestError(400, `${what}: the column ${quoteValue(k, 60)} has ${values.length} values, the others ${rows}`);
    rows = values.length;
    columns.set(k, values);
  }
  return { columns, rows: Math.max(rows, 0) };
}

/** A small RFC 4180 reader for a text/csv request body (the header names the columns). */
export function parseCsvBody(text: string): ParsedRequest {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
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
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
    } else field += c;
  }
  if (quoted) throw new RequestError(400, 'the CSV body has an unclosed quote');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...rows] = records;
  if (!header) throw new RequestError(400, 'the CSV body is empty: it needs a header row');
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new RequestError(400, `CSV row ${i + 1} has ${r.length} fields, the header ${header.length}`);
  });
  // Empty cells are missing values, as in the data files.
  return fromRows(header, rows.map((r) => r.map((v) => (v === '' ? null : v))), 'CSV row');
}

/** An MLflow /invocations body. `order` names the columns of a positional row (instances as lists). */
export function parseMlflow(body: Buffer, contentType: string, order: readonly string[]): ParsedRequest {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return parseCsvBody(body.toString('utf8'));
  if (type !== 'application/json') throw new RequestError(415, `the content type must be application/json or text/csv, not ${quoteValue(type || '(none)', 60)}`);
  const json = parseJson(body);
  if (!isRecord(json)) throw new RequestError(400, 'the body must be a JSON object with one of dataframe_split, dataframe_records, instances or inputs');
  const keys = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'].filter((k) => Object.hasOwn(json, k));
  if (keys.length !== 1) throw new RequestError(400, `the body must have exactly one of dataframe_split, dataframe_records, instances or inputs${keys.length ? ` (it has ${keys.join(', ')})` : ''}`);
  const key = keys[0]!;
  const v = json[key];
  if (key === 'dataframe_split') {
    if (!isRecord(v) || !Array.isArray(v.columns) || !Array.isArray(v.data) || !v.columns.every((c) => typeof c === 'string')) throw new RequestError(400, 'dataframe_split needs "columns" (a list of names) and "data" (a list of rows)');
    return fromRows(v.columns as string[], v.data, 'dataframe_split.data');
  }
  if (key === 'dataframe_records') {
    if (!Array.isArray(v)) throw new RequestError(400, 'dataframe_records must be a list of objects');
    return fromRecords(v, 'dataframe_records');
  }
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]) ? fromRows(order, v, key) : fromRecords(v, key);
  if (isRecord(v)) return fromColumnDict(v, key);
  throw new RequestError(400, `${key} must be a list of rows or an object of columns`);
}

interface V2Input {
  name?: unknown;
  shape?: unknown;
  datatype?: unknown;
  data?: unknown;
}

/** A KServe v2 infer body: the columns, and the outputs asked for (predict, predict_proba). */
export function parseV2(body: Buffer, order: readonly string[]): ParsedRequest & { outputs: string[]; id: string | undefined } {
  const json = parseJson(body);
  if (!isRecord(json) || !Array.isArray(json.inputs) || json.inputs.length === 0) throw new RequestError(400, 'the body must be an object with "inputs": a list of tensors');
  const outputs = Array.isArray(json.outputs) ? json.outputs.map((o) => (isRecord(o) ? String(o.name) : '')) : [];
  for (const o of outputs) if (o !== 'predict' && o !== 'predict_proba') throw new RequestError(400, `unknown output ${quoteValue(o, 40)} (outputs: predict, predict_proba)`);
  const id = typeof json.id === 'string' ? json.id : undefined;
  const inputs = json.inputs as V2Input[];
  const tensor = (input: V2Input, i: number): { shape: number[]; data: unknown[] } => {
    if (!Array.isArray(input.shape) || !input.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new RequestError(400, `inputs[${i}].shape must be a list of whole numbers`);
    if (!Array.isArray(input.data)) throw new RequestError(400, `inputs[${i}].data must be a list`);
    const data = (input.data as unknown[]).flat(Infinity);
    const size = (input.shape as number[]).reduce((a, b) => a * b, 1);
    if (data.length !== size) throw new RequestError(400, `inputs[${i}] has ${data.length} values for the shape [${(input.shape as number[]).join(', ')}]`);
    return { shape: input.shape as number[], data };
  };
  if (inputs.length === 1 && Array.isArray(inputs[0]!.shape) && inputs[0]!.shape.length === 2 && !order.includes(String(inputs[0]!.name))) {
    // One [N, F] tensor: its columns are the model's inputs in metadata order.
    const { shape, data } = tensor(inputs[0]!, 0);
    const [n, f] = shape as [number, number];
    if (f !== order.length) throw new RequestError(400, `inputs[0] has ${f} columns; the model reads ${order.length} (see GET /v2/models/<name>)`);
    const columns = new Map<string, unknown[]>(order.map((name, j) => [name, Array.from({ length: n }, (_, r) => data[r * f + j])]));
    return { columns, rows: n, outputs, id };
  }
  const columns = new Map<string, unknown[]>();
  let rows = -1;
  inputs.forEach((input, i) => {
    if (typeof input.name !== 'string') throw new RequestError(400, `inputs[${i}].name must be a column name`);
    const { shape, data } = tensor(input, i);
    if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1)) throw new RequestError(400, `inputs[${i}] (${quoteValue(input.name, 60)}) must have the shape [N] or [N, 1]`);
    if (rows >= 0 && data.length !== rows) throw new RequestError(400, `inputs[${i}] (${quoteValue(input.name, 60)}) has ${data.length} rows, the others ${rows}`);
    rows = data.length;
    columns.set(input.name, data);
  });
  return { columns, rows, outputs, id };
}
