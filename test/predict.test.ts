// mlops predict: a CSV scored with a package or the champion, row for row what serve answers, in
// slices; rows serve would refuse get their reason and the rest go on; the output is written whole or
// not at all, never over a file mlops did not write.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { answer } from '../src/serve/answer.ts';
import { loadSlot, type ModelSlot } from '../src/serve/server.ts';
import { cli } from './support/cli.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

let ws: string;
let spam: ModelSlot;
let taxi: ModelSlot;
let spamCsv: string[];

/** serve's answer (MLflow records) for CSV lines under `header`. */
async function served(slot: ModelSlot, header: string, lines: string[]): Promise<{ predictions: (string | number)[]; probabilities?: Record<string, number>[] }> {
  const names = header.split(',').map((h) => h.replace(/^"|"$/g, ''));
  const records = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
  const job = { protocol: 'mlflow' as const, body: Buffer.from(JSON.stringify({ dataframe_records: records })), contentType: 'application/json', limits: { maxRows: 1e9, maxColumns: 1e5 }, logTime: null };
  return JSON.parse((await answer(slot, job)).text) as Awaited<ReturnType<typeof served>>;
}

const csvRows = async (file: string) => (await readFile(path.join(ws, file), 'utf8')).trimEnd().split('\n');

beforeAll(async () => {
  ws = await exampleWorkspace();
  for (const [pipeline, trees, out] of [['pipelines/spam-detector.yml', 20, 'out/spam.json'], ['pipelines/taxi-demand.yml', 10, 'out/taxi.json']] as const) {
    expect((await cli(ws, 'train', '--pipeline', pipeline, '--params', JSON.stringify({ trees }), '--output', out)).code).toBe(0);
  }
  spam = await loadSlot(await readFile(path.join(ws, 'out/spam.json')), 'spam', 'v1');
  taxi = await loadSlot(await readFile(path.join(ws, 'out/taxi.json')), 'taxi', 'v1');
  spamCsv = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trimEnd().split('\n');
});

test('every row of a file larger than one slice gets what serve answers: the label and each class share', async () => {
  // 16 copies of Spambase: 73,616 rows, more than one slice.
  const copies = 16;
  const [header = '', ...rows] = spamCsv;
  await writeFile(path.join(ws, 'data/big.csv'), `${header}\n${Array.from({ length: copies }, () => rows.join('\n')).join('\n')}\n`);
  const r = await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/big.csv', '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ predictions: 'out/spam-detector/predictions.csv', rows: rows.length * copies, 'bad-rows': 0 });
  const expected = await served(spam, header, rows);
  const out = await csvRows('out/spam-detector/predictions.csv');
  expect(out[0]).toBe('row,prediction,p_nonspam,p_spam,error');
  expect(out).toHaveLength(rows.length * copies + 1);
  for (let i = 1; i < out.length; i++) {
    const [line, label, pNon, pSpam, error] = out[i]!.split(',');
    const k = (i - 1) % rows.length;
    expect(Number(line)).toBe(i + 1);
    expect(label).toBe(expected.predictions[k]);
    expect([Number(pNon), Number(pSpam)]).toEqual([expected.probabilities![k]!.nonspam, expected.probabilities![k]!.spam]);
    expect(error).toBe('');
  }
});

test('a regression is named by its id column, copied exactly as written', async () => {
  const [header = '', ...rows] = (await readFile(path.join(ws, 'data/taxi-demand.csv'), 'utf8')).trimEnd().split('\n');
  const r = await cli(ws, 'predict', '--model', 'out/taxi.json', '--data', 'data/taxi-demand.csv', '--output', 'out/taxi.csv');
  expect(r.code).toBe(0);
  const out = await csvRows('out/taxi.csv');
  expect(out[0]).toBe('slot,prediction,error');
  const slot = header.split(',').indexOf('slot');
  const expected = (await served(taxi, header, rows)).predictions;
  rows.forEach((line, i) => expect(out[i + 1]).toBe(`${line.split(',')[slot]},${expected[i]},`));
});

