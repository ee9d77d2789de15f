// Buffers for large request bodies, used again rather than made new. Here the first write to a fresh
// page costs about 12 µs (a page fault, measured on this 2-core VM), so gathering a 10 MB body into a new
// buffer held the HTTP thread for 30–40 ms (into a buffer already written: under 1 ms), and in a
// minute of mixed traffic those faults were half of all the time it spent busy. The prediction thread
// sends each body's buffer back when it has answered, and the next large body is gathered into it.
// The pool is bounded and emptied when the prediction thread goes idle, so idle memory is unchanged.

/** The smallest buffer worth keeping: smaller bodies are answered on the HTTP thread and never pooled. */
const SMALLEST = 128 * 1024;

export class BodyBuffers {
  /** Free buffers by capacity. */
  private readonly free = new Map<number, ArrayBuffer[]>();
  /**
   * The buffers `take` gave, so that a view shorter than its buffer can still be moved whole. A buffer
   * that comes back from a thread is a new object over the same memory, so `give` adds it again.
   */
  private readonly made = new WeakSet<ArrayBuffer>();
  private pooledBytes = 0;
  private readonly maxPooledBytes: number;
  private readonly largest: number;

  /** `largest`: the largest body there is (the body limit); `maxPooledBytes`: the most kept free at once. */
  constructor(largest: number, maxPooledBytes: number) {
    this.largest = largest;
    this.maxPooledBytes = maxPooledBytes;
  }

  /**
   * A buffer for a body of `size` bytes: the capacity rounded up to a power of two (at most the body
   * limit), so that bodies of similar size share buffers. Not zeroed: every byte read is written first.
   */
  take(size: number): Buffer {
    const capacity = this.capacityFor(size);
    const kept = this.free.get(capacity)?.pop();
    if (kept) {
      this.pooledBytes -= capacity;
      return Buffer.from(kept, 0, size);
    }
    const made = Buffer.allocUnsafeSlow(capacity).buffer;
    this.made.add(made);
    return Buffer.from(made, 0, size);
  }

  owns(buffer: ArrayBuffer): boolean {
    return this.made.has(buffer);
  }

  /**
   * Takes back a body's buffer that was moved to a thread and back (nothing else can hold it). One
   * whose size is not a capacity `take` makes, or past the bound, is left to the collector.
   */
  give(buffer: ArrayBuffer): void {
    const capacity = buffer.byteLength;
    if (capacity !== this.capacityFor(capacity) || capacity < SMALLEST || this.pooledBytes + capacity > this.maxPooledBytes) return;
    this.made.add(buffer);
    const list = this.free.get(capacity) ?? [];
    list.push(buffer);
    this.free.set(capacity, list);
    this.pooledBytes += capacity;
  }

  /** Drops every free buffer, so that the collector can give their memory back. */
  clear(): void {
    this.free.clear();
    this.pooledBytes = 0;
  }

  get pooled(): number {
    return this.pooledBytes;
  }

  private capacityFor(size: number): number {
    let c = SMALLEST;
    while (c < size && c < this.largest) c *= 2;
    return Math.max(size, Math.min(c, this.largest));
  }
}
