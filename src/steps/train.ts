// The train step: read the inputs, find the model's identity (its build key), and take the model from
// the merged pull request or the cache when it is this run's; otherwise grow it, or merge its shards.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyParams, loadPipeline } from '../engine/config/pipeline.ts';
import { dataDigest } from '../engine/data/data-digest.ts';
import { checkFile, resolveDataFiles } from '../engine/data/files.ts';
import { sha256Hex } from '../engine/digest.ts';
import { InputError } from '../engine/errors.ts';
import { MAX_SHARDS, parseShardSpec } from '../engine/forest/shards.ts';
import { loadModel } from '../engine/model/package.ts';
import { TOOL } from '../engine/version.ts';
import { resolveOptions } from './data-source.ts';
import { booleanInput, optionalInput, userPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import { checkOutput, runInputs, sideEffect } from './outputs.ts';
import type { InputsOf } from './specs.ts';
import { saveConfigFile, threadsInput } from './train-config.ts';
import { growForest } from './train-grow.ts';
import { mergeShards } from './train-merge.ts';
import { codeDigest, finish, type TrainRun } from './train-package.ts';
import { takeMergedPullRequestModel } from './train-reuse.ts';
import { trainWithTrainer } from './train-onnx.ts';

/** The digest of the files trainer.inputs names (sorted by path), each glob matching at least one. */
async function trainerDigest(root: string, globs: readonly string[], io: StepIO): Promise<string> {
  const parts: string[] = [];
  for (const glob of globs) {
    for (const f of await resolveDataFiles(root, glob, 'trainer.inputs', resolveOptions(io, false))) parts.push(`${f.name}\0${sha256Hex(await readFile(f.path))}`);
  }
  return sha256Hex(parts.sort().join('\n'));
}

export async function train(inputs: InputsOf<'train'>, io: StepIO): Promise<StepResult<'train'>> {
  let cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  const paramsJson = optionalInput(inputs, 'params');
  if (booleanInput(inputs, 'save-config')) {
    // Written first and read again, so that the model records the config digest of the file a commit carries.
    if (paramsJson !== undefined) applyParams(cfg.model, paramsJson);
    await saveConfigFile(cfg, paramsJson, optionalInput(inputs, 'data'), io);
    cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  }
  if (cfg.trainer) {
    // The forest's inputs mean nothing to a team's trainer: refused rather than silently ignored.
    for (const name of ['params', 'shard', 'merge'] as const) {
      if (optionalInput(inputs, name) !== undefined) throw new InputError(name, `is the forest's, but ${cfg.file} has trainer:, whose command makes the model (it takes its parameters in its own way)`);
    }
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
  // A trainer's own files (trainer.inputs) are part of its model's identity.
  const trainer = cfg.trainer ? await trainerDigest(cfg.root, cfg.trainer.inputs, io) : null;
  const buildKey = sha256Hex(JSON.stringify({ tool: TOOL, code, config: cfg.digest, schema: schemaSha, data: dataSha, params, ...(trainer ? { trainer } : {}) }));
  const cacheKey = `mlops-model-${cfg.name}-${sha256Hex(JSON.stringify({ tool: TOOL, code, config: cfg.digest, schema: schemaSha, data: dataSha, params, gzip, ...(trainer ? { trainer } : {}) }))}`;
  if (reuse === 'pull-request' && !shard) {
    const taken = await takeMergedPullRequestModel(cfg, buildKey, out, gzip, protectedInputs, io);
    if (taken) return finish(cfg, taken.pkg, taken.bytes, out, io, upload, `pull-request #${taken.pullRequest}`);
  }
  // A shard is not a model: nothing to restore, nothing to cache. Nor is a trainer's model whose
  // files the cache cannot see (no trainer.inputs): it is trained on every run.
  const cache = shard || (cfg.trainer && cfg.trainer.inputs.length === 0) ? undefined : io.cache;
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

  const run: TrainRun = { cfg, params, buildKey, dataSha, gzip, out, protectedInputs, cache, cacheKey, upload, io };
  if (cfg.trainer) return trainWithTrainer(run, dataInput, threads);
  if (mergeGlob !== undefined) return mergeShards(run, mergeGlob);
  return growForest(run, dataInput, threads, shard);
}
