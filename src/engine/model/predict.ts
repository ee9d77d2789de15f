// A package's predictions on a table, whatever made the model: the suite's forest (its encoding, then
// its compiled trees) or the team's own ONNX model (the raw columns, in onnxruntime). Every step that
// scores (evaluate, compare, drift-report, predict) goes through here.
import type { Table } from '../data/table.ts';
import { applyEncoding } from '../features/encode.ts';
import { predictCompiled, type CompiledPredictions } from '../forest/compiled.ts';
import { runOnnx, suitePredictions } from '../onnx/onnx-model.ts';
import { withOnnxSession } from './onnx-sessions.ts';
import type { ModelPackage, OnnxPart } from './package.ts';

export async function predictPackage(pkg: ModelPackage, table: Table): Promise<CompiledPredictions> {
  if (pkg.forest) return predictCompiled(pkg.forest, applyEncoding(table, pkg.encoding));
  if (!pkg.onnx) throw new Error(`the package of ${pkg.pipeline} has neither a forest nor an ONNX model`);
  return predictOnnx(pkg.onnx, pkg.target.classes, pkg.encoding.columns.map((c) => c.name), table);
}

/** A team's ONNX model on a table: its session loaded once per digest (per thread) and kept while recent. */
export async function predictOnnx(onnx: Pick<OnnxPart, 'bytes' | 'sha256' | 'interface'>, classes: readonly string[] | null, inputs: readonly string[], table: Table): Promise<CompiledPredictions> {
  const raw = await withOnnxSession(onnx.sha256, onnx.bytes, (session) => runOnnx(session, onnx.interface, table, inputs));
  const { yPred, shares } = suitePredictions(raw, onnx.interface, classes);
  return { yPred, shares };
}
