// The model package: one JSON file (gzipped when its name ends in .gz, or when it is large) that holds
// everything needed to use, trust and reproduce a model. Its bytes depend only on the data, the
// config, the code and the seed: no clock, no machine, no thread count. It is written tree by tree
// (package-writer.ts) and read as it inflates (json-stream.ts, package-reader.ts): never one string.
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { open } from 'node:fs/promises';
import { ModelFormatError } from '../errors.ts';
import type { CompiledForest } from '../forest/compiled.ts';
import type { FeatureEncoding } from '../features/encode.ts';
import type { DataSchema } from '../schema/data-schema.ts';
import type { ColumnProfile } from './profile.ts';
import type { Calibration } from '../drift/calibration.ts';
import type { OnnxInterface } from '../onnx/onnx-model.ts';
import { checkForestStats, checkPackageShape, fail as failKey } from './package-schema.ts';
import { JsonStreamParser, JsonSyntaxError } from './json-stream.ts';
import { PackageBuilder } from './package-reader.ts';

export const MODEL_FORMAT = 'mlops-model';
/** 2: the split records its key columns (version 1 packages keyed rows by every cell, and cannot be trusted to find their own test rows). */
/**
 * 3: the forest's JSON leaves out split gains and a leaf's trailing zero shares (stock
 * ml-random-forest loads and predicts it the same). Version 2 packages, with both, are still read;
 * a reader of version 2 refuses a version 3 package by its number instead of calling it damaged.
 */
export const MODEL_FORMAT_VERSION = 3;
/** 4: a model from the team's own trainer, an ONNX model inside (`onnx`) where a forest's package has `forest`. */
export const ONNX_FORMAT_VERSION = 4;
/** The versions this tool reads. */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [2, 3, 4];

/** A model from the team's own trainer (format version 4): the ONNX bytes and how the suite runs them. */
export interface OnnxPart {
  /** The ONNX bytes as the suite runs them (a final ZipMap cut out), and their sha256 (hex). */
  bytes: Uint8Array;
  sha256: string;
  interface: OnnxInterface;
  /** The trainer's command, and the sha256 of the file it wrote (before any cut). */
  command: string;
  written_sha256: string;
  zipmap_cut: boolean;
}

/** The largest package file read (it is held in memory, gzipped as a large one is). */
export const MAX_PACKAGE_FILE_BYTES = 2 * 1024 ** 3 - 1; // what fs reads into one buffer
/** The most JSON a package may inflate to (about 100 million tree nodes). */
export const MAX_PACKAGE_JSON_BYTES = 4 * 1024 ** 3;
/** A gzip may inflate at most this many times its own size (JSON packages compress about 10–15×). */
export const MAX_GZIP_RATIO = 200;

/** Everything in a package but its forest. */
export type PackageHead = Omit<ModelPackage, 'forest'>;

export interface ModelPackage {
  format: typeof MODEL_FORMAT;
  format_version: 2 | 3 | 4;
  pipeline: string;
  task: 'classification' | 'regression';
  target: { name: string; classes: string[] | null };
  id: string | null;
  encoding: FeatureEncoding;
  schema: DataSchema;
  /** The forest's parameters; null for a model from the team's own trainer. */
  params: { trees: number; max_depth: number | null; min_samples_leaf: number; max_features: string | number; bootstrap: boolean; seed: number } | null;
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
  /**
   * In the file: ml-random-forest's JSON, which RandomForestClassifier.load / RandomForestRegression.load
   * accept. In memory: the trees compiled for prediction. Null in a model from the team's own trainer.
   */
  forest: CompiledForest | null;
  /** Format version 4: the team's ONNX model, in the file as {sha256, base64, interface, …}. */
  onnx?: OnnxPart;
  /** How feature_importance was measured: the forest's impurity, or permutation on the test rows. */
  importance_method?: 'impurity' | 'permutation';
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function inflateLimit(compressed: number, most: number): number {
  return Math.min(most, Math.max(64 * 1024 * 1024, compressed * MAX_GZIP_RATIO));
}

function gzipError(file: string, err: unknown, limit: number, compressed: number): ModelFormatError {
  if (err instanceof ModelFormatError) return err;
  if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return new ModelFormatError(file, `refused: the gzip inflates past ${limit.toLocaleString('en-US')} bytes (the limit for ${compressed.toLocaleString('en-US')} compressed bytes); it is not a model package`);
  return new ModelFormatError(file, `the gzip data is truncated or damaged (${(err as Error).message})`);
}

/** Feeds the package's JSON to the parser: inflated as it goes when it is gzipped. */
async function feedPackage(file: string, bytes: Uint8Array, parser: JsonStreamParser): Promise<void> {
  if (!isGzip(bytes)) {
    parser.feed(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    return;
  }
  const limit = inflateLimit(bytes.length, MAX_PACKAGE_JSON_BYTES);
  const gunzip = createGunzip({ chunkSize: 1024 * 1024 });
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const stop = (err: unknown) => {
      gunzip.destroy();
      reject(err);
    };
    // Pieces gathered to 32 MiB before parsing, so that most trees lie whole in one (the fast path).
    let held: Buffer[] = [];
    let heldBytes = 0;
    const flush = () => {
      if (heldBytes === 0) return;
      const joined = held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes);
      held = [];
      heldBytes = 0;
      parser.feed(joined);
    };
    gunzip.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      if (inflated > limit) return stop(Object.assign(new Error('too large'), { code: 'ERR_BUFFER_TOO_LARGE' }));
      held.push(chunk);
      heldBytes += chunk.length;
      try {
        if (heldBytes >= 32 * 1024 * 1024) flush();
      } catch (err) {
        stop(err);
      }
    });
    gunzip.on('end', () => {
      try {
        flush();
        resolve();
      } catch (err) {
        reject(err);
      }
    });
    gunzip.on('error', reject);
    gunzip.end(bytes);
  }).catch((err: unknown) => {
    if (err instanceof JsonSyntaxError) throw err;
    throw gzipError(file, err, limit, bytes.length);
  });
}

