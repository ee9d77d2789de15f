// The drift-report step: test fresh data (a CSV batch or serve's request log) against the champion's
// training-data profile (or a reference CSV), estimate what the change costs the champion, and on
// GitHub keep one drift issue per pipeline and start the retrain.
import { loadPipeline } from '../engine/config/pipeline.ts';
import type { Table } from '../engine/data/table.ts';
import { sha256Hex } from '../engine/digest.ts';
import { datasetDrift, type ColumnSide, type DatasetDrift } from '../engine/drift/detect.ts';
import { columnInputs, profileSide } from '../engine/drift/columns.ts';
import { driftMarker, MAX_ISSUE_CHARS, renderDriftHtml, renderDriftMarkdown, type DriftView, type Performance } from '../engine/drift/report.ts';
import { DataFileError, InputError } from '../engine/errors.ts';
import { declaredTypes } from '../engine/schema/data-schema.ts';
import { parseTimeBound } from '../engine/serving/log-table.ts';
import { championOf, readLog, readPulledLog, referenceOf } from './drift-sources.ts';
import { jsonColumn, modelView, predictionSide, type ModelView } from '../engine/drift/champion-view.ts';
import { readPipelineData, resolveOptions } from './data-source.ts';
import { booleanInput, optionalInput } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import type { InputsOf, OutputsOf } from './specs.ts';
import { artifactName, outputPaths, runInputs, sideEffect, writeOutputs } from './outputs.ts';
import { missingFeatures } from './scoring.ts';
import { predictPackage } from '../engine/model/predict.ts';
import { driftStamp } from '../engine/registry/contract.ts';

export const DRIFT_FORMAT = 'mlops-drift/1';
/** The label that marks drift issues (with the hidden marker that names the pipeline). */
export const DRIFT_LABEL = 'mlops-drift';

