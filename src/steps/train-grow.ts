// train's forest: the split, the encoding and the trees, grown on every core.
import { labelValues } from '../engine/data/labels.ts';
import { cellValue, columnByName, subsetTable } from '../engine/data/table.ts';
import { applyEncoding } from '../engine/features/encode.ts';
import { sharedColumns, trainTrees, type GrownTree, type Progress } from '../engine/forest/pool.ts';
import { encodeShard, shardRange, type ShardRows, type ShardSpec, type ShardTree } from '../engine/forest/shards.ts';
import { encodeTrainingRows, forestOptions } from '../engine/forest/training-set.ts';
import { ForestGatherer } from '../engine/model/gather.ts';
import { exampleRowsOf } from '../engine/model/package-parts.ts';
import { profileTable } from '../engine/model/profile.ts';
import { inferSchema } from '../engine/schema/data-schema.ts';
import { TOOL } from '../engine/version.ts';
import { featureNames, loadData } from './data-source.ts';
import type { StepResult } from './io.ts';
import { writeOutputs } from './outputs.ts';
import { completeModel, finishShard, type DataParts, type TrainRun } from './train-package.ts';
import { splitRows } from './train-split.ts';

/**
 * One runner's forest (or one shard of it): split the labelled rows, encode the training rows, grow the
 * trees on every thread while the data is described, and package them.
 */
export async function growForest(run: TrainRun, dataInput: string | undefined, threads: number, shard: ShardSpec | undefined): Promise<StepResult<'train'>> {
  const { cfg, params, buildKey, out, protectedInputs, upload, io, gzip } = run;
  const { table } = await loadData(cfg, { data: dataInput }, io);
  const { labels, keyColumns, isTest, trainRows, testRows: testRowList, stratifyShares } = await splitRows(cfg, table, threads, io);

  // The encoded training columns move to shared memory, where the training threads read them. The
  // training rows' table is let go once profiled (hence the let), not held while the trees grow.
  let encoded: ReturnType<typeof encodeTrainingRows> | undefined = encodeTrainingRows(cfg, table, featureNames(cfg, table), trainRows, labels);
  const { encoding, data } = encoded;
  data.columns = sharedColumns(data.columns);
  const options = forestOptions(cfg, params, labels.classes?.length ?? 0);
  let lastShown = 0;
  const progress = (p: Progress) => {
    // About ten progress lines, whatever the number of trees.
    if (p.done === p.total || p.done - lastShown >= Math.max(1, Math.ceil(p.total / 10))) {
      lastShown = p.done;
      const rate = p.seconds > 0 ? Math.round((p.done * trainRows.length) / p.seconds) : 0;
      io.info(`trees ${p.done}/${p.total} · ${p.seconds.toFixed(1)} s · ${rate.toLocaleString('en-US')} rows/s`);
    }
  };
  const width = encoding.features.length;
  // Every tree predicts the labelled test rows (the holdout) and the examples where it grows.
  const exampleRows = exampleRowsOf(table, isTest, labels.labelled);
  const predict = applyEncoding(subsetTable(table, [...testRowList, ...exampleRows]), encoding);
  const grow = { json: true, oob: options.bootstrap, flat: false, predict, member: shard !== undefined };
  const range = shard ? shardRange(shard, options.trees) : { first: 0, end: options.trees };
  const ids = Array.from({ length: range.end - range.first }, (_, i) => range.first + i);
  // A shard keeps its trees as it ships them; one runner adds each, in index order, to the package and the votes.
  const shipped: ShardTree[] = [];
  const gathered = shard ? undefined : new ForestGatherer(options, width, trainRows.length, testRowList.length, exampleRows.length, gzip);
  const take = (_: number, t: GrownTree) => {
    // grow asks for the JSON, the votes and (for a shard) the bootstrap membership: a tree without them is a bug of ours.
    if (!t.json || !t.votes) throw new Error('a training thread sent a tree without its JSON or votes');
    if (!gathered) {
      if (!t.member) throw new Error('a training thread sent a shard\'s tree without its bootstrap membership');
      return void shipped.push({ json: { length: t.json.byteLength, member: t.member }, importance: t.importance, votes: t.votes });
    }
    // The codes were made by this very run: one out of range is a bug, not the user's input.
    if (gathered.add(t.json, t.importance, t.votes)) throw new Error('a training thread sent a vote code out of range');
  };
  const threadsText = `${threads} thread${threads === 1 ? '' : 's'}`;
  if (!shard) io.info(`training ${options.trees} trees on ${trainRows.length} rows × ${width} features (${testRowList.length} rows held out for test) with ${threadsText}`);
  else io.info(ids.length > 0 ? `shard ${shard.index}/${shard.count}: training trees ${range.first}–${range.end - 1} of ${options.trees} on ${trainRows.length} rows × ${width} features with ${threadsText}` : `shard ${shard.index}/${shard.count}: no trees (${shard.count} shards for ${options.trees} trees)`);
  // The threads start growing at once; the main thread meanwhile describes the data (it would
  // otherwise wait), and takes the trees in order afterwards.
  const training = trainTrees(data, options, ids, grow, take, threads, progress);
  const parts: DataParts = {
    classes: labels.classes,
    encoding,
    schema: inferSchema(table, cfg.validation.maxMissingRate),
    keyColumns,
    stratifyShares,
    files: table.files,
    rows: { total: table.rowCount, labelled: trainRows.length + testRowList.length, train: trainRows.length, test: testRowList.length },
    profile: profileTable(encoded.table),
    examples: exampleRows.map((r) => Object.fromEntries(encoding.columns.map((c) => {
      const col = columnByName(table, c.name);
      return [c.name, col ? cellValue(col, r) : null];
    }))),
  };
  encoded = undefined;
  await training;
  if (gathered?.flush()) throw new Error('a training thread sent a vote code out of range');
  const yTrain = data.yClass ?? data.yValue;
  if (!yTrain) throw new Error('the training rows have no labels');
  const yTest = labelValues(labels, testRowList);
  if (shard) {
    const rows: ShardRows = { task: options.task, classes: options.classes, train: trainRows.length, test: testRowList.length, examples: exampleRows.length, oob: options.bootstrap };
    const bytes = encodeShard({ pipeline: cfg.name, build_key: buildKey, tool: TOOL, shard, total_trees: options.trees, features: width, first: range.first }, rows, parts, { train: yTrain, test: yTest }, shipped);
    await writeOutputs(io, [[out, bytes]], protectedInputs);
    return finishShard(cfg, bytes, out, io, upload, shard, range.first, range.end, options.trees);
  }
  if (!gathered) throw new Error('no shard and no gatherer');
  return completeModel(run, options, parts, gathered, yTrain, yTest);
}