describe('rows that serve would refuse', () => {
  test('get the column and the reason instead of a prediction; the others go on; past max-bad-rows the step fails after writing', async () => {
    const [head = '', ...data] = spamCsv;
    const lines = data.slice(0, 10);
    const cells = (i: number) => lines[i]!.split(',');
    lines[2] = ['oops', ...cells(2).slice(1)].join(',');
    lines[4] = ['1e400', ...cells(4).slice(1)].join(',');
    lines[6] = `${lines[6]},extra`;
    await writeFile(path.join(ws, 'data/bad.csv'), `${head}\n${lines.join('\n')}\n`);
    const r = await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/bad.csv', '--output', 'out/bad.csv', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('3 of 10 rows (30.00%) could not be predicted, more than max-bad-rows (1.00%); the predictions are in out/bad.csv');
    expect(JSON.parse(r.out)).toMatchObject({ rows: 10, 'bad-rows': 3 });
    const out = await csvRows('out/bad.csv');
    // The ragged line (8) is skipped by the reader, so it is not in the output.
    expect(out.map((l) => l.split(',')[0])).toEqual(['row', '2', '3', '4', '5', '6', '7', '9', '10', '11']);
    const name = JSON.parse(head.split(',')[0]!) as string;
    expect(out[3]).toBe(`4,,,,"the column ""${name}"" needs a number; ""oops"" is not one"`);
    expect(out[5]).toBe(`6,,,,"the column ""${name}"" needs a finite number; ""1e400"" is not a finite number"`);
    const good = await served(spam, head, [lines[0]!]);
    expect(out[1]).toBe(`2,${good.predictions[0]},${good.probabilities![0]!.nonspam},${good.probabilities![0]!.spam},`);
    // Within the limit, the same file passes.
    expect((await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/bad.csv', '--output', 'out/bad.csv', '--max-bad-rows', '0.5')).code).toBe(0);
  });

  test('a column the model needs and the file lacks: every row says so', async () => {
    const [head = '', ...data] = spamCsv;
    const drop = (l: string) => l.split(',').slice(1).join(',');
    await writeFile(path.join(ws, 'data/short.csv'), `${drop(head)}\n${data.slice(0, 5).map(drop).join('\n')}\n`);
    const r = await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/short.csv', '--output', 'out/short.csv');
    expect(r.code).toBe(1);
    const out = await csvRows('out/short.csv');
    expect(out).toHaveLength(6);
    const name = JSON.parse(head.split(',')[0]!) as string;
    for (const l of out.slice(1)) expect(l).toMatch(new RegExp(`^\\d+,,,,"the column ""${name}"" is missing"$`));
  });

  test('max-bad-rows must be a share from 0 to 1, and a file with no rows is refused', async () => {
    const bad = await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/spambase.csv', '--max-bad-rows', '5%');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('max-bad-rows');
    await writeFile(path.join(ws, 'data/empty.csv'), `${spamCsv[0]}\n`);
    const empty = await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/empty.csv', '--output', 'out/empty.csv');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('data/empty.csv has no rows to predict');
  });
});

test('the output never replaces a file mlops did not write, and a failed run leaves the old output whole', async () => {
  await writeFile(path.join(ws, 'notes.csv'), 'mine\n');
  const r = await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/spambase.csv', '--output', 'notes.csv');
  expect(r.code).toBe(2);
  expect(r.err).toBe('mlops: notes.csv: exists and was not written by mlops; pass --overwrite to replace it, or choose another path\n');
  expect(await readFile(path.join(ws, 'notes.csv'), 'utf8')).toBe('mine\n');
  // Its own output is replaced; a run that fails midway (a damaged second file) leaves it as it was.
  expect((await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/spambase.csv', '--output', 'out/p.csv')).code).toBe(0);
  const before = await readFile(path.join(ws, 'out/p.csv'), 'utf8');
  // The first file is more than a slice, so its predictions are written before the second is refused
  // (a header of more columns than the reader takes).
  const [header = '', ...rows] = spamCsv;
  await writeFile(path.join(ws, 'data/parts-1.csv'), `${header}\n${Array.from({ length: 15 }, () => rows.join('\n')).join('\n')}\n`);
  await writeFile(path.join(ws, 'data/parts-2.csv'), `${Array.from({ length: 100_001 }, (_, i) => `c${i}`).join(',')}\n`);
  const failed = await cli(ws, 'predict', '--model', 'out/spam.json', '--data', 'data/parts-*.csv', '--output', 'out/p.csv');
  expect(failed.code).toBe(2);
  expect(failed.err).toContain('data/parts-2.csv: the header has 100,001 columns');
  expect(await readFile(path.join(ws, 'out/p.csv'), 'utf8')).toBe(before);
  expect((await readdir(path.join(ws, 'out'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('with the pipeline alone, the champion scores, its checksum verified', async () => {
  expect((await cli(ws, 'run', '--pipeline', 'pipelines/taxi-demand.yml', '--params', '{"trees": 5}')).code).toBe(0);
  const r = await cli(ws, 'predict', '--pipeline', 'pipelines/taxi-demand.yml', '--data', 'data/taxi-demand.csv', '--json');
  expect(r.code).toBe(0);
  const sums = await readFile(path.join(ws, 'models/taxi-demand/v1/SHA256SUMS'), 'utf8');
  expect(sums).toContain((JSON.parse(r.out) as { 'model-digest': string })['model-digest'].replace('sha256:', ''));
  const pkgFile = sums.split('\n').find((l) => l.includes('model.json'))!.split(/\s+\*?/)[1]!;
  const file = path.join(ws, 'models/taxi-demand/v1', pkgFile);
  const bytes = await readFile(file);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 1, bytes.length - 2);
  await writeFile(file, bytes);
  const damaged = await cli(ws, 'predict', '--pipeline', 'pipelines/taxi-demand.yml', '--data', 'data/taxi-demand.csv');
  expect(damaged.code).toBe(2);
  expect(damaged.err).toMatch(/checksum|sha256/i);
});

test('the predict action: its bundle scores a file with the package given, outputs as a runner reads them', async () => {
  const run = await runAction('predict', { workspace: ws, inputs: { model: 'out/spam.json', data: 'data/spambase.csv', output: 'out/action.csv' } });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ predictions: 'out/action.csv', rows: String(spamCsv.length - 1), 'bad-rows': '0' });
  expect(run.summary).toContain('### predict: spam-detector');
  expect(await csvRows('out/action.csv')).toHaveLength(spamCsv.length);
});
