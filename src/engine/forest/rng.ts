// Seeded random streams. Tree k draws only from stream(seed, k), so a tree does not depend on which
// thread trained it or on how many trees came before it.

/** Mixes two integers into a well-spread 32-bit seed (SplitMix32's finaliser). */
export function mixSeed(seed: number, stream: number): number {
  let z = (Math.imul(seed | 0, 0x9e3779b9) ^ Math.imul(stream + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** mulberry32: small, fast, exact in 32-bit integer arithmetic; good enough for sampling. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The random stream of tree k of a forest seeded with `seed`. */
export function stream(seed: number, k: number): () => number {
  return mulberry32(mixSeed(seed, k));
}
