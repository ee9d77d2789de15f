// Every class of bad input gets a clear user error (exit 1 or 2) that names the file, key, flag or
// column: never exit 3, never a stack trace, never a hang, never a good earlier output destroyed.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { MAX_COLUMNS, MAX_RECORD_BYTES } from '../src/engine/data/csv-reader.ts';
import { cli } from './support/cli.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

let ws: string;
let model: Buffer;
beforeAll(async () => {
  ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 3}', '--output', 'out/good.json')).code).toBe(0);
  model = await readFile(path.join(ws, 'out/good.json'));
});

/** Runs the CLI and checks that it failed as a user error: exit 1 or 2, one message, no stack. */
async function refused(...argv: string[]): Promise<string> {
  const r = await cli(ws, ...argv);
  expect([1, 2]).toContain(r.code);
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
  return r.err;
}

const pipeline = (name: string, train: string, extra = '') => ({ [`pipelines/${name}.yml`]: `name: ${name}\ntask: classification\ntarget: type\ndata:\n  train: ${train}\n${extra}` });

describe('broken CSV', () => {
  test.each([
    ['ragged', 'a,b,type\n1,2,x\n1,2\n3,4,y\n', /d\.csv:3: the row has 2 fields, the header has 3; the row is skipped/],
    ['unclosed quote', 'a,b,type\n1,"2,x\n3,4,y\n', /d\.csv:2: column "b": a quoted field is never closed/],
    ['invalid UTF-8', Buffer.concat([Buffer.from('a,b,type\n1,2,'), Buffer.from([0x73, 0xe9, 0x0a])]), /d\.csv:2: column "type": bytes that are not UTF-8 \("s\\xe9"\)/],
    ['a NUL byte', 'a,b,type\n1,2\u0000,x\n', /d\.csv:2: column "b": a NUL byte \(\\0\) in a value/],
    ['a number beyond a double', `a,type\n${Array.from({ length: 30 }, (_, i) => `${i},x`).join('\n')}\n1e400,y\n`, /d\.csv:32: column "a": "1e400" is beyond the range of a number/],
  ])('%s: reported with its file, line and column, exit 1', async (_name, content, message) => {
    await writeFiles(ws, { 'data/d.csv': content, ...pipeline('d', 'data/d.csv', 'validation:\n  min_rows: 1\n  min_class_rows: 1\n') });
    expect(await refused('validate-data', '--pipeline', 'pipelines/d.yml')).toMatch(message);
  });

  test('schema infer never writes Infinity: 1e400 is a bad cell, not a range end', async () => {
    await writeFiles(ws, { 'data/inf.csv': `a,type\n${Array.from({ length: 30 }, (_, i) => `${i},x`).join('\n')}\n1e400,y\n`, ...pipeline('inf', 'data/inf.csv') });
    expect((await cli(ws, 'schema', 'infer', '--pipeline', 'pipelines/inf.yml', '--output', 'out/inf.schema.yml')).code).toBe(0);
    const schema = await readFile(path.join(ws, 'out/inf.schema.yml'), 'utf8');
    expect(schema).toContain('  a:\n    type: integer\n    min: 0\n    max: 29\n');
    expect(schema).not.toContain('.inf');
  });

  test('a huge cell: refused fast with the limit, and bounded memory', async () => {
    const big = Buffer.alloc(MAX_RECORD_BYTES + 1024, 0x61);
    await writeFile(path.join(ws, 'data/huge.csv'), Buffer.concat([Buffer.from('a,type\n1,"'), big, Buffer.from('"\n')]));
    await writeFiles(ws, pipeline('huge', 'data/huge.csv'));
    expect(await refused('validate-data', '--pipeline', 'pipelines/huge.yml')).toBe('mlops: data/huge.csv: line 2 starts a record longer than 64 MiB, the most a record (or a cell) may hold; is there an unclosed quote, or is this not a CSV file?\n');
  });

  test('a header wider than the limit is refused; one at the limit is validated (columns are looked up through an index)', async () => {
    await writeFiles(ws, { 'data/wide.csv': `${Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',')}\n`, ...pipeline('wide', 'data/wide.csv') });
    expect(await refused('validate-data', '--pipeline', 'pipelines/wide.yml')).toBe('mlops: data/wide.csv: the header has 100,001 columns; at most 100,000 are read\n');
    const header = [...Array.from({ length: MAX_COLUMNS - 1 }, (_, i) => `c${i}`), 'type'].join(',');
    const row = (k: number) => [...Array.from({ length: MAX_COLUMNS - 1 }, (_, i) => String((i + k) % 5)), k % 2 ? 'x' : 'y'].join(',');
    await writeFiles(ws, { 'data/wide.csv': `${header}\n${Array.from({ length: 6 }, (_, k) => row(k)).join('\n')}\n`, ...pipeline('wide', 'data/wide.csv', 'validation:\n  min_rows: 1\n  min_class_rows: 1\n') });
    const r = await cli(ws, 'validate-data', '--pipeline', 'pipelines/wide.yml', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).passed).toBe(true);
  }, 60000);

  test('a folder, a FIFO (which would block a reader), a missing file, a dangling symlink and an empty glob are named', async () => {
    await mkdir(path.join(ws, 'data/folder.csv'), { recursive: true });
    execFileSync('mkfifo', [path.join(ws, 'data/fifo.csv')]);
    await symlink(path.join(ws, 'data/gone.csv'), path.join(ws, 'data/dangling.csv'));
    const cases: [string, string][] = [
      ['data/folder.csv', 'mlops: data/folder.csv: data.train is a folder, not a file\n'],
      ['data/fifo.csv', 'mlops: data/fifo.csv: data.train is not a regular file\n'],
      ['data/nope.csv', 'mlops: data/nope.csv: data.train names a file that does not exist (ENOENT)\n'],
      ['data/dangling.csv', 'mlops: data/dangling.csv: data.train names a symlink whose target does not exist\n'],
      ['"data/none-*.csv"', 'mlops: data/none-*.csv: the glob in data.train matches no file\n'],
    ];
    for (const [train, message] of cases) {
      await writeFiles(ws, pipeline('files', train));
      expect(await refused('validate-data', '--pipeline', 'pipelines/files.yml')).toBe(message);
    }
    // A schema file that is not there, named with its key.
    await writeFiles(ws, pipeline('files', 'data/spambase.csv', 'schema: pipelines/nope.schema.yml\n'));
    expect(await refused('validate-data', '--pipeline', 'pipelines/files.yml')).toBe('mlops: pipelines/nope.schema.yml: schema names a file that does not exist (ENOENT)\n');
  });
});

