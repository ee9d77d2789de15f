// The committed bundle, run the way a runner runs it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FakeGitHub } from './support/fake-github.ts';
import { runAction } from './support/run-action.ts';
import { brokenSpambase, PLANTED } from './support/broken-spambase.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

let gh: FakeGitHub;
let ws: string;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  ws = await exampleWorkspace();
  await writeFiles(ws, { 'data/broken.csv': brokenSpambase() });
});
afterAll(() => gh.stop());

const pullRequest = { name: 'pull_request', payload: { number: 7, pull_request: { number: 7, head: { sha: 'abc' } }, repository: { name: 'octo-repo', owner: { login: 'octo-org' } } } };

test('passing data: outputs, job summary, exit 0, and no GitHub request', async () => {
  const run = await runAction('validate-data', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml' }, event: pullRequest, apiUrl: gh.url });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ passed: 'true', report: 'out/spam-detector/validation-report.json', errors: '0' });
  expect(run.summary).toContain('### validate-data: spam-detector ✅ passed');
  expect(run.summary).toContain('4,601 rows, 58 columns');
  const report = JSON.parse(await readFile(path.join(ws, run.outputs.report!), 'utf8'));
  expect(report.passed).toBe(true);
  expect(run.commands.filter((c) => c.command === 'error')).toEqual([]);
  expect(gh.requests).toEqual([]);
  expect(gh.violations).toEqual([]);
});

test('failing data: exit 1, annotations on file and line, escaped summary', async () => {
  const run = await runAction('validate-data', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', data: 'data/broken.csv' }, event: pullRequest, apiUrl: gh.url });
  expect(run.code).toBe(1);
  expect(run.outputs).toMatchObject({ passed: 'false' });
  expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(5);
  const errors = run.commands.filter((c) => c.command === 'error' && c.properties.file === 'data/broken.csv');
  const at = (line: number) => errors.find((c) => c.properties.line === String(line));
  expect(at(PLANTED.ragged)?.message).toMatch(/the row has 55 fields/);
  expect(at(PLANTED.forty)?.message).toBe('column "make": "forty" is not a number');
  expect(at(PLANTED.missingLabel)?.message).toBe('column "type": the label is missing');
  expect(at(PLANTED.latin1)?.message).toMatch(/not UTF-8/);
  const warnings = run.commands.filter((c) => c.command === 'warning' && c.properties.file === 'data/broken.csv');
  expect(warnings.find((c) => c.properties.line === String(PLANTED.hostile))?.message).toMatch(/<img src=x> @org\/team/);
  // Annotations are capped at 50, then one notice counts the rest.
  const annotated = run.commands.filter((c) => ['error', 'warning'].includes(c.command) && c.properties.file);
  expect(annotated).toHaveLength(50);
  expect(run.commands.find((c) => c.command === 'notice')?.message).toMatch(/^\d+ more row-level problems are not annotated/);
  // The last line is the one failure message, starting with the action's name.
  expect(run.commands.filter((c) => c.command === 'error' && !c.properties.file).map((c) => c.message)).toEqual([expect.stringMatching(/^validate-data: the data failed validation: \d+ errors/)]);
  expect(run.summary).toContain('❌ failed');
  expect(run.summary).toContain('&lt;img src=x&gt; &#64;org/team &lt;&#33;-- mlops --&gt;');
  expect(run.summary).not.toMatch(/<img|@org|<!-- mlops/);
  expect(gh.violations).toEqual([]);
});

test('a bad input fails with the action name and the input', async () => {
  const run = await runAction('validate-data', { workspace: ws, inputs: { pipeline: 'pipelines/missing.yml' }, apiUrl: gh.url });
  expect(run.code).toBe(1);
  expect(run.commands.find((c) => c.command === 'error')?.message).toBe('validate-data: pipelines/missing.yml: cannot read the pipeline file (ENOENT)');
});

test('drift-report without a token cannot find the champion, and fails naming itself and the input', async () => {
  const run = await runAction('drift-report', { workspace: ws, inputs: { pipeline: 'pipelines/spam-detector.yml', data: 'data/spambase.csv' }, apiUrl: gh.url });
  expect(run.code).toBe(1);
  expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/^drift-report: input "token": no token/);
});

test('a target the data does not have: exit 1 with an annotation on the pipeline file\'s target line, naming the columns', async () => {
  const text = (await readFile(path.join(ws, 'pipelines/spam-detector.yml'), 'utf8')).replace(/^target: type$/m, 'target: label');
  await writeFiles(ws, { 'pipelines/no-target.yml': text.replace(/^name: .*$/m, 'name: no-target') });
  const line = text.split('\n').findIndex((l) => l === 'target: label') + 1;
  expect(line).toBeGreaterThan(0);
  for (const step of ['validate-data', 'train']) {
    const run = await runAction(step, { workspace: ws, inputs: { pipeline: 'pipelines/no-target.yml' }, apiUrl: gh.url });
    expect(run.code).toBe(1);
    const error = run.commands.find((c) => c.command === 'error');
    expect(error?.properties).toMatchObject({ file: 'pipelines/no-target.yml', line: String(line) });
    expect(error?.message).toMatch(new RegExp(`^${step}: pipelines/no-target\\.yml line ${line}, key "target": the target column "label" is not in data/spambase\\.csv; the columns are "[^"]+", .* and \\d+ more`));
  }
});
