// Typed arrays handed to worker threads without a copy per thread: train's columns, the split's key columns.

/** The array's bytes in shared memory: its own buffer when that already is one and it spans it, else a copy. */
export function toShared(a: Uint8Array | Int32Array | Float64Array): SharedArrayBuffer {
  if (a.buffer instanceof SharedArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) return a.buffer;
  const sab = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(sab).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return sab;
}

/** The same values in shared memory, as the same kind of array: posted to a thread, it is not copied. */
export function sharedView<T extends Uint8Array | Int32Array | Float64Array>(a: T): T {
  const sab = toShared(a);
  if (sab === a.buffer) return a;
  return new (a.constructor as new (b: SharedArrayBuffer) => T)(sab);
}
