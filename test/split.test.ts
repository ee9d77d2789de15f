import path from 'node:path';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { rowKeys, testRows } from '../src/engine/data/split.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { tempDir, writeFiles } from './support/tmp.ts';

const spambase = () => readCsv([{ path: path.join(REPO_ROOT, 'data/spambase.csv'), name: 's' }], { missing: [''] });

test('about the asked fraction goes to test, with both classes represented', async () => {
  const t = await spambase();
  const test = testRows(rowKeys(t, undefined), 0.2, 42);
  const n = test.reduce((a, b) => a + b, 0);
  expect(n / t.rowCount).toBeGreaterThan(0.18);
  expect(n / t.rowCount).toBeLessThan(0.22);
  const label = t.columns[57]!;
  if (label.kind !== 'categorical') throw new Error('label');
  const spamShare = (rows: number[]) => rows.filter((r) => label.levels[label.codes[r]!] === 'spam').length / rows.length;
  const all = [...Array(t.rowCount).keys()];
  expect(Math.abs(spamShare(all.filter((r) => test[r])) - spamShare(all))).toBeLessThan(0.03);
});

test('adding rows never moves an old row; another seed gives another split', async () => {
  const t = await spambase();
  const keys = rowKeys(t, undefined);
  const before = testRows(keys.slice(0, 3000), 0.2, 42);
  const after = testRows(keys, 0.2, 42);
  expect(Array.from(after.subarray(0, 3000))).toEqual(Array.from(before));
  const other = testRows(keys, 0.2, 7);
  expect(other.some((v, i) => v !== after[i])).toBe(true);
});

test('rows with the same content, or the same id, land on the same side', async () => {
  const dir = await tempDir();
  const rows = Array.from({ length: 400 }, (_, i) => `id${i % 100},${i % 7},${i % 3}`);
  await writeFiles(dir, { 'd.csv': `id,a,b\n${rows.join('\n')}\n` });
  const t = await readCsv([{ path: path.join(dir, 'd.csv'), name: 'd.csv' }], { missing: [''] });
  const byId = testRows(rowKeys(t, 'id'), 0.3, 1);
  for (let r = 100; r < 400; r++) expect(byId[r]).toBe(byId[r % 100]);
  // Rows 200..399 repeat rows 0..199 cell for cell (lcm(100, 7, 3) = 2100, so nothing else repeats).
  const dupes = await tempDir();
  const unique = Array.from({ length: 200 }, (_, i) => `id${i},${i % 7},${i % 3}`);
  await writeFiles(dupes, { 'd.csv': `id,a,b\n${[...unique, ...unique].join('\n')}\n` });
  const u = await readCsv([{ path: path.join(dupes, 'd.csv'), name: 'd.csv' }], { missing: [''] });
  const byContent = testRows(rowKeys(u, undefined), 0.3, 1);
  for (let r = 200; r < 400; r++) expect(byContent[r]).toBe(byContent[r - 200]);
  expect(byContent.reduce((a, v) => a + v, 0)).toBeGreaterThan(80);
  expect(() => rowKeys(t, 'missing')).toThrow(/the id column "missing" is not in the data/);
});
