// sweep: the pipeline's `sweep:` cells, each trained on the training rows but a validation part and
// scored there by gates.primary (the test rows, which compare-to-champion scores on, are never seen).
// One cell per run (`cell`, for a matrix job), every cell (the CLI's default), or the collection of the
// cells' result files (`results`), which picks the best cell: its parameters are the candidate's.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LOWER_IS_BETTER } from '../engine/compare/gates.ts';
import { applyParams, loadPipeline, type PipelineConfig } from '../engine/config/pipeline.ts';
import { resolveDataFiles } from '../engine/data/files.ts';
import { defaultKeyColumns } from '../engine/data/split.ts';
import { testRowsThreaded } from '../engine/data/split-threads.ts';
import { subsetTable } from '../engine/data/table.ts';
import { InputError, SweepError, UserError } from '../engine/errors.ts';
import { applyEncoding } from '../engine/features/encode.ts';
import { compileForest, predictCompiled } from '../engine/forest/compiled.ts';
import { defaultThreads, trainForest } from '../engine/forest/pool.ts';
import { scalarMetrics } from '../engine/metrics/evaluate.ts';
import { bestCell, sweepCells, type Cell, type CellResult } from '../engine/sweep/cells.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { featureNames, loadData, resolveOptions } from './data-source.ts';
import { booleanInput, optionalInput } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';
import { outputPaths, runInputs, writeOutputs } from './outputs.ts';
import { dataDigest } from '../engine/data/data-digest.ts';
import { labelsOf, labelValues } from '../engine/data/labels.ts';
import { encodeTrainingRows, forestOptions } from '../engine/forest/training-set.ts';

export const SWEEP_CELL_FORMAT = 'mlops-sweep-cell/1';
/** The sweep's record (sweep.json), which compare-to-champion's sweep-report reads. */
export const SWEEP_FORMAT = 'mlops-sweep/1';
const MAX_RESULT_BYTES = 1024 * 1024;

interface CellFile extends CellResult {
  format: typeof SWEEP_CELL_FORMAT;
  pipeline: string;
  config_sha256: string;
  data_sha256: string;
  primary: string;
  metrics: Record<string, number | null>;
  rows: { fit: number; validation: number };
}

async function scoreCells(cfg: PipelineConfig, cells: readonly number[], all: readonly Cell[], inputs: InputsOf<'sweep'>, io: StepIO): Promise<CellFile[]> {
  const sweep = cfg.sweep;
  if (!sweep) throw new UserError(`${cfg.file} has no sweep: section, so there are no cells to score`);
  const dataInput = optionalInput(inputs, 'data');
  const { table } = await loadData(cfg, { data: dataInput }, io);
  const labels = labelsOf(cfg, table);
  const columns = cfg.split.key ?? defaultKeyColumns(table, cfg.id);
  const isTest = await testRowsThreaded(table, { columns, seed: cfg.split.seed, testFraction: cfg.split.testFraction }, defaultThreads());
  // The validation part: a hash split of the training rows by the sweep's seed, over salted keys, so
  // that it is independent of the test split even when both seeds are the same number.
  const isValidation = await testRowsThreaded(table, { columns, seed: sweep.seed, testFraction: sweep.validationFraction, salt: 'mlops-sweep-validation\u0000' }, defaultThreads());
  const fit: number[] = [];
  const validation: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    if (!labels.labelled[r] || isTest[r]) continue;
    (isValidation[r] ? validation : fit).push(r);
  }
  if (fit.length < 2 || validation.length === 0) throw new SweepError(cfg.file, `sweep.validation_fraction ${sweep.validationFraction} leaves ${fit.length} rows to fit and ${validation.length} to score a cell on`);
  const { encoding, data } = encodeTrainingRows(cfg, table, featureNames(cfg, table), fit, labels);
  const valColumns = applyEncoding(subsetTable(table, validation), encoding);
  const yTrue = labelValues(labels, validation);
  const dataSha = await dataDigest(await resolveDataFiles(cfg.root, dataInput ?? cfg.data.train, dataInput === undefined ? 'data.train' : 'the data input', resolveOptions(io, dataInput !== undefined)));
  const out: CellFile[] = [];
  for (const c of cells) {
    const params = applyParams(cfg.model, JSON.stringify(all[c - 1]), `sweep cell ${c}`);
    const options = forestOptions(cfg, params, labels.classes?.length ?? 0);
    io.info(`sweep cell ${c}/${all.length} ${JSON.stringify(all[c - 1])}: ${options.trees} trees on ${fit.length} rows, scored on ${validation.length}`);
    const forest = await trainForest(data, options);
    const { yPred, shares } = predictCompiled(compileForest(forest), valColumns);
    const metrics = scalarMetrics({ task: cfg.task, classes: labels.classes, yTrue, yPred, proba: shares });
    const score = metrics[cfg.gates.primary] ?? null;
    out.push({ format: SWEEP_CELL_FORMAT, pipeline: cfg.name, config_sha256: cfg.digest, data_sha256: dataSha, cell: c, params: all[c - 1]!, primary: cfg.gates.primary, score, metrics, rows: { fit: fit.length, validation: validation.length } });
  }
  return out;
}

