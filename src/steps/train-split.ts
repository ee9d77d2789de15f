// train's split of the labelled rows into training and test rows, the same for the suite's forest
// and for a team's trainer: the test rows are the ones every later step scores both models on.
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { labelsOf, type Labels } from '../engine/data/labels.ts';
import { defaultKeyColumns } from '../engine/data/split.ts';
import { testRowsThreaded } from '../engine/data/split-threads.ts';
import type { Table } from '../engine/data/table.ts';
import { UserError } from '../engine/errors.ts';
import { stratifyShares as shareOfTest } from '../engine/model/package-parts.ts';
import type { StepIO } from './io.ts';

export interface TrainSplit {
  labels: Labels;
  keyColumns: string[];
  isTest: Uint8Array;
  trainRows: number[];
  testRows: number[];
  stratifyShares: Record<string, number> | null;
}

export async function splitRows(cfg: PipelineConfig, table: Table, threads: number, io: Pick<StepIO, 'warning'>): Promise<TrainSplit> {
  const labels = labelsOf(cfg, table);
  const keyColumns = cfg.split.key ?? defaultKeyColumns(table, cfg.id);
  const isTest = await testRowsThreaded(table, { columns: keyColumns, seed: cfg.split.seed, testFraction: cfg.split.testFraction }, threads);
  const trainRows: number[] = [];
  const testRows: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    if (!labels.labelled[r]) continue;
    if (isTest[r]) testRows.push(r);
    else trainRows.push(r);
  }
  if (trainRows.length < 2) throw new UserError(`only ${trainRows.length} labelled training rows; check data.train and split.test_fraction`);
  let stratifyShares: Record<string, number> | null = null;
  if (cfg.split.stratify !== undefined) {
    const stratified = shareOfTest(cfg.split.stratify, table, isTest, labels.labelled, cfg.split.testFraction);
    stratified.warnings.forEach((w) => io.warning(w));
    stratifyShares = stratified.shares;
  }
  return { labels, keyColumns, isTest, trainRows, testRows, stratifyShares };
}
