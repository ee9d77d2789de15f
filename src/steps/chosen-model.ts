// The model a step works with: the package given by path, else the pipeline's champion, its bytes
// checked against the digest it was published with. predict and export-onnx choose the same way.
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { sha256Hex } from '../engine/digest.ts';
import { InputError, UserError } from '../engine/errors.ts';
import type { ModelPackage } from '../engine/model/package.ts';
import { loadModel } from '../engine/model/package.ts';
import { verifiedChampion } from './compare.ts';
import { userPath } from './inputs.ts';
import type { StepIO } from './io.ts';
import { assertBelongs } from './scoring.ts';

export interface ChosenModel {
  pkg: ModelPackage;
  /** As messages name it. */
  source: string;
  /** The package file, when one was given (an input the step must not overwrite). */
  abs: string | undefined;
  /** sha256:… of the package's bytes. */
  digest: string;
  /** The registry version, for a champion. */
  version: number | undefined;
}

/** `inputs.model` when given (and the pipeline's, if a pipeline is given too), else the pipeline's champion. */
export async function chooseModel(inputs: { readonly model: string }, io: StepIO, cfg: PipelineConfig | undefined): Promise<ChosenModel> {
  if (inputs.model.trim() !== '') {
    const model = userPath(io, inputs, 'model');
    const { pkg, bytes } = await loadModel(model.abs, model.shown);
    if (cfg) assertBelongs(pkg, cfg, model.shown);
    return { pkg, source: model.shown, abs: model.abs, digest: `sha256:${sha256Hex(bytes)}`, version: undefined };
  }
  if (!cfg) throw new InputError('model', 'give the model package, or the pipeline whose champion to use');
  if (!io.champions) throw new InputError('token', 'no token, so the champion cannot be looked up in the GitHub releases; pass a token (contents: read) or the model input');
  const found = await verifiedChampion(io.champions, cfg.name);
  if (!found) throw new UserError(`${cfg.name} has no champion yet; publish a model first (mlops run), or pass --model`);
  return { pkg: found.pkg, source: found.source, abs: undefined, digest: `sha256:${found.sha256}`, version: found.version };
}
