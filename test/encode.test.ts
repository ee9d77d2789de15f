import path from 'node:path';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { applyEncoding, fitEncoding, textTokens } from '../src/engine/features/encode.ts';
import { tempDir, writeFiles } from './support/tmp.ts';

async function table(csv: string) {
  const dir = await tempDir();
  await writeFiles(dir, { 'd.csv': csv });
  return readCsv([{ path: path.join(dir, 'd.csv'), name: 'd.csv' }], { missing: ['', 'NA'] });
}

const cities = ['Lyon', 'Paris', 'Nice'];
const words = ['call now to claim your prize', 'meeting moved to monday', 'your account was suspended call us'];
const rows = Array.from({ length: 30 }, (_, i) => `${i / 2},${i % 2 ? 'yes' : 'no'},${cities[i % 3]},zone${i % 12},"${words[i % 3]}"`);
const TRAIN = `amount,flag,city,zone,message\n${rows.join('\n')}\n`;

test('numbers, booleans, one-hot, ordinal and hashed text, with their feature names', async () => {
  const t = await table(TRAIN);
  const enc = fitEncoding(t, ['amount', 'flag', 'city', 'zone', 'message'], { oneHotMaxLevels: 10, textWidth: 16, ngrams: 2 });
  expect(enc.columns.map((c) => c.kind)).toEqual(['numeric', 'boolean', 'one-hot', 'ordinal', 'hashed-text']);
  expect(enc.features.slice(0, 5)).toEqual(['amount', 'flag', 'city=Lyon', 'city=Nice', 'city=Paris']);
  expect(enc.features).toHaveLength(1 + 1 + 3 + 1 + 16);
  const x = applyEncoding(t, enc);
  expect(x).toHaveLength(enc.features.length);
  expect(x[0]![3]).toBe(1.5);
  expect([x[1]![0], x[1]![1]]).toEqual([0, 1]);
  expect([x[2]![0], x[3]![0], x[4]![0]]).toEqual([1, 0, 0]); // Lyon
  expect(x[5]![1]).toBe(['zone0', 'zone1', 'zone10', 'zone11', 'zone2', 'zone3', 'zone4', 'zone5', 'zone6', 'zone7', 'zone8', 'zone9'].indexOf('zone1'));
  const text = x.slice(6).map((c) => c[0]!);
  expect(text.reduce((a, b) => a + b, 0)).toBe(textTokens(words[0]!, 2).length);
});

test('unseen categories and missing values at prediction: zeros or NaN, never a crash', async () => {
  const enc = fitEncoding(await table(TRAIN), ['flag', 'city', 'zone', 'message'], { oneHotMaxLevels: 10, textWidth: 8, ngrams: 1 });
  const fresh = await table('flag,city,zone,message\nyes,Berlin,zone99,\nNA,NA,NA,"hello"\n');
  const x = applyEncoding(fresh, enc);
  expect([x[1]![0], x[2]![0], x[3]![0]]).toEqual([0, 0, 0]); // Berlin: none of the known cities
  expect(Number.isNaN(x[4]![0]!)).toBe(true); // zone99: unknown ordinal level
  expect(Number.isNaN(x[0]![1]!) && Number.isNaN(x[1]![1]!) && Number.isNaN(x[4]![1]!)).toBe(true);
  expect(x.slice(5).reduce((a, c) => a + c[0]!, 0)).toBe(0); // no message: no words
  expect(x.slice(5).reduce((a, c) => a + c[1]!, 0)).toBe(1);
  const partial = await table('flag\nyes\n');
  expect(() => applyEncoding(partial, enc)).toThrow(/the feature column "city" is missing/);
});

test('tokens are lower-cased words and their n-grams', () => {
  expect(textTokens('Call NOW, win $$$!', 2)).toEqual(['call', 'now', 'win', '$$$!', 'call now', 'now win', 'win $$$!']);
});
