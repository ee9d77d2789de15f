// A model from a team's own trainer, as the suite runs it: which of the two input layouts it takes
// (one [N, F] float or double matrix of numeric features, or one [N, 1] input per feature column),
// which outputs are its label, probabilities or prediction, and its predictions on a table in the
// suite's terms (a class index into the target's classes, and vote-share-like probabilities).
import { UserError } from '../errors.ts';
import { present } from '../present.ts';
import { cellText, columnByName, type Table } from '../data/table.ts';
import type { GraphInfo, GraphValue } from './graph-info.ts';
import { onnxRuntime } from './runtime.ts';

/** TensorProto.DataType codes the inputs and outputs may have. */
const FLOAT = 1;
const INT64 = 7;
const STRING = 8;
const DOUBLE = 11;
const TYPE_NAMES: Record<number, string> = { 1: 'float', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool', 11: 'double' };

export type OnnxInput = { layout: 'matrix'; name: string; type: 'float32' | 'float64' } | { layout: 'columns'; columns: { name: string; type: 'float64' | 'string' }[] };

/** The model's interface as the package records it. */
export interface OnnxInterface {
  input: OnnxInput;
  /** Classification: `label` and `probabilities`; regression: `prediction`. */
  outputs: { label?: string; probabilities?: string; prediction?: string };
  /** Classification: the class of each probability column, in order (checked on the training rows). */
  classes: string[] | null;
}

export class OnnxModelError extends UserError {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'OnnxModelError';
  }
}

const typeName = (v: GraphValue) => (v.type.kind === 'tensor' ? `${TYPE_NAMES[v.type.elemType] ?? `type ${v.type.elemType}`} ${JSON.stringify(v.type.dims)}` : `a ${v.type.kind}`);
const isTensor = (v: GraphValue, ...types: number[]) => v.type.kind === 'tensor' && types.includes(v.type.elemType);
const rank = (v: GraphValue) => (v.type.kind === 'tensor' && v.type.dims ? v.type.dims.length : undefined);

/**
 * Checks the model's inputs against the feature columns (in order, each numeric or not) and picks its
 * outputs. Throws OnnxModelError saying what the model takes and what the pipeline has.
 */
export function describeModel(file: string, info: GraphInfo, features: readonly { name: string; numeric: boolean }[], task: 'classification' | 'regression'): Omit<OnnxInterface, 'classes'> {
  const input = describeInput(file, info.inputs, features);
  if (task === 'regression') {
    const numeric = info.outputs.filter((o) => isTensor(o, FLOAT, DOUBLE));
    const one = numeric[0];
    const wide = one?.type.kind === 'tensor' && one.type.dims && (one.type.dims.length > 2 || (one.type.dims.length === 2 && typeof one.type.dims[1] === 'number' && one.type.dims[1] !== 1));
    if (numeric.length !== 1 || !one || wide) throw new OnnxModelError(file, `a regressor gives one float or double output, [N] or [N, 1]; this model gives ${info.outputs.map((o) => `${o.name} (${typeName(o)})`).join(', ') || 'nothing'}`);
    return { input, outputs: { prediction: one.name } };
  }
  const labels = info.outputs.filter((o) => isTensor(o, STRING, INT64) && (rank(o) ?? 1) <= 2);
  const probabilities = info.outputs.filter((o) => isTensor(o, FLOAT, DOUBLE) && (rank(o) ?? 2) === 2);
  if (labels.length !== 1 || probabilities.length !== 1) {
    throw new OnnxModelError(file, `a classifier gives a label output (string or int64, [N]) and a probability output (float or double, [N, C]); this model gives ${info.outputs.map((o) => `${o.name} (${typeName(o)})`).join(', ') || 'nothing'}`);
  }
  return { input, outputs: { label: labels[0]!.name, probabilities: probabilities[0]!.name } };
}

