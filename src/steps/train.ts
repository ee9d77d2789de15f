// The train step: split, encode, grow the forest, and write the model package.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { parse as parseYaml, parseDocument } from 'yaml';
import { writeFileAtomic } from '../adapters/files.ts';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { applyParams, loadPipeline, type ModelParams, type PipelineConfig } from '../engine/config/pipeline.ts';
import { defaultKeyColumns } from '../engine/data/split.ts';
import { testRowsThreaded } from '../engine/data/split-threads.ts';
import type { Column, Table } from '../engine/data/table.ts';
import { cellValue, columnByName, subsetTable } from '../engine/data/table.ts';
import { DataFileError, InputError, ShardError, UserError } from '../engine/errors.ts';
import { applyEncoding, fitEncoding, type FeatureEncoding } from '../engine/features/encode.ts';
import { sumImportances, type ForestOptions, type TrainingData } from '../engine/forest/forest.ts';
import type { CompiledPredictions } from '../engine/forest/compiled.ts';
import { ForestGatherer, type BadVote } from '../engine/model/gather.ts';
import { defaultThreads, sharedColumns, trainTrees, type GrownTree, type Progress } from '../engine/forest/pool.ts';
import { encodeShard, MAX_SHARDS, orderShards, parseShardSpec, ShardReader, shardRange, type ShardRows, type ShardSpec, type ShardTree } from '../engine/forest/shards.ts';
import { loadModel, MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelPackage, type PackageHead } from '../engine/model/package.ts';
import { PLAIN_PACKAGE_LIMIT, recodePackage } from '../engine/model/package-writer.ts';
import { profileTable, profileValues } from '../engine/model/profile.ts';
import { fitCalibration, topShares } from '../engine/drift/calibration.ts';
import { scalarMetrics } from '../engine/metrics/evaluate.ts';
import { inferSchema } from '../engine/schema/data-schema.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { sha256Hex } from '../engine/digest.ts';
import { provenance } from '../adapters/git.ts';
import { featureNames, loadData, resolveOptions } from './data-source.ts';
import { booleanInput, optionalInput, userPath, type ResolvedPath } from './inputs.ts';
import { checkFile, resolveDataFiles } from '../engine/data/files.ts';
import type { CsvSource } from '../engine/data/csv-reader.ts';
import type { StepInputs, StepIO, StepResult } from './io.ts';
import { artifactName, checkOutput, runInputs, sideEffect, writeOutputs } from './outputs.ts';

import { TOOL } from '../version.ts';

export { TOOL };

/** The most memory the encoded training columns may take: beyond it, training would exhaust a runner. */
export const MAX_ENCODED_BYTES = 2 * 1024 ** 3;

export interface Labels {
  classes: string[] | null;
  /** Class index (classification) or value (regression) per row; NaN or -1 where missing. */
  yClass: Int32Array | undefined;
  yValue: Float64Array | undefined;
  labelled: Uint8Array;
}

