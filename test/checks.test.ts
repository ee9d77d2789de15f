import path from 'node:path';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import type { Table } from '../src/engine/data/table.ts';
import { CHECKS, type CheckId, type Severity } from '../src/engine/validation/checks-catalog.ts';
import type { CheckInput } from '../src/engine/validation/checks.ts';
import { runChecks, type ValidationResult } from '../src/engine/validation/validate.ts';
import { inferSchema, type DataSchema } from '../src/engine/schema/data-schema.ts';
import { tempDir, writeFiles } from './support/tmp.ts';

async function table(csv: string, declared?: DataSchema): Promise<Table> {
  const dir = await tempDir();
  await writeFiles(dir, { 'd.csv': csv });
  const types = declared ? new Map(Object.entries(declared.columns).map(([k, v]) => [k, v.type])) : undefined;
  return readCsv([{ path: path.join(dir, 'd.csv'), name: 'd.csv' }], { missing: ['', 'NA'], ...(types ? { declared: types } : {}) });
}

const defaults = Object.fromEntries(CHECKS.map((c) => [c.id, c.severity])) as Record<CheckId, Severity>;

function check(t: Table, over: Partial<CheckInput> = {}, severity: Partial<Record<CheckId, Severity>> = {}): ValidationResult {
  const input: CheckInput = {
    table: t,
    task: 'classification',
    target: 'y',
    id: undefined,
    features: t.columns.map((c) => c.name).filter((n) => n !== 'y'),
    reference: undefined,
    minRows: 1,
    minClassRows: 1,
    maxMissingRate: 0.5,
    test: undefined,
    ...over,
  };
  return runChecks(input, { ...defaults, ...severity });
}

const result = (r: ValidationResult, id: CheckId) => r.checks.find((c) => c.id === id)!;
const lines = (r: ValidationResult, id: CheckId) => result(r, id).findings.map((f) => f.line);

const CLEAN = 'a,b,y\n1,x,p\n2,z,q\n3,x,p\n4,z,q\n';

test('clean data passes every check that applies; the rest say skipped', async () => {
  const r = check(await table(CLEAN));
  expect(r.passed).toBe(true);
  const status = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
  expect(status).toMatchObject({ parse: 'passed', type: 'passed', label_missing: 'passed', duplicate_rows: 'passed', leakage: 'skipped', range: 'skipped', new_category: 'skipped', unexpected_column: 'skipped' });
});

test('a missing target column fails, naming the column', async () => {
  const r = check(await table('a,b\n1,2\n'));
  expect(r.passed).toBe(false);
  expect(result(r, 'missing_column').findings[0]!.message).toBe('the target column "y" is missing; the columns are "a", "b"');
  // The label checks cannot run: they say so, and why.
  for (const id of ['label_missing', 'label_classes', 'class_size'] as const) expect(result(r, id)).toMatchObject({ status: 'skipped', note: 'no target column', count: 0 });
  // The closest existing column comes first, and a near miss is suggested.
  const typo = check(await table('amount,comment,tpye\n1,x,spam\n2,y,ham\n'), { target: 'type', features: ['amount', 'comment'] });
  expect(result(typo, 'missing_column').findings[0]!.message).toBe('the target column "type" is missing; the columns are "tpye", "amount", "comment"; did you mean "tpye"?');
});

test('a missing label fails with its line; one class or a small class fails', async () => {
  const r = check(await table('a,y\n1,p\n2,\n3,p\n'), { minClassRows: 3 });
  expect(lines(r, 'label_missing')).toEqual([3]);
  expect(result(r, 'label_classes').findings[0]!.message).toMatch(/at least two classes; found 1 \("p"\)/);
  expect(result(r, 'class_size').findings[0]!.message).toBe('the class "p" has 2 rows; at least 3 are needed (validation.min_class_rows)');
});

test('regression needs a numeric label and skips class sizes', async () => {
  const r = check(await table('a,y\n1,high\n2,low\n'), { task: 'regression' });
  expect(result(r, 'label_classes').status).toBe('failed');
  expect(result(r, 'class_size').status).toBe('skipped');
  expect(check(await table('a,y\n1,2.5\n2,3\n'), { task: 'regression' }).passed).toBe(true);
});

