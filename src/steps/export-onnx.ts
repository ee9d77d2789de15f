// The export-onnx step: a forest package (or the pipeline's champion) written as an ONNX model that any
// ONNX runtime runs with the suite's predictions, through a temporary file renamed into place.
import { loadPipeline } from '../engine/config/pipeline.ts';
import { sha256Hex } from '../engine/digest.ts';
import { OutputPathError } from '../engine/errors.ts';
import { exportForest } from '../engine/onnx/export-forest.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { TOOL } from '../engine/version.ts';
import { writeFileAtomic } from '../engine/write-atomic.ts';
import { chooseModel } from './chosen-model.ts';
import { optionalInput, userPath, type ResolvedPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import { checkOutput, outputPaths, runInputs } from './outputs.ts';
import type { InputsOf } from './specs.ts';

export async function exportOnnx(inputs: InputsOf<'export-onnx'>, io: StepIO): Promise<StepResult<'export-onnx'>> {
  const pipelineFile = optionalInput(inputs, 'pipeline');
  const cfg = pipelineFile !== undefined ? await loadPipeline(pipelineFile, io.root, io.cwd) : undefined;
  const model = await chooseModel(inputs, io, cfg);
  const out: ResolvedPath = optionalInput(inputs, 'output') !== undefined ? userPath(io, inputs, 'output', undefined, false) : outputPaths(io, model.pkg.pipeline, { onnx: 'model.onnx' }).onnx;
  await checkOutput(io, out, [...(model.abs ? [model.abs] : []), ...(cfg ? runInputs(cfg) : [])]);
  // A team's own model goes out as the suite runs it (a final ZipMap cut out); a forest is exported.
  const bytes = model.pkg.onnx ? model.pkg.onnx.bytes : exportForest(model.pkg, { digest: model.digest, version: model.version, tool: TOOL });
  try {
    await writeFileAtomic(out.abs, bytes);
  } catch (err) {
    throw new OutputPathError(out.shown, `cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const digest = `sha256:${sha256Hex(bytes)}`;
  const { pkg } = model;
  const outputsText = pkg.task === 'classification' ? '`label` ([N] string) and `probabilities` ([N, C] double, the classes in the order of the metadata\'s `classes`)' : '`prediction` ([N, 1] double)';
  const summary = [
    `### export-onnx: ${escapeMarkdown(pkg.pipeline)}`,
    '',
    `<code>${escapeMarkdown(model.source)}</code> (${model.digest}) written as <code>${escapeMarkdown(out.shown)}</code> (${bytes.length.toLocaleString('en-US')} bytes, ${digest}): ${pkg.forest ? `${pkg.forest.trees.length} trees, ${pkg.encoding.columns.length} inputs, one per column, [N, 1] each; outputs ${outputsText}` : 'the model of the pipeline\'s own trainer, as the suite runs it'}.`,
    '',
  ].join('\n');
  return { ok: true, outputs: { onnx: out.shown, 'onnx-digest': digest, 'model-digest': model.digest }, summary };
}
