import path from 'node:path';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { defaultKeyColumns, hash53, hash53Number, rowKeys, testRows, testRowsOf } from '../src/engine/data/split.ts';
import { stream } from '../src/engine/forest/rng.ts';
import { testRowsThreaded } from '../src/engine/data/split-threads.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { tempDir, writeFiles } from './support/tmp.ts';

const spambase = () => readCsv([{ path: path.join(REPO_ROOT, 'data/spambase.csv'), name: 's' }], { missing: [''] });

test('about the asked fraction goes to test, with both classes represented', async () => {
  const t = await spambase();
  const test = testRows(rowKeys(t, defaultKeyColumns(t, undefined)), 0.2, 42);
  const n = test.reduce((a, b) => a + b, 0);
  expect(n / t.rowCount).toBeGreaterThan(0.18);
  expect(n / t.rowCount).toBeLessThan(0.22);
  const label = t.columns[57]!;
  if (label.kind !== 'categorical') throw new Error('label');
  const spamShare = (rows: number[]) => rows.filter((r) => label.levels[label.codes[r]!] === 'spam').length / rows.length;
  const all = [...Array(t.rowCount).keys()];
  expect(Math.abs(spamShare(all.filter((r) => test[r])) - spamShare(all))).toBeLessThan(0.03);
});

test('testRowsOf, hashing each key cell by cell, is testRows of the joined keys: invalid cells, missing ones, one key column or many, salted or not', async () => {
  const dir = await tempDir();
  await writeFiles(dir, { 'x.csv': 'id,a,b,c\n' + Array.from({ length: 3000 }, (_, i) => `r${i},${i % 7 === 0 ? 'n/a' : i % 11 === 0 ? '' : (i * 0.37).toFixed(3)},${i % 5 ? 'x' : ''},${-i}`).join('\n') + '\n' });
  const t = await readCsv([{ path: path.join(dir, 'x.csv'), name: 'x.csv' }], { missing: [''] });
  for (const columns of [defaultKeyColumns(t, undefined), ['a'], ['b', 'a']]) {
    const key = { columns, seed: 42, testFraction: 0.3 };
    expect(Array.from(testRowsOf(t, key))).toEqual(Array.from(testRows(rowKeys(t, columns), 0.3, 42)));
    // On threads, each hashing a range of the rows: the same split.
    for (const threads of [2, 3]) expect(Array.from(await testRowsThreaded(t, key, threads, 0))).toEqual(Array.from(testRowsOf(t, key)));
    // A salt (the sweep's validation split) is the joined key with the salt in front, on threads too.
    const salted = { ...key, salt: 'mlops-sweep-validation\u0000' };
    const expected = Array.from(testRows(rowKeys(t, columns).map((k) => `mlops-sweep-validation\u0000${k}`), 0.3, 42));
    expect(Array.from(testRowsOf(t, salted))).toEqual(expected);
    expect(Array.from(await testRowsThreaded(t, salted, 2, 0))).toEqual(expected);
    expect(expected).not.toEqual(Array.from(testRowsOf(t, key)));
  }
});

test('a number is hashed as its String text is, on the fast path and past it', () => {
  const rng = stream(5, 0);
  const values = [0, -0, 1, -1, 0.1, 0.3, 0.30000000000000004, 0.09999999999999999, 1e-5, 9.99999e-6, 1e-7, 999999999999999, 1e15, 123456789012345.6, 2 ** 53, 1e21, 5e-324, 1.7976931348623157e308, Infinity, -Infinity];
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let k = 0; k < 40_000; k++) {
    const v = (rng() - 0.5) * 10 ** Math.floor(rng() * 34 - 12);
    values.push(v, Number(v.toFixed(Math.floor(rng() * 17))), Number(v.toPrecision(1 + Math.floor(rng() * 17))), Math.round(v), Number(((rng() - 0.5) * 10).toFixed(5)));
    words[0] = Math.floor(rng() * 2 ** 32);
    words[1] = Math.floor(rng() * 2 ** 32);
    if (Number.isFinite(bits[0])) values.push(bits[0]!);
  }
  expect(values.filter((v) => hash53Number(v, 42) !== hash53(String(v), 42)).map(String)).toEqual([]);
});

