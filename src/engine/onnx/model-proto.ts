// ONNX's messages (onnx.proto: ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
// ValueInfoProto), written with their field numbers, and read back as far as the metadata goes.
import { ProtoWriter, readFields } from './protobuf.ts';

/** TensorProto.DataType: the element types the suite's graphs use. */
export const DataType = { FLOAT: 1, UINT8: 2, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

export type TensorData =
  | { type: typeof DataType.DOUBLE; values: ArrayLike<number> }
  | { type: typeof DataType.INT64; values: ArrayLike<number> }
  | { type: typeof DataType.UINT8; values: ArrayLike<number> }
  | { type: typeof DataType.STRING; values: readonly string[] };

export interface Tensor {
  name?: string;
  dims: readonly number[];
  data: TensorData;
}

export function tensorProto(t: Tensor): ProtoWriter {
  const w = new ProtoWriter();
  if (t.dims.length > 0) w.packedVarints(1, t.dims);
  w.varint(2, t.data.type);
  if (t.name !== undefined) w.string(8, t.name);
  const { data } = t;
  if (data.type === DataType.STRING) {
    for (const s of data.values) w.string(6, s);
  } else {
    // raw_data: little-endian, as ONNX stores fixed-width elements.
    const width = data.type === DataType.UINT8 ? 1 : 8;
    const raw = new Uint8Array(data.values.length * width);
    const view = new DataView(raw.buffer);
    for (let i = 0; i < data.values.length; i++) {
      const v = data.values[i]!;
      if (data.type === DataType.DOUBLE) view.setFloat64(i * 8, v, true);
      else if (data.type === DataType.INT64) view.setBigInt64(i * 8, BigInt(v), true);
      else view.setUint8(i, v);
    }
    w.bytes(9, raw);
  }
  return w;
}

export type AttributeValue = { i: number } | { f: number } | { s: string } | { ints: ArrayLike<number> } | { strings: readonly string[] } | { t: Tensor };

/** AttributeProto.AttributeType */
const ATTRIBUTE_TYPE = { f: 1, i: 2, s: 3, t: 4, ints: 7, strings: 8 } as const;

function attributeProto(name: string, value: AttributeValue): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  if ('i' in value) w.varint(3, value.i).varint(20, ATTRIBUTE_TYPE.i);
  else if ('f' in value) w.float(2, value.f).varint(20, ATTRIBUTE_TYPE.f);
  else if ('s' in value) w.string(4, value.s).varint(20, ATTRIBUTE_TYPE.s);
  else if ('ints' in value) w.packedVarints(8, value.ints).varint(20, ATTRIBUTE_TYPE.ints);
  else if ('strings' in value) {
    for (const s of value.strings) w.string(9, s);
    w.varint(20, ATTRIBUTE_TYPE.strings);
  } else w.message(5, tensorProto(value.t)).varint(20, ATTRIBUTE_TYPE.t);
  return w;
}

export interface Node {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  domain?: string;
  name?: string;
  attributes?: Readonly<Record<string, AttributeValue>>;
}

function nodeProto(n: Node): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name !== undefined) w.string(3, n.name);
  w.string(4, n.op);
  for (const [name, value] of Object.entries(n.attributes ?? {})) w.message(5, attributeProto(name, value));
  if (n.domain) w.string(7, n.domain);
  return w;
}

/** A graph input or output: a tensor of an element type, each dimension a number or a symbolic name. */
export interface ValueInfo {
  name: string;
  type: DataTypeCode;
  shape: readonly (number | string)[];
  doc?: string;
}

function valueInfoProto(v: ValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of v.shape) shape.message(1, typeof d === 'number' ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().varint(1, v.type).message(2, shape);
  const w = new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
  if (v.doc) w.string(3, v.doc);
  return w;
}

export interface Model {
  irVersion: number;
  opsets: Readonly<Record<string, number>>;
  producer: { name: string; version: string };
  graph: { name: string; nodes: readonly Node[]; initializers: readonly Tensor[]; inputs: readonly ValueInfo[]; outputs: readonly ValueInfo[] };
  metadata: Readonly<Record<string, string>>;
  doc?: string;
}

export function modelProto(m: Model): Uint8Array {
  const g = new ProtoWriter();
  for (const n of m.graph.nodes) g.message(1, nodeProto(n));
  g.string(2, m.graph.name);
  for (const t of m.graph.initializers) g.message(5, tensorProto(t));
  for (const i of m.graph.inputs) g.message(11, valueInfoProto(i));
  for (const o of m.graph.outputs) g.message(12, valueInfoProto(o));
  const w = new ProtoWriter().varint(1, m.irVersion).string(2, m.producer.name).string(3, m.producer.version);
  if (m.doc) w.string(6, m.doc);
  w.message(7, g);
  for (const [domain, version] of Object.entries(m.opsets)) w.message(8, new ProtoWriter().string(1, domain).varint(2, version));
  for (const [key, value] of Object.entries(m.metadata)) w.message(14, new ProtoWriter().string(1, key).string(2, value));
  return w.finish();
}

/** A model file's metadata_props (ModelProto field 14), the only part of a model read without a runtime. */
export function readMetadata(bytes: Uint8Array): Record<string, string> {
  const text = new TextDecoder('utf-8', { fatal: true });
  const out: Record<string, string> = {};
  for (const f of readFields(bytes)) {
    if (f.field !== 14 || !f.bytes) continue;
    let key = '';
    let value = '';
    for (const e of readFields(f.bytes)) {
      if (e.field === 1 && e.bytes) key = text.decode(e.bytes);
      if (e.field === 2 && e.bytes) value = text.decode(e.bytes);
    }
    out[key] = value;
  }
  return out;
}
