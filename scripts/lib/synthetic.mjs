// Shared by the example generators: a seeded random stream, and an atomic CSV writer into data/.
import { writeFileSync, renameSync } from 'node:fs';
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

