// The model package: one JSON file (gzipped when its name ends in .gz) that holds everything needed to
// use, trust and reproduce a model. Its bytes depend only on the data, the config, the code and the
// seed: no clock, no machine, no thread count.
import { gunzipSync, gzipSync } from 'node:zlib';
import { open } from 'node:fs/promises';
import { ModelFormatError, UserError } from '../errors.ts';
import type { FeatureEncoding } from '../features/encode.ts';
import type { DataSchema } from '../schema/data-schema.ts';
import type { ColumnProfile } from './profile.ts';
import type { Calibration } from '../drift/calibration.ts';
import { checkPackageShape } from './package-schema.ts';

export const MODEL_FORMAT = 'mlops-model';
/** 2: the split records its key columns (version 1 packages keyed rows by every cell, and cannot be trusted to find their own test rows). */
/**
 * 3: the forest's JSON leaves out split gains and a leaf's trailing zero shares (stock
 * ml-random-forest loads and predicts it the same). Version 2 packages, with both, are still read;
 * a reader of version 2 refuses a version 3 package by its number instead of calling it damaged.
 */
export const MODEL_FORMAT_VERSION = 3;
/** The versions this tool reads. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [2, 3];

/** The largest package read as JSON (V8 cannot hold a longer string), and the most a gzip may inflate. */
export const MAX_PACKAGE_JSON_BYTES = 512 * 1024 * 1024;
/** A gzip may inflate at most this many times its own size (JSON packages compress about 10–15×). */
export const MAX_GZIP_RATIO = 200;

export interface ModelPackage {
  format: typeof MODEL_FORMAT;
  format_version: 2 | 3;
  pipeline: string;
  task: 'classification' | 'regression';
  target: { name: string; classes: string[] | null };
  id: string | null;
  encoding: FeatureEncoding;
  schema: DataSchema;
  params: { trees: number; max_depth: number | null; min_samples_leaf: number; max_features: string | number; bootstrap: boolean; seed: number };
  split: { test_fraction: number; seed: number; key_columns: string[]; stratify: string | null; stratify_test_shares: Record<string, number> | null };
  provenance: { data_sha256: string; data_files: string[]; config_sha256: string; commit: string | null; created_at: string | null; tool: string; build_key?: string };
  rows: { total: number; labelled: number; train: number; test: number };
  oob_score: number | null;
  feature_importance: Record<string, number>;
  profile: Record<string, ColumnProfile>;
  /**
   * The model on its own test split, what drift-report measures new data against: its metrics, the
   * distribution of its predictions, and (classification) the calibration map of its vote shares.
   * Absent from packages trained before drift-report existed.
   */
  holdout?: { rows: number; metrics: Record<string, number | null>; predictions: ColumnProfile; calibration: Calibration | null };
  /** A few test rows (raw values by column) and what the model predicts for them: serve's smoke test. */
  examples?: { rows: Record<string, string | number | null>[]; predictions: (string | number)[] };
  /** ml-random-forest's JSON: RandomForestClassifier.load / RandomForestRegression.load accept it. */
  forest: Record<string, unknown>;
}

/** The package's bytes: compact JSON with a final newline, gzipped (without a timestamp) if asked. */
/** `limit`: the longest JSON that parseModel reads back (a test lowers it). */
export function serializeModel(pkg: ModelPackage, gzip: boolean, limit = MAX_PACKAGE_JSON_BYTES): Buffer {
  let text: string;
  try {
    text = `${JSON.stringify(pkg)}\n`;
  } catch (err) {
    // V8's longest string: a forest this large cannot be one JSON document, nor be read back as one.
    if (err instanceof RangeError) throw tooLarge(pkg, undefined, limit);
    throw err;
  }
  if (text.length > limit) throw tooLarge(pkg, text.length, limit);
  const json = Buffer.from(text);
  // Level 6, zlib's default: on a 50.7 MB forest, level 9 took 3.40 s against 0.45 s for 12% fewer bytes.
  return gzip ? gzipSync(json, { level: 6 }) : json;
}

