// Issue 7's behaviours through the CLI, each in a workspace of its own (no test reads another's files):
// honest decisions, comparable rows, a model that belongs to its pipeline, guarded outputs, confined
// data paths, and a CLI that behaves like one.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { testRowsOf } from '../src/engine/data/split.ts';
import { loadModel } from '../src/engine/model/package.ts';
import { VERSION } from '../src/engine/version.ts';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, tempDir, writeFiles } from './support/tmp.ts';

const SPAM = 'pipelines/spam-detector.yml';
const few = (trees: number) => ['--params', JSON.stringify({ trees })];

async function champion(ws: string, pipeline: string, model: string): Promise<void> {
  const bytes = await readFile(path.join(ws, model));
  await writeFiles(ws, { [`models/${pipeline}/champion.json`]: JSON.stringify({ version: '1', model, sha256: createHash('sha256').update(bytes).digest('hex') }) });
}

test('--version and <step> --help', async () => {
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  expect(VERSION).toBe(pkg.version);
  const ws = await tempDir();
  expect(await cli(ws, '--version')).toEqual({ code: 0, out: `mlops ${pkg.version}\n`, err: '' });
  const help = await cli(ws, 'train', '--help');
  expect(help.code).toBe(0);
  expect(help.out).toMatch(/^usage: mlops train /);
  expect(help.out).toContain('--params: A JSON object');
  expect(help.out).toContain('outputs (--json): model-path (path), model-digest (string), oob-score (number), feature-importance (json), artifact (string)');
  expect(help.out).not.toContain('compare-to-champion');
});

test('from a sub-folder: the repository is the git root, typed paths are the current folder\'s, and --output may be absolute', async () => {
  const ws = await exampleWorkspace();
  const sub = path.join(ws, 'notebooks', 'deep');
  await mkdir(sub, { recursive: true });
  const out = path.join(await tempDir(), 'm.json');
  const r = await cli(sub, 'train', '--pipeline', SPAM, '--output', out, ...few(3), '--json');
  expect(r.err).not.toMatch(/error/);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)['model-path']).toBe(out);
  expect((await loadModel(out)).pkg.provenance.data_files).toEqual(['data/spambase.csv']);
  // A path relative to the sub-folder works as well, and evaluate reads the model from outside.
  const ev = await cli(sub, 'evaluate', '--pipeline', `../../${SPAM}`, '--model', out, '--json');
  expect(ev.code).toBe(0);
  expect(JSON.parse(ev.out)).toEqual({ metrics: 'out/spam-detector/metrics.json', report: 'out/spam-detector/evaluation.md' });
  expect(await stat(path.join(ws, 'out/spam-detector/metrics.json'))).toBeTruthy();
});

test('a first model under its threshold exits 1; an identical candidate is no-change (exit 0)', async () => {
  const ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(5), '--output', 'models/spam-detector/v1/model.json')).code).toBe(0);
  await writeFiles(ws, { 'pipelines/strict.yml': `${await readFile(path.join(ws, SPAM), 'utf8')}gates:\n  metrics:\n    accuracy:\n      threshold: 0.999\n` });
  const low = await cli(ws, 'compare-to-champion', '--pipeline', 'pipelines/strict.yml', '--candidate', 'models/spam-detector/v1/model.json', '--json');
  expect(low.code).toBe(1);
  expect(JSON.parse(low.out)).toMatchObject({ decision: 'reject', promote: false });

  await champion(ws, 'spam-detector', 'models/spam-detector/v1/model.json');
  // The same package, and a package trained again with the same data, config and seed (same bytes).
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(5), '--output', 'out/again.json')).code).toBe(0);
  for (const candidate of ['models/spam-detector/v1/model.json', 'out/again.json']) {
    const same = await cli(ws, 'compare-to-champion', '--pipeline', SPAM, '--candidate', candidate, '--json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.out)).toMatchObject({ decision: 'no-change', promote: false });
  }
  // The report says so, and never that the candidate beats the champion.
  const text = await cli(ws, 'compare-to-champion', '--pipeline', SPAM, '--candidate', 'out/again.json');
  expect(text.out).toContain('⏸️ **no change**: the candidate predicts exactly what the champion predicts');
  expect(text.out).not.toContain('beats the champion');
});

