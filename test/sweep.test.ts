// A sweep of 6 cells through `mlops run`: each cell scored on a validation part of the training rows
// (never the test rows), the best cell trained and compared, its table and chart in the report and the
// comment, and only it published. The matrix way (one cell per job, then a collection) picks the same
// cell with the same record, byte for byte.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

const SWEEP = `
evaluation:
  bootstrap: 50
sweep:
  grid:
    trees: [3, 12, 30]
    min_samples_leaf: [1, 40]
`;

let ws: string;
let run: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  ws = await exampleWorkspace();
  const base = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  await writeFile(path.join(ws, 'pipelines/spam-detector.yml'), `${base.trimEnd()}\n${SWEEP}`);
  const r = await cli(ws, 'run', '--pipeline', 'pipelines/spam-detector.yml', '--json');
  expect(r.err).not.toMatch(/internal error/);
  expect(r.code).toBe(0);
  run = JSON.parse(r.out);
}, 180_000);

test('six cells scored on validation rows; the best cell is the candidate, compared and published, and no other', async () => {
  expect(run.sweep).toMatchObject({ cells: 6 });
  const record = JSON.parse(await readFile(path.join(ws, 'out/spam-detector/sweep.json'), 'utf8'));
  expect(record.cells).toHaveLength(6);
  const scores = record.cells.map((c: { score: number }) => c.score);
  const best = record.cells.reduce((a: { score: number }, b: { score: number }) => (b.score > a.score ? b : a));
  expect(record.best).toMatchObject({ cell: best.cell, params: best.params, score: Math.max(...scores) });
  expect(run.sweep!['best-params']).toEqual(best.params);
  // The validation rows are training rows: together with the fitted ones, they are the package's training split.
  const pkg = JSON.parse(await readFile(path.join(ws, run.train!['model-path'] as string), 'utf8'));
  expect(record.cells[0].rows.fit + record.cells[0].rows.validation).toBe(pkg.rows.train);
  expect({ trees: pkg.params.trees, min_samples_leaf: pkg.params.min_samples_leaf }).toEqual(best.params);
  expect(run['compare-to-champion']!.decision).toBe('first-model');
  expect(run['publish-model']!.version).toBe(1);
  expect((await readdir(path.join(ws, 'models/spam-detector'))).filter((d) => /^v\d+$/.test(d))).toEqual(['v1']);
});

test('the table (every cell, the best marked) and its chart are in the sweep report and the comparison', async () => {
  const md = await readFile(path.join(ws, 'out/spam-detector/sweep.md'), 'utf8');
  expect(md).toMatch(/^#### Sweep: 6 cells, scored on [\d,]+ validation rows by accuracy/);
  expect(md.split('\n').filter((l) => /^\| \**\d/.test(l))).toHaveLength(6);
  expect(md).toMatch(/\| \*\*\d\*\* ✅ \|/);
  expect(md).toContain('```mermaid\nxychart-beta');
  const comparison = await readFile(path.join(ws, run['compare-to-champion']!.report as string), 'utf8');
  expect(comparison).toContain(md.split('\n')[0]);
  expect(comparison).toMatch(/Cell \d goes on to compare-to-champion, trained on the whole training split; no other cell does\./);
});

test('the matrix way: each cell alone, then the collection, gives the same record byte for byte', async () => {
  const whole = await readFile(path.join(ws, 'out/spam-detector/sweep.json'), 'utf8');
  for (let c = 1; c <= 6; c++) {
    const r = await cli(ws, 'sweep', '--pipeline', 'pipelines/spam-detector.yml', '--cell', String(c), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).json).toBe(`out/spam-detector/sweep/cell-${c}.json`);
  }
  const collected = await cli(ws, 'sweep', '--pipeline', 'pipelines/spam-detector.yml', '--results', 'out/spam-detector/sweep/cell-*.json', '--json');
  expect(collected.code).toBe(0);
  expect(JSON.parse(collected.out)['best-params']).toEqual(run.sweep!['best-params']);
  expect(await readFile(path.join(ws, 'out/spam-detector/sweep.json'), 'utf8')).toBe(whole);
  const missing = await cli(ws, 'sweep', '--pipeline', 'pipelines/spam-detector.yml', '--results', 'out/spam-detector/sweep/cell-[1-5].json');
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/has 5 results for cells 1, 2, 3, 4, 5; the sweep has cells 1 to 6 \(missing: 6\)/);
  const bad = await cli(ws, 'sweep', '--pipeline', 'pipelines/spam-detector.yml', '--cell', '7');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/input "cell": "7" is not a cell from 1 to 6/);
}, 180_000);

test('a sweep of a key that is not a model parameter, or of more cells than a matrix runs, is a config error', async () => {
  const base = await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8');
  const dir = path.join(ws, 'pipelines');
  await writeFile(path.join(dir, 'bad.yml'), base.replace('name: spam-detector', 'name: bad').replace('min_samples_leaf: [1, 40]', 'leaves: [1, 40]'));
  const unknown = await cli(ws, 'sweep', '--pipeline', 'pipelines/bad.yml');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/key "sweep\.grid\.leaves": "leaves" is not a model parameter/);
  await writeFile(path.join(dir, 'big.yml'), base.replace('name: spam-detector', 'name: big').replace('trees: [3, 12, 30]', `trees: [${Array.from({ length: 200 }, (_, i) => i + 1).join(', ')}]`));
  // A sweep report for a pipeline without a sweep is a mistake, not a silent no-op.
  await writeFile(path.join(dir, 'plain.yml'), await readFile(path.join(REPO_ROOT, 'pipelines/spam-detector.yml')));
  const stray = await cli(ws, 'compare-to-champion', '--pipeline', 'pipelines/plain.yml', '--candidate', run.train!['model-path'] as string, '--sweep-report', 'out/spam-detector/sweep.json', '--allow-first-model', 'true');
  expect(stray.code).toBe(2);
  expect(stray.err).toMatch(/input "sweep-report": pipelines\/plain\.yml has no sweep: section, so there is no sweep to report/);
  const big = await cli(ws, 'sweep', '--pipeline', 'pipelines/big.yml');
  expect(big.code).toBe(2);
  expect(big.err).toMatch(/400 cells; a sweep runs one matrix job per cell, at most 256 \(set sweep\.random to draw fewer\)/);
});
