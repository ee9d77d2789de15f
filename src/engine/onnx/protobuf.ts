// Protocol Buffers' wire format, the part ONNX files use: varints, 64-bit doubles and length-delimited
// fields. Written by hand rather than taken from protobufjs: ONNX needs a few hundred bytes of this,
// and a generated codec of onnx.proto would be most of a bundle's weight for the forest's export.

/** A message being written: its fields in order, each a list of byte chunks (nested lengths known). */
export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  private rawVarint(value: number | bigint): void {
    // Negative int64s are ten bytes of two's complement, as protobuf writes them.
    let v = typeof value === 'bigint' ? BigInt.asUintN(64, value) : value < 0 ? BigInt.asUintN(64, BigInt(value)) : value;
    const out: number[] = [];
    if (typeof v === 'bigint') {
      while (v > 0x7fn) {
        out.push(Number(v & 0x7fn) | 0x80);
        v >>= 7n;
      }
      out.push(Number(v));
    } else {
      if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer for a varint: ${v}`);
      while (v > 0x7f) {
        out.push((v % 0x80) | 0x80);
        v = Math.floor(v / 0x80);
      }
      out.push(v);
    }
    this.push(Uint8Array.from(out));
  }

  private tag(field: number, wire: 0 | 1 | 2 | 5): void {
    this.rawVarint(field * 8 + wire);
  }

  /** An int32, int64, enum or bool field. */
  varint(field: number, value: number | bigint): this {
    this.tag(field, 0);
    this.rawVarint(value);
    return this;
  }

  /** A float field (fixed32). */
  float(field: number, value: number): this {
    this.tag(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.push(b);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, 2);
    this.rawVarint(value.length);
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, inner: ProtoWriter): this {
    this.tag(field, 2);
    this.rawVarint(inner.size);
    for (const c of inner.chunks) this.push(c);
    return this;
  }

  /** A repeated int64 field, packed (as proto3 writes it). */
  packedVarints(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const v of values) inner.rawVarint(v);
    this.tag(field, 2);
    this.rawVarint(inner.size);
    for (const c of inner.chunks) this.push(c);
    return this;
  }

  /** A field as read (readFields), written back unchanged. */
  field(f: ProtoField): this {
    if (f.wire === 0) return this.varint(f.field, f.value ?? 0);
    if (f.wire === 2) return this.bytes(f.field, f.bytes ?? new Uint8Array(0));
    this.tag(f.field, f.wire === 1 ? 1 : 5);
    this.push(f.bytes ?? new Uint8Array(f.wire === 1 ? 8 : 4));
    return this;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** One field as read: a varint's value, or a length-delimited field's bytes (fixed-width ones as bytes too). */
export interface ProtoField {
  field: number;
  wire: number;
  /** Varints (as a bigint when past 2^53). */
  value?: number | bigint;
  bytes?: Uint8Array;
}

export class ProtoSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtoSyntaxError';
  }
}

/** The fields of one message, in order, without knowing its schema; nested messages stay bytes. */
export function readFields(buf: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let at = 0;
  const varint = (): number | bigint => {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (at >= buf.length) throw new ProtoSyntaxError(`a varint runs past the end at byte ${at}`);
      const b = buf[at++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(result) : result;
      shift += 7n;
    }
    throw new ProtoSyntaxError(`a varint is longer than 10 bytes at byte ${at}`);
  };
  while (at < buf.length) {
    const key = varint();
    const field = Number(BigInt(key) >> 3n);
    const wire = Number(BigInt(key) & 7n);
    if (field === 0) throw new ProtoSyntaxError(`field number 0 at byte ${at}`);
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 2) {
      const len = Number(varint());
      if (at + len > buf.length) throw new ProtoSyntaxError(`field ${field} says ${len} bytes, past the end of its message`);
      out.push({ field, wire, bytes: buf.subarray(at, at + len) });
      at += len;
    } else if (wire === 1 || wire === 5) {
      const len = wire === 1 ? 8 : 4;
      if (at + len > buf.length) throw new ProtoSyntaxError(`field ${field} runs past the end of its message`);
      out.push({ field, wire, bytes: buf.subarray(at, at + len) });
      at += len;
    } else throw new ProtoSyntaxError(`wire type ${wire} (field ${field}) is not one this reader knows`);
  }
  return out;
}