async function readResults(cfg: PipelineConfig, pattern: string, io: StepIO): Promise<CellFile[]> {
  const files = await resolveDataFiles(cfg.root, pattern, 'the results input', resolveOptions(io, true));
  const out: CellFile[] = [];
  for (const f of files) {
    if ((await stat(f.path)).size > MAX_RESULT_BYTES) throw new SweepError(f.name, `is over ${MAX_RESULT_BYTES} bytes: not a sweep cell's result`);
    let v: CellFile;
    try {
      v = JSON.parse(await readFile(f.path, 'utf8')) as CellFile;
    } catch (err) {
      throw new SweepError(f.name, `is not JSON (${(err as Error).message})`);
    }
    if (v?.format !== SWEEP_CELL_FORMAT) throw new SweepError(f.name, `is not a sweep cell's result (format ${JSON.stringify(v?.format ?? null)})`);
    if (v.pipeline !== cfg.name || v.config_sha256 !== cfg.digest) throw new SweepError(f.name, `is a cell of another pipeline or config (${JSON.stringify(v.pipeline)}); run the sweep again`);
    out.push(v);
  }
  return out;
}

/** The sweep as a table (every cell, the best marked) and a Mermaid chart of the primary metric. */
export function renderSweep(cfg: PipelineConfig, results: readonly CellFile[], best: CellResult | undefined): string {
  const keys = (cfg.sweep?.grid ?? []).map(([k]) => k);
  const fmt = (v: number | null) => (v === null ? 'n/a' : v.toFixed(4));
  const lines = [`#### Sweep: ${results.length} cells, scored on ${results[0]?.rows.validation.toLocaleString('en-US') ?? 0} validation rows by ${escapeMarkdown(cfg.gates.primary)}`, '', `| cell | ${keys.map((k) => escapeMarkdown(k)).join(' | ')} | ${escapeMarkdown(cfg.gates.primary)} |`, `|---:|${keys.map(() => '---').join('|')}|---:|`];
  for (const r of [...results].sort((a, b) => a.cell - b.cell)) lines.push(`| ${r.cell === best?.cell ? `**${r.cell}** ✅` : r.cell} | ${keys.map((k) => escapeMarkdown(String(r.params[k]))).join(' | ')} | ${fmt(r.score)} |`);
  const scored = results.filter((r) => r.score !== null).sort((a, b) => a.cell - b.cell);
  if (scored.length > 0) {
    const scores = scored.map((r) => r.score ?? Number.NaN);
    const lo = Math.min(...scores);
    const hi = Math.max(...scores);
    const pad = (hi - lo) * 0.1 || 0.01;
    lines.push('', '```mermaid', 'xychart-beta', `  title "${cfg.gates.primary} per cell"`, `  x-axis [${scored.map((r) => `"${r.cell}"`).join(', ')}]`, `  y-axis "${cfg.gates.primary}" ${(lo - pad).toFixed(4)} --> ${(hi + pad).toFixed(4)}`, `  bar [${scores.map((v) => v.toFixed(4)).join(', ')}]`, '```');
  }
  lines.push('', best ? `Cell ${best.cell} goes on to compare-to-champion, trained on the whole training split; no other cell does.` : 'No cell could be scored.');
  return `${lines.join('\n')}\n`;
}