/**
 * Parses and checks a package's bytes; `file` names it in errors. Column names are data, so any name
 * is allowed (`constructor`, `__proto__`): they become own properties, never prototypes, as JSON.parse
 * makes them, and the code reads name-keyed records through Object.hasOwn or Maps.
 */
export async function parseModel(file: string, bytes: Uint8Array): Promise<ModelPackage> {
  if (bytes.length === 0) throw new ModelFormatError(file, 'the file is empty; it is not a model package');
  const builder = new PackageBuilder(file, (key, value) => {
    // Refused as soon as they are read: a package of another format is not parsed to its end.
    if (key === 'format') checkFormat(file, value);
    else if (key === 'format_version') checkVersion(file, value);
  });
  const parser = new JsonStreamParser(builder);
  try {
    await feedPackage(file, bytes, parser);
    parser.end();
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new ModelFormatError(file, err.truncated ? err.message : `${err.message}, so not a model package`);
    throw err;
  }
  const value = builder.result;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelFormatError(file, 'not a model package (expected a JSON object)');
  // No key of ours is named so; a package that has one at its top was made or edited by hand.
  if (Object.hasOwn(value, '__proto__')) throw new ModelFormatError(file, 'has a top-level key "__proto__", which no model package has: it is damaged or was edited');
  const head = value as { format?: unknown; format_version?: unknown };
  checkFormat(file, head.format);
  checkVersion(file, head.format_version);
  checkPackageShape(file, value);
  if (head.format_version === ONNX_FORMAT_VERSION) return onnxPackage(file, value as Omit<ModelPackage, 'forest' | 'onnx'> & { onnx: OnnxInFile });
  const pkg = value as Omit<ModelPackage, 'forest'> & { forest: { baseModel: { estimators: { root: object }[] } } };
  checkForestStats(file, pkg, builder.stats);
  const trees = pkg.forest.baseModel.estimators.map(({ root }, t) => {
    const tree = builder.treeOf.get(root);
    return tree ?? failKey(file, `forest.baseModel.estimators[${t}].root`, 'is not a tree node');
  });
  return { ...pkg, forest: { task: pkg.task, classes: pkg.target.classes?.length ?? 0, features: pkg.encoding.features.length, trees } };
}

/** The ONNX part as the file holds it: the bytes in base64. */
export type OnnxInFile = Omit<OnnxPart, 'bytes'> & { base64: string };

/** A format-4 package: its ONNX bytes decoded and checked against their recorded digest. */
function onnxPackage(file: string, pkg: Omit<ModelPackage, 'forest' | 'onnx'> & { onnx: OnnxInFile }): ModelPackage {
  const { base64, ...rest } = pkg.onnx;
  const bytes = Buffer.from(base64, 'base64');
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== rest.sha256) throw new ModelFormatError(file, `its ONNX model has sha256 ${sha}, but the package records ${rest.sha256}: the package is damaged`);
  return { ...pkg, forest: null, onnx: { ...rest, bytes } };
}

function checkFormat(file: string, format: unknown): void {
  if (format !== MODEL_FORMAT) throw new ModelFormatError(file, `unknown format ${JSON.stringify(format ?? null)}; expected "${MODEL_FORMAT}"`);
}

function checkVersion(file: string, version: unknown): void {
  if (READABLE_FORMAT_VERSIONS.includes(version as number)) return;
  const hint = version === 1 ? ' (a package from an older mlops-actions; train it again)' : typeof version === 'number' && version > ONNX_FORMAT_VERSION ? ' (a package from a newer mlops-actions; upgrade)' : '';
  throw new ModelFormatError(file, `format version ${JSON.stringify(version ?? null)} is not supported; this tool reads versions ${READABLE_FORMAT_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_FORMAT_VERSIONS.at(-1)}${hint}`);
}

export async function loadModel(path: string, name = path): Promise<{ pkg: ModelPackage; bytes: Buffer }> {
  const bytes = await readModelFile(path, name);
  return { pkg: await parseModel(name, bytes), bytes };
}

/** A package file's bytes, within MAX_PACKAGE_FILE_BYTES; `name` names it in errors. */
export async function readModelFile(path: string, name = path): Promise<Buffer> {
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
    if (info.size > MAX_PACKAGE_FILE_BYTES) throw new ModelFormatError(name, `the file is ${info.size.toLocaleString('en-US')} bytes; a model package may have at most ${MAX_PACKAGE_FILE_BYTES.toLocaleString('en-US')}`);
    bytes = await fh.readFile();
  } catch (err) {
    if (err instanceof ModelFormatError) throw err;
    throw new ModelFormatError(name, `cannot read the model package (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  } finally {
    await fh.close();
  }
  return bytes;
}
