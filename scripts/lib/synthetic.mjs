// Shared by the example generators and the benchmarks: a seeded random stream, an atomic CSV writer
// into data/, and a streamed one for the benchmarks' million-row files.
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../src/engine/forest/rng.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The examples' seeded stream: the engine's own generator. */
export const rng = mulberry32;
export const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
export const gauss = (r) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
const csvCell = (v) => (v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));

export function write(name, header, rows) {
  const file = path.join(root, 'data', name);
  writeFileSync(`${file}.tmp`, `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
  renameSync(`${file}.tmp`, file);
  console.log(`wrote data/${name}: ${rows.length} rows`);
}


/**
 * Writes `rows` lines made by `row(r)` (without the newline) under `header`, in 1 MiB chunks, to
 * `file`.tmp, then renames it; a file that is already there is kept (the benchmarks reuse it).
 */
export async function writeCsvStream(file, header, rows, row) {
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.tmp`);
  let buf = `${header}\n`;
  for (let r = 0; r < rows; r++) {
    buf += `${row(r)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((res) => out.once('drain', res));
      buf = '';
    }
  }
  await new Promise((res) => out.end(buf, res));
  renameSync(`${file}.tmp`, file);
  return file;
}

/** LetterRecognition's shape: 20,000 rows, 16 integer features 0..15, 26 classes. */
export function letterCsv(file) {
  mkdirSync(path.dirname(file), { recursive: true });
  const rnd = mulberry32(20_000);
  const centers = Array.from({ length: 26 }, () => Array.from({ length: 16 }, () => rnd() * 15));
  return writeCsvStream(file, [...Array.from({ length: 16 }, (_, i) => `x${i}`), 'letter'].join(','), 20_000, () => {
    const k = Math.floor(rnd() * 26);
    return [...centers[k].map((c) => Math.max(0, Math.min(15, Math.round(c + (rnd() - 0.5) * 22)))), String.fromCharCode(65 + k)].join(',');
  });
}
