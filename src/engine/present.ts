// For a value that one part of the engine guarantees to another (a classifier's class indices, a
// regression's sums), checked once where a kernel starts rather than asserted at every use: if the
// guarantee is ever broken, the message says what was missing instead of a TypeError deep in a loop.

/** The value, or an error naming what was missing. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`internal: ${what} missing`);
  return value;
}