function describeInput(file: string, inputs: readonly GraphValue[], features: readonly { name: string; numeric: boolean }[]): OnnxInput {
  const names = features.map((f) => f.name);
  const only = inputs[0];
  if (inputs.length === 1 && only && !names.includes(only.name)) {
    const dims = only.type.kind === 'tensor' ? only.type.dims : null;
    const width = dims?.[1];
    if (!isTensor(only, FLOAT, DOUBLE) || (dims !== null && dims.length !== 2)) throw new OnnxModelError(file, `its one input ${JSON.stringify(only.name)} is ${typeName(only)}; a model with one input takes a float or double [N, F] matrix of the ${names.length} features in order (or give it one input per feature, named as its column)`);
    if (typeof width === 'number' && width !== names.length) throw new OnnxModelError(file, `its input ${JSON.stringify(only.name)} takes ${width} features, but the pipeline has ${names.length}: ${names.join(', ')}`);
    const text = features.filter((f) => !f.numeric).map((f) => f.name);
    if (text.length > 0) throw new OnnxModelError(file, `a model with one matrix input needs every feature numeric; ${text.join(', ')} ${text.length === 1 ? 'is' : 'are'} not: give the model one input per feature, named as its column (string for categories)`);
    return { layout: 'matrix', name: only.name, type: only.type.kind === 'tensor' && only.type.elemType === FLOAT ? 'float32' : 'float64' };
  }
  const given = new Map(inputs.map((i) => [i.name, i]));
  const missing = names.filter((n) => !given.has(n));
  const extra = inputs.map((i) => i.name).filter((n) => !names.includes(n));
  if (missing.length > 0 || extra.length > 0) {
    throw new OnnxModelError(file, `its inputs do not match the features: ${[missing.length > 0 ? `no input for ${missing.map((m) => JSON.stringify(m)).join(', ')}` : '', extra.length > 0 ? `inputs ${extra.map((m) => JSON.stringify(m)).join(', ')} are not features` : ''].filter(Boolean).join('; ')} (the features: ${names.join(', ')})`);
  }
  return {
    layout: 'columns',
    columns: features.map((f) => {
      const v = present(given.get(f.name), `the input ${f.name}`);
      const want = f.numeric ? [DOUBLE] : [STRING];
      if (!isTensor(v, ...want)) throw new OnnxModelError(file, `its input ${JSON.stringify(f.name)} is ${typeName(v)}; the column is ${f.numeric ? 'numeric, so the input is double [N, 1] (NaN for missing)' : 'not numeric, so the input is string [N, 1] (the empty string for missing)'}`);
      return { name: f.name, type: f.numeric ? 'float64' : 'string' };
    }),
  };
}

type Ort = Awaited<ReturnType<typeof onnxRuntime>>;
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/** A loaded model; release() frees the runtime's memory. */
export interface OnnxSession {
  ort: Ort;
  session: Session;
}

export async function loadOnnx(file: string, bytes: Uint8Array): Promise<OnnxSession> {
  const ort = await onnxRuntime();
  try {
    // A copy in memory of its own: the bytes may sit in shared memory (serve's threads), which the runtime does not take.
    return { ort, session: await ort.InferenceSession.create(bytes.buffer instanceof SharedArrayBuffer ? bytes.slice() : bytes) };
  } catch (err) {
    throw new OnnxModelError(file, `onnxruntime cannot load it (${(err as Error).message.split('\n')[0]})`);
  }
}

/** The model's raw outputs on rows [start, end) of a table: labels as text, probabilities or values row-major. */
export interface RawOutputs {
  labels: string[] | undefined;
  /** [rows × width] */
  values: Float64Array;
  width: number;
}

/** Rows a run takes at most: the runtime's tensors for a slice stay small. */
const RUN_ROWS = 65_536;

/** A cell as a number: NaN when missing (a numeric column read as text is read back as numbers). */
function numberAt(table: Table, name: string): (row: number) => number {
  const col = columnByName(table, name);
  if (!col) throw new UserError(`the data has no column ${JSON.stringify(name)}, which the model reads`);
  if (col.kind === 'numeric') return (r) => col.values[r]!;
  return (r) => {
    const c = col.codes[r]!;
    return c < 0 ? Number.NaN : Number(col.levels[c]);
  };
}


type Feeds = Record<string, InstanceType<Ort['Tensor']>>;

function feeds(ort: Ort, input: OnnxInput, table: Table, features: readonly string[], start: number, end: number): Feeds {
  const n = end - start;
  if (input.layout === 'matrix') {
    const F = features.length;
    const data = input.type === 'float32' ? new Float32Array(n * F) : new Float64Array(n * F);
    features.forEach((name, f) => {
      const at = numberAt(table, name);
      for (let i = 0; i < n; i++) data[i * F + f] = at(start + i);
    });
    return { [input.name]: data instanceof Float32Array ? new ort.Tensor('float32', data, [n, F]) : new ort.Tensor('float64', data, [n, F]) };
  }
  const out: Feeds = {};
  for (const c of input.columns) {
    if (c.type === 'float64') {
      const at = numberAt(table, c.name);
      out[c.name] = new ort.Tensor('float64', Float64Array.from({ length: n }, (_, i) => at(start + i)), [n, 1]);
    } else {
      // The cell as written: the empty string when missing.
      const col = columnByName(table, c.name);
      if (!col) throw new UserError(`the data has no column ${JSON.stringify(c.name)}, which the model reads`);
      out[c.name] = new ort.Tensor('string', Array.from({ length: n }, (_, i) => cellText(col, start + i)), [n, 1]);
    }
  }
  return out;
}

