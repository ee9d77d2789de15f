import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, cliWith } from './support/cli.ts';
import { brokenSpambase, PLANTED } from './support/broken-spambase.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

let ws: string;
beforeAll(async () => {
  ws = await exampleWorkspace();
  await writeFiles(ws, { 'data/broken.csv': brokenSpambase() });
});

test('validate-data passes on Spambase and prints its outputs as JSON', async () => {
  const r = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--json');
  expect(r.code).toBe(0);
  const outputs = JSON.parse(r.out);
  // Typed: booleans and numbers as JSON values, not strings.
  expect(outputs).toEqual({ passed: true, report: 'out/spam-detector/validation-report.json', errors: 0, warnings: expect.any(Number) });
  const report = JSON.parse(await readFile(path.join(ws, outputs.report), 'utf8'));
  expect(report).toMatchObject({ format: 'mlops-validation-report/1', passed: true, rows: 4601, reference: 'schema' });
});

test('validate-data on the broken copy exits 1 and names every problem with its line', async () => {
  const r = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/broken.csv');
  expect(r.code).toBe(1);
  const expectLine = (level: string, line: number, text: RegExp) => expect(r.err).toMatch(new RegExp(`${level}: data/broken\\.csv:${line}: ${text.source}`));
  expectLine('error', PLANTED.ragged, /the row has 55 fields, the header has 58/);
  expectLine('error', PLANTED.forty, /column "make": "forty" is not a number/);
  expectLine('error', PLANTED.fortyAfterNewline, /column "address": "forty" is not a number/);
  expectLine('warning', PLANTED.newCategory, /column "type": the category "phishing" has never been seen/);
  expectLine('error', PLANTED.missingLabel, /column "type": the label is missing/);
  expectLine('error', PLANTED.latin1, /column "type": bytes that are not UTF-8 \("spam\\xe9"\)/);
  expectLine('warning', PLANTED.hostile, /column "type": the category "\| <img src=x> @org\/team <!-- mlops -->" has never been seen/);
  expectLine('warning', PLANTED.quotedNewline, /column "type": the category "spam\\r\\nor not" has never been seen/);
  // The terminal gets plain text: no HTML entities (the job summary keeps them; see the e2e test).
  expect(r.out).toContain('| <img src=x> @org/team <!-- mlops -->');
  expect(r.out).not.toMatch(/&(lt|gt|amp|quot|#\d+);/);
  expect(r.out).toContain('❌ failed');
  // stderr names each failing check and its first problems, not only the report's path.
  expect(r.err).toMatch(/validate-data: the data failed validation: \d+ errors \(the report: out\/spam-detector\/validation-report.json\)\n/);
  expect(r.err).toMatch(/\ntype: 2 problems\n {2}data\/broken\.csv line \d+, column "make": "forty" is not a number\n/);
  expect(r.err).toMatch(/\nlabel_missing: 1 problem\n {2}data\/broken\.csv line \d+, column "type": the label is missing\n/);
  expect(r.err).toMatch(/\nparse: 2 problems\n/);
});

test('exit 2 with a clear message for usage and configuration errors', async () => {
  const unknown = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--colour', 'red');
  expect(unknown).toMatchObject({ code: 2 });
  expect(unknown.err).toMatch(/unknown flag --colour \(flags: --pipeline, --data, --test-data, --schema, --report, --fail-on-error\)/);
  expect((await cli(ws, 'validate-data')).err).toMatch(/the flag --pipeline is required/);
  expect((await cli(ws, 'frobnicate')).code).toBe(2);
  const missing = await cli(ws, 'validate-data', '--pipeline', 'pipelines/nope.yml');
  expect(missing).toMatchObject({ code: 2 });
  expect(missing.err).toMatch(/pipelines\/nope.yml: cannot read the pipeline file \(ENOENT\)/);
  // A typed path is the user's: it may lie outside the repository, and a missing one is named.
  const outside = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', '../elsewhere.csv');
  expect(outside).toMatchObject({ code: 2, err: 'mlops: ../elsewhere.csv: the data input names a file that does not exist (ENOENT)\n' });
  const glob = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/none-*.csv');
  expect(glob.err).toMatch(/data\/none-\*\.csv: the glob in the data input matches no file/);
  expect((await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--fail-on-error', 'maybe')).err).toMatch(/validate-data: unexpected argument "maybe"/);
  expect((await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--fail-on-error=maybe')).err).toMatch(/the flag --fail-on-error is true or false, not "maybe"/);
});

test('fail-on-error false reports but does not fail', async () => {
  const r = await cli(ws, 'validate-data', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/broken.csv', '--fail-on-error=false', '--json');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).passed).toBe(false);
});

test('drift-report without a champion (and no reference) says what to do, never pretends', async () => {
  const r = await cli(ws, 'drift-report', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/spambase.csv');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/spam-detector has no champion yet.*publish a model first/);
});

test('schema infer writes a schema, refuses to overwrite without --force', async () => {
  const first = await cli(ws, 'schema', 'infer', '--pipeline', 'pipelines/spam-detector.yml', '--output', 'pipelines/new.schema.yml');
  expect(first.code).toBe(0);
  const text = await readFile(path.join(ws, 'pipelines/new.schema.yml'), 'utf8');
  expect(text).toMatch(/^# Data schema for the pipeline "spam-detector"/);
  expect(text).toContain('  capitalTotal:\n    type: integer\n    min: 1\n    max: 15841');
  expect(text).toContain('categories:\n      - nonspam\n      - spam');
  const again = await cli(ws, 'schema', 'infer', '--pipeline', 'pipelines/spam-detector.yml', '--output', 'pipelines/new.schema.yml');
  expect(again.code).toBe(2);
  expect(again.err).toMatch(/exists; pass --overwrite to replace it/);
  expect((await cli(ws, 'schema', 'infer', '--pipeline', 'pipelines/spam-detector.yml', '--output', 'pipelines/new.schema.yml', '--force')).code).toBe(0);
});

test('run walks the chain; its --json is typed per step', async () => {
  const r = await cli(ws, 'run', '--pipeline', 'pipelines/spam-detector.yml', '--json');
  expect(r.code).toBe(0);
  const outputs = JSON.parse(r.out);
  expect(outputs['validate-data'].passed).toBe(true);
  expect(outputs.train['model-path']).toBe('out/spam-detector/model.json');
  expect(typeof outputs.train['oob-score']).toBe('number');
  expect(outputs.evaluate.metrics).toBe('out/spam-detector/metrics.json');
  expect(outputs['compare-to-champion']).toMatchObject({ decision: 'first-model', promote: true, reasons: [expect.stringMatching(/^no champion yet/)], 'compared-rows': expect.any(Number) });
  expect(r.err).toMatch(/── compare-to-champion/);
});

test('run compares against the local champion (models/<pipeline>/champion.json) and prints the verdict', async () => {
  const { createHash } = await import('node:crypto');
  const local = await exampleWorkspace();
  expect((await cli(local, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 1, "max_depth": 1}', '--output', 'models/spam-detector/0.1.0/model.json')).code).toBe(0);
  const bytes = await readFile(path.join(local, 'models/spam-detector/0.1.0/model.json'));
  const pointer = { version: '0.1.0', model: 'models/spam-detector/0.1.0/model.json', sha256: createHash('sha256').update(bytes).digest('hex') };
  await writeFiles(local, { 'models/spam-detector/champion.json': JSON.stringify(pointer) });
  const r = await cli(local, 'run', '--pipeline', 'pipelines/spam-detector.yml');
  expect(r.code).toBe(0);
  expect(r.out).toContain('✅ **promote**: the candidate beats the champion under the gates');
  expect(r.out).toMatch(/\| \*\*accuracy\*\* \| 0\.\d{4} \| 0\.9\d{3} \| \+0\.\d{4} \|.*\| yes \(p [=<] /);
  // The winner was published: v1 of the registry is the champion now.
  expect(r.err).toContain('── publish-model');
  expect(JSON.parse(await readFile(path.join(local, 'models/spam-detector/champion.json'), 'utf8'))).toMatchObject({ version: 1, tag: 'spam-detector-v1' });
  // A champion whose bytes changed after publishing is refused.
  const model = path.join(local, 'models/spam-detector/v1/spam-detector-model.json.gz');
  const { gzipSync, gunzipSync } = await import('node:zlib');
  await writeFile(model, gzipSync(Buffer.from(gunzipSync(await readFile(model)).toString().replace('"seed":42', '"seed":41'))));
  const tampered = await cli(local, 'compare-to-champion', '--pipeline', 'pipelines/spam-detector.yml', '--candidate', 'out/spam-detector/model.json');
  expect(tampered.code).toBe(2);
  expect(tampered.err).toMatch(/checksum mismatch: spam-detector-model\.json\.gz has sha256/);
  // A rejected candidate exits 1.
  await rm(path.join(local, 'models/spam-detector/v1'), { recursive: true });
  await writeFiles(local, { 'models/spam-detector/champion.json': JSON.stringify(pointer), 'pipelines/picky.yml': `${await readFile(path.join(local, 'pipelines/spam-detector.yml'), 'utf8')}gates:\n  metrics:\n    accuracy:\n      min_absolute_change: 0.5\n` });
  const picky = await cli(local, 'compare-to-champion', '--pipeline', 'pipelines/picky.yml', '--candidate', 'out/spam-detector/model.json', '--json');
  expect(picky.code).toBe(1);
  expect(JSON.parse(picky.out)).toMatchObject({ decision: 'reject', promote: false });
});

test.each([
  ['serve', /^usage: mlops serve /, /--max-connections/],
  ['run', /^usage: mlops run /, /Runs the whole chain/],
  ['history', /^usage: mlops history /, /Lists every published version/],
  ['schema', /^usage: mlops schema infer /, /Writes a data schema/],
])('%s --help prints its own help, not every command\'s', async (command, usage, line) => {
  const ws = await exampleWorkspace();
  const r = await cli(ws, ...(command === 'schema' ? ['schema', 'infer'] : [command]), '--help');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(usage);
  expect(r.out).toMatch(line);
  expect(r.out).not.toMatch(/Checks a data set against its pipeline/);
  expect(r.out.split('\n').length).toBeLessThan(15);
});

test('run prints one line for many repeated rows, naming the report; drift-report names the champion\'s version once', async () => {
  const ws = await exampleWorkspace();
  const r = await cli(ws, 'run', '--pipeline', 'pipelines/spam-detector.yml');
  expect(r.code).toBe(0);
  const repeats = r.err.split('\n').filter((l) => l.includes('the row repeats line'));
  expect(repeats).toHaveLength(1);
  expect(repeats[0]).toMatch(/^warning: validate-data: duplicate_rows: 50 rows and \d+ more row-level findings, the first data\/spambase\.csv:28 \(the row repeats line 26\); every one is in out\/spam-detector\/validation-report\.json$/);
  const drift = await cli(ws, 'drift-report', '--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/spambase.csv');
  expect(drift.out).toContain('models/spam-detector/v1/spam-detector-model.json.gz (version 1) (3,629 training rows)');
  expect(drift.out).not.toContain('(v1)');
}, 120_000);

test('a shell\'s stray GITHUB_* variables are not the model\'s provenance; inside an Actions job they are', async () => {
  const stray = 'f'.repeat(40);
  const commitOf = async (out: string) => (JSON.parse(await readFile(path.join(ws, out), 'utf8')) as { provenance: { commit: string | null } }).provenance.commit;
  const args = ['train', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 2}'];
  const shell = await cliWith({ MLOPS_CACHE: 'off', GITHUB_SHA: stray, GITHUB_REPOSITORY: 'someone/else' }, ws, ...args, '--output', 'out/stray.json');
  expect(shell.code).toBe(0);
  expect(await commitOf('out/stray.json')).not.toBe(stray);
  const job = await cliWith({ MLOPS_CACHE: 'off', GITHUB_SHA: stray, GITHUB_ACTIONS: 'true' }, ws, ...args, '--output', 'out/job.json');
  expect(job.code).toBe(0);
  expect(await commitOf('out/job.json')).toBe(stray);
});

test('a target the data does not have is the same configuration error from train and from run: exit 2, the line, the columns', async () => {
  const text = (await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8')).replace(/^target: type$/m, 'target: typo');
  await writeFile(path.join(ws, 'pipelines/typo.yml'), text.replace(/^name: .*$/m, 'name: typo'));
  const line = text.split('\n').findIndex((l) => l === 'target: typo') + 1;
  const train = await cli(ws, 'train', '--pipeline', 'pipelines/typo.yml');
  const run = await cli(ws, 'run', '--pipeline', 'pipelines/typo.yml');
  for (const r of [train, run]) {
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`mlops: pipelines/typo\\.yml line ${line}, key "target": the target column "typo" is not in data/spambase\\.csv; the columns are .*; did you mean "type"\\?`));
  }
  // The same words on both paths.
  expect(train.err.split('\n').find((l) => l.startsWith('mlops: '))).toBe(run.err.split('\n').find((l) => l.startsWith('mlops: ')));
});
