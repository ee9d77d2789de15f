// Parquet data, from files DuckDB wrote (test/fixtures/parquet, made by scripts/parquet-fixtures.mjs):
// every cell reads as the same rows do from CSV (numbers, text, nulls, booleans, dates, timestamps;
// snappy, gzip and zstd pages, dictionaries, several row groups), the forest trained on either is the
// same tree for tree, and bad files are refused with exit 2, naming the file and the cause.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readData } from '../src/engine/data/read-data.ts';
import { cellText, type Table } from '../src/engine/data/table.ts';
import { DataFileError } from '../src/engine/errors.ts';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, tempDir, writeFiles } from './support/tmp.ts';

const fixture = (f: string) => path.join(REPO_ROOT, 'test/fixtures/parquet', f);
const MISSING = ['', 'NA', 'NaN', 'null'];
const read = (file: string) => readData([{ path: file, name: path.basename(file) }], { missing: MISSING });

function expectSameTable(a: Table, b: Table): void {
  expect(a.rowCount).toBe(b.rowCount);
  expect(a.columns.map((c) => [c.name, c.type])).toEqual(b.columns.map((c) => [c.name, c.type]));
  for (const [i, col] of a.columns.entries()) {
    const other = b.columns[i]!;
    const differ: number[] = [];
    for (let r = 0; r < a.rowCount; r++) if (cellText(col, r) !== cellText(other, r)) differ.push(r);
    expect([col.name, differ.slice(0, 3)]).toEqual([col.name, []]);
  }
}

test.each([
  ['types.parquet', 'test/fixtures/parquet/types.csv', 'every type: int32, int64, double, float, boolean, string, date, timestamp, decimal, nulls'],
  ['spambase.zstd.parquet', 'data/spambase.csv', 'zstd, five row groups'],
  ['scam-calls.snappy.parquet', 'data/scam-calls/2026-08.csv', 'snappy, dictionary-encoded text, nulls'],
  ['taxi-demand.gzip.parquet', 'data/taxi-demand.csv', 'gzip, a timestamp column'],
])('%s reads as its CSV does (%s)', async (parquet, csv) => {
  expectSameTable(await read(fixture(parquet)), await read(path.join(REPO_ROOT, csv)));
});

test('the forest trained on the Parquet form of the data is the one trained on the CSV, tree for tree; predictions agree', async () => {
  const ws = await exampleWorkspace();
  await copyFile(fixture('spambase.zstd.parquet'), path.join(ws, 'data/spambase.parquet'));
  const P = 'pipelines/spam-detector.yml';
  const base = await readFile(path.join(ws, P), 'utf8');
  const forestOf = async (data: string, out: string) => {
    await writeFiles(ws, { [P]: `${base.replace('train: data/spambase.csv', `train: ${data}`)}model:\n  trees: 10\n` });
    const run = await cli(ws, 'train', '--pipeline', P, '--output', out, '--json');
    expect(run.err).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(ws, out), 'utf8'));
    return pkg;
  };
  const fromCsv = await forestOf('data/spambase.csv', 'out/csv.json');
  const fromParquet = await forestOf('data/spambase.parquet', 'out/parquet.json');
  expect(fromParquet.provenance.data_sha256).not.toBe(fromCsv.provenance.data_sha256);
  expect(JSON.stringify(fromParquet.forest)).toBe(JSON.stringify(fromCsv.forest));
  expect(fromParquet.holdout?.metrics).toEqual(fromCsv.holdout?.metrics);
  // predict reads Parquet in slices too, and gives what it gives for the CSV.
  const a = await cli(ws, 'predict', '--model', 'out/csv.json', '--data', 'data/spambase.parquet', '--output', 'out/p1.csv');
  const b = await cli(ws, 'predict', '--model', 'out/csv.json', '--data', 'data/spambase.csv', '--output', 'out/p2.csv');
  expect([a.code, b.code]).toEqual([0, 0]);
  const rows = (f: string) => readFile(path.join(ws, f), 'utf8').then((t) => t.trim().split('\n').map((l) => l.split(',').slice(1).join(',')));
  expect(await rows('out/p1.csv')).toEqual(await rows('out/p2.csv'));
}, 180_000);