/** The target as model labels: classes sorted by name (so their order never depends on row order). */
export function labelsOf(cfg: PipelineConfig, table: Table): Labels {
  const col = columnByName(table, cfg.target);
  if (!col) throw new DataFileError(table.files.join(', '), `the target column ${JSON.stringify(cfg.target)} is missing`);
  const n = table.rowCount;
  const labelled = new Uint8Array(n);
  if (cfg.task === 'regression') {
    if (col.kind !== 'numeric') throw new UserError(`a regression target must be numeric; ${JSON.stringify(cfg.target)} holds ${col.type} values (run validate-data)`);
    const yValue = Float64Array.from(col.values);
    yValue.forEach((v, i) => (labelled[i] = v === v ? 1 : 0));
    return { classes: null, yClass: undefined, yValue, labelled };
  }
  const text = (c: Column, r: number): string | undefined => {
    const v = cellValue(c, r);
    return v === null ? undefined : String(v);
  };
  const seen = new Set<string>();
  for (let r = 0; r < n; r++) {
    const t = text(col, r);
    if (t !== undefined) seen.add(t);
  }
  const numericLabels = col.kind === 'numeric';
  const classes = [...seen].sort((a, b) => (numericLabels ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  if (classes.length < 2) throw new UserError(`classification needs at least two classes in ${JSON.stringify(cfg.target)}; found ${classes.length} (run validate-data)`);
  const index = new Map(classes.map((c, i) => [c, i]));
  const yClass = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const t = text(col, r);
    yClass[r] = t === undefined ? -1 : index.get(t)!;
    labelled[r] = t === undefined ? 0 : 1;
  }
  return { classes, yClass, yValue: undefined, labelled };
}

export async function dataDigest(files: readonly CsvSource[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${f.name}\0`);
    h.update(
      await readFile(f.path).catch((err: NodeJS.ErrnoException) => {
        throw new DataFileError(f.name, `cannot read the file (${err.code ?? String(err)})`);
      }),
    );
    h.update('\0');
  }
  return h.digest('hex');
}

function threadsInput(inputs: StepInputs): number {
  const raw = optionalInput(inputs, 'threads');
  if (raw === undefined) return defaultThreads();
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new InputError('threads', `${JSON.stringify(raw)} is not a whole number of at least 1`);
  return Number(raw);
}

/**
 * What a forest trains on: the encoding fitted on `rows` (refused past MAX_ENCODED_BYTES before the
 * columns are allocated), those rows encoded, and their labels. train and each sweep cell share it.
 */
export function encodeTrainingRows(cfg: PipelineConfig, table: Table, rows: readonly number[], labels: Labels): { table: Table; encoding: FeatureEncoding; data: TrainingData } {
  const rowsTable = subsetTable(table, rows);
  const encoding = fitEncoding(rowsTable, featureNames(cfg, table), { oneHotMaxLevels: cfg.features.oneHotMaxLevels, textWidth: cfg.features.textWidth, ngrams: cfg.features.ngrams });
  const encodedBytes = encoding.features.length * rows.length * 8;
  if (encodedBytes > MAX_ENCODED_BYTES) {
    throw new UserError(`${cfg.file}: ${rows.length.toLocaleString('en-US')} training rows × ${encoding.features.length.toLocaleString('en-US')} encoded features would take ${(encodedBytes / 1024 ** 3).toFixed(1)} GiB; the limit is ${MAX_ENCODED_BYTES / 1024 ** 3} GiB. Lower features.text_width or features.one_hot_max_levels, or exclude columns (features.exclude)`);
  }
  const data = {
    columns: applyEncoding(rowsTable, encoding),
    yClass: labels.yClass ? Int32Array.from(rows, (r) => labels.yClass![r]!) : undefined,
    yValue: labels.yValue ? Float64Array.from(rows, (r) => labels.yValue![r]!) : undefined,
  };
  return { table: rowsTable, encoding, data };
}

/** The labels of `rows` as the metrics read them: the class index or the value. */
export function labelValues(labels: Labels, rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (r) => (labels.yClass ? labels.yClass[r]! : labels.yValue![r]!));
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

export async function train(inputs: StepInputs, io: StepIO): Promise<StepResult> {
  let cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
  const paramsJson = optionalInput(inputs, 'params');
  if (booleanInput(inputs, 'save-config')) {
    // Written first and read again, so that the model records the config digest of the file a commit carries.
    if (paramsJson !== undefined) applyParams(cfg.model, paramsJson);
    await saveConfigFile(cfg, paramsJson, optionalInput(inputs, 'data'), io);
    cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
  }
  const params = paramsJson === undefined ? cfg.model : applyParams(cfg.model, paramsJson);
  const threads = threadsInput(inputs);
  const shardText = optionalInput(inputs, 'shard');
  const mergeGlob = optionalInput(inputs, 'merge');
  if (shardText !== undefined && mergeGlob !== undefined) throw new InputError('merge', 'give shard or merge, not both');
  const shard = shardText === undefined ? undefined : parseShardSpec(shardText);
  if (shardText !== undefined && !shard) throw new InputError('shard', `${JSON.stringify(shardText)} is not i/N with 1 ≤ i ≤ N ≤ ${MAX_SHARDS}`);
  const out = userPath(io, inputs, 'output', shard ? `out/${cfg.name}/shard-${shard.index}-of-${shard.count}.shard` : `out/${cfg.name}/model.json`);
  const upload = booleanInput(inputs, 'upload-artifact');
  const dataInput = optionalInput(inputs, 'data');
  const reuse = optionalInput(inputs, 'reuse');
  if (reuse !== undefined && reuse !== 'pull-request') throw new InputError('reuse', `${JSON.stringify(reuse)} is not pull-request (or empty)`);

  // Everything that shapes the model, and nothing that does not (threads): the cache key.
  const files = await resolveDataFiles(cfg.root, dataInput ?? cfg.data.train, dataInput === undefined ? 'data.train' : 'the data input', resolveOptions(io, dataInput !== undefined));
  const protectedInputs = [...runInputs(cfg), ...files.map((f) => f.path)];
  // Refused before anything is written there, the cache's restore included.
  await checkOutput(io, out, protectedInputs);
  const dataSha = await dataDigest(files);
  let schemaSha: string | null = null;
  if (cfg.schema !== undefined) {
    const schemaAbs = path.resolve(cfg.root, cfg.schema);
    await checkFile(cfg.root, schemaAbs, cfg.schema, 'schema', true);
    schemaSha = sha256Hex(await readFile(schemaAbs));
  }
  const gzip = out.abs.endsWith('.gz');
  // The model's identity: everything that shapes it. A package that records the same key is this
  // run's model, whichever run trained it.
  const code = codeDigest(); // reads and hashes the running bundle: once
  const buildKey = sha256Hex(JSON.stringify({ tool: TOOL, code, config: cfg.digest, schema: schemaSha, data: dataSha, params }));
  const cacheKey = `mlops-model-${cfg.name}-${sha256Hex(JSON.stringify({ tool: TOOL, code, config: cfg.digest, schema: schemaSha, data: dataSha, params, gzip }))}`;
  if (reuse === 'pull-request' && !shard) {
    const taken = await takeMergedPullRequestModel(cfg, buildKey, out, gzip, protectedInputs, io);
    if (taken) return finish(cfg, taken.pkg, taken.bytes, out, io, upload, `pull-request #${taken.pullRequest}`);
  }
  // A shard is not a model: nothing to restore, nothing to cache.
  const cache = shard ? undefined : io.cache;
  let restored = false;
  if (cache) await sideEffect(io, 'restoring the model from the cache', async () => void (restored = await cache.restore([out.shown], cacheKey)));
  if (restored) {
    const cached = await loadModel(out.abs, out.shown).catch(() => undefined);
    if (cached && cached.pkg.provenance.data_sha256 === dataSha && cached.pkg.provenance.config_sha256 === cfg.digest) {
      io.info(`restored ${out.shown} from the cache (${cacheKey}): data, config and code are unchanged, so nothing is trained`);
      return finish(cfg, cached.pkg, cached.bytes, out, io, upload, 'cache');
    }
    io.warning(`the cached ${out.shown} does not match this data or config; training anew`);
  }

  const run: RunContext = { cfg, params, buildKey, dataSha, gzip, out, protectedInputs, cache, cacheKey, upload, io };
  if (mergeGlob !== undefined) return mergeShards(run, mergeGlob);

  const { table } = await loadData(cfg, { data: dataInput }, io);
  const labels = labelsOf(cfg, table);
  const keyColumns = cfg.split.key ?? defaultKeyColumns(table, cfg.id);
  const isTest = await testRowsThreaded(table, { columns: keyColumns, seed: cfg.split.seed, testFraction: cfg.split.testFraction }, threads);
  const trainRows: number[] = [];
  const testRowList: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    if (!labels.labelled[r]) continue;
    if (isTest[r]) testRowList.push(r);
    else trainRows.push(r);
  }
  if (trainRows.length < 2) throw new UserError(`only ${trainRows.length} labelled training rows; check data.train and split.test_fraction`);
  const stratifyShares = cfg.split.stratify === undefined ? null : stratify(cfg.split.stratify, table, isTest, labels.labelled, cfg.split.testFraction, io);

  // The encoded training columns move to shared memory, where the training threads read them. The
  // training rows' table is let go once profiled (hence the let), not held while the trees grow.
  let encoded: ReturnType<typeof encodeTrainingRows> | undefined = encodeTrainingRows(cfg, table, trainRows, labels);
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
    if (!gathered) return void shipped.push({ json: { length: t.json!.byteLength, member: t.member! }, importance: t.importance, votes: t.votes! });
    // The codes were made by this very run: one out of range is a bug, not the user's input.
    if (gathered.add(t.json!, t.importance, t.votes!)) throw new Error('a training thread sent a vote code out of range');
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
    examples: exampleRows.map((r) => Object.fromEntries(encoding.columns.map((c) => [c.name, cellValue(columnByName(table, c.name)!, r)]))),
  };
  encoded = undefined;
  await training;
  if (gathered?.flush()) throw new Error('a training thread sent a vote code out of range');
  const yTrain = (data.yClass ?? data.yValue)!;
  const yTest = labelValues(labels, testRowList);
  if (shard) {
    const rows: ShardRows = { task: options.task, classes: options.classes, train: trainRows.length, test: testRowList.length, examples: exampleRows.length, oob: options.bootstrap };
    const bytes = encodeShard({ pipeline: cfg.name, build_key: buildKey, tool: TOOL, shard, total_trees: options.trees, features: width, first: range.first }, rows, parts, { train: yTrain, test: yTest }, shipped);
    await writeOutputs(io, [[out, bytes]], protectedInputs);
    return finishShard(cfg, bytes, out, io, upload, shard, range.first, range.end, options.trees);
  }
  return completeModel(run, options, parts, gathered!, yTrain, yTest);
}

