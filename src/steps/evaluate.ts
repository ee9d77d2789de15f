// The evaluate step: the model's metrics on its test split of the current data, with 95% intervals
// and per-slice metrics; a JSON file for machines and a Markdown report for people. Nothing is written
// until everything is computed, so a refused model leaves the last good report in place.
import { loadPipeline } from '../engine/config/pipeline.ts';
import { cellValue, columnByName } from '../engine/data/table.ts';
import { sha256Hex } from '../engine/digest.ts';
import { InputError } from '../engine/errors.ts';
import { bootstrapIntervals, fullMetrics, scalarMetrics, scalarsOf, sliceRows, type Slice } from '../engine/metrics/evaluate.ts';
import { loadModel } from '../engine/model/package.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { loadData } from './data-source.ts';
import { optionalInput, userPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';
import { outputPaths, runInputs, writeOutputs } from './outputs.ts';
import { assertBelongs, mapeNote, packageTestRows, requireColumns, scoreRows, zeroLabels } from './scoring.ts';

export const METRICS_FORMAT = 'mlops-metrics/1';

const fmt = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));

export async function evaluate(inputs: InputsOf<'evaluate'>, io: StepIO): Promise<StepResult<'evaluate'>> {
  const cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  const paths = outputPaths(io, cfg.name, { metrics: 'metrics.json', report: 'evaluation.md' });
  const model = userPath(io, inputs, 'model');
  const { pkg, bytes } = await loadModel(model.abs, model.shown);
  assertBelongs(pkg, cfg, model.shown);
  const { table } = await loadData(cfg, { data: optionalInput(inputs, 'data') }, io);
  requireColumns(pkg, table);
  const { rows, yTrue } = await packageTestRows(pkg, table, io);
  if (rows.length === 0) throw new InputError('data', 'the data has no labelled test rows for this model');
  const predictions = await scoreRows(pkg, table, rows, yTrue);
  const metrics = fullMetrics(predictions);
  const scalars = scalarsOf(metrics);
  const ci = cfg.evaluation.bootstrap > 0 ? bootstrapIntervals(predictions, cfg.evaluation.bootstrap, cfg.evaluation.seed, Object.keys(scalars)) : {};
  const slices: Slice[] = [];
  for (const name of cfg.evaluation.slices) {
    const col = columnByName(table, name);
    if (!col) {
      io.warning(`evaluation.slices names ${JSON.stringify(name)}, which is not a column; skipped`);
      continue;
    }
    const groups = sliceRows(rows.map((r) => cellValue(col, r)), cfg.evaluation.sliceBins);
    for (const [value, members] of groups) slices.push({ column: name, value, rows: members.length, metrics: scalarMetrics(predictions, members) });
  }
  const zeros = zeroLabels(predictions);
  const notes = zeros > 0 ? [mapeNote(zeros, rows.length)] : [];
  const digest = `sha256:${sha256Hex(bytes)}`;
  const out = { format: METRICS_FORMAT, ...metrics, ci, slices, notes, rows: { test: rows.length }, model: { path: model.shown, digest, pipeline: pkg.pipeline }, data: { files: table.files } };

  const lines = [`### evaluate: ${escapeMarkdown(cfg.name)}`, '', `Model <code>${escapeMarkdown(model.shown)}</code> (${digest}) on ${rows.length.toLocaleString('en-US')} test rows of ${table.files.map((f) => `<code>${escapeMarkdown(f)}</code>`).join(', ')}.`, ''];
  lines.push('| Metric | Value | 95% CI |', '|---|---:|---|');
  for (const [name, value] of Object.entries(scalars)) {
    const interval = ci[name];
    lines.push(`| ${name} | ${fmt(value)} | ${interval ? `${fmt(interval[0])} – ${fmt(interval[1])}` : '–'} |`);
  }
  for (const note of notes) lines.push('', `> ${escapeMarkdown(note, 400)}`);
  const classes = pkg.target.classes;
  if ('confusion_matrix' in metrics && classes) {
    lines.push('', '**Per class**', '', '| Class | Precision | Recall | F1 | Support |', '|---|---:|---:|---:|---:|');
    for (const c of classes) {
      const m = metrics.per_class[c];
      if (m) lines.push(`| ${escapeMarkdown(c, 40)} | ${fmt(m.precision)} | ${fmt(m.recall)} | ${fmt(m.f1)} | ${m.support} |`);
    }
    lines.push('', '**Confusion matrix** (rows: true class, columns: predicted)', '', `| | ${classes.map((c) => escapeMarkdown(c, 40)).join(' | ')} |`, `|---|${classes.map(() => '---:').join('|')}|`);
    metrics.confusion_matrix.forEach((row, k) => lines.push(`| **${escapeMarkdown(classes[k] ?? '', 40)}** | ${row.join(' | ')} |`));
  }
  const [firstSlice] = slices;
  if (firstSlice) {
    const keys = Object.keys(firstSlice.metrics).slice(0, 3);
    lines.push('', '**Slices**', '', `| Column | Value | Rows | ${keys.join(' | ')} |`, `|---|---|---:|${keys.map(() => '---:').join('|')}|`);
    for (const s of slices) lines.push(`| ${escapeMarkdown(s.column, 40)} | ${escapeMarkdown(s.value, 60)} | ${s.rows} | ${keys.map((k) => fmt(s.metrics[k])).join(' | ')} |`);
  }
  const report = `${lines.join('\n')}\n`;
  await writeOutputs(
    io,
    [
      [paths.metrics, `${JSON.stringify(out, null, 2)}\n`],
      [paths.report, report],
    ],
    [model.abs, ...runInputs(cfg, table)],
  );
  return { ok: true, outputs: { metrics: paths.metrics.shown, report: paths.report.shown }, summary: report };
}
