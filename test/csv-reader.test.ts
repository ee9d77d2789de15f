import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv, readCsvSlices, type ReadOptions } from '../src/engine/data/csv-reader.ts';
import type { CategoricalColumn, NumericColumn, Table } from '../src/engine/data/table.ts';
import { columnByName } from '../src/engine/data/table.ts';
import { tempDir, writeFiles } from './support/tmp.ts';
import { REPO_ROOT } from './support/run-action.ts';

const MISSING = ['', 'NA', 'NaN', 'null'];

async function read(content: string | Uint8Array, opts: Partial<ReadOptions> = {}, name = 'data/x.csv'): Promise<Table> {
  const dir = await tempDir();
  await writeFiles(dir, { [name]: content });
  return readCsv([{ path: path.join(dir, name), name }], { missing: MISSING, ...opts });
}

const num = (t: Table, name: string) => columnByName(t, name) as NumericColumn;
const cat = (t: Table, name: string) => columnByName(t, name) as CategoricalColumn;
const text = (t: Table, name: string, row: number) => {
  const c = cat(t, name);
  return c.levels[c.codes[row]!];
};

test('reads Spambase into typed columns', async () => {
  const file = path.join(REPO_ROOT, 'data/spambase.csv');
  const t = await readCsv([{ path: file, name: 'data/spambase.csv' }], { missing: MISSING });
  expect(t.rowCount).toBe(4601);
  expect(t.columns).toHaveLength(58);
  expect(t.issues).toEqual([]);
  expect(num(t, 'make').values).toBeInstanceOf(Float64Array);
  expect(num(t, 'address').values[1]).toBe(0.28);
  expect(num(t, 'capitalTotal').type).toBe('integer');
  const label = cat(t, 'type');
  expect(label.type).toBe('categorical');
  expect(label.levels.sort()).toEqual(['nonspam', 'spam']);
  expect(t.line[0]).toBe(2);
  expect(t.line[4600]).toBe(4602);
});

test('skips a UTF-8 byte order mark and reads CRLF line ends', async () => {
  const t = await read('\ufeffa,b\r\n1,x\r\n2,y\r\n');
  expect(t.columns.map((c) => c.name)).toEqual(['a', 'b']);
  expect(Array.from(num(t, 'a').values)).toEqual([1, 2]);
  expect(text(t, 'b', 1)).toBe('y');
  expect(t.issues).toEqual([]);
});

test('keeps commas, escaped quotes and newlines inside quoted fields, and counts lines right', async () => {
  const t = await read('id,note,n\n1,"a, b",1\n2,"say ""hi""",2\n3,"two\nlines",3\n4,plain,oops\n', {}, 'q.csv');
  expect(text(t, 'note', 0)).toBe('a, b');
  expect(text(t, 'note', 1)).toBe('say "hi"');
  expect(text(t, 'note', 2)).toBe('two\nlines');
  // Row 4 starts on line 6: the quoted newline took one extra line.
  expect(Array.from(t.line)).toEqual([2, 3, 4, 6]);
  // One word in four cells is too many for a numeric column (the rule is 95% numbers).
  expect(cat(t, 'n').kind).toBe('categorical');
  expect(text(t, 'n', 3)).toBe('oops');
});

test('reports a ragged row with its line and skips it', async () => {
  const rows = Array.from({ length: 120 }, (_, i) => (i + 2 === 100 ? `${i},1` : `${i},1,2`));
  const t = await read(`a,b,c\n${rows.join('\n')}\n`);
  expect(t.rowCount).toBe(119);
  expect(t.issues).toEqual([{ code: 'ragged_row', file: 'data/x.csv', line: 100, message: 'the row has 2 fields, the header has 3; the row is skipped' }]);
  expect(t.line[98]).toBe(101);
});

test('keeps "forty" in a numeric column aside as an invalid cell, the column stays numeric', async () => {
  const rows = Array.from({ length: 200 }, (_, i) => `${i},${20 + (i % 50)}`);
  rows[150] = '150,forty';
  const t = await read(`id,age\n${rows.join('\n')}\n`);
  const age = num(t, 'age');
  expect(age.kind).toBe('numeric');
  expect(age.invalid).toEqual([{ row: 150, value: 'forty' }]);
  expect(Number.isNaN(age.values[150]!)).toBe(true);
  expect(t.line[150]).toBe(152);
});

