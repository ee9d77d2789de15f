// train's merge input: the trees of a matrix's shards put together into the package one runner would
// have written with the same seed.
import { resolveDataFiles } from '../engine/data/files.ts';
import { ShardError } from '../engine/errors.ts';
import { forestOptions } from '../engine/forest/training-set.ts';
import { orderShards, ShardReader } from '../engine/forest/shards.ts';
import { ForestGatherer, type BadVote } from '../engine/model/gather.ts';
import { resolveOptions } from './data-source.ts';
import type { StepResult } from './io.ts';
import { completeModel, type DataParts, type TrainRun } from './train-package.ts';

/**
 * merge: the shards' trees, in index order, through the same gathering as one runner's. The shards
 * carry the data's parts and labels, so the merge reads no data beyond hashing it (its build key).
 */
export async function mergeShards(run: TrainRun, pattern: string): Promise<StepResult<'train'>> {
  const { cfg, params, io } = run;
  const files = await resolveDataFiles(cfg.root, pattern, 'the merge input', resolveOptions(io, true));
  const readers: ShardReader[] = [];
  try {
    for (const f of files) readers.push(await ShardReader.open(f.name, f.path));
    const [first] = readers;
    if (!first) throw new ShardError('the merge input', 'matches no shard file');
    const parts = first.head as DataParts;
    const rows = first.rows;
    const options = forestOptions(cfg, params, parts.classes?.length ?? 0);
    if (rows.task !== options.task || rows.classes !== options.classes || rows.oob !== options.bootstrap) throw new ShardError(first.file, `describes a ${rows.task} forest of ${rows.classes} classes, not the ${options.task} forest of ${options.classes} this merge makes: the shard is damaged`);
    const width = parts.encoding.features.length;
    const ordered = orderShards(readers, { pipeline: cfg.name, buildKey: run.buildKey, trees: options.trees, features: width });
    const gathered = new ForestGatherer(options, width, rows.train, rows.test, rows.examples, run.gzip);
    const damaged = (bad: BadVote) => new ShardError(ordered.find((r) => bad.tree < r.first + r.trees)?.file ?? 'the merge input', `tree ${bad.tree}'s ${bad.which} votes hold code ${bad.code} at row ${bad.row}, past its ${bad.past}: the shard is damaged`);
    let labels: { train: Int32Array | Float64Array; test: Float64Array } | undefined;
    for (const r of ordered) {
      if (labels) r.skipLabels();
      else labels = await r.labels();
      for await (const t of r.read()) {
        const bad = gathered.add(t.json, t.importance, t.votes);
        if (bad) throw damaged(bad);
      }
    }
    const bad = gathered.flush();
    if (bad) throw damaged(bad);
    // orderShards refuses an empty set, and the first shard's labels are read: none is a damaged shard.
    if (!labels) throw new ShardError(first.file, 'holds no labels: the shard is damaged');
    io.info(`merged ${options.trees} trees from ${readers.length} shard${readers.length === 1 ? '' : 's'}`);
    return await completeModel(run, options, parts, gathered, labels.train, labels.test);
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
}