/** Runs the model over every row of the table, a slice at a time. */
export async function runOnnx(model: OnnxSession, iface: Omit<OnnxInterface, 'classes'>, table: Table, features: readonly string[]): Promise<RawOutputs> {
  const { ort, session } = model;
  const n = table.rowCount;
  const labels: string[] | undefined = iface.outputs.label ? [] : undefined;
  const valueName = iface.outputs.probabilities ?? iface.outputs.prediction ?? '';
  let values = new Float64Array(0);
  let width = 1;
  for (let start = 0; start < n; start += RUN_ROWS) {
    const end = Math.min(n, start + RUN_ROWS);
    const input = feeds(ort, iface.input, table, features, start, end);
    const out = await session.run(input);
    const v = out[valueName];
    if (!v) throw new UserError(`the model gave no output ${JSON.stringify(valueName)}`);
    width = v.dims.length === 2 ? Number(v.dims[1]) : 1;
    if (start === 0) values = new Float64Array(n * width);
    values.set(Float64Array.from(v.data as ArrayLike<number>), start * width);
    if (labels && iface.outputs.label) {
      const l = out[iface.outputs.label];
      if (!l) throw new UserError(`the model gave no output ${JSON.stringify(iface.outputs.label)}`);
      const data = l.data as ArrayLike<string | number | bigint>;
      for (let i = 0; i < data.length; i++) labels.push(String(data[i]));
    }
  }
  return { labels, values, width };
}

/**
 * The class of each probability column, found from the label output on the training rows: the label
 * of every row whose highest probability is in column k is that column's class. A column that is the
 * highest on no row takes the remaining classes in sorted order. Refuses a model whose labels and
 * probabilities disagree, or that predicts a class the target does not have.
 */
export function probabilityClasses(file: string, raw: RawOutputs, classes: readonly string[]): string[] {
  const labels = raw.labels ?? [];
  const known = new Set(classes);
  const strange = [...new Set(labels.filter((l) => !known.has(l)))];
  if (strange.length > 0) throw new OnnxModelError(file, `it predicts ${strange.length === 1 ? 'a class' : 'classes'} the target does not have: ${strange.slice(0, 5).map((s) => JSON.stringify(s)).join(', ')} (the target's classes: ${classes.join(', ')})`);
  if (raw.width !== classes.length) throw new OnnxModelError(file, `its probabilities have ${raw.width} columns, but the target has ${classes.length} classes (${classes.join(', ')})`);
  const C = raw.width;
  const top = (r: number): number | undefined => {
    let best = 0;
    let tie = false;
    for (let k = 1; k < C; k++) {
      const d = raw.values[r * C + k]! - raw.values[r * C + best]!;
      if (d > 0) {
        best = k;
        tie = false;
      } else if (d === 0) tie = true;
    }
    return tie ? undefined : best;
  };
  const order: (string | undefined)[] = new Array(C).fill(undefined);
  const disagree: string[] = [];
  labels.forEach((label, r) => {
    const k = top(r);
    if (k === undefined) return;
    if (order[k] === undefined && !order.includes(label)) order[k] = label;
    else if (order[k] !== label) disagree.push(`row ${r + 1}: label ${JSON.stringify(label)}, highest probability in column ${k} (${JSON.stringify(order[k] ?? '?')})`);
  });
  if (disagree.length > 0) throw new OnnxModelError(file, `its labels and probabilities disagree on ${disagree.length} of ${labels.length} training rows (${disagree.slice(0, 3).join('; ')}); the label must be the class of the highest probability`);
  const rest = classes.filter((c) => !order.includes(c));
  return order.map((c) => c ?? rest.shift() ?? '');
}

/** The suite's predictions from the raw outputs: class indices into `classes` and shares in that order, or values. */
export function suitePredictions(raw: RawOutputs, iface: OnnxInterface, classes: readonly string[] | null): { yPred: Float64Array; shares: Float64Array | null } {
  const n = raw.values.length / raw.width;
  if (!classes || !iface.classes) return { yPred: Float64Array.from({ length: n }, (_, r) => raw.values[r * raw.width]!), shares: null };
  const K = classes.length;
  const index = new Map(classes.map((c, i) => [c, i]));
  const column = iface.classes.map((c) => index.get(c) ?? -1);
  const shares = new Float64Array(n * K);
  for (let r = 0; r < n; r++) for (let k = 0; k < raw.width; k++) if (column[k]! >= 0) shares[r * K + column[k]!] = raw.values[r * raw.width + k]!;
  const labels = raw.labels ?? [];
  return { yPred: Float64Array.from({ length: n }, (_, r) => index.get(labels[r] ?? '') ?? Number.NaN), shares };
}
