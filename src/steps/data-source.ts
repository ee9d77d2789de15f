// Loads a pipeline's data the way every step needs it: with the schema's declared types when there is
// a schema, or with the training data's inferred types when new data replaces it, so that a bad cell
// in the new data is a type error rather than a silent change of column type. Paths from the pipeline
// stay inside the repository; paths the user typed resolve against the current folder.
import path from 'node:path';
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { readData } from '../engine/data/read-data.ts';
import { checkFile, resolveDataFiles, resolveTyped, type ResolveOptions } from '../engine/data/files.ts';
import type { ColumnType, Table } from '../engine/data/table.ts';
import { declaredTypes, inferSchema, loadSchema, type DataSchema } from '../engine/schema/data-schema.ts';
import { ConfigError } from '../engine/errors.ts';
import { columnsClosestTo } from '../engine/validation/checks.ts';
import type { StepIO } from './io.ts';

export interface LoadOverrides {
  data?: string | undefined;
  testData?: string | undefined;
  schema?: string | undefined;
}

export interface LoadedData {
  table: Table;
  test: Table | undefined;
  reference: DataSchema | undefined;
  referenceKind: 'schema' | 'training-data' | 'none';
  referenceSource: string | undefined;
}

type Where = Pick<StepIO, 'root' | 'cwd'>;

/** How to resolve a path: typed by the user (current folder, anywhere) or from the pipeline (root, confined). */
export function resolveOptions(io: Where, typed: boolean): ResolveOptions {
  return typed ? { base: io.cwd, confine: false, fallbackBase: io.root } : { base: io.root, confine: true };
}

/** Reads the files a pattern names with the pipeline's CSV settings. */
export async function readPipelineData(cfg: PipelineConfig, pattern: string, what: string, declared: ReadonlyMap<string, ColumnType> | undefined, opts: ResolveOptions = { base: cfg.root, confine: true }): Promise<Table> {
  const files = await resolveDataFiles(cfg.root, pattern, what, opts);
  return readData(files, { missing: cfg.data.missing, decimal: cfg.data.decimal, ...(cfg.data.delimiter ? { delimiter: cfg.data.delimiter } : {}), ...(declared ? { declared } : {}) });
}

/** The pipeline's schema (confined to the repository), or a typed one. */
async function schemaOf(cfg: PipelineConfig, typed: string | undefined, io: Where): Promise<DataSchema | undefined> {
  const file = typed ?? cfg.schema;
  if (file === undefined) return undefined;
  const opts = resolveOptions(io, typed !== undefined);
  const abs = typed !== undefined ? resolveTyped(io.cwd, io.root, typed) : path.resolve(opts.base, file);
  await checkFile(cfg.root, abs, file, typed !== undefined ? 'the schema input' : cfg.schemaSource === 'convention' ? 'the schema (found by name beside the pipeline)' : 'schema', opts.confine);
  return loadSchema(abs, file);
}

export async function loadData(cfg: PipelineConfig, overrides: LoadOverrides, io: Where): Promise<LoadedData> {
  let reference = await schemaOf(cfg, overrides.schema, io);
  let referenceKind: LoadedData['referenceKind'] = reference ? 'schema' : 'none';
  let referenceSource: string | undefined = reference ? (overrides.schema ?? cfg.schema) : undefined;
  if (!reference && overrides.data !== undefined) {
    const training = await readPipelineData(cfg, cfg.data.train, 'data.train', undefined);
    reference = inferSchema(training, cfg.validation.maxMissingRate);
    referenceKind = 'training-data';
    referenceSource = cfg.data.train;
  }
  const declared = reference ? declaredTypes(reference) : undefined;
  const table = overrides.data !== undefined ? await readPipelineData(cfg, overrides.data, 'the data input', declared, resolveOptions(io, true)) : await readPipelineData(cfg, cfg.data.train, 'data.train', declared);
  requireTarget(cfg, table);
  const testTypes = declared ?? new Map(table.columns.map((c) => [c.name, c.type]));
  let test: Table | undefined;
  if (overrides.testData !== undefined) test = await readPipelineData(cfg, overrides.testData, 'the test-data input', testTypes, resolveOptions(io, true));
  else if (cfg.data.test !== undefined) test = await readPipelineData(cfg, cfg.data.test, 'data.test', testTypes);
  if (test) requireTarget(cfg, test);
  return { table, test, reference, referenceKind, referenceSource };
}

/**
 * A target the data does not have is the pipeline's mistake (or the wrong data's), whichever step meets
 * it first: a configuration error that points at the pipeline's target key and lists the columns there are.
 */
export function requireTarget(cfg: PipelineConfig, table: Table): void {
  const names = table.columns.map((c) => c.name);
  if (names.includes(cfg.target)) return;
  throw new ConfigError(cfg.file, 'target', `the target column ${JSON.stringify(cfg.target)} is not in ${table.files.join(', ')}; ${columnsClosestTo(cfg.target, names)}`, cfg.lines.target);
}

/** The feature columns: every column but the target, the id and the excluded ones. */
export function featureNames(cfg: PipelineConfig, table: Table): string[] {
  const skip = new Set([cfg.target, ...(cfg.id === undefined ? [] : [cfg.id]), ...cfg.features.exclude]);
  return table.columns.map((c) => c.name).filter((n) => !skip.has(n));
}
