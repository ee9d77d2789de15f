// What a model file says about itself, read without a runtime: its graph's inputs and outputs with
// their types and shapes, its nodes, its operator sets. Enough to check a trainer's model against the
// pipeline before running it, and to cut the ZipMap that skl2onnx ends classifiers with (a sequence
// of maps, which the JavaScript runtimes cannot return) so that the tensor feeding it is the output.
import { ProtoSyntaxError, ProtoWriter, readFields, readPackedVarints, type ProtoField } from './protobuf.ts';

export type ValueType =
  | { kind: 'tensor'; elemType: number; dims: (number | string | null)[] | null }
  | { kind: 'sequence' | 'map' | 'other' };

export interface GraphValue {
  name: string;
  type: ValueType;
}

export interface AttributeInfo {
  i?: number;
  s?: string;
  ints?: number[];
  strings?: string[];
}

export interface GraphNode {
  op: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, AttributeInfo>;
}

export interface GraphInfo {
  irVersion: number;
  opsets: Record<string, number>;
  /** The inputs a caller feeds (initializers listed as inputs by older exporters left out). */
  inputs: GraphValue[];
  outputs: GraphValue[];
  nodes: GraphNode[];
}

export class OnnxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OnnxFormatError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const text = (b: Uint8Array | undefined) => (b ? utf8.decode(b) : '');
const num = (v: number | bigint | undefined) => (v === undefined ? 0 : typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : v > Number.MAX_SAFE_INTEGER ? Number(BigInt.asIntN(64, BigInt(v))) : v);

/** The bytes of every length-delimited occurrence of `field`. */
function messages(fields: readonly ProtoField[], field: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of fields) if (f.field === field && f.bytes) out.push(f.bytes);
  return out;
}

/** A repeated int64 field: packed (proto3's way) or one field per value. */
function ints(fields: ProtoField[], field: number): number[] {
  const out: number[] = [];
  for (const f of fields) {
    if (f.field !== field) continue;
    if (f.wire === 0) out.push(num(f.value));
    else if (f.wire === 2 && f.bytes) for (const p of readPackedVarints(f.bytes)) out.push(num(p));
  }
  return out;
}


function typeOf(bytes: Uint8Array | undefined): ValueType {
  if (!bytes) return { kind: 'other' };
  for (const f of readFields(bytes)) {
    if (f.field === 1 && f.bytes) {
      const t = readFields(f.bytes);
      const elemType = num(t.find((x) => x.field === 1)?.value);
      const shape = t.find((x) => x.field === 2)?.bytes;
      const dims = shape
        ? readFields(shape)
            .filter((d) => d.field === 1)
            .map((d) => {
              const dim = readFields(d.bytes ?? new Uint8Array(0));
              const value = dim.find((x) => x.field === 1);
              const param = dim.find((x) => x.field === 2);
              return value ? num(value.value) : param ? text(param.bytes) : null;
            })
        : null;
      return { kind: 'tensor', elemType, dims };
    }
    if (f.field === 4) return { kind: 'sequence' };
    if (f.field === 5) return { kind: 'map' };
  }
  return { kind: 'other' };
}

function valueOf(bytes: Uint8Array): GraphValue {
  const f = readFields(bytes);
  return { name: text(f.find((x) => x.field === 1)?.bytes), type: typeOf(f.find((x) => x.field === 2)?.bytes) };
}

function nodeOf(bytes: Uint8Array): GraphNode {
  const f = readFields(bytes);
  const attributes: Record<string, AttributeInfo> = {};
  for (const a of messages(f, 5)) {
    const af = readFields(a);
    const info: AttributeInfo = {};
    const i = af.find((x) => x.field === 3);
    if (i) info.i = num(i.value);
    const s = af.find((x) => x.field === 4);
    if (s) info.s = text(s.bytes);
    const list = ints(af, 8);
    if (list.length > 0) info.ints = list;
    const strings = af.filter((x) => x.field === 9).map((x) => text(x.bytes));
    if (strings.length > 0) info.strings = strings;
    attributes[text(af.find((x) => x.field === 1)?.bytes)] = info;
  }
  return {
    op: text(f.find((x) => x.field === 4)?.bytes),
    domain: text(f.find((x) => x.field === 7)?.bytes),
    inputs: f.filter((x) => x.field === 1).map((x) => text(x.bytes)),
    outputs: f.filter((x) => x.field === 2).map((x) => text(x.bytes)),
    attributes,
  };
}