export async function sweep(inputs: InputsOf<'sweep'>, io: StepIO): Promise<StepResult<'sweep'>> {
  const cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  if (!cfg.sweep) return { ok: true, outputs: { cells: '0', 'cell-list': '[]', 'best-cell': '', 'best-params': '', report: '', json: '' }, summary: `### sweep: ${escapeMarkdown(cfg.name)}\n\nThe pipeline has no \`sweep:\` section; nothing to sweep.\n` };
  const all = sweepCells(cfg.sweep);
  const cellList = JSON.stringify(all.map((_, i) => i + 1));
  if (booleanInput(inputs, 'list')) return { ok: true, outputs: { cells: String(all.length), 'cell-list': cellList, 'best-cell': '', 'best-params': '', report: '', json: '' }, summary: `### sweep: ${escapeMarkdown(cfg.name)}\n\n${all.length} cells.\n` };
  const cellInput = optionalInput(inputs, 'cell');
  const resultsInput = optionalInput(inputs, 'results');
  const paths = outputPaths(io, cfg.name, { json: 'sweep.json', report: 'sweep.md' });
  if (cellInput !== undefined) {
    if (resultsInput !== undefined) throw new InputError('results', 'give cell or results, not both');
    const c = Number(cellInput);
    if (!Number.isInteger(c) || c < 1 || c > all.length) throw new InputError('cell', `${JSON.stringify(cellInput)} is not a cell from 1 to ${all.length}`);
    const [result] = await scoreCells(cfg, [c], all, inputs, io);
    if (!result) throw new Error(`sweep: cell ${c} was not scored`);
    const file = outputPaths(io, cfg.name, { cell: path.join('sweep', `cell-${c}.json`) }).cell;
    await writeOutputs(io, [[file, `${JSON.stringify(result, null, 2)}\n`]], runInputs(cfg));
    return { ok: true, outputs: { cells: String(all.length), 'cell-list': cellList, 'best-cell': '', 'best-params': '', report: file.shown, json: file.shown }, summary: `### sweep: ${escapeMarkdown(cfg.name)}, cell ${c} of ${all.length}\n\n${escapeMarkdown(cfg.gates.primary)} on the validation rows: ${result.score === null ? 'n/a' : result.score.toFixed(4)}\n` };
  }
  const results = resultsInput !== undefined ? await readResults(cfg, resultsInput, io) : await scoreCells(cfg, all.map((_, i) => i + 1), all, inputs, io);
  if (new Set(results.map((r) => r.data_sha256)).size > 1) throw new SweepError(resultsInput ?? 'the sweep', 'holds cells scored on different data; run the sweep again');
  const seen = new Set(results.map((r) => r.cell));
  const missing = all.map((_, i) => i + 1).filter((c) => !seen.has(c));
  if (missing.length > 0 || seen.size !== results.length) throw new SweepError(resultsInput ?? 'the sweep', `has ${results.length} results for cells ${[...seen].sort((a, b) => a - b).join(', ')}; the sweep has cells 1 to ${all.length}${missing.length ? ` (missing: ${missing.join(', ')})` : ' (one given twice)'}`);
  const best = bestCell(results, LOWER_IS_BETTER.has(cfg.gates.primary));
  const report = renderSweep(cfg, results, best);
  const record = { format: SWEEP_FORMAT, pipeline: cfg.name, primary: cfg.gates.primary, best: best ? { cell: best.cell, params: best.params, score: best.score } : null, cells: [...results].sort((a, b) => a.cell - b.cell) };
  await writeOutputs(io, [[paths.json, `${JSON.stringify(record, null, 2)}\n`], [paths.report, report]], runInputs(cfg));
  return {
    ok: best !== undefined,
    ...(best ? {} : { failure: 'no cell could be scored' }),
    outputs: { cells: String(all.length), 'cell-list': cellList, 'best-cell': best ? String(best.cell) : '', 'best-params': best ? JSON.stringify(best.params) : '', report: paths.report.shown, json: paths.json.shown },
    summary: `### sweep: ${escapeMarkdown(cfg.name)}\n\n${report}`,
  };
}