test('champion and candidate are scored only on rows that neither trained on; too few such rows is a reject', async () => {
  const ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(10), '--output', 'models/spam-detector/v1/model.json')).code).toBe(0);
  await champion(ws, 'spam-detector', 'models/spam-detector/v1/model.json');
  // New data: the same rows with one more column. Without an id, the candidate's default key now
  // includes that column, so its split differs from the champion's.
  const csv = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trimEnd().split('\n');
  await writeFiles(ws, { 'data/more.csv': `${csv.map((l, i) => `${l},${i === 0 ? 'added' : i % 5}`).join('\n')}\n` });
  await writeFiles(ws, { 'pipelines/more.yml': (await readFile(path.join(ws, SPAM), 'utf8')).replace('schema: pipelines/spam-detector.schema.yml\n', '') });
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/more.yml', '--data', 'data/more.csv', ...few(10), '--output', 'out/cand.json')).code).toBe(0);
  const r = await cli(ws, 'compare-to-champion', '--pipeline', 'pipelines/more.yml', '--candidate', 'out/cand.json', '--data', 'data/more.csv', '--json');
  expect(r.code).toBe(0);
  const compared = JSON.parse(r.out)['compared-rows'] as number;
  // Every compared row is a test row of the champion's recorded split (it never trained on them) and of the candidate's.
  const table = await readCsv([{ path: path.join(ws, 'data/more.csv'), name: 'more.csv' }], { missing: [''] });
  const { pkg: champ } = await loadModel(path.join(ws, 'models/spam-detector/v1/model.json'));
  const { pkg: cand } = await loadModel(path.join(ws, 'out/cand.json'));
  const key = (p: typeof champ) => ({ columns: p.split.key_columns, seed: p.split.seed, testFraction: p.split.test_fraction });
  expect(champ.split.key_columns).not.toContain('added');
  expect(cand.split.key_columns).toContain('added');
  const a = testRowsOf(table, key(champ));
  const b = testRowsOf(table, key(cand));
  expect(compared).toBe(a.reduce((n, v, i) => n + (v & b[i]!), 0));
  expect(compared).toBeLessThan(cand.rows.test / 2);
  const report = await readFile(path.join(ws, 'out/spam-detector/comparison.md'), 'utf8');
  expect(report).toContain(`Scored on the same **${compared.toLocaleString('en-US')}** rows: the test rows of both the champion and the candidate`);
  // With a minimum above what is left, the step refuses to decide.
  await writeFiles(ws, { 'pipelines/more.yml': `${await readFile(path.join(ws, 'pipelines/more.yml'), 'utf8')}gates:\n  min_compared_rows: ${compared + 1}\n` });
  const refused = await cli(ws, 'compare-to-champion', '--pipeline', 'pipelines/more.yml', '--candidate', 'out/cand.json', '--data', 'data/more.csv', '--json');
  expect(refused.code).toBe(1);
  expect(JSON.parse(refused.out)).toMatchObject({ decision: 'reject', promote: false, reasons: [expect.stringMatching(new RegExp(`^only ${compared} labelled rows are test rows of both the champion and the candidate .* at least ${compared + 1} are needed`))] });
});

test('columns named constructor, prototype, __proto__, toString and hasOwnProperty train, evaluate and compare', async () => {
  const ws = await exampleWorkspace();
  const names = ['constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty'];
  const rows = Array.from({ length: 400 }, (_, i) => [i % 7, (i * 3) % 11, ['a', 'b', 'c'][i % 3], i % 5, (i * 7) % 13, i % 7 > 3 ? '__proto__' : 'constructor'].join(','));
  await writeFiles(ws, {
    'data/odd.csv': `${[...names, 'valueOf'].join(',')}\n${rows.join('\n')}\n`,
    'pipelines/odd.yml': 'name: odd\ntask: classification\ntarget: valueOf\ndata:\n  train: data/odd.csv\nvalidation:\n  min_rows: 10\n',
  });
  const train = await cli(ws, 'train', '--pipeline', 'pipelines/odd.yml', ...few(10), '--json');
  expect(train.code).toBe(0);
  expect(Object.keys(JSON.parse(train.out)['feature-importance']).sort()).toEqual([...names].sort());
  expect((await cli(ws, 'validate-data', '--pipeline', 'pipelines/odd.yml')).code).toBe(0);
  const ev = await cli(ws, 'evaluate', '--pipeline', 'pipelines/odd.yml', '--model', 'out/odd/model.json', '--json');
  expect(ev.code).toBe(0);
  const metrics = JSON.parse(await readFile(path.join(ws, 'out/odd/metrics.json'), 'utf8'));
  expect(Object.keys(metrics.per_class).sort()).toEqual(['__proto__', 'constructor']);
  expect(metrics.accuracy).toBeGreaterThan(0.9);
  const first = await cli(ws, 'compare-to-champion', '--pipeline', 'pipelines/odd.yml', '--candidate', 'out/odd/model.json', '--json');
  expect(JSON.parse(first.out)).toMatchObject({ decision: 'first-model', promote: true });
  await champion(ws, 'odd', 'out/odd/model.json');
  const again = await cli(ws, 'compare-to-champion', '--pipeline', 'pipelines/odd.yml', '--candidate', 'out/odd/model.json', '--json');
  expect(JSON.parse(again.out)).toMatchObject({ decision: 'no-change' });
  expect(({} as Record<string, unknown>).polluted ?? Object.getPrototypeOf({})).toBe(Object.prototype);
});