function tooLarge(pkg: ModelPackage, chars: number | undefined, limit: number): UserError {
  const size = chars === undefined ? 'more than 512 MiB' : `${(chars / 1024 ** 2).toFixed(1)} MiB`;
  return new UserError(`the model of "${pkg.pipeline}" (${pkg.params.trees} trees on ${pkg.rows.train.toLocaleString('en-US')} rows) would be ${size} of JSON; a package is read back as one JSON document of at most ${(limit / 1024 ** 2).toFixed(1)} MiB. Grow smaller trees (model.min_samples_leaf, model.max_depth) or fewer of them (model.trees)`);
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates a gzip, refusing (fast, with bounded memory) one that would grow past its limit. */
export function gunzipLimited(file: string, bytes: Uint8Array): Buffer {
  const limit = Math.min(MAX_PACKAGE_JSON_BYTES, Math.max(64 * 1024 * 1024, bytes.length * MAX_GZIP_RATIO));
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ModelFormatError(file, `refused: the gzip inflates past ${limit.toLocaleString('en-US')} bytes (the limit for ${bytes.length.toLocaleString('en-US')} compressed bytes); it is not a model package`);
    throw new ModelFormatError(file, `the gzip data is truncated or damaged (${(err as Error).message})`);
  }
}

/**
 * Parses and checks a package's bytes; `file` names it in errors. Column names are data, so any name
 * is allowed (`constructor`, `__proto__`): JSON.parse makes them own properties, never prototypes, and
 * the code reads name-keyed records through Object.hasOwn or Maps.
 */
export function parseModel(file: string, bytes: Uint8Array): ModelPackage {
  if (bytes.length === 0) throw new ModelFormatError(file, 'the file is empty; it is not a model package');
  const raw = isGzip(bytes) ? gunzipLimited(file, bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (raw.length > MAX_PACKAGE_JSON_BYTES) throw new ModelFormatError(file, `the package is ${raw.length.toLocaleString('en-US')} bytes of JSON; at most ${MAX_PACKAGE_JSON_BYTES.toLocaleString('en-US')} can be read (gzip it: name it .json.gz)`);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    const message = (err as Error).message;
    if (/end of JSON input|Unterminated|after property value|after array element/i.test(message)) throw new ModelFormatError(file, `not a complete JSON document (truncated?): ${message}`);
    throw new ModelFormatError(file, `not JSON, so not a model package: ${message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelFormatError(file, 'not a model package (expected a JSON object)');
  const head = value as { format?: unknown; format_version?: unknown };
  if (head.format !== MODEL_FORMAT) throw new ModelFormatError(file, `unknown format ${JSON.stringify(head.format ?? null)}; expected "${MODEL_FORMAT}"`);
  if (!READABLE_FORMAT_VERSIONS.includes(head.format_version as number)) {
    const hint = head.format_version === 1 ? ' (a package from an older mlops-actions; train it again)' : typeof head.format_version === 'number' && head.format_version > MODEL_FORMAT_VERSION ? ' (a package from a newer mlops-actions; upgrade)' : '';
    throw new ModelFormatError(file, `format version ${JSON.stringify(head.format_version ?? null)} is not supported; this tool reads versions ${READABLE_FORMAT_VERSIONS.join(' and ')}${hint}`);
  }
  checkPackageShape(file, value);
  return value as ModelPackage;
}

export async function loadModel(path: string, name = path): Promise<{ pkg: ModelPackage; bytes: Buffer }> {
  let bytes: Buffer;
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new ModelFormatError(name, `cannot read the model package (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    const info = await fh.stat();
    if (!info.isFile()) throw new ModelFormatError(name, 'cannot read the model package (it is not a file)');
    if (info.size > MAX_PACKAGE_JSON_BYTES) throw new ModelFormatError(name, `the file is ${info.size.toLocaleString('en-US')} bytes; a model package may have at most ${MAX_PACKAGE_JSON_BYTES.toLocaleString('en-US')}`);
    bytes = await fh.readFile();
  } catch (err) {
    if (err instanceof ModelFormatError) throw err;
    throw new ModelFormatError(name, `cannot read the model package (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  } finally {
    await fh.close();
  }
  return { pkg: parseModel(name, bytes), bytes };
}