test('type errors name the line, the column and the value', async () => {
  const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 2 ? 'p' : 'q'}`);
  rows[9] = 'forty,q';
  const r = check(await table(`age,y\n${rows.join('\n')}\n`));
  expect(result(r, 'type').findings).toEqual([{ check: 'type', file: 'd.csv', line: 11, column: 'age', message: '"forty" is not a number' }]);
  expect(r.passed).toBe(false);
});

test('declared integers reject fractions; text where numbers belong is one column-level error', async () => {
  const schema: DataSchema = { columns: { n: { type: 'integer' }, y: { type: 'categorical' } } };
  const r = check(await table('n,y\n1,p\n2.5,q\n', schema), { reference: schema });
  expect(result(r, 'type').findings.map((f) => [f.line, f.message])).toEqual([[3, '2.5 is not a whole number']]);
  const words: DataSchema = { columns: { n: { type: 'number' }, y: { type: 'categorical' } } };
  const t = await table('n,y\none,p\ntwo,q\n');
  expect(result(check(t, { reference: words }), 'type').findings[0]!.message).toMatch(/should hold numbers \(number\) but holds categorical values such as "one", "two"/);
});

test('ranges and new categories are checked against the reference, row by row', async () => {
  const reference = inferSchema(await table(CLEAN), 0.5);
  const fresh = await table('a,b,y\n1,x,p\n9,w,q\n-1,x,r\n', reference);
  const r = check(fresh, { reference });
  expect(result(r, 'range').findings.map((f) => [f.line, f.message])).toEqual([
    [3, '9 is outside the range [1, 4]'],
    [4, '-1 is outside the range [1, 4]'],
  ]);
  expect(result(r, 'new_category').findings.map((f) => [f.line, f.column, f.message])).toEqual([
    [3, 'b', 'the category "w" has never been seen'],
    [4, 'y', 'the category "r" has never been seen'],
  ]);
  expect(result(r, 'range').status).toBe('warned');
  expect(r.passed).toBe(true);
});

test('missing and unexpected columns against a schema', async () => {
  const reference: DataSchema = { columns: { a: { type: 'integer' }, gone: { type: 'number' }, y: { type: 'categorical' } } };
  const r = check(await table('a,extra,y\n1,2,p\n2,3,q\n'), { reference, features: ['a', 'extra'] });
  expect(result(r, 'missing_column').findings.map((f) => f.column)).toEqual(['gone']);
  expect(result(r, 'unexpected_column').findings.map((f) => f.column)).toEqual(['extra']);
});

test('missing-value rate above the limit, per column', async () => {
  const r = check(await table('a,b,y\n1,,p\n2,,q\nNA,x,p\n'), { maxMissingRate: 0.4 });
  expect(result(r, 'missing_rate').findings.map((f) => [f.column, f.message])).toEqual([['b', '66.7% of the values are missing; the limit is 40.0%']]);
});

test('duplicate rows and conflicting labels point at the earlier line', async () => {
  const r = check(await table('a,b,y\n1,x,p\n2,x,q\n1,x,p\n2,x,p\n'));
  expect(result(r, 'duplicate_rows').findings.map((f) => [f.line, f.message])).toEqual([[4, 'the row repeats line 2']]);
  expect(result(r, 'conflicting_labels').findings.map((f) => [f.line, f.message])).toEqual([[5, 'the features equal those of line 3, but the label is "p", not "q"']]);
});

test('constant features are flagged, the target is not', async () => {
  const r = check(await table('a,b,y\n1,x,p\n1,z,q\n1,x,p\n'));
  expect(result(r, 'constant_column').findings.map((f) => f.column)).toEqual(['a']);
});

test('leakage: test rows that are also training rows, by content', async () => {
  const train = await table(CLEAN);
  const test = await table('b,a,y\nx,1,p\nx,2,p\nz,4,q\n');
  const r = check(train, { test });
  expect(result(r, 'leakage').findings.map((f) => [f.file, f.line, f.message])).toEqual([
    ['d.csv', 2, 'the test row also appears in the training data (d.csv line 2)'],
    ['d.csv', 4, 'the test row also appears in the training data (d.csv line 5)'],
  ]);
  expect(r.passed).toBe(false);
});

test('too few rows fails; severities decide pass or fail; off means not run', async () => {
  const t = await table(CLEAN);
  expect(result(check(t, { minRows: 10 }), 'min_rows').findings[0]!.message).toBe('4 rows; at least 10 are needed (validation.min_rows)');
  const dup = await table('a,y\n1,p\n1,p\n2,q\n');
  expect(check(dup, {}, { duplicate_rows: 'error' }).passed).toBe(false);
  const off = check(dup, {}, { duplicate_rows: 'off' });
  expect(result(off, 'duplicate_rows')).toMatchObject({ status: 'off', count: 0, findings: [] });
});

test('parse problems become findings of the parse check', async () => {
  const r = check(await table('a,y\n1,p\n2\n3,q\n'));
  expect(result(r, 'parse').findings).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('the row has 1 field, the header has 2') })]);
  expect(r.passed).toBe(false);
});

test('conflicting labels are found in linear time: a million rows of one feature', async () => {
  const dir = await tempDir();
  const n = 1_000_000;
  const parts: string[] = ['x,y\n'];
  for (let i = 0; i < n; i++) parts.push(`${i % 3},${i % 2}\n`);
  await writeFiles(dir, { 'd.csv': parts.join('') });
  const t = await readCsv([{ path: path.join(dir, 'd.csv'), name: 'd.csv' }], { missing: [''] });
  // Quadratic before: every row compared with its whole group. The assertion is on the result; a
  // quadratic check would not finish within the test's timeout.
  const r = check(t, { features: ['x'] });
  const conflicting = result(r, 'conflicting_labels');
  // Every row but the first of each feature value meets an earlier row with the other label.
  expect(conflicting.count).toBe(n - 3);
  expect(conflicting.findings[0]).toMatchObject({ line: 5, message: 'the features equal those of line 2, but the label is "1", not "0"' });
  expect(result(r, 'duplicate_rows').count).toBe(n - 6);
}, 120000);

test('a column of decimal-comma numbers is read as categories, and the check says how to read it', async () => {
  const r = check(await table('a;b;y\n64,5;1;p\n12,25;2;q\n3,0;3;p\n'));
  expect(result(r, 'decimal_comma')).toMatchObject({ status: 'warned', count: 1 });
  expect(result(r, 'decimal_comma').findings[0]!.message).toMatch(/^looks numeric with decimal commas \(3 cells such as "64,5"\), so it is read as categories; set data.decimal: "," in the pipeline/);
  const dir = await tempDir();
  await writeFiles(dir, { 'd.csv': 'a;b;y\n64,5;1;p\n12,25;2;q\n' });
  const t = await readCsv([{ path: path.join(dir, 'd.csv'), name: 'd.csv' }], { missing: [''], decimal: ',' });
  const a = t.columns[0]!;
  expect(a.kind === 'numeric' && Array.from(a.values)).toEqual([64.5, 12.25]);
  expect(result(check(t), 'decimal_comma').status).toBe('passed');
});
