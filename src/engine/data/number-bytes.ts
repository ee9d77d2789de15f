// Parses a decimal number straight from the bytes of a CSV field, without making a string first.
// The fast path is exact: a mantissa of at most 15 significant digits is an exact double, and so is a
// power of ten up to 1e22, so one multiplication or division by it is correctly rounded (Clinger's fast
// path). Everything else is handed to Number(), after this function has checked the syntax.

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Syntax accepted as a number: optional sign, digits with an optional point, an optional exponent. */
export const NUMBER_SYNTAX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Syntax of a number written with a decimal comma ("64,5"). */
export const DECIMAL_COMMA_SYNTAX = /^[+-]?\d+,\d+$/;

/**
 * Returns the number in bytes [start, end), or undefined when they are not a finite number (1e400 is
 * not a number here: it would become Infinity). `decimal` is the decimal mark's byte ('.' or ',').
 */
export function parseNumberBytes(b: Uint8Array, start: number, end: number, decimal = 46): number | undefined {
  let i = start;
  // Surrounding spaces are tolerated around numbers, as most CSV readers do.
  while (i < end && b[i] === 32) i++;
  let e = end;
  while (e > i && b[e - 1] === 32) e--;
  if (i >= e) return undefined;
  const first = i;
  let negative = false;
  let c = b[i]!;
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let significant = 0; // digits counted into the mantissa, leading zeros excluded
  let anyDigit = false;
  let fractionDigits = 0;
  let overflow = false;
  while (i < e) {
    c = b[i]!;
    if (c < 48 || c > 57) break;
    anyDigit = true;
    if (significant < 15) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) significant++;
    } else {
      overflow = true;
    }
    i++;
  }
  if (i < e && b[i] === decimal) {
    i++;
    while (i < e) {
      c = b[i]!;
      if (c < 48 || c > 57) break;
      anyDigit = true;
      if (significant < 15) {
        mantissa = mantissa * 10 + (c - 48);
        if (mantissa !== 0) significant++;
        fractionDigits++;
      } else if (c !== 48) {
        overflow = true;
      }
      i++;
    }
  }
  if (!anyDigit) return undefined;
  let exponent = 0;
  if (i < e && (b[i] === 101 || b[i] === 69)) {
    i++;
    let expNegative = false;
    if (i < e && (b[i] === 45 || b[i] === 43)) {
      expNegative = b[i] === 45;
      i++;
    }
    const expStart = i;
    while (i < e && b[i]! >= 48 && b[i]! <= 57) {
      if (exponent < 100000) exponent = exponent * 10 + (b[i]! - 48);
      i++;
    }
    if (i === expStart) return undefined;
    if (expNegative) exponent = -exponent;
  }
  if (i !== e) return undefined;
  const scale = exponent - fractionDigits;
  if (!overflow && scale >= -22 && scale <= 22) {
    const v = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
    return negative ? -v : v;
  }
  // Too many digits for the exact path: let the engine's correctly rounded parser do it.
  let text = Buffer.from(b.buffer, b.byteOffset + first, e - first).toString('latin1');
  if (decimal !== 46) text = text.replace(String.fromCharCode(decimal), '.');
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}
