// Sorting doubles, the one place: binning, the profile and the drift samples all sort whole columns.

/**
 * The values that are not NaN, sorted as Float64Array#sort sorts them (-0 before +0): an LSD radix sort
 * on the doubles' bits, flipped so that unsigned order is numeric order. At a million rows it is
 * several times faster than the comparison sort; train bins and profiles every feature with it, and
 * drift-report sorts every column.
 */
export function sortedPresent(values: Float64Array): Float64Array {
  let m = 0;
  const present = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) present[m++] = v;
  }
  if (m < 512) return present.subarray(0, m).sort();
  const words = new Uint32Array(present.buffer, 0, 2 * m); // little-endian: [lo, hi] per value
  for (let i = 0; i < m; i++) {
    const hi = words[2 * i + 1]!;
    if (hi & 0x80000000) {
      words[2 * i] = ~words[2 * i]!;
      words[2 * i + 1] = ~hi;
    } else words[2 * i + 1] = hi ^ 0x80000000;
  }
  let from = words;
  let to = new Uint32Array(2 * m);
  const count = new Uint32Array(65536);
  // Four 16-bit digits, lowest first; a digit all values share moves nothing, and is skipped.
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < m; i++) count[(from[2 * i + word]! >>> shift) & 0xffff]!++;
    if (count[(from[word]! >>> shift) & 0xffff] === m) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const at = 2 * count[(from[2 * i + word]! >>> shift) & 0xffff]!++;
      to[at] = from[2 * i]!;
      to[at + 1] = from[2 * i + 1]!;
    }
    const t = from;
    from = to;
    to = t;
  }
  for (let i = 0; i < m; i++) {
    const hi = from[2 * i + 1]!;
    if (hi & 0x80000000) from[2 * i + 1] = hi ^ 0x80000000;
    else {
      from[2 * i] = ~from[2 * i]!;
      from[2 * i + 1] = ~hi;
    }
  }
  return new Float64Array(from.buffer, 0, m);
}
