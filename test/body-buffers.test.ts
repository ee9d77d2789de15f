// The pool of large-body buffers: used again by size, bounded, emptied on demand.
import { BodyBuffers } from '../src/serve/body-buffers.ts';

const MiB = 1024 * 1024;

test('a body gets a view of its own length over a buffer of the next power-of-two size, capped at the body limit', () => {
  const pool = new BodyBuffers(10 * MiB, 64 * MiB);
  const small = pool.take(200_000);
  expect(small.length).toBe(200_000);
  expect(small.buffer.byteLength).toBe(256 * 1024);
  const large = pool.take(9.9 * MiB);
  expect(large.buffer.byteLength).toBe(10 * MiB);
  expect(pool.owns(large.buffer as ArrayBuffer)).toBe(true);
  expect(pool.owns(new ArrayBuffer(10 * MiB))).toBe(false);
});

test('a buffer given back is the next one taken for a body of its size class, and is taken once', () => {
  const pool = new BodyBuffers(10 * MiB, 64 * MiB);
  const first = pool.take(300_000);
  first.fill(7);
  // As the thread sends it back: a new ArrayBuffer object over the same memory.
  const back = structuredClone(first.buffer as ArrayBuffer, { transfer: [first.buffer as ArrayBuffer] });
  pool.give(back);
  expect(pool.pooled).toBe(512 * 1024);
  const again = pool.take(400_000);
  expect(again.buffer).toBe(back);
  expect(again.length).toBe(400_000);
  expect(again[0]).toBe(7);
  expect(pool.owns(back)).toBe(true);
  expect(pool.pooled).toBe(0);
  expect(pool.take(400_000).buffer).not.toBe(back);
});

test('buffers of a size the pool does not make, and any past its bound, are left to the collector; clear drops all', () => {
  const pool = new BodyBuffers(10 * MiB, 20 * MiB);
  pool.give(new ArrayBuffer(300_000));
  pool.give(new ArrayBuffer(64 * 1024));
  expect(pool.pooled).toBe(0);
  pool.give(new ArrayBuffer(10 * MiB));
  pool.give(new ArrayBuffer(10 * MiB));
  pool.give(new ArrayBuffer(10 * MiB));
  expect(pool.pooled).toBe(20 * MiB);
  pool.clear();
  expect(pool.pooled).toBe(0);
  expect(pool.take(10 * MiB).buffer.byteLength).toBe(10 * MiB);
});