export async function driftReport(inputs: InputsOf<'drift-report'>, io: StepIO): Promise<StepResult<'drift-report'>> {
  const cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  const paths = outputPaths(io, cfg.name, { report: 'drift-report.md', json: 'drift-report.json', html: 'drift-report.html' });
  const dataInput = optionalInput(inputs, 'data');
  const logUrl = optionalInput(inputs, 'log-url');
  const logInput = optionalInput(inputs, 'log');
  const given = [dataInput, logInput, logUrl].filter((x) => x !== undefined).length;
  if (given !== 1) throw new InputError(dataInput === undefined ? 'data' : logInput !== undefined ? 'log' : 'log-url', 'give exactly one of data (a CSV or Parquet path or glob), log (serve\'s request log) and log-url (the address of an mlops serve, to pull its log from)');
  const now = Date.now();
  const bound = (name: 'since' | 'until') => {
    const raw = optionalInput(inputs, name);
    if (raw === undefined) return undefined;
    if (logInput === undefined && logUrl === undefined) throw new InputError(name, 'applies to the log and log-url inputs only');
    const t = parseTimeBound(raw, now);
    if (t === undefined) throw new InputError(name, `${JSON.stringify(raw)} is neither an ISO time (2026-11-01T00:00:00Z) nor a duration (30m, 24h, 7d, 2w)`);
    return t;
  };
  const window = { since: bound('since'), until: bound('until') };
  const referenceInput = optionalInput(inputs, 'reference');
  const failOnDrift = booleanInput(inputs, 'fail-on-drift');
  const champion = await championOf(inputs, io, cfg, referenceInput !== undefined);
  const pkg = champion?.pkg;

  // The reference: a CSV (read as the pipeline reads its data), or the champion's training profile.
  const declared = pkg ? declaredTypes(pkg.schema) : undefined;
  const { table: referenceTable, columns: referenceColumns, text: referenceText } = await referenceOf(cfg, io, referenceInput, champion, declared);

  // The current data.
  let current: Table;
  let currentText: string;
  if (logUrl !== undefined) {
    ({ table: current, description: currentText } = await readPulledLog(logUrl, inputs, io, cfg, pkg, window));
  } else if (logInput !== undefined) {
    ({ table: current, description: currentText } = await readLog(logInput, io, cfg, pkg, window));
  } else {
    current = await readPipelineData(cfg, dataInput ?? cfg.data.train, 'the data input', declared, resolveOptions(io, true));
    // A header with no rows is a batch that did not arrive: a report on it would read as "no drift".
    if (current.rowCount === 0) throw new DataFileError(current.files.join(', '), 'has a header but no rows: no rows to compare');
    currentText = `${current.files.join(', ')} (${current.rowCount.toLocaleString('en-US')} rows)`;
  }
  const known = new Set([...referenceColumns.map((c) => c.name), cfg.target, ...(cfg.id === undefined ? [] : [cfg.id])]);
  const unknownColumns = current.columns.map((c) => c.name).filter((n) => !known.has(n) && !cfg.features.exclude.includes(n));
  for (const name of Object.keys(cfg.drift.columns)) if (!referenceColumns.some((c) => c.name === name)) io.warning(`drift.columns names ${JSON.stringify(name)}, which is not a feature of the model; ignored`);

  const importance = pkg ? new Map(Object.entries(pkg.feature_importance)) : undefined;
  const result: DatasetDrift = datasetDrift(columnInputs(referenceColumns, current), current.rowCount, cfg.drift, importance);
  if (cfg.drift.weighted && !importance) io.warning('drift.weighted is true, but there is no model to take feature importances from; every feature weighs the same');

  let model: ModelView = { prediction: null, estimated: null, measured: null, note: referenceInput !== undefined && !pkg ? 'no champion and no model input, so there is no prediction drift or performance estimate' : null };
  if (champion && result.verdict !== 'not-enough-data') {
    let refPredictions: ColumnSide | undefined;
    if (referenceTable) {
      const missing = missingFeatures(champion.pkg, referenceTable);
      if (missing.length === 0) {
        const preds = (await predictPackage(champion.pkg, referenceTable)).yPred;
        refPredictions = predictionSide(champion.pkg, preds);
      }
    } else if (champion.pkg.holdout) refPredictions = profileSide('prediction', champion.pkg.holdout.predictions, champion.source);
    model = await modelView(champion.pkg, current, refPredictions, cfg.drift, missingFeatures(champion.pkg, current));
  }
  const reference = pkg?.holdout?.metrics.accuracy ?? pkg?.holdout?.calibration?.accuracy ?? null;
  const performance: Performance | null = model.measured ?? (model.estimated ? { kind: 'estimated', metric: 'accuracy', estimate: model.estimated, reference } : null);
  const notes: string[] = [];
  if (model.measured && model.estimated) notes.push(`The label-free estimate on the same rows was ${model.estimated.accuracy.toFixed(4)} (95% interval ${model.estimated.interval[0].toFixed(4)} – ${model.estimated.interval[1].toFixed(4)}); the measured accuracy is ${model.measured.value.toFixed(4)}.`);
  const view: DriftView = {
    pipeline: cfg.name,
    marker: driftMarker(cfg.name),
    result,
    prediction: model.prediction,
    performance,
    performanceNote: model.note,
    reference: referenceText,
    current: currentText,
    unknownColumns,
    notes,
    runUrl: io.runUrl ?? null,
  };
  const markdown = renderDriftMarkdown(view);
  const htmlText = `${view.marker}\n${renderDriftHtml(view)}`;
  const record = {
    format: DRIFT_FORMAT,
    pipeline: cfg.name,
    at: new Date(now).toISOString(),
    verdict: result.verdict,
    drift: result.drift,
    share: result.share,
    threshold: result.threshold,
    weighted: result.weighted,
    drifted_features: result.drifted,
    current_rows: result.currentRows,
    reference: referenceText,
    current: currentText,
    champion: champion ? { source: champion.source, version: champion.version ?? null, id: champion.pkg.provenance.data_sha256 } : null,
    prediction: model.prediction && jsonColumn(model.prediction),
    performance: { estimated: model.estimated, measured: model.measured && { metric: model.measured.metric, value: model.measured.value, interval: model.measured.interval, rows: model.measured.rows }, reference_accuracy: reference },
    columns: result.columns.map(jsonColumn),
    unknown_columns: unknownColumns,
  };
  const json = `${JSON.stringify(record, null, 2)}\n`;
  await writeOutputs(
    io,
    [
      [paths.json, json],
      [paths.report, markdown],
      [paths.html, htmlText],
    ],
    [...runInputs(cfg, current, referenceTable)],
  );

  const outputs: OutputsOf<'drift-report'> = {
    verdict: result.verdict,
    drift: String(result.drift),
    'drift-share': String(result.share),
    'drifted-features': JSON.stringify(result.drifted),
    'estimated-accuracy': model.estimated ? String(model.estimated.accuracy) : '',
    'measured-accuracy': model.measured?.metric === 'accuracy' ? String(model.measured.value) : '',
    report: paths.report.shown,
    json: paths.json.shown,
    html: paths.html.shown,
    'issue-number': '',
    artifact: '',
  };
  const failures: string[] = [];
  const history = io.driftHistory;
  if (history && booleanInput(inputs, 'history')) {
    // The site's drift history; a report that cannot be kept there is still a report.
    try {
      io.info(`kept the drift summary in ${await history.record(cfg.name, driftStamp(new Date(now)), Buffer.from(json))}`);
    } catch (err) {
      io.warning(`the drift summary could not be kept in the registry (${(err as Error).message}); on GitHub the token needs contents: write`);
    }
  }
  const artifacts = io.artifacts;
  if (artifacts) {
    const name = artifactName(io, 'mlops-drift', cfg.name, sha256Hex(markdown));
    if (await sideEffect(io, `uploading the artifact ${name}`, async () => void (await artifacts.upload(name, [paths.html.abs, paths.json.abs, paths.report.abs], paths.dir)))) outputs.artifact = name;
  }
  if (io.driftIssues) {
    const issues = io.driftIssues;
    try {
      if (result.drift) {
        const title = `Drift in ${cfg.name}: ${result.drifted.length} of ${result.columns.length} features (${result.drifted.slice(0, 3).join(', ')}${result.drifted.length > 3 ? ', …' : ''})`.slice(0, 250);
        const issue = await issues.raise(cfg.name, view.marker, title, renderDriftMarkdown(view, MAX_ISSUE_CHARS));
        outputs['issue-number'] = String(issue.number);
        io.info(`${issue.created ? 'opened' : 'updated'} the drift issue #${issue.number}`);
      } else if (result.verdict === 'no-drift') {
        const closed = await issues.resolve(cfg.name, view.marker, `${view.marker}\nThe drift is gone: ${renderDriftMarkdown(view, MAX_ISSUE_CHARS).split('\n').slice(3, 4).join('')}\n\nClosing.${io.runUrl ? ` ([run](${io.runUrl}))` : ''}\n`);
        if (closed !== undefined) {
          outputs['issue-number'] = String(closed);
          io.info(`the drift is gone: closed the drift issue #${closed}`);
        }
      }
    } catch (err) {
      failures.push(`the drift issue could not be written (${(err as Error).message}); the token needs issues: write`);
    }
  }
  const workflow = optionalInput(inputs, 'retrain-workflow');
  if (result.drift && io.dispatcher && workflow !== undefined) {
    const reason = `drift: ${result.drifted.length} of ${result.columns.length} features (${result.drifted.slice(0, 5).join(', ')})${model.estimated ? `; estimated accuracy ${model.estimated.accuracy.toFixed(3)}` : ''}`.slice(0, 1000);
    try {
      io.info(await io.dispatcher.dispatch(workflow, { pipeline: cfg.file, reason }));
    } catch (err) {
      failures.push(`the retrain workflow ${workflow} could not be started (${(err as Error).message}); it needs on: workflow_dispatch with the inputs pipeline and reason, and the token needs actions: write`);
    }
  }
  if (failOnDrift && result.drift) failures.push(`the data drifted (${result.drifted.join(', ')}) and fail-on-drift is true`);
  return { ok: failures.length === 0, ...(failures.length ? { failure: failures.join('; ') } : {}), outputs, summary: markdown };
}