/** What a train run writes where: shared by one runner and a merge. */
interface RunContext {
  cfg: PipelineConfig;
  params: ModelParams;
  buildKey: string;
  dataSha: string;
  gzip: boolean;
  out: ResolvedPath;
  protectedInputs: string[];
  cache: StepIO['cache'];
  cacheKey: string;
  upload: boolean;
  io: StepIO;
}

/**
 * What the data decides about the package: computed by one runner, and by every shard alike (a merge
 * takes them from its shards, so that it reads no data). Plain JSON, so a shard can carry it.
 */
interface DataParts {
  classes: string[] | null;
  encoding: FeatureEncoding;
  schema: PackageHead['schema'];
  keyColumns: string[];
  stratifyShares: Record<string, number> | null;
  files: string[];
  rows: PackageHead['rows'];
  profile: PackageHead['profile'];
  /** The examples' raw values. */
  examples: NonNullable<PackageHead['examples']>['rows'];
}

/** The package, once every tree is gathered: its head, written with the trees; then train's outputs. */
async function completeModel(run: RunContext, options: ForestOptions, parts: DataParts, gathered: ForestGatherer, yTrain: Int32Array | Float64Array, yTest: Float64Array): Promise<StepResult> {
  const { cfg, params, io, out } = run;
  const width = parts.encoding.features.length;
  const oob = gathered.oobScore(yTrain);
  const perFeature = sumImportances(gathered.shares, width);
  // A Map, not an object: a column may be called "__proto__" or "constructor".
  const byColumn = new Map<string, number>();
  let f = 0;
  for (const c of parts.encoding.columns) {
    const width = c.kind === 'one-hot' ? c.levels.length : c.kind === 'hashed-text' ? c.width : 1;
    let sum = 0;
    for (let i = 0; i < width; i++) sum += perFeature[f++]!;
    byColumn.set(c.name, sum);
  }
  const ranked = Object.fromEntries([...byColumn].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
  const classes = parts.classes;
  const prov = await provenance(io.root);
  const head: PackageHead = {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    pipeline: cfg.name,
    task: cfg.task,
    target: { name: cfg.target, classes },
    id: cfg.id ?? null,
    encoding: parts.encoding,
    schema: parts.schema,
    params: { trees: params.trees, max_depth: params.maxDepth ?? null, min_samples_leaf: params.minSamplesLeaf, max_features: options.maxFeatures, bootstrap: params.bootstrap, seed: params.seed },
    split: { test_fraction: cfg.split.testFraction, seed: cfg.split.seed, key_columns: parts.keyColumns, stratify: cfg.split.stratify ?? null, stratify_test_shares: parts.stratifyShares },
    provenance: { data_sha256: run.dataSha, data_files: parts.files, config_sha256: cfg.digest, commit: prov.commit, created_at: prov.createdAt, tool: TOOL, build_key: run.buildKey },
    rows: parts.rows,
    oob_score: Number.isNaN(oob) ? null : oob,
    feature_importance: ranked,
    profile: parts.profile,
    holdout: yTest.length > 0 ? holdout(yTest, gathered.testPredictions(), classes, cfg.task) : undefined,
    examples: { rows: parts.examples, predictions: Array.from(gathered.examplePredictions(), (v) => (classes ? classes[v]! : v)) },
  };
  const { bytes, gzipped } = await gathered.writer.finish(head);
  if (gzipped && !run.gzip) io.info(`the package is over ${PLAIN_PACKAGE_LIMIT / 1024 ** 2} MiB of JSON, so ${out.shown} holds it gzipped (${bytes.length.toLocaleString('en-US')} bytes): every mlops step reads it as it is, and zcat shows its JSON`);
  await writeOutputs(io, [[out, bytes]], run.protectedInputs);
  const cache = run.cache;
  if (cache) await sideEffect(io, 'saving the model to the cache', () => cache.save([out.shown], run.cacheKey));
  return finish(cfg, head, bytes, out, io, run.upload, '');
}

/**
 * merge: the shards' trees, in index order, through the same gathering as one runner's. The shards
 * carry the data's parts and labels, so the merge reads no data beyond hashing it (its build key).
 */
async function mergeShards(run: RunContext, pattern: string): Promise<StepResult> {
  const { cfg, params, io } = run;
  const files = await resolveDataFiles(cfg.root, pattern, 'the merge input', resolveOptions(io, true));
  const readers: ShardReader[] = [];
  try {
    for (const f of files) readers.push(await ShardReader.open(f.name, f.path));
    if (readers.length === 0) throw new ShardError('the merge input', 'matches no shard file');
    const parts = readers[0]!.head as DataParts;
    const rows = readers[0]!.rows;
    const options = forestOptions(cfg, params, parts.classes?.length ?? 0);
    if (rows.task !== options.task || rows.classes !== options.classes || rows.oob !== options.bootstrap) throw new ShardError(readers[0]!.file, `describes a ${rows.task} forest of ${rows.classes} classes, not the ${options.task} forest of ${options.classes} this merge makes: the shard is damaged`);
    const width = parts.encoding.features.length;
    const ordered = orderShards(readers, { pipeline: cfg.name, buildKey: run.buildKey, trees: options.trees, features: width });
    const gathered = new ForestGatherer(options, width, rows.train, rows.test, rows.examples, run.gzip);
    const damaged = (bad: BadVote) => new ShardError(ordered.find((r) => bad.tree < r.first + r.trees)!.file, `tree ${bad.tree}'s ${bad.which} votes hold code ${bad.code} at row ${bad.row}, past its ${bad.past}: the shard is damaged`);
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
    io.info(`merged ${options.trees} trees from ${readers.length} shard${readers.length === 1 ? '' : 's'}`);
    return await completeModel(run, options, parts, gathered, labels!.train, labels!.test);
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
}

/**
 * reuse: pull-request. The candidate that the merged pull request's run trained and uploaded, taken
 * when it records this run's build key (same data, config, schema, parameters and code); anything
 * else (no such pull request, an expired artifact, another key, a failed download) trains anew.
 */
async function takeMergedPullRequestModel(cfg: PipelineConfig, buildKey: string, out: ResolvedPath, gzip: boolean, protectedInputs: string[], io: StepIO): Promise<{ pkg: ModelPackage; bytes: Buffer; pullRequest: number } | undefined> {
  if (!io.earlierModels) {
    io.warning('reuse: pull-request needs GitHub Actions and a token; training');
    return undefined;
  }
  const dir = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'mlops-reuse-'));
  try {
    let found: Awaited<ReturnType<NonNullable<StepIO['earlierModels']>['fetchMergedPullRequestModel']>>;
    try {
      found = await io.earlierModels.fetchMergedPullRequestModel(cfg.name, dir);
    } catch (err) {
      io.warning(`reuse: the merged pull request's model could not be fetched (${(err as Error).message}); training`);
      return undefined;
    }
    if ('missing' in found) {
      io.info(`reuse: ${found.missing}; training`);
      return undefined;
    }
    const file = found.files.find((f) => /\.json(\.gz)?$/.test(f));
    const loaded = file ? await loadModel(file, `pull request #${found.pullRequest}'s ${path.basename(file)}`).catch((err: Error) => err) : new Error('the artifact holds no model package');
    if (loaded instanceof Error) {
      io.warning(`reuse: pull request #${found.pullRequest}'s model artifact is not usable (${loaded.message}); training`);
      return undefined;
    }
    // The model must be the one its run compared (and the comment showed), byte for byte.
    const digest = sha256Hex(loaded.bytes);
    if (digest !== found.recordedSha256) {
      io.warning(`reuse: pull request #${found.pullRequest}'s model artifact (run ${found.run}) has sha256 ${digest.slice(0, 12)}…, not the ${found.recordedSha256.slice(0, 12)}… its run compared; training`);
      return undefined;
    }
    if (loaded.pkg.pipeline !== cfg.name || loaded.pkg.provenance.build_key !== buildKey) {
      io.info(`reuse: pull request #${found.pullRequest}'s model was trained on other data, config, parameters or code than this commit's; training`);
      return undefined;
    }
    const bytes = recodePackage(loaded.bytes, gzip);
    await writeOutputs(io, [[out, bytes]], protectedInputs);
    io.info(`reuse: took pull request #${found.pullRequest}'s candidate: it records this commit's data, config, parameters and code, so nothing is trained`);
    return { pkg: loaded.pkg, bytes, pullRequest: found.pullRequest };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A shard's outputs: its file and digest, uploaded as an mlops-shard artifact for the merge job. */
async function finishShard(cfg: PipelineConfig, bytes: Buffer, out: ResolvedPath, io: StepIO, upload: boolean, shard: ShardSpec, first: number, end: number, total: number): Promise<StepResult> {
  const sha = sha256Hex(bytes);
  const artifact = upload ? await uploadOutput(io, 'mlops-shard', cfg.name, sha, out) : '';
  return {
    ok: true,
    outputs: { 'model-path': out.shown, 'model-digest': `sha256:${sha}`, artifact, 'oob-score': '', 'feature-importance': '{}', 'restored-from': '' },
    summary: `### train: ${escapeMarkdown(cfg.name)} (shard ${shard.index}/${shard.count})\n\nTrees ${first}–${end - 1} of ${total}: <code>${escapeMarkdown(out.shown, 200)}</code> (${bytes.length.toLocaleString('en-US')} bytes). Merge the ${shard.count} shards with train's merge input (\`mlops train --merge '…/*.shard'\`).\n`,
  };
}

/** save-config: the params and data of this run written into the pipeline file, so that a commit carries them. */
async function saveConfigFile(cfg: PipelineConfig, paramsJson: string | undefined, dataInput: string | undefined, io: StepIO): Promise<void> {
  // Nothing to write: the file stays as it is, byte for byte (a rewrite would restyle it).
  if (paramsJson === undefined && dataInput === undefined) return io.info(`save-config: no params or data given, so ${cfg.file} stays as it is`);
  const file = path.resolve(cfg.root, cfg.file);
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (paramsJson !== undefined) for (const [key, value] of Object.entries(parseYaml(paramsJson) as Record<string, unknown>)) doc.setIn(['model', key], value);
  if (dataInput !== undefined) {
    const rel = path.relative(cfg.root, path.resolve(io.cwd, dataInput));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new InputError('data', `${JSON.stringify(dataInput)} lies outside the repository, so the pipeline file cannot name it`);
    doc.setIn(['data', 'train'], rel.split(path.sep).join('/'));
  }
  await writeFileAtomic(file, doc.toString());
  io.info(`save-config: wrote ${[paramsJson !== undefined ? 'model parameters' : '', dataInput !== undefined ? 'data.train' : ''].filter(Boolean).join(' and ')} into ${cfg.file}`);
}

/** Uploads train's output file as the artifact <prefix>-<pipeline>-…; its name, or '' when none went up (a warning says why). */
async function uploadOutput(io: StepIO, prefix: string, pipeline: string, sha: string, out: ResolvedPath): Promise<string> {
  const artifacts = io.artifacts;
  if (!artifacts) {
    io.warning('upload-artifact is true, but artifacts exist only in GitHub Actions; nothing was uploaded');
    return '';
  }
  const name = artifactName(io, prefix, pipeline, sha);
  const uploaded = await sideEffect(io, `uploading the artifact ${name}`, async () => {
    const result = await artifacts.upload(name, [out.abs], path.dirname(out.abs));
    io.info(`uploaded the artifact ${name} (id ${result.id ?? '?'}, ${result.size ?? '?'} bytes)`);
  });
  return uploaded ? name : '';
}

/** The outputs and summary of a package, trained now or restored; uploads it when asked. */
async function finish(cfg: PipelineConfig, pkg: PackageHead, bytes: Buffer, out: ResolvedPath, io: StepIO, upload: boolean, restoredFrom: '' | 'cache' | `pull-request #${number}`): Promise<StepResult> {
  const sha = sha256Hex(bytes);
  const digest = `sha256:${sha}`;
  const artifact = upload ? await uploadOutput(io, 'model', cfg.name, sha, out) : '';
  const top = Object.entries(pkg.feature_importance).slice(0, 10);
  const summary = [
    `### train: ${escapeMarkdown(cfg.name)}${restoredFrom === 'cache' ? ' (restored from the cache)' : restoredFrom ? ` (taken from ${restoredFrom}, not trained)` : ''}`,
    '',
    `${pkg.params.trees} trees on ${pkg.rows.train.toLocaleString('en-US')} rows (${pkg.rows.test.toLocaleString('en-US')} held out), ${pkg.encoding.features.length} encoded features; out-of-bag ${cfg.task === 'classification' ? 'accuracy' : 'R²'}: ${pkg.oob_score === null ? 'n/a' : pkg.oob_score.toFixed(4)}.`,
    '',
    `Model: <code>${escapeMarkdown(out.shown, 200)}</code> (${digest}, ${bytes.length.toLocaleString('en-US')} bytes).`,
    '',
    '| Feature | Importance |',
    '|---|---:|',
    ...top.map(([name, v]) => `| ${escapeMarkdown(name)} | ${v.toFixed(4)} |`),
    '',
  ].join('\n');
  return {
    ok: true,
    outputs: { 'model-path': out.shown, 'model-digest': digest, artifact, 'oob-score': pkg.oob_score === null ? '' : String(pkg.oob_score), 'feature-importance': JSON.stringify(pkg.feature_importance), 'restored-from': restoredFrom },
    summary,
  };
}

/** The running code's identity: the bundle (or source file) this function was loaded from. */
function codeDigest(): string {
  try {
    return sha256Hex(readFileSync(fileURLToPath(import.meta.url)));
  } catch {
    return TOOL;
  }
}

/** Test shares per value of the stratify column; a value with no test row, or 10 points off, is reported. */
function stratify(column: string, table: Table, isTest: Uint8Array, labelled: Uint8Array, fraction: number, io: StepIO): Record<string, number> {
  const col = columnByName(table, column);
  if (!col) throw new DataFileError(table.files.join(', '), `split.stratify names ${JSON.stringify(column)}, which is not a column`);
  const total = new Map<string, number>();
  const test = new Map<string, number>();
  for (let r = 0; r < table.rowCount; r++) {
    if (!labelled[r]) continue;
    const key = String(cellValue(col, r) ?? '');
    total.set(key, (total.get(key) ?? 0) + 1);
    if (isTest[r]) test.set(key, (test.get(key) ?? 0) + 1);
  }
  const shares: [string, number][] = [];
  for (const key of [...total.keys()].sort()) {
    const share = (test.get(key) ?? 0) / total.get(key)!;
    shares.push([key, share]);
    if (share === 0 || Math.abs(share - fraction) > 0.1) io.warning(`split: ${JSON.stringify(key)} in ${JSON.stringify(column)} has ${(share * 100).toFixed(1)}% of its ${total.get(key)} rows in test (asked: ${(fraction * 100).toFixed(0)}%)`);
  }
  return Object.fromEntries(shares);
}

/** The package's smoke test: up to five rows, labelled test rows first, whose predictions it records. */
function exampleRowsOf(table: Table, isTest: Uint8Array, labelled: Uint8Array): number[] {
  const rows: number[] = [];
  for (let r = 0; r < table.rowCount && rows.length < 5; r++) if (isTest[r] && labelled[r]) rows.push(r);
  for (let r = 0; r < table.rowCount && rows.length < 5; r++) if (!rows.includes(r)) rows.push(r);
  return rows;
}

/** The model on its labelled test rows: metrics, prediction distribution and calibration (drift-report's reference). */
function holdout(yTrue: Float64Array, predicted: CompiledPredictions, classes: string[] | null, task: PipelineConfig['task']): NonNullable<ModelPackage['holdout']> {
  const { yPred, shares: proba } = predicted;
  const metrics = scalarMetrics({ task, classes, yTrue, yPred, proba });
  const predictions = classes ? profileValues(Array.from(yPred, (k) => classes[k]!), 'categorical') : profileValues(yPred, 'number');
  const calibration = classes ? fitCalibration(topShares(proba!, classes.length), Float64Array.from(yPred, (p, i) => (p === yTrue[i] ? 1 : 0))) : null;
  return { rows: yTrue.length, metrics, predictions, calibration };
}