test('adding rows never moves an old row; another seed gives another split', async () => {
  const t = await spambase();
  const keys = rowKeys(t, defaultKeyColumns(t, undefined));
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
  const byId = testRows(rowKeys(t, ['id']), 0.3, 1);
  for (let r = 100; r < 400; r++) expect(byId[r]).toBe(byId[r % 100]);
  // Rows 200..399 repeat rows 0..199 cell for cell (lcm(100, 7, 3) = 2100, so nothing else repeats).
  const dupes = await tempDir();
  const unique = Array.from({ length: 200 }, (_, i) => `id${i},${i % 7},${i % 3}`);
  await writeFiles(dupes, { 'd.csv': `id,a,b\n${[...unique, ...unique].join('\n')}\n` });
  const u = await readCsv([{ path: path.join(dupes, 'd.csv'), name: 'd.csv' }], { missing: [''] });
  const byContent = testRows(rowKeys(u, defaultKeyColumns(u, undefined)), 0.3, 1);
  for (let r = 200; r < 400; r++) expect(byContent[r]).toBe(byContent[r - 200]);
  expect(byContent.reduce((a, v) => a + v, 0)).toBeGreaterThan(80);
  expect(() => rowKeys(t, ['missing'])).toThrow(/the split key column "missing" is not in the data/);
});

test('a recorded key: adding, dropping or reordering other columns never moves a row', async () => {
  const dir = await tempDir();
  const rows = Array.from({ length: 500 }, (_, i) => [`${i % 13}`, `${(i * 7) % 11}`, `x${i}`, `${i % 5}`]);
  const csv = (order: number[], header: string[], extra?: (i: number) => string) =>
    `${[...order.map((o) => header[o]!), ...(extra ? ['added'] : [])].join(',')}\n${rows.map((r, i) => [...order.map((o) => r[o]!), ...(extra ? [extra(i)] : [])].join(',')).join('\n')}\n`;
  const header = ['a', 'b', 'c', 'label'];
  await writeFiles(dir, {
    'orig.csv': csv([0, 1, 2, 3], header),
    'added.csv': csv([0, 1, 2, 3], header, (i) => String(i * 31)),
    'reordered.csv': csv([3, 2, 0, 1], header),
  });
  const read = (name: string) => readCsv([{ path: path.join(dir, name), name }], { missing: [''] });
  const orig = await read('orig.csv');
  const key = { columns: defaultKeyColumns(orig, undefined), seed: 3, testFraction: 0.3 };
  const base = Array.from(testRowsOf(orig, key));
  expect(Array.from(testRowsOf(await read('added.csv'), key))).toEqual(base);
  expect(Array.from(testRowsOf(await read('reordered.csv'), key))).toEqual(base);
  // Without a recorded key, the added column would have moved rows: that is what recording prevents.
  const added = await read('added.csv');
  expect(Array.from(testRowsOf(added, { ...key, columns: defaultKeyColumns(added, undefined) }))).not.toEqual(base);
  // Dropping a key column is an error, never a silent reshuffle.
  await writeFiles(dir, { 'dropped.csv': csv([0, 1, 3], header) });
  await expect(read('dropped.csv').then((t) => testRowsOf(t, key))).rejects.toThrow(/the split key column "c" is not in the data/);
});

test('the split formula is fixed: a champion trained by an earlier version finds the same test rows', async () => {
  // Golden values: a change to the hash, the key's column order or the separator moves rows, and a
  // published champion would then be scored on rows it trained on.
  const t = await spambase();
  const spam = testRowsOf(t, { columns: defaultKeyColumns(t, undefined), seed: 42, testFraction: 0.2 });
  const spamRows = [...spam.keys()].filter((r) => spam[r]);
  expect(spamRows).toHaveLength(972);
  expect(spamRows.slice(0, 8)).toEqual([0, 5, 7, 16, 18, 19, 21, 28]);
  const s = await readCsv([{ path: path.join(REPO_ROOT, 'data/scam-calls/2026-08.csv'), name: 's' }], { missing: [''] });
  const byId = testRowsOf(s, { columns: ['call_id'], seed: 42, testFraction: 0.2 });
  expect([...byId.keys()].filter((r) => byId[r]).slice(0, 8)).toEqual([2, 3, 5, 6, 9, 11, 38, 39]);
});
