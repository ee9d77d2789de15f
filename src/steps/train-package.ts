// train's model package: its head from the data's parts and the gathered trees, written and cached;
// then train's outputs and summary, for a package trained now, restored, taken over, or a shard.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelParams, PipelineConfig } from '../engine/config/pipeline.ts';
import { sha256Hex } from '../engine/digest.ts';
import type { FeatureEncoding } from '../engine/features/encode.ts';
import { sumImportances, type ForestOptions } from '../engine/forest/forest.ts';
import type { ShardSpec } from '../engine/forest/shards.ts';
import type { ForestGatherer } from '../engine/model/gather.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type PackageHead } from '../engine/model/package.ts';
import { holdout, importanceByColumn } from '../engine/model/package-parts.ts';
import { PLAIN_PACKAGE_LIMIT } from '../engine/model/package-writer.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { TOOL } from '../engine/version.ts';
import type { ResolvedPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import { artifactName, sideEffect, writeOutputs } from './outputs.ts';

/** What a train run writes where: shared by one runner and a merge. */
export interface TrainRun {
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
export interface DataParts {
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

/**
 * What every package's head says of the data, the split and the run, whatever made the model, in the
 * package's key order (format first, so that a reader refuses another format at once).
 */
export async function commonHead(run: TrainRun, parts: Omit<DataParts, 'examples' | 'profile'>, formatVersion: PackageHead['format_version'], params: PackageHead['params']): Promise<Pick<PackageHead, 'format' | 'format_version' | 'pipeline' | 'task' | 'target' | 'id' | 'encoding' | 'schema' | 'params' | 'split' | 'provenance' | 'rows'>> {
  const { cfg } = run;
  const prov = await run.io.provenance();
  return {
    format: MODEL_FORMAT,
    format_version: formatVersion,
    pipeline: cfg.name,
    task: cfg.task,
    target: { name: cfg.target, classes: parts.classes },
    id: cfg.id ?? null,
    encoding: parts.encoding,
    schema: parts.schema,
    params,
    split: { test_fraction: cfg.split.testFraction, seed: cfg.split.seed, key_columns: parts.keyColumns, stratify: cfg.split.stratify ?? null, stratify_test_shares: parts.stratifyShares },
    provenance: { data_sha256: run.dataSha, data_files: parts.files, config_sha256: cfg.digest, commit: prov.commit, created_at: prov.createdAt, tool: TOOL, build_key: run.buildKey },
    rows: parts.rows,
  };
}

/** The package, once every tree is gathered: its head, written with the trees; then train's outputs. */
export async function completeModel(run: TrainRun, options: ForestOptions, parts: DataParts, gathered: ForestGatherer, yTrain: Int32Array | Float64Array, yTest: Float64Array): Promise<StepResult<'train'>> {
  const { cfg, params, io, out } = run;
  const width = parts.encoding.features.length;
  const oob = gathered.oobScore(yTrain);
  const ranked = importanceByColumn(parts.encoding, sumImportances(gathered.shares, width));
  const classes = parts.classes;
  const head: PackageHead = {
    ...(await commonHead(run, parts, MODEL_FORMAT_VERSION, { trees: params.trees, max_depth: params.maxDepth ?? null, min_samples_leaf: params.minSamplesLeaf, max_features: options.maxFeatures, bootstrap: params.bootstrap, seed: params.seed })),
    oob_score: Number.isNaN(oob) ? null : oob,
    feature_importance: ranked,
    profile: parts.profile,
    holdout: yTest.length > 0 ? holdout(yTest, gathered.testPredictions(), classes, cfg.task) : undefined,
    examples: { rows: parts.examples, predictions: Array.from(gathered.examplePredictions(), (v) => (classes ? (classes[v] ?? String(v)) : v)) },
  };
  const { bytes, gzipped } = await gathered.writer.finish(head);
  if (gzipped && !run.gzip) io.info(`the package is over ${PLAIN_PACKAGE_LIMIT / 1024 ** 2} MiB of JSON, so ${out.shown} holds it gzipped (${bytes.length.toLocaleString('en-US')} bytes): every mlops step reads it as it is, and zcat shows its JSON`);
  await writeOutputs(io, [[out, bytes]], run.protectedInputs);
  const cache = run.cache;
  if (cache) await sideEffect(io, 'saving the model to the cache', () => cache.save([out.shown], run.cacheKey));
  return finish(cfg, head, bytes, out, io, run.upload, '');
}

/** A shard's outputs: its file and digest, uploaded as an mlops-shard artifact for the merge job. */
export async function finishShard(cfg: PipelineConfig, bytes: Buffer, out: ResolvedPath, io: StepIO, upload: boolean, shard: ShardSpec, first: number, end: number, total: number): Promise<StepResult<'train'>> {
  const sha = sha256Hex(bytes);
  const artifact = upload ? await uploadOutput(io, 'mlops-shard', cfg.name, sha, out) : '';
  return {
    ok: true,
    outputs: { 'model-path': out.shown, 'model-digest': `sha256:${sha}`, artifact, 'oob-score': '', 'feature-importance': '{}', 'restored-from': '' },
    summary: `### train: ${escapeMarkdown(cfg.name)} (shard ${shard.index}/${shard.count})\n\nTrees ${first}–${end - 1} of ${total}: <code>${escapeMarkdown(out.shown, 200)}</code> (${bytes.length.toLocaleString('en-US')} bytes). Merge the ${shard.count} shards with train's merge input (\`mlops train --merge '…/*.shard'\`).\n`,
  };
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
export async function finish(cfg: PipelineConfig, pkg: PackageHead, bytes: Buffer, out: ResolvedPath, io: StepIO, upload: boolean, restoredFrom: '' | 'cache' | `pull-request #${number}`): Promise<StepResult<'train'>> {
  const sha = sha256Hex(bytes);
  const digest = `sha256:${sha}`;
  const artifact = upload ? await uploadOutput(io, 'model', cfg.name, sha, out) : '';
  const top = Object.entries(pkg.feature_importance).slice(0, 10);
  const summary = [
    `### train: ${escapeMarkdown(cfg.name)}${restoredFrom === 'cache' ? ' (restored from the cache)' : restoredFrom ? ` (taken from ${restoredFrom}, not trained)` : ''}`,
    '',
    `${pkg.params ? `${pkg.params.trees} trees` : 'The trainer\'s ONNX model'} on ${pkg.rows.train.toLocaleString('en-US')} rows (${pkg.rows.test.toLocaleString('en-US')} held out), ${pkg.encoding.features.length} encoded features; out-of-bag ${cfg.task === 'classification' ? 'accuracy' : 'R²'}: ${pkg.oob_score === null ? 'n/a' : pkg.oob_score.toFixed(4)}.`,
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
export function codeDigest(): string {
  try {
    return sha256Hex(readFileSync(fileURLToPath(import.meta.url)));
  } catch {
    return TOOL;
  }
}

