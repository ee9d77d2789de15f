// What a forest trains on: the pipeline's parameters as forest options, and the training rows encoded
// (refused before the columns are allocated when they would not fit a runner).
import type { ModelParams, PipelineConfig } from '../config/pipeline.ts';
import type { Labels } from '../data/labels.ts';
import { subsetTable, type Table } from '../data/table.ts';
import { UserError } from '../errors.ts';
import { applyEncoding, fitEncoding, type FeatureEncoding } from '../features/encode.ts';
import type { ForestOptions, TrainingData } from './forest.ts';

/** The most memory the encoded training columns may take: beyond it, training would exhaust a runner. */
export const MAX_ENCODED_BYTES = 2 * 1024 ** 3;

/**
 * What a forest trains on: the encoding fitted on `rows` (refused past MAX_ENCODED_BYTES before the
 * columns are allocated), those rows encoded, and their labels. train and each sweep cell share it.
 */
export function encodeTrainingRows(cfg: PipelineConfig, table: Table, features: readonly string[], rows: readonly number[], labels: Labels): { table: Table; encoding: FeatureEncoding; data: TrainingData } {
  const rowsTable = subsetTable(table, rows);
  const encoding = fitEncoding(rowsTable, features, { oneHotMaxLevels: cfg.features.oneHotMaxLevels, textWidth: cfg.features.textWidth, ngrams: cfg.features.ngrams });
  const encodedBytes = encoding.features.length * rows.length * 8;
  if (encodedBytes > MAX_ENCODED_BYTES) {
    throw new UserError(`${cfg.file}: ${rows.length.toLocaleString('en-US')} training rows × ${encoding.features.length.toLocaleString('en-US')} encoded features would take ${(encodedBytes / 1024 ** 3).toFixed(1)} GiB; the limit is ${MAX_ENCODED_BYTES / 1024 ** 3} GiB. Lower features.text_width or features.one_hot_max_levels, or exclude columns (features.exclude)`);
  }
  const data = {
    columns: applyEncoding(rowsTable, encoding),
    yClass: labels.yClass ? gather(labels.yClass, rows, Int32Array) : undefined,
    yValue: labels.yValue ? gather(labels.yValue, rows, Float64Array) : undefined,
  };
  return { table: rowsTable, encoding, data };
}

/** `from`'s values at `rows`, in order. */
function gather<T extends Int32Array | Float64Array>(from: T, rows: readonly number[], Kind: { from(rows: readonly number[], pick: (r: number) => number): T }): T {
  return Kind.from(rows, (r) => from[r]!);
}

export function forestOptions(cfg: PipelineConfig, params: ModelParams, classes: number): ForestOptions {
  return {
    task: cfg.task,
    classes,
    trees: params.trees,
    maxDepth: params.maxDepth ?? Infinity,
    minSamplesLeaf: params.minSamplesLeaf,
    maxFeatures: params.maxFeatures ?? (cfg.task === 'classification' ? 'sqrt' : 1),
    bootstrap: params.bootstrap,
    seed: params.seed,
  };
}

