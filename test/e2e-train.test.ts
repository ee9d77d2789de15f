// The committed train bundle, run the way a runner runs it: worker threads start from dist/index.js.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FakeGitHub } from './support/fake-github.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

let gh: FakeGitHub;
let ws: string;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  ws = await exampleWorkspace();
});
afterAll(() => gh.stop());

test('train: outputs, summary, a package whose digest matches, on 2 threads', async () => {
  const run = await runAction('train', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', params: '{"trees": 24}', threads: '2' }, apiUrl: gh.url, env: { SOURCE_DATE_EPOCH: '1767225600' } });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs['model-path']).toBe('out/spam-detector/model.json');
  const bytes = await readFile(path.join(ws, run.outputs['model-path']!));
  expect(run.outputs['model-digest']).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  expect(Number(run.outputs['oob-score'])).toBeGreaterThan(0.9);
  expect(Object.keys(JSON.parse(run.outputs['feature-importance']!))[0]).toMatch(/^char|remove|capital|free/);
  expect(run.stdout).toMatch(/trees 24\/24 · [\d.]+ s · [\d,]+ rows\/s/);
  expect(run.summary).toContain('### train: spam-detector');
  expect(run.summary).toContain('| Feature | Importance |');
  // The same inputs on one thread: the same bytes.
  const again = await runAction('train', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', params: '{"trees": 24}', threads: '1', output: 'out/one-thread.json' }, apiUrl: gh.url, env: { SOURCE_DATE_EPOCH: '1767225600' } });
  expect(again.code).toBe(0);
  expect(again.outputs['model-digest']).toBe(run.outputs['model-digest']);
  expect(gh.requests).toEqual([]);
});

test('train: a bad params input fails the step, naming the action and the input', async () => {
  const run = await runAction('train', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', params: '{"trees": 0}' }, apiUrl: gh.url });
  expect(run.code).toBe(1);
  expect(run.commands.find((c) => c.command === 'error')?.message).toBe('train: input "params" line 1, key "trees": 0 is below the minimum 1');
});

test('evaluate: the bundle scores a trained model and writes its metrics, report and summary', async () => {
  // Its own model, so that this test does not depend on another having run first.
  const trained = await runAction('train', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', params: '{"trees": 30}', output: 'out/for-evaluate.json' }, apiUrl: gh.url });
  expect(trained.code).toBe(0);
  const run = await runAction('evaluate', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', model: 'out/for-evaluate.json' }, apiUrl: gh.url });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs).toEqual({ metrics: 'out/spam-detector/metrics.json', report: 'out/spam-detector/evaluation.md' });
  const metrics = JSON.parse(await readFile(path.join(ws, run.outputs.metrics!), 'utf8'));
  expect(metrics.roc_auc).toBeGreaterThan(0.95);
  expect(run.summary).toContain('### evaluate: spam-detector');
  expect(run.summary).toMatch(/\| roc_auc \| 0\.9\d{3} \| 0\.9\d{3} – [01]\.\d{4} \|/);
});