test('a model of another pipeline, task or target is refused (exit 2, naming both); the last good report stays', async () => {
  const ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(3))).code).toBe(0);
  expect((await cli(ws, 'evaluate', '--pipeline', SPAM, '--model', 'out/spam-detector/model.json')).code).toBe(0);
  const good = await readFile(path.join(ws, 'out/spam-detector/metrics.json'), 'utf8');
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/taxi-demand.yml', ...few(3))).code).toBe(0);
  const ev = await cli(ws, 'evaluate', '--pipeline', SPAM, '--model', 'out/taxi-demand/model.json');
  expect(ev.code).toBe(2);
  expect(ev.err).toBe(`mlops: out/taxi-demand/model.json was trained for the pipeline "taxi-demand", not "spam-detector", regression, not classification, the target "trips", not "type" (as ${SPAM} says); use a model of this pipeline\n`);
  expect(await readFile(path.join(ws, 'out/spam-detector/metrics.json'), 'utf8')).toBe(good);
  const cmp = await cli(ws, 'compare-to-champion', '--pipeline', SPAM, '--candidate', 'out/taxi-demand/model.json');
  expect(cmp.code).toBe(2);
  expect(cmp.err).toMatch(/was trained for the pipeline "taxi-demand", not "spam-detector"/);
});

test('a data path from the pipeline that is a symlink out of the repository is refused by name, its content never quoted', async () => {
  const ws = await exampleWorkspace();
  const secret = path.join(await tempDir(), 'environ.csv');
  await writeFile(secret, 'a,type\nGITHUB_TOKEN=ghs_secret123,x\n');
  await symlink(secret, path.join(ws, 'data/x.csv'));
  await writeFiles(ws, { 'pipelines/leak.yml': 'name: leak\ntask: classification\ntarget: type\ndata:\n  train: data/x.csv\n' });
  for (const step of [['validate-data'], ['train'], ['schema', 'infer']]) {
    const r = await cli(ws, ...step, '--pipeline', 'pipelines/leak.yml');
    expect(r.code).toBe(2);
    expect(r.err).toBe('mlops: data/x.csv: data.train is a symlink to a file outside the repository; it is refused and not read\n');
    expect(r.out + r.err).not.toContain('ghs_secret123');
  }
  // The same through a glob, and a link to a folder outside.
  await writeFiles(ws, { 'pipelines/leak.yml': 'name: leak\ntask: classification\ntarget: type\ndata:\n  train: "data/*.csv"\n' });
  const glob = await cli(ws, 'validate-data', '--pipeline', 'pipelines/leak.yml');
  expect(glob.code).toBe(2);
  expect(glob.err).toContain('data/x.csv: data.train (from the glob data/*.csv) is a symlink to a file outside the repository');
  // A path typed by the user is the user's to choose.
  expect((await cli(ws, 'validate-data', '--pipeline', SPAM, '--data', secret, '--fail-on-error', 'false')).code).toBe(0);
});

