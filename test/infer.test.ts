import path from 'node:path';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { inferStringType } from '../src/engine/data/infer.ts';
import { tempDir, writeFiles } from './support/tmp.ts';

async function types(csv: string): Promise<Record<string, string>> {
  const dir = await tempDir();
  await writeFiles(dir, { 'x.csv': csv });
  const t = await readCsv([{ path: path.join(dir, 'x.csv'), name: 'x.csv' }], { missing: ['', 'NA'] });
  return Object.fromEntries(t.columns.map((c) => [c.name, c.type]));
}

test('infers integer, number, boolean, categorical and text', async () => {
  const rows = Array.from({ length: 30 }, (_, i) => `${i},${i / 4},${i % 2 ? 'yes' : 'No'},${['red', 'green', 'blue'][i % 3]},"Dear customer number ${i}, you have won a prize"`);
  expect(await types(`n,x,flag,colour,message\n${rows.join('\n')}\n`)).toEqual({ n: 'integer', x: 'number', flag: 'boolean', colour: 'categorical', message: 'text' });
});

test('missing values do not change a type; an all-missing column is numeric', async () => {
  expect(await types('a,b,c\n1,NA,\nNA,true,\n3,false,\n')).toEqual({ a: 'integer', b: 'boolean', c: 'integer' });
});

test('0/1 columns stay integers, not booleans', async () => {
  expect(await types('a\n0\n1\n1\n')).toEqual({ a: 'integer' });
});

test('long distinct strings are text even when short on words', () => {
  const levels = Array.from({ length: 40 }, (_, i) => `https://example.com/a/very/long/path/${i}`);
  expect(inferStringType(levels, new Float64Array(40).fill(1), 40)).toBe('text');
  expect(inferStringType(['a', 'b'], new Float64Array([20, 20]), 40)).toBe('categorical');
});
