// Loads a pipeline's data the way every step needs it: with the schema's declared types when there is
// a schema, or with the training data's inferred types when new data replaces it, so that a bad cell
// in the new data is a type error rather than a silent change of column type.
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { readCsv } from '../engine/data/csv-reader.ts';
import { resolveDataFiles } from '../engine/data/files.ts';
import type { ColumnType, Table } from '../engine/data/table.ts';
import { declaredTypes, inferSchema, loadSchema, type DataSchema } from '../engine/schema/data-schema.ts';

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

/** Reads the files a pattern names with the pipeline's CSV settings. */
export async function readPipelineData(cfg: PipelineConfig, pattern: string, what: string, declared: ReadonlyMap<string, ColumnType> | undefined): Promise<Table> {
  const files = await resolveDataFiles(cfg.root, pattern, what);
  return readCsv(files, { missing: cfg.data.missing, ...(cfg.data.delimiter ? { delimiter: cfg.data.delimiter } : {}), ...(declared ? { declared } : {}) });
}

export async function loadData(cfg: PipelineConfig, overrides: LoadOverrides): Promise<LoadedData> {
  const schemaFile = overrides.schema ?? cfg.schema;
  let reference: DataSchema | undefined;
  let referenceKind: LoadedData['referenceKind'] = 'none';
  let referenceSource: string | undefined;
  if (schemaFile !== undefined) {
    reference = await loadSchema(cfg.root, schemaFile);
    referenceKind = 'schema';
    referenceSource = schemaFile;
  } else if (overrides.data !== undefined) {
    const training = await readPipelineData(cfg, cfg.data.train, 'data.train', undefined);
    reference = inferSchema(training, cfg.validation.maxMissingRate);
    referenceKind = 'training-data';
    referenceSource = cfg.data.train;
  }
  const declared = reference ? declaredTypes(reference) : undefined;
  const table = overrides.data !== undefined ? await readPipelineData(cfg, overrides.data, 'the data input', declared) : await readPipelineData(cfg, cfg.data.train, 'data.train', declared);
  const testPattern = overrides.testData ?? cfg.data.test;
  const testTypes = declared ?? new Map(table.columns.map((c) => [c.name, c.type]));
  const test = testPattern !== undefined ? await readPipelineData(cfg, testPattern, overrides.testData !== undefined ? 'the test-data input' : 'data.test', testTypes) : undefined;
  return { table, test, reference, referenceKind, referenceSource };
}

/** The feature columns: every column but the target, the id and the excluded ones. */
export function featureNames(cfg: PipelineConfig, table: Table): string[] {
  const skip = new Set([cfg.target, ...(cfg.id === undefined ? [] : [cfg.id]), ...cfg.features.exclude]);
  return table.columns.map((c) => c.name).filter((n) => !skip.has(n));
}