test('an output never replaces an input of the run or a file that is not ours (without --force), nor a folder', async () => {
  const ws = await exampleWorkspace();
  const data = await readFile(path.join(ws, 'data/spambase.csv'));
  const over = await cli(ws, 'validate-data', '--pipeline', SPAM, '--report', 'data/spambase.csv');
  expect(over.code).toBe(2);
  expect(over.err).toContain('mlops: data/spambase.csv: is an input of this run; writing there would destroy it. Choose another output path\n');
  expect(await readFile(path.join(ws, 'data/spambase.csv'))).toEqual(data);
  const pipeline = await readFile(path.join(ws, SPAM), 'utf8');
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(2), '--output', SPAM)).code).toBe(2);
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(2), '--output', 'pipelines/spam-detector.schema.yml')).code).toBe(2);
  expect(await readFile(path.join(ws, SPAM), 'utf8')).toBe(pipeline);
  await writeFiles(ws, { 'notes.txt': 'my notes\n' });
  const foreign = await cli(ws, 'train', '--pipeline', SPAM, ...few(2), '--output', 'notes.txt');
  expect(foreign).toMatchObject({ code: 2, err: 'mlops: notes.txt: exists and was not written by mlops; pass --overwrite to replace it, or choose another path\n' });
  expect(await readFile(path.join(ws, 'notes.txt'), 'utf8')).toBe('my notes\n');
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(2), '--output', 'notes.txt', '--force')).code).toBe(0);
  // Ours (a package, a report) is replaced without --force: re-running a step is safe.
  expect((await cli(ws, 'train', '--pipeline', SPAM, ...few(2), '--output', 'notes.txt')).code).toBe(0);
  await mkdir(path.join(ws, 'out/folder'), { recursive: true });
  expect(await cli(ws, 'train', '--pipeline', SPAM, ...few(2), '--output', 'out/folder')).toMatchObject({ code: 2, err: 'mlops: out/folder: is a folder; name a file\n' });
});

test('schema infer writes <name>.schema.yml beside the pipeline, which is then used without editing the pipeline', async () => {
  const ws = await exampleWorkspace();
  const r = await cli(ws, 'schema', 'infer', '--pipeline', 'pipelines/taxi-demand.yml');
  expect(r.code).toBe(0);
  expect(r.out).toBe('wrote pipelines/taxi-demand.schema.yml (10 columns); pipelines/taxi-demand.yml uses it without any change: a schema named <name>.schema.yml beside the pipeline is found by name\n');
  const v = await cli(ws, 'validate-data', '--pipeline', 'pipelines/taxi-demand.yml', '--json');
  expect(v.code).toBe(0);
  const report = JSON.parse(await readFile(path.join(ws, JSON.parse(v.out).report), 'utf8'));
  expect(report).toMatchObject({ reference: 'schema', referenceSource: 'pipelines/taxi-demand.schema.yml' });
  // An empty file gives no schema: one of nothing would let anything pass.
  await writeFiles(ws, { 'data/empty.csv': 'slot,trips\n' });
  const empty = await cli(ws, 'schema', 'infer', '--pipeline', 'pipelines/taxi-demand.yml', '--data', 'data/empty.csv', '--output', 'out/empty.schema.yml');
  expect(empty).toMatchObject({ code: 2, err: expect.stringContaining('no rows to infer a schema from') });
});

test('a key error points at the key\'s own line, also when its value is a mapping', async () => {
  const ws = await exampleWorkspace();
  await writeFiles(ws, { 'pipelines/typo.yml': 'name: typo\ntask: classification\ntarget: type\ndata:\n  train: data/spambase.csv\nmodle:\n  trees: 5\n  seed: 1\n' });
  const r = await cli(ws, 'train', '--pipeline', 'pipelines/typo.yml');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^mlops: pipelines\/typo\.yml line 6, key "modle": unknown key/);
});

test('a missing target is a configuration error (exit 2), pointing at the pipeline\'s target line and listing the columns, closest first', async () => {
  const ws = await exampleWorkspace();
  await writeFiles(ws, { 'pipelines/tgt.yml': 'name: tgt\ntask: classification\ntarget: typ\ndata:\n  train: data/spambase.csv\n' });
  const r = await cli(ws, 'validate-data', '--pipeline', 'pipelines/tgt.yml');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^mlops: pipelines\/tgt\.yml line 3, key "target": the target column "typ" is not in data\/spambase\.csv; the columns are "type", /m);
  expect(r.err).toMatch(/did you mean "type"\?/);
});

