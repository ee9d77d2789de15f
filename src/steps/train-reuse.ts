// train's reuse: pull-request: on a merge, the candidate the pull request's run already trained and
// compared, when it is byte for byte what this run would train.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { sha256Hex } from '../engine/digest.ts';
import { loadModel, type ModelPackage } from '../engine/model/package.ts';
import { recodePackage } from '../engine/model/package-writer.ts';
import type { ResolvedPath } from './inputs.ts';
import type { StepIO } from './io.ts';
import { writeOutputs } from './outputs.ts';

/**
 * reuse: pull-request. The candidate that the merged pull request's run trained and uploaded, taken
 * when it records this run's build key (same data, config, schema, parameters and code); anything
 * else (no such pull request, an expired artifact, another key, a failed download) trains anew.
 */
export async function takeMergedPullRequestModel(cfg: PipelineConfig, buildKey: string, out: ResolvedPath, gzip: boolean, protectedInputs: string[], io: StepIO): Promise<{ pkg: ModelPackage; bytes: Buffer; pullRequest: number } | undefined> {
  if (!io.earlierModels) {
    io.warning('reuse: pull-request needs GitHub Actions and a token; training');
    return undefined;
  }
  const dir = await mkdtemp(path.join(io.tmp, 'mlops-reuse-'));
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

