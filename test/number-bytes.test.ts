import { parseNumberBytes } from '../src/engine/data/number-bytes.ts';

const parse = (s: string) => {
  const b = Buffer.from(s, 'latin1');
  return parseNumberBytes(b, 0, b.length);
};

test('parses the forms CSV files use, exactly as Number() does', () => {
  for (const s of ['0', '-0', '12', '+12', '-3.25', '1.', '.5', '0.000123', '1e3', '1E-3', '-2.5e+10', '123456789012345', '4.54', '0.1', '1e22', '1e23', '12345678901234567890', '0.30000000000000004', ' 7 ']) {
    expect(parse(s)).toBe(Number(s));
  }
});

test('matches Number() bit for bit on many random decimals', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 20000; i++) {
    const digits = 1 + Math.floor(rnd() * 19);
    let s = String(Math.floor(rnd() * 10 ** Math.min(digits, 15)));
    if (rnd() < 0.7) s = `${s.slice(0, Math.max(1, s.length - 3))}.${s.slice(Math.max(1, s.length - 3))}${Math.floor(rnd() * 1000)}`;
    if (rnd() < 0.2) s += `e${Math.floor(rnd() * 60) - 30}`;
    if (rnd() < 0.5) s = `-${s}`;
    expect(Object.is(parse(s), Number(s))).toBe(true);
  }
});

test('rejects what is not a plain decimal number', () => {
  for (const s of ['', ' ', '-', '+', '.', 'e5', '1e', '1e+', 'forty', '0x10', '1,5', '1.2.3', 'NaN', 'Infinity', 'inf', '12abc', '--1', '1 2']) {
    expect(parse(s)).toBeUndefined();
  }
});