test('decimal commas: read as numbers with data.decimal: ",", and a warning without it', async () => {
  const ws = await exampleWorkspace();
  const rows = Array.from({ length: 60 }, (_, i) => `${i};${(i * 1.5).toFixed(1).replace('.', ',')};${i % 2 ? 'yes' : 'no'}`);
  await writeFiles(ws, {
    'data/eu.csv': `id;weight;label\n${rows.join('\n')}\n`,
    'pipelines/eu.yml': 'name: eu\ntask: classification\ntarget: label\nid: id\ndata:\n  train: data/eu.csv\n  delimiter: ";"\n',
  });
  const warned = await cli(ws, 'validate-data', '--pipeline', 'pipelines/eu.yml');
  expect(warned.code).toBe(0);
  expect(warned.out).toMatch(/\| `decimal_comma` \| warn \| ⚠️ warning \| 1 \|/);
  expect(warned.out).toContain('- data/eu.csv, column "weight": looks numeric with decimal commas (60 cells such as "0,0"), so it is read as categories; set data.decimal: "," in the pipeline to read these as numbers');
  await writeFiles(ws, { 'pipelines/eu.yml': 'name: eu\ntask: classification\ntarget: label\nid: id\ndata:\n  train: data/eu.csv\n  delimiter: ";"\n  decimal: ","\n' });
  expect((await cli(ws, 'schema', 'infer', '--pipeline', 'pipelines/eu.yml', '--output', 'out/eu.schema.yml')).code).toBe(0);
  expect(await readFile(path.join(ws, 'out/eu.schema.yml'), 'utf8')).toContain('  weight:\n    type: number\n    min: 0\n    max: 88.5\n');
  await writeFiles(ws, { 'pipelines/bad.yml': 'name: bad\ntask: classification\ntarget: label\ndata:\n  train: data/eu.csv\n  delimiter: ","\n  decimal: ","\n' });
  expect((await cli(ws, 'validate-data', '--pipeline', 'pipelines/bad.yml')).err).toMatch(/key "data.decimal": a decimal comma needs another delimiter/);
});

test('MAPE over zero labels is flagged in the report and kept out of the chart', async () => {
  const ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', 'pipelines/taxi-demand.yml', ...few(5))).code).toBe(0);
  expect((await cli(ws, 'evaluate', '--pipeline', 'pipelines/taxi-demand.yml', '--model', 'out/taxi-demand/model.json')).code).toBe(0);
  const metrics = JSON.parse(await readFile(path.join(ws, 'out/taxi-demand/metrics.json'), 'utf8'));
  expect(metrics.notes).toEqual([expect.stringMatching(/^mape: [\d,]+ of the [\d,]+ rows have the label 0\. As in scikit-learn, MAPE divides by max\(\|y\|, ε\)/)]);
  expect(await readFile(path.join(ws, 'out/taxi-demand/evaluation.md'), 'utf8')).toContain('> mape&#58; ');
  const cmp = await cli(ws, 'compare-to-champion', '--pipeline', 'pipelines/taxi-demand.yml', '--candidate', 'out/taxi-demand/model.json');
  expect(cmp.out).toContain('> mape: ');
  const charts = cmp.out.split('```mermaid').slice(1).map((c) => c.split('```')[0]!);
  expect(charts).toHaveLength(1);
  expect(charts[0]).toContain('x-axis [rmse, mae, median_ae]');
  expect(charts.join('')).not.toContain('mape');
});

test('a million-row one-column file validates in seconds (conflicting labels is linear)', async () => {
  const ws = await exampleWorkspace();
  const lines = ['x,label'];
  // A reference count, kept independently: a row conflicts when an earlier row with its x had another label.
  const seen = new Map<number, Set<string>>();
  let expected = 0;
  for (let i = 0; i < 1_000_000; i++) {
    const x = i % 10;
    const label = i % 3 ? 'a' : 'b';
    lines.push(`${x},${label}`);
    const labels = seen.get(x) ?? new Set<string>();
    if ([...labels].some((l) => l !== label)) expected++;
    seen.set(x, labels.add(label));
  }
  await writeFiles(ws, { 'data/big.csv': `${lines.join('\n')}\n`, 'pipelines/big.yml': 'name: big\ntask: classification\ntarget: label\ndata:\n  train: data/big.csv\n' });
  const r = await cli(ws, 'validate-data', '--pipeline', 'pipelines/big.yml', '--json');
  expect(r.code).toBe(0);
  const report = JSON.parse(await readFile(path.join(ws, 'out/big/validation-report.json'), 'utf8'));
  expect(report.checks.find((c: { id: string }) => c.id === 'conflicting_labels')).toMatchObject({ status: 'warned', count: expected });
  expect(expected).toBeGreaterThan(999_000);
}, 60000);
