// The model package: one JSON file (gzipped when its name ends in .gz) that holds everything needed to
// use, trust and reproduce a model. Its bytes depend only on the data, the config, the code and the
// seed: no clock, no machine, no thread count.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { ModelFormatError } from '../errors.ts';
import type { FeatureEncoding } from '../features/encode.ts';
import type { DataSchema } from '../schema/data-schema.ts';
import type { ColumnProfile } from './profile.ts';

export const MODEL_FORMAT = 'mlops-model';
export const MODEL_FORMAT_VERSION = 1;

export interface ModelPackage {
  format: typeof MODEL_FORMAT;
  format_version: typeof MODEL_FORMAT_VERSION;
  pipeline: string;
  task: 'classification' | 'regression';
  target: { name: string; classes: string[] | null };
  id: string | null;
  encoding: FeatureEncoding;
  schema: DataSchema;
  params: { trees: number; max_depth: number | null; min_samples_leaf: number; max_features: string | number; bootstrap: boolean; seed: number };
  split: { test_fraction: number; seed: number; stratify: string | null; stratify_test_shares: Record<string, number> | null };
  provenance: { data_sha256: string; data_files: string[]; config_sha256: string; commit: string | null; created_at: string | null; tool: string };
  rows: { total: number; labelled: number; train: number; test: number };
  oob_score: number | null;
  feature_importance: Record<string, number>;
  profile: Record<string, ColumnProfile>;
  /** ml-random-forest's JSON: RandomForestClassifier.load / RandomForestRegression.load accept it. */
  forest: Record<string, unknown>;
}

/** The package's bytes: compact JSON with a final newline, gzipped (without a timestamp) if asked. */
export function serializeModel(pkg: ModelPackage, gzip: boolean): Buffer {
  const json = Buffer.from(`${JSON.stringify(pkg)}\n`);
  return gzip ? gzipSync(json, { level: 9 }) : json;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses and checks a package's bytes; `file` names it in errors. */
export function parseModel(file: string, bytes: Uint8Array): ModelPackage {
  let text: string;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch (err) {
      throw new ModelFormatError(file, `the gzip data is truncated or damaged (${(err as Error).message})`);
    }
  } else text = Buffer.from(bytes).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ModelFormatError(file, `the key "${key}" is not allowed in a model package`);
      return v;
    });
  } catch (err) {
    if (err instanceof ModelFormatError) throw err;
    throw new ModelFormatError(file, `not a complete JSON document (truncated?): ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelFormatError(file, 'not a model package (expected a JSON object)');
  const pkg = value as Partial<ModelPackage>;
  if (pkg.format !== MODEL_FORMAT) throw new ModelFormatError(file, `unknown format ${JSON.stringify(pkg.format ?? null)}; expected "${MODEL_FORMAT}"`);
  if (pkg.format_version !== MODEL_FORMAT_VERSION) throw new ModelFormatError(file, `format version ${JSON.stringify(pkg.format_version ?? null)} is not supported (this tool reads version ${MODEL_FORMAT_VERSION})`);
  for (const key of ['pipeline', 'task', 'target', 'encoding', 'schema', 'params', 'forest'] as const) {
    if (pkg[key] === undefined) throw new ModelFormatError(file, `the package has no "${key}"`);
  }
  const forestName = (pkg.forest as { name?: unknown }).name;
  const expected = pkg.task === 'classification' ? 'RFClassifier' : 'RFRegression';
  if (forestName !== expected) throw new ModelFormatError(file, `the forest is ${JSON.stringify(forestName)}, expected ${expected} for a ${String(pkg.task)} model`);
  return pkg as ModelPackage;
}

export async function loadModel(path: string, name = path): Promise<{ pkg: ModelPackage; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new ModelFormatError(name, `cannot read the model package (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return { pkg: parseModel(name, bytes), bytes };
}
