// p-values as people read them: never "p = 0". A p below what a double can tell from 0 (or below what
// the test can resolve) is shown as a bound, a small one in scientific notation.

/** The smallest p-value shown as a number; below it, "p < 1e-16". */
export const P_FLOOR = 1e-16;

export function formatP(p: number): string {
  if (!(p >= P_FLOOR)) return 'p < 1e-16';
  if (p < 0.001) return `p = ${p.toExponential(1)}`;
  return `p = ${Number(p.toPrecision(2))}`;
}