test('a column of words becomes categorical even when it starts with numbers', async () => {
  const rows = Array.from({ length: 300 }, (_, i) => (i < 10 ? `${i}` : `city${i % 7}`));
  const t = await read(`place\n${rows.join('\n')}\n`);
  const place = cat(t, 'place');
  expect(place.kind).toBe('categorical');
  expect(place.levels[place.codes[3]!]).toBe('3');
  expect(place.levels[place.codes[299]!]).toBe(`city${299 % 7}`);
});

test('reports bytes that are not UTF-8 with the line and column, and goes on', async () => {
  const latin1 = Buffer.concat([Buffer.from('name,n\ncaf'), Buffer.from([0xe9]), Buffer.from(',1\nok,2\n')]);
  const t = await read(latin1);
  expect(t.rowCount).toBe(2);
  expect(t.issues).toHaveLength(1);
  expect(t.issues[0]).toMatchObject({ code: 'encoding', line: 2, column: 'name' });
  expect(t.issues[0]!.message).toContain('\\xe9');
});

test('an empty file, a file of blank lines and a header-only file', async () => {
  for (const content of ['', '\n\n', '\ufeff']) {
    const t = await read(content);
    expect(t.issues.map((i) => i.code)).toEqual(['empty_file']);
    expect(t.rowCount).toBe(0);
  }
  const headerOnly = await read('a,b,c\n');
  expect(headerOnly.issues).toEqual([]);
  expect(headerOnly.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
  expect(headerOnly.rowCount).toBe(0);
});

test('detects ; and tab delimiters, or takes the one it is given', async () => {
  expect((await read('a;b\n1,5;2\n')).columns.map((c) => c.name)).toEqual(['a', 'b']);
  expect(text(await read('a;b\n1,5;2\n'), 'a', 0)).toBe('1,5');
  expect(Array.from(num(await read('a\tb\n1\t2\n'), 'b').values)).toEqual([2]);
  expect((await read('a;b,c\n1;2,3\n', { delimiter: ',' })).columns.map((c) => c.name)).toEqual(['a;b', 'c']);
});

test('names empty and duplicate column names, and keeps reading', async () => {
  const t = await read('a,,a\n1,2,3\n');
  expect(t.columns.map((c) => c.name)).toEqual(['a', 'column_2', 'a_2']);
  expect(t.issues.map((i) => [i.code, i.line])).toEqual([
    ['header', 1],
    ['header', 1],
  ]);
});

test('an unclosed quote is reported at the line where it opens', async () => {
  const t = await read('a,b\n1,x\n2,"never closed\n3,y\n');
  expect(t.rowCount).toBe(1);
  expect(t.issues).toEqual([expect.objectContaining({ code: 'unclosed_quote', line: 3, column: 'b' })]);
});

test('missing markers become NaN or -1, numeric-looking ones included', async () => {
  const t = await read('a,b\nNA,x\n,null\n-999,y\n5,NaN\n', { missing: ['', 'NA', 'NaN', 'null', '-999'] });
  expect(Array.from(num(t, 'a').values).map((v) => (Number.isNaN(v) ? 'NaN' : v))).toEqual(['NaN', 'NaN', 'NaN', 5]);
  expect(Array.from(cat(t, 'b').codes).map((c) => c < 0)).toEqual([false, true, false, true]);
});

test('declared types are kept: digits stay text, and a numeric column never turns to text', async () => {
  const declared = new Map([
    ['zip', 'categorical' as const],
    ['n', 'number' as const],
  ]);
  const rows = Array.from({ length: 100 }, (_, i) => `0${1000 + i},word${i}`);
  const t = await read(`zip,n\n${rows.join('\n')}\n`, { declared });
  expect(text(t, 'zip', 0)).toBe('01000');
  expect(num(t, 'n').kind).toBe('numeric');
  expect(num(t, 'n').invalid).toHaveLength(100);
});

test('the result does not depend on where the chunks cut the records', async () => {
  const content = '\ufeffid,"note",x\r\n1,"a,""b""\r\nc",1.5\r\n2,plain,-2e3\r\n3,"",7\r\n4,last,8';
  const whole = await read(content);
  expect(whole.rowCount).toBe(4);
  for (let chunk = 4; chunk <= content.length + 4; chunk++) {
    const t = await read(content, { chunkBytes: chunk });
    expect(t.rowCount).toBe(4);
    expect(Array.from(num(t, 'x').values)).toEqual([1.5, -2000, 7, 8]);
    expect(text(t, 'note', 0)).toBe('a,"b"\r\nc');
    expect(Array.from(t.line)).toEqual([2, 4, 5, 6]);
    expect(t.issues).toEqual([]);
  }
});

test('several files with one header read as one table, each row knowing its file and line', async () => {
  const dir = await tempDir();
  await writeFiles(dir, { 'a.csv': 'x,y\n1,a\n2,b\n', 'b.csv': 'y,x\nc,3\n' });
  const t = await readCsv(
    [
      { path: path.join(dir, 'a.csv'), name: 'a.csv' },
      { path: path.join(dir, 'b.csv'), name: 'b.csv' },
    ],
    { missing: MISSING },
  );
  expect(Array.from(num(t, 'x').values)).toEqual([1, 2, 3]);
  expect(text(t, 'y', 2)).toBe('c');
  expect(Array.from(t.fileIndex)).toEqual([0, 0, 1]);
  expect(Array.from(t.line)).toEqual([2, 3, 2]);
});

test('reads the committed example without surprises at 64-byte chunks', async () => {
  const file = path.join(REPO_ROOT, 'data/spambase.csv');
  const small = await readCsv([{ path: file, name: 's' }], { missing: MISSING, chunkBytes: 64 });
  const big = await readCsv([{ path: file, name: 's' }], { missing: MISSING });
  expect(small.rowCount).toBe(big.rowCount);
  for (let c = 0; c < big.columns.length - 1; c++) expect(num(small, big.columns[c]!.name).values).toEqual(num(big, big.columns[c]!.name).values);
  expect(readFileSync(file).length).toBeGreaterThan(700000);
});

describe('reading in slices', () => {
  const content = ['id,x,kind,note', ...Array.from({ length: 53 }, (_, i) => (i === 17 ? '17,1,2,3,4' : `${String(i).padStart(3, '0')},${i % 9 === 0 ? 'oops' : i * 1.5},${i % 3 ? 'a' : 'b,c'},"say ""${i}"""`))].join('\n');
  const declared = new Map([['id', 'categorical'], ['x', 'number'], ['kind', 'categorical']] as const);

  test('the slices, put together, are the table readCsv reads, records cut at every chunk size included', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'a.csv': content.replace(/"b,c"/g, 'bc'), 'b.csv': content });
    const sources = ['a.csv', 'b.csv'].map((name) => ({ path: path.join(dir, name), name }));
    const whole = await readCsv(sources, { missing: MISSING, declared });
    for (const chunkBytes of [16, 37, 64, 4096]) {
      const slices: Table[] = [];
      const read = await readCsvSlices(sources, { missing: MISSING, declared, chunkBytes }, { rows: 7, take: async (s) => void slices.push(s) });
      expect(read.issueCounts).toEqual(whole.issueCounts);
      expect(read.columns).toEqual(['id', 'x', 'kind', 'note']);
      expect(slices.reduce((n, s) => n + s.rowCount, 0)).toBe(whole.rowCount);
      // Each slice holds at least `rows` rows, but the last.
      for (const s of slices.slice(0, -1)) expect(s.rowCount).toBeGreaterThanOrEqual(7);
      let r = 0;
      for (const s of slices) {
        for (let i = 0; i < s.rowCount; i++, r++) {
          expect([s.files[s.fileIndex[i]!], s.line[i]]).toEqual([whole.files[whole.fileIndex[r]!], whole.line[r]]);
          expect(text(s, 'id', i)).toBe(text(whole, 'id', r));
          expect(num(s, 'x').values[i]).toBe(num(whole, 'x').values[r]);
          expect(text(s, 'kind', i)).toBe(text(whole, 'kind', r));
        }
        // Bad numbers are kept per slice, by the slice's own row numbers.
        expect(num(s, 'x').invalid.map((c) => s.line[c.row])).toEqual(num(whole, 'x').invalid.map((c) => whole.line[c.row]).filter((l) => s.line.includes(l!)));
      }
    }
  });
});