test('validate-data names a Parquet row by its 1-based number in the file', async () => {
  const ws = await exampleWorkspace();
  await copyFile(fixture('spambase.zstd.parquet'), path.join(ws, 'data/spambase.parquet'));
  const csv = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/spambase.csv', '--report', 'out/csv.json');
  const pq = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/spambase.parquet', '--report', 'out/pq.json');
  const findings = async (f: string) => JSON.parse(await readFile(path.join(ws, f), 'utf8')).checks.flatMap((c: { findings: { line?: number; file?: string }[] }) => c.findings).filter((x: { line?: number }) => x.line !== undefined);
  const [fc, fp] = [await findings('out/csv.json'), await findings('out/pq.json')];
  expect(fp.length).toBeGreaterThan(0);
  expect(fp.map((f: { line: number }) => f.line)).toEqual(fc.map((f: { line: number }) => f.line - 1));
  expect(pq.out + pq.err).toMatch(/spambase\.parquet row \d+/);
  expect(csv.code).toBe(pq.code);
}, 120_000);

describe('bad files are refused with exit 2', () => {
  const expectRefused = async (name: string, bytes: Buffer, message: RegExp) => {
    const dir = await tempDir();
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    const err = await read(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as Error).message).toMatch(message);
  };
  test('cut off, not Parquet, or a footer that lies', async () => {
    const good = await readFile(fixture('types.parquet'));
    await expectRefused('cut.parquet', good.subarray(0, good.length >> 1), /cut\.parquet: is not a Parquet file \(it does not end with "PAR1"\), or it was cut off/);
    await expectRefused('csv.parquet', Buffer.from('a,b\n1,2\n'), /is not a Parquet file/);
    const lying = Buffer.from(good);
    lying.writeUInt32LE(0x7fffffff, lying.length - 8);
    await expectRefused('lying.parquet', lying, /its footer says 2,147,483,647 bytes of metadata, which the file does not hold/);
    // Damage inside the data pages: a clean refusal, never a hang or a stack trace.
    const garbled = Buffer.from(good);
    for (let i = 4; i < garbled.length / 2; i += 7) garbled[i] = (garbled[i]! * 31 + 17) & 0xff;
    await expectRefused('garbled.parquet', garbled, /garbled\.parquet: /);
  });
  test('a page that would inflate more than 200 times is refused before it is inflated', async () => {
    await expectRefused('bomb.parquet', await readFile(fixture('bomb.parquet')), /refused: a ZSTD page of [\d,]+ bytes would inflate to [\d,]+ bytes \(the limit is 200× its size/);
  });
  test('a type the suite cannot use is named with its column', async () => {
    await expectRefused('unsupported.parquet', await readFile(fixture('unsupported.parquet')), /the column "pair" has the Parquet type LIST, a nested type the suite cannot read/);
  });
  test('through the CLI: exit 2 with the file and the cause', async () => {
    const ws = await exampleWorkspace();
    await copyFile(fixture('bomb.parquet'), path.join(ws, 'data/bomb.parquet'));
    const run = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/bomb.parquet');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/data\/bomb\.parquet: refused: a ZSTD page/);
    expect(run.err).not.toMatch(/\n\s+at /);
  });
});

test('CSV and Parquet files together are refused', async () => {
  const err = await readData([{ path: fixture('types.parquet'), name: 'types.parquet' }, { path: fixture('types.csv'), name: 'types.csv' }], { missing: MISSING }).catch((e: unknown) => e);
  expect((err as Error).message).toBe('types.parquet: is Parquet but types.csv is CSV; read one kind of file at a time');
});