describe('hostile pipeline YAML', () => {
  test.each([
    ['an alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nd: [${'*c, '.repeat(9)}*c]\n`, /refused: Excessive alias count .* \(at most 100 alias expansions\)/],
    ['deep nesting', `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /nested more than 64 levels deep/],
    ['a duplicate key', 'task: regression\n', /line \d+: not valid YAML: Map keys must be unique/],
    ['a path out of the repository', 'schema: ../../etc/passwd\n', /key "schema": "\.\.\/\.\.\/etc\/passwd" is outside the repository/],
    ['an absurd number of trees', 'model:\n  trees: 100000000\n', /key "model\.trees": 100000000 is above the maximum 10000/],
    ['an absurd text width', 'features:\n  text_width: 10000000\n', /key "features\.text_width": 10000000 is above the maximum 65536/],
  ])('%s: exit 2, naming the file (and the key)', async (_name, extra, message) => {
    await writeFiles(ws, pipeline('y', 'data/spambase.csv', extra));
    const err = await refused('validate-data', '--pipeline', 'pipelines/y.yml');
    expect(err).toMatch(/^mlops: pipelines\/y\.yml/);
    expect(err).toMatch(message);
  });

  test('a pipeline file larger than the limit is refused before it is parsed', async () => {
    await writeFiles(ws, { 'pipelines/big.yml': `# ${'x'.repeat(1 << 20)}\nname: big\n` });
    expect(await refused('validate-data', '--pipeline', 'pipelines/big.yml')).toMatch(/^mlops: pipelines\/big\.yml: the file is 1,048,589 bytes; a pipeline file may have at most 1,048,576\n$/);
  });

  test('encoded features that would exhaust memory are refused before anything is allocated', async () => {
    const words = (i: number) => `word${i % 97} other${i % 89} more${i % 83} text here`;
    const rows = Array.from({ length: 3000 }, (_, i) => `${words(i)},${words(i + 1)},${words(i + 2)},${i % 2 ? 'x' : 'y'}`);
    await writeFiles(ws, { 'data/text.csv': `a,b,c,type\n${rows.join('\n')}\n`, ...pipeline('text', 'data/text.csv', 'features:\n  text_width: 65536\n') });
    expect(await refused('train', '--pipeline', 'pipelines/text.yml')).toMatch(/^mlops: pipelines\/text\.yml: 2,\d{3} training rows × 196,608 encoded features would take \d+\.\d GiB; the limit is 2 GiB\. Lower features\.text_width/);
  });
});

describe('damaged model packages', () => {
  // 256 MiB of spaces in about 250 kB: past the 64 MiB floor of the inflate limit.
  const bomb = () => gzipSync(Buffer.alloc(256 << 20, 0x20), { level: 9 });
  test.each([
    ['empty', () => Buffer.alloc(0), /the file is empty; it is not a model package/],
    ['truncated', () => model.subarray(0, model.length - 200), /not a complete JSON document \(truncated\?\)/],
    ['not JSON', () => Buffer.from('hello, world\n'), /not JSON at byte 0: unexpected 'h' where a value belongs, so not a model package/],
    ['a truncated gzip', () => gzipSync(model).subarray(0, 300), /the gzip data is truncated or damaged/],
    ['a gzip bomb', bomb, /refused: the gzip inflates past 67,108,864 bytes \(the limit for [\d,]+ compressed bytes\); it is not a model package/],
    ['no trees', () => Buffer.from(model.toString().replace(/"estimators":\[.*\]\}\}/, '"estimators":[]}}')), /the key "forest\.baseModel\.estimators" must NOT have fewer than 1 items/],
    ['a node split on a feature that does not exist', () => Buffer.from(model.toString().replace(/"splitColumn":\d+/, '"splitColumn":999')), /the key "forest\.baseModel\.estimators\[0\]\.root.*" has a splitColumn that is not a feature index from 0 to 56/],
    ['a missing key', () => Buffer.from(model.toString().replace('"encoding":', '"encodings":')), /the key "encoding" is missing/],
    ['a wrong type', () => Buffer.from(model.toString().replace(/"trees":\d+/, '"trees":"many"')), /the key "params\.trees" must be integer/],
    ['the wrong task for its forest', () => Buffer.from(model.toString().replace('"name":"RFClassifier"', '"name":"RFRegression"')), /the key "forest\.name" is "RFRegression", which does not fit a classification model/],
  ])('%s: exit 2, naming the file and the key', async (_name, bytes, message) => {
    await writeFile(path.join(ws, 'out/bad.json'), bytes());
    const err = await refused('evaluate', '--pipeline', 'pipelines/spam-detector.yml', '--model', 'out/bad.json');
    expect(err).toMatch(/^mlops: out\/bad\.json: /);
    expect(err).toMatch(message);
  }, 30000);

  test('a champion pointer that is not JSON, or names a file outside the repository, is refused by name', async () => {
    await writeFiles(ws, { 'models/spam-detector/champion.json': '{"model": ' });
    expect(await refused('compare-to-champion', '--pipeline', 'pipelines/spam-detector.yml', '--candidate', 'out/good.json')).toMatch(/^mlops: models\/spam-detector\/champion\.json: not a champion pointer/);
    await writeFiles(ws, { 'models/spam-detector/champion.json': JSON.stringify({ version: '1', model: '../../../etc/hostname', sha256: '0'.repeat(64) }) });
    expect(await refused('compare-to-champion', '--pipeline', 'pipelines/spam-detector.yml', '--candidate', 'out/good.json')).toMatch(/^mlops: \.\.\/\.\.\/\.\.\/etc\/hostname: the champion named by models\/spam-detector\/champion\.json points outside the repository/);
    await rm(path.join(ws, 'models'), { recursive: true });
  });
});

describe('bad flags', () => {
  test.each([
    [['validate-data', '--pipeline'], /the flag --pipeline needs a value/],
    [['validate-data', '--pipeline', 'a', '--pipeline', 'b'], /the flag --pipeline is given twice/],
    [['validate-data', 'pipelines/spam-detector.yml'], /unexpected argument "pipelines\/spam-detector\.yml"; flags look like --pipeline FILE/],
    [['train', '--pipeline', 'pipelines/spam-detector.yml', '--threads', '0'], /input "threads": "0" is not a whole number of at least 1/],
    [['evaluate', '--pipeline', 'pipelines/spam-detector.yml'], /the flag --model is required/],
    [['compare-to-champion', '--pipeline', 'pipelines/spam-detector.yml', '--candidate', 'out/good.json', '--allow-first-model=perhaps'], /the flag --allow-first-model is true or false, not "perhaps"/],
  ])('%j: exit 2, naming the flag', async (argv, message) => {
    const r = await cli(ws, ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
