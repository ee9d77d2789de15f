import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePipeline, PIPELINE_FIELDS } from '../src/engine/config/pipeline.ts';
import { documentSpec } from '../src/engine/config/spec.ts';
import { ConfigError } from '../src/engine/errors.ts';
import { REPO_ROOT } from './support/run-action.ts';

const ROOT = '/repo';
const parse = (text: string) => parsePipeline('pipelines/p.yml', text, ROOT);
const base = 'name: p\ntask: classification\ntarget: y\ndata:\n  train: data/x.csv\n';

function errorOf(text: string): ConfigError {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

test('a minimal pipeline gets every default', () => {
  const cfg = parse(base);
  expect(cfg).toMatchObject({
    name: 'p',
    task: 'classification',
    target: 'y',
    id: undefined,
    data: { train: 'data/x.csv', test: undefined, missing: ['', 'NA', 'NaN', 'null'], delimiter: undefined },
    features: { exclude: [] },
    validation: { minRows: 20, minClassRows: 5, maxMissingRate: 0.5 },
  });
  expect(cfg.validation.severity.duplicate_rows).toBe('warn');
  expect(cfg.digest).toMatch(/^[0-9a-f]{64}$/);
});

test('the example pipeline is valid', () => {
  const file = 'pipelines/spam-detector.yml';
  const cfg = parsePipeline(file, readFileSync(path.join(REPO_ROOT, file)), REPO_ROOT);
  expect(cfg.name).toBe('spam-detector');
  expect(cfg.schema).toBe('pipelines/spam-detector.schema.yml');
});

test('an unknown key names its path and line', () => {
  const err = errorOf(`${base}  trian: data/y.csv\n`);
  expect(err.keyPath).toBe('data.trian');
  expect(err.line).toBe(6);
  expect(err.message).toBe('pipelines/p.yml line 6, key "data.trian": unknown key (known keys here: train, test, missing, delimiter, decimal)');
});

test('a wrong type names the key and the value', () => {
  const err = errorOf(`${base}validation:\n  min_rows: lots\n`);
  expect(err.message).toBe('pipelines/p.yml line 7, key "validation.min_rows": expected a number, got "lots"');
  expect(errorOf(base.replace('classification', 'clustering')).message).toMatch(/key "task": "clustering" is not one of classification, regression/);
  expect(errorOf(base.replace('name: p', 'name: Spam Detector')).message).toMatch(/key "name": "Spam Detector" is not made of a-z, 0-9 and -/);
});

test('a missing required key is named', () => {
  expect(errorOf('name: p\ntask: regression\ndata:\n  train: x.csv\n').message).toMatch(/the key "target" is required/);
  expect(errorOf('name: p\ntask: regression\ntarget: y\ndata: {}\n').message).toMatch(/the key "data.train" is required/);
});

test('paths outside the repository are refused', () => {
  expect(errorOf(base.replace('data/x.csv', '../secrets.csv')).message).toMatch(/key "data.train": "..\/secrets.csv" is outside the repository/);
  expect(errorOf(base.replace('data/x.csv', '/etc/passwd')).message).toMatch(/key "data.train": "\/etc\/passwd" is not a path relative to the repository root/);
  expect(errorOf(`${base}schema: data/../../x.yml\n`).keyPath).toBe('schema');
});

test('severities can be set per check, and an unknown check is named', () => {
  const cfg = parse(`${base}validation:\n  severity:\n    duplicate_rows: error\n    range: off\n`);
  expect(cfg.validation.severity.duplicate_rows).toBe('error');
  expect(cfg.validation.severity.range).toBe('off');
  expect(errorOf(`${base}validation:\n  severity:\n    dupes: error\n`).message).toMatch(/key "validation.severity.dupes": unknown check/);
  expect(errorOf(`${base}validation:\n  severity:\n    range: fatal\n`).message).toMatch(/"fatal" is not one of error, warn, off/);
});

test('the target cannot be excluded or be the id; tab is a delimiter', () => {
  expect(errorOf(`${base}features:\n  exclude: [y]\n`).keyPath).toBe('features.exclude');
  expect(errorOf(`${base}id: y\n`).keyPath).toBe('id');
  expect(parse(base.replace('train: data/x.csv', 'train: data/x.csv\n  delimiter: tab')).data.delimiter).toBe('\t');
});

test('YAML syntax errors say where', () => {
  expect(errorOf('name: p\n  task: [\n').message).toMatch(/^pipelines\/p.yml line \d+: not valid YAML/);
});

test('the reference documents every pipeline key, and every generated table is fresh (npm run docs)', async () => {
  const reference = readFileSync(path.join(REPO_ROOT, 'docs/reference.md'), 'utf8');
  for (const key of documentSpec(PIPELINE_FIELDS)) expect(reference).toContain(`| \`${key.path}\` |`);
  const { GENERATED, render } = await import('../scripts/docs.mjs');
  for (const page of Object.keys(GENERATED)) {
    const text = readFileSync(path.join(REPO_ROOT, page), 'utf8');
    expect(render(text, page)).toBe(text);
  }
  // The check is live: a table that no longer matches the spec is rewritten.
  expect(render(reference.replace('| `name` |', '| `nome` |'), 'docs/reference.md')).toBe(reference);
});