function graphFields(model: ProtoField[]): ProtoField[] {
  const graph = model.find((f) => f.field === 7 && f.wire === 2);
  if (!graph?.bytes) throw new OnnxFormatError('it has no graph: not an ONNX model');
  return readFields(graph.bytes);
}

/** Reads a model's graph; throws OnnxFormatError (or ProtoSyntaxError) for bytes that are not an ONNX model. */
export function graphInfo(bytes: Uint8Array): GraphInfo {
  let model: ProtoField[];
  let graph: ProtoField[];
  try {
    model = readFields(bytes);
    graph = graphFields(model);
  } catch (err) {
    if (err instanceof ProtoSyntaxError) throw new OnnxFormatError(`not an ONNX model (${err.message})`);
    throw err;
  }
  const opsets: Record<string, number> = {};
  for (const o of messages(model, 8)) {
    const of = readFields(o);
    opsets[text(of.find((x) => x.field === 1)?.bytes)] = num(of.find((x) => x.field === 2)?.value);
  }
  const initialized = new Set(messages(graph, 5).map((b) => text(readFields(b).find((x) => x.field === 8)?.bytes)));
  return {
    irVersion: num(model.find((f) => f.field === 1)?.value),
    opsets,
    inputs: messages(graph, 11).map(valueOf).filter((v) => !initialized.has(v.name)),
    outputs: messages(graph, 12).map(valueOf),
    nodes: messages(graph, 1).map(nodeOf),
  };
}

/** TensorProto.FLOAT: the type a ZipMap's input always has. */
const FLOAT = 1;

/**
 * Cuts a final ZipMap: the graph output it makes is replaced by the tensor it reads, a [N, C] float
 * tensor of the class probabilities in the order of its labels. Undefined when there is no ZipMap; an
 * error when there is one that cannot be cut safely (more than one, or one whose output feeds another
 * node or is not an output).
 */
export function cutZipMap(bytes: Uint8Array): { bytes: Uint8Array; probabilities: string; replaced: string; classes: string[] } | undefined {
  const info = graphInfo(bytes);
  const zipmaps = info.nodes.filter((n) => n.op === 'ZipMap');
  if (zipmaps.length === 0) return undefined;
  const zipmap = zipmaps[0]!;
  const out = zipmap.outputs[0] ?? '';
  const input = zipmap.inputs[0] ?? '';
  const readers = info.nodes.filter((n) => n.inputs.includes(out));
  if (zipmaps.length > 1 || readers.length > 0 || !info.outputs.some((o) => o.name === out) || info.outputs.some((o) => o.name === input)) {
    throw new OnnxFormatError('its classifier ends in a ZipMap (a sequence of maps) that cannot be cut out safely; export it with skl2onnx\'s option {"zipmap": False} (options={id(model): {"zipmap": False}}), so that the probabilities are a [N, C] tensor');
  }
  const classes = zipmap.attributes.classlabels_strings?.strings ?? (zipmap.attributes.classlabels_int64s?.ints ?? []).map(String);
  const model = readFields(bytes);
  const graph = new ProtoWriter();
  let dropped = false;
  for (const f of graphFields(model)) {
    if (f.field === 1 && f.bytes && !dropped) {
      const node = nodeOf(f.bytes);
      if (node.op === 'ZipMap' && node.outputs[0] === out) {
        dropped = true;
        continue;
      }
    }
    if (f.field === 12 && f.bytes && valueOf(f.bytes).name === out) {
      const shape = new ProtoWriter().message(1, new ProtoWriter().string(2, 'N')).message(1, new ProtoWriter().varint(1, classes.length));
      const tensor = new ProtoWriter().varint(1, FLOAT).message(2, shape);
      graph.message(12, new ProtoWriter().string(1, input).message(2, new ProtoWriter().message(1, tensor)));
      continue;
    }
    graph.field(f);
  }
  const w = new ProtoWriter();
  for (const f of model) {
    if (f.field === 7 && f.wire === 2) w.message(7, graph);
    else w.field(f);
  }
  return { bytes: w.finish(), probabilities: input, replaced: out, classes };
}
