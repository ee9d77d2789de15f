// Protocol Buffers' wire format, the part ONNX files use: varints, 64-bit doubles and length-delimited
// fields. Written by hand rather than taken from protobufjs: ONNX needs a few hundred bytes of this,
// and a generated codec of onnx.proto would be most of a bundle's weight for the forest's export.

/** Bytes a varint of `v` takes (v a non-negative safe integer). */
function varintSize(v: number): number {
  let n = 1;
  while (v > 0x7f) {
    v = Math.floor(v / 0x80);
    n++;
  }
  return n;
}

/**
 * A message being written: small fields into a growing buffer, nested messages kept as parts (their
 * lengths known when added) and copied once, by finish(). A forest's graph nests its largest fields
 * (millions of node ids) four messages deep; copying them at each level would hold them four times.
 */
export class ProtoWriter {
  /** Finished pieces in order: bytes, or a nested message written whole when finished. */
  private readonly parts: (Uint8Array | ProtoWriter)[] = [];
  private buf = new Uint8Array(256);
  private size = 0;
  private partsBytes = 0;

  get length(): number {
    return this.partsBytes + this.size;
  }

  private reserve(n: number): void {
    if (this.size + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.size + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.size));
    this.buf = next;
  }

  /** Ends the current buffer as a part, so that `part` can follow it without a copy. */
  private cut(part: Uint8Array | ProtoWriter): void {
    if (this.size > 0) {
      this.parts.push(this.buf.subarray(0, this.size));
      this.partsBytes += this.size;
      this.buf = new Uint8Array(256);
      this.size = 0;
    }
    this.parts.push(part);
    this.partsBytes += part.length;
  }

  private push(bytes: Uint8Array): void {
    if (bytes.length > 65_536) return this.cut(bytes);
    this.reserve(bytes.length);
    this.buf.set(bytes, this.size);
    this.size += bytes.length;
  }

  private rawVarint(value: number | bigint): void {
    if (typeof value === 'number' && value >= 0) {
      if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer for a varint: ${value}`);
      this.reserve(10);
      let v = value;
      while (v > 0x7f) {
        this.buf[this.size++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
      this.buf[this.size++] = v;
      return;
    }
    // Negative int64s are ten bytes of two's complement, as protobuf writes them.
    let v = BigInt.asUintN(64, BigInt(value));
    this.reserve(10);
    while (v > 0x7fn) {
      this.buf[this.size++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.size++] = Number(v);
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
    this.reserve(4);
    new DataView(this.buf.buffer).setFloat32(this.size, value, true);
    this.size += 4;
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
    this.rawVarint(inner.length);
    if (inner.length <= 4096) this.push(inner.finish());
    else this.cut(inner);
    return this;
  }

  /** A repeated int64 field, packed (as proto3 writes it). */
  packedVarints(field: number, values: ArrayLike<number>): this {
    let bytes = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      bytes += v >= 0 ? varintSize(v) : 10;
    }
    this.tag(field, 2);
    this.rawVarint(bytes);
    for (let i = 0; i < values.length; i++) this.rawVarint(values[i]!);
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

  /** The message's bytes, in one buffer. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    this.copyInto(out, 0);
    return out;
  }

  private copyInto(out: Uint8Array, at: number): number {
    for (const p of this.parts) {
      if (p instanceof ProtoWriter) at = p.copyInto(out, at);
      else {
        out.set(p, at);
        at += p.length;
      }
    }
    out.set(this.buf.subarray(0, this.size), at);
    return at + this.size;
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

/** The varint at `at`, and where the next byte is; a value past 2^53 is a bigint. */
function varintAt(buf: Uint8Array, at: number): { value: number | bigint; next: number } {
  let result = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (at >= buf.length) throw new ProtoSyntaxError(`a varint runs past the end at byte ${at}`);
    const b = buf[at++]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return { value: result <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(result) : result, next: at };
    shift += 7n;
  }
  throw new ProtoSyntaxError(`a varint is longer than 10 bytes at byte ${at}`);
}

/** A packed repeated varint field's bytes: varints back to back, without tags. */
export function readPackedVarints(buf: Uint8Array): (number | bigint)[] {
  const out: (number | bigint)[] = [];
  for (let at = 0; at < buf.length; ) {
    const { value, next } = varintAt(buf, at);
    out.push(value);
    at = next;
  }
  return out;
}

/** The fields of one message, in order, without knowing its schema; nested messages stay bytes. */
export function readFields(buf: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let at = 0;
  const varint = (): number | bigint => {
    const { value, next } = varintAt(buf, at);
    at = next;
    return value;
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
