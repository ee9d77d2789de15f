// One prediction request answered from its body: parsed within the limits, predicted, and written as
// the protocol's JSON answer. A pure function of the model and the body, so that the server can run it
// on its own thread for a small body and on the prediction thread for a large one with the same result.
import { applyEncoding, type FeatureEncoding } from '../engine/features/encode.ts';
import { predictCompiled, type CompiledForest } from '../engine/forest/compiled.ts';
import { predictOnnx } from '../engine/model/predict.ts';
import type { OnnxPart } from '../engine/model/package.ts';
import { parseMlflow, parseV2, type ParsedRequest, type RequestLimits } from '../engine/serving/protocols.ts';
import { RequestError, tableFromColumns } from '../engine/serving/request-table.ts';
import { present } from '../engine/present.ts';

/** What answering needs of a model: small enough to hand to a thread (the forest in shared memory). */
export interface ServingModel {
  pipeline: string;
  task: 'classification' | 'regression';
  target: { name: string; classes: string[] | null };
  encoding: FeatureEncoding;
  /** The suite's forest (in shared memory), or null for a team's ONNX model. */
  forest: CompiledForest | null;
  /** A team's ONNX model: each thread loads its own session from these bytes. */
  onnx: Pick<OnnxPart, 'bytes' | 'sha256' | 'interface'> | null;
  /** The columns the model reads, in its order. */
  inputs: string[];
  /** sha256 (hex) of the package's bytes as they were loaded. */
  sha256: string;
  version: string;
}

export type Protocol = 'mlflow' | 'v2';

export interface PredictJob {
  protocol: Protocol;
  body: Uint8Array;
  contentType: string;
  limits: RequestLimits;
  /** When the request is logged: its time; null when the sample leaves it out. */
  logTime: string | null;
}

/** What the server counts of an answered request. */
export interface PredictStats {
  rows: number;
  /** Per model column: the rows with no value. */
  missing: number[];
  extraCount: number;
  /** Classification: predictions per class, in the model's class order. */
  classCounts: number[] | null;
  /** Regression: the predicted values. */
  values: Float64Array | null;
}

export interface PredictAnswer {
  /** The JSON answer. */
  text: string;
  stats: PredictStats;
  /** The request log's line (with its newline), when the request is logged. */
  logLine: string | null;
}

interface Prediction {
  labels: (string | number)[];
  shares: Float64Array | null;
  missing: number[];
}

/** Predicts the parsed rows: the same typed columns and encoding that evaluate scores. */
export async function predictParsed(model: ServingModel, req: ParsedRequest): Promise<Prediction> {
  if (req.rows === 0) throw new RequestError(400, 'no rows to predict');
  const { table, missing } = tableFromColumns(model, req.columns, req.rows);
  const { yPred, shares } = model.forest ? predictCompiled(model.forest, applyEncoding(table, model.encoding)) : await predictOnnx(present(model.onnx, 'the served model'), model.target.classes, model.inputs, table);
  const classes = model.target.classes;
  return { labels: Array.from(yPred, (v) => (classes ? classes[v]! : v)), shares, missing };
}

function statsOf(model: ServingModel, parsed: ParsedRequest, out: Prediction): PredictStats {
  const classes = model.target.classes;
  let classCounts: number[] | null = null;
  let values: Float64Array | null = null;
  if (classes) {
    const index = new Map(classes.map((c, k) => [c, k]));
    const counts = new Array<number>(classes.length).fill(0);
    for (const l of out.labels) {
      const k = index.get(String(l));
      // Labels come from the model's own classes; anything else is a fault of ours, not a count.
      if (k === undefined) throw new Error(`the model predicted ${JSON.stringify(l)}, which is not one of its classes`);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    classCounts = counts;
  } else values = Float64Array.from(out.labels as number[]);
  return { rows: parsed.rows, missing: out.missing, extraCount: parsed.extraCount, classCounts, values };
}

function logLine(model: ServingModel, parsed: ParsedRequest, out: Prediction, time: string): string {
  const inputs = Object.fromEntries(model.inputs.map((k) => [k, parsed.columns.get(k)]));
  return `${JSON.stringify({ time, pipeline: model.pipeline, version: model.version, model_digest: `sha256:${model.sha256}`, inputs, predictions: out.labels })}\n`;
}

/** Answers one prediction request; a bad one throws a RequestError with its status. */
export async function answer(model: ServingModel, job: PredictJob): Promise<PredictAnswer> {
  const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
  const target = { ...job.limits, inputs: model.inputs };
  const classes = model.target.classes;
  let parsed: ParsedRequest;
  let out: Prediction;
  let result: Record<string, unknown>;
  if (job.protocol === 'mlflow') {
    parsed = parseMlflow(body, job.contentType, target);
    out = await predictParsed(model, parsed);
    result = { predictions: out.labels };
    if (classes && out.shares) {
      const shares = out.shares;
      result.probabilities = out.labels.map((_, i) => Object.fromEntries(classes.map((c, k) => [c, shares[i * classes.length + k]])));
    }
    if (parsed.extraCount > 0) result.ignored_columns = parsed.extra;
  } else {
    const v2 = parseV2(body, target);
    parsed = v2;
    const wanted = v2.outputs.length > 0 ? v2.outputs : ['predict'];
    if (wanted.includes('predict_proba') && !classes) throw new RequestError(400, 'predict_proba exists only for a classifier');
    out = await predictParsed(model, parsed);
    const outputs: Record<string, unknown>[] = [];
    if (wanted.includes('predict')) outputs.push({ name: 'predict', datatype: classes ? 'BYTES' : 'FP64', shape: [parsed.rows], data: out.labels });
    if (wanted.includes('predict_proba') && classes && out.shares) outputs.push({ name: 'predict_proba', datatype: 'FP64', shape: [parsed.rows, classes.length], data: Array.from(out.shares) });
    result = { model_name: model.pipeline, model_version: model.version, ...(v2.id !== undefined ? { id: v2.id } : {}), outputs };
  }
  return { text: JSON.stringify(result), stats: statsOf(model, parsed, out), logLine: job.logTime === null ? null : logLine(model, parsed, out, job.logTime) };
}
