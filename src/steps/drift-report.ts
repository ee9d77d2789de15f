// The drift-report step: test fresh data (a CSV batch or serve's request log) against the champion's
// training-data profile (or a reference CSV), estimate what the change costs the champion, and on
// GitHub keep one drift issue per pipeline and start the retrain.
import { readFile, stat } from 'node:fs/promises';
import { loadPipeline, type PipelineConfig } from '../engine/config/pipeline.ts';
import { resolveDataFiles } from '../engine/data/files.ts';
import { columnByName, type Table } from '../engine/data/table.ts';
import { sha256Hex } from '../engine/digest.ts';
import { estimateAccuracy, topShares, type AccuracyEstimate } from '../engine/drift/calibration.ts';
import { columnDrift, datasetDrift, type ColumnDrift, type ColumnKind, type ColumnSide, type DatasetDrift } from '../engine/drift/detect.ts';
import { columnInputs, kindOf, profileSide, tableSide } from '../engine/drift/columns.ts';
import { driftMarker, MAX_ISSUE_CHARS, renderDriftHtml, renderDriftMarkdown, type DriftView, type Performance } from '../engine/drift/report.ts';
import { categoricalSample, numericSample } from '../engine/drift/sample.ts';
import { DataFileError, InputError, UserError } from '../engine/errors.ts';
import { applyEncoding } from '../engine/features/encode.ts';
import { loadModel, type ModelPackage } from '../engine/model/package.ts';
import { declaredTypes } from '../engine/schema/data-schema.ts';
import { addLogText, emptyLog, MAX_LOG_BYTES, MAX_LOG_LINE_BYTES, parseTimeBound, type LogColumns, type LogWindow } from '../engine/serving/log-table.ts';
import { RequestError, tableFromColumns } from '../engine/serving/request-table.ts';
import { verifiedChampion } from './compare.ts';
import { featureNames, readPipelineData, resolveOptions } from './data-source.ts';
import { booleanInput, optionalInput, userPath } from './inputs.ts';
import type { StepInputs, StepIO, StepResult } from './io.ts';
import { artifactName, outputPaths, runInputs, sideEffect, writeOutputs } from './outputs.ts';
import { assertBelongs, missingFeatures } from './scoring.ts';
import { predictCompiled } from '../engine/forest/compiled.ts';

export const DRIFT_FORMAT = 'mlops-drift/1';
/** The label that marks drift issues (with the hidden marker that names the pipeline). */
export const DRIFT_LABEL = 'mlops-drift';

interface Champion {
  pkg: ModelPackage;
  /** For messages and the report: a path, or the registry version. */
  source: string;
}

/** The model whose profile and predictions drift is measured against: the model input, else the champion. */
async function championOf(inputs: StepInputs, io: StepIO, cfg: PipelineConfig, referenceGiven: boolean): Promise<Champion | undefined> {
  if (optionalInput(inputs, 'model') !== undefined) {
    const model = userPath(io, inputs, 'model');
    const { pkg } = await loadModel(model.abs, model.shown);
    assertBelongs(pkg, cfg, model.shown);
    return { pkg, source: model.shown };
  }
  if (!io.champions) {
    if (referenceGiven) return undefined;
    throw new InputError('token', 'no token, so the champion cannot be looked up in the GitHub releases; pass a token (contents: read), the model input, or a reference CSV');
  }
  const found = await verifiedChampion(io.champions, cfg.name);
  if (!found) {
    if (referenceGiven) return undefined;
    throw new UserError(`${cfg.name} has no champion yet, so there is no training profile to compare with; publish a model first (mlops run), or pass --model or --reference`);
  }
  // The source names the version already ("… (version 3)", "release spam-detector-v3").
  return { pkg: found.pkg, source: found.source };
}

/** What was left out of a log, said beside what was read. */
function logNotes(log: LogColumns): string {
  const notes: string[] = [];
  if (log.otherPipelines > 0) notes.push(`${log.otherPipelines.toLocaleString('en-US')} request${log.otherPipelines === 1 ? '' : 's'} of other pipelines skipped`);
  if (log.truncated > 0) notes.push(`${log.truncated} last line${log.truncated === 1 ? '' : 's'} cut off mid-write skipped`);
  return notes.length ? `; ${notes.join('; ')}` : '';
}

/** serve's request log, as a table of the model's input columns. */
async function readLog(pattern: string, io: StepIO, cfg: PipelineConfig, pkg: ModelPackage | undefined, window: LogWindow): Promise<{ table: Table; description: string }> {
  if (!pkg) throw new InputError('log', 'reading a request log needs the model it served (the champion or the model input), to know its columns');
  const files = await resolveDataFiles(cfg.root, pattern, 'the log input', resolveOptions(io, true));
  const log = emptyLog();
  let total = 0;
  for (const f of files) {
    const size = (await stat(f.path)).size;
    total += size;
    if (total > MAX_LOG_BYTES) throw new DataFileError(f.name, `the request logs add up to more than ${MAX_LOG_BYTES.toLocaleString('en-US')} bytes; narrow the window (since) or lower serve's --log-sample`);
    const bytes = await readFile(f.path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new DataFileError(f.name, 'the file is gzip-compressed; decompress it first (gunzip -k)');
    let longest = 0;
    for (let at = 0, next; at < bytes.length; at = next + 1) {
      next = bytes.indexOf(0x0a, at);
      if (next < 0) next = bytes.length;
      longest = Math.max(longest, next - at);
    }
    if (longest > MAX_LOG_LINE_BYTES) throw new DataFileError(f.name, `a line of ${longest.toLocaleString('en-US')} bytes; a request log line may have at most ${MAX_LOG_LINE_BYTES.toLocaleString('en-US')}`);
    addLogText(log, bytes.toString('utf8'), f.name, cfg.name, window);
  }
  const names = files.map((f) => f.name);
  if (log.rows === 0) {
    const table: Table = { columns: [], rowCount: 0, files: names, fileIndex: new Uint16Array(0), line: new Uint32Array(0), issues: [], issueCounts: {} };
    return { table, description: `${names.join(', ')}: no requests of ${cfg.name} in the window (${log.lines.toLocaleString('en-US')} lines read)${logNotes(log)}` };
  }
  let built;
  try {
    built = tableFromColumns(pkg, log.columns, log.rows);
  } catch (err) {
    if (err instanceof RequestError) throw new DataFileError(names.join(', '), `the logged requests do not fit the model: ${err.message}`);
    throw err;
  }
  const table: Table = { ...built.table, files: names };
  return { table, description: `${names.join(', ')}: ${log.rows.toLocaleString('en-US')} rows from ${log.used.toLocaleString('en-US')} requests, ${log.first} to ${log.last}${logNotes(log)}` };
}

/** The current data's labelled rows as class indexes (or values), when it has the target. */
function currentLabels(pkg: ModelPackage, table: Table): { rows: number[]; y: Float64Array } | undefined {
  const col = columnByName(table, pkg.target.name);
  if (!col) return undefined;
  const rows: number[] = [];
  const y: number[] = [];
  const index = pkg.target.classes ? new Map(pkg.target.classes.map((c, i) => [c, i])) : undefined;
  for (let r = 0; r < table.rowCount; r++) {
    let v: number | undefined;
    if (col.kind === 'numeric') {
      const x = col.values[r]!;
      if (x !== x) continue;
      v = index ? index.get(String(x)) : x;
    } else {
      const c = col.codes[r]!;
      if (c < 0) continue;
      v = index ? index.get(col.levels[c]!) : Number(col.levels[c]);
    }
    if (v === undefined || Number.isNaN(v)) continue;
    rows.push(r);
    y.push(v);
  }
  return rows.length ? { rows, y: Float64Array.from(y) } : undefined;
}

/** A model's predictions as a column side: classes as categories, numbers as numbers. */
function predictionSide(pkg: ModelPackage, yPred: Float64Array): ColumnSide {
  const classes = pkg.target.classes;
  return { sample: classes ? categoricalSample(classes, Int32Array.from(yPred)) : numericSample(yPred), missing: 0 };
}

interface ModelView {
  prediction: ColumnDrift | null;
  estimated: AccuracyEstimate | null;
  measured: Extract<Performance, { kind: 'measured' }> | null;
  note: string | null;
}

/** What the champion says about the current data: its prediction drift, estimated and measured performance. */
function modelView(champion: Champion, current: Table, referencePredictions: ColumnSide | undefined, cfg: PipelineConfig): ModelView {
  const pkg = champion.pkg;
  const none = { prediction: null, estimated: null, measured: null };
  const gone = missingFeatures(pkg, current);
  if (gone.length > 0) return { ...none, note: `the current data lacks columns the champion needs (${gone.slice(0, 5).join(', ')}), so its predictions and performance cannot be computed` };
  if (current.rowCount === 0) return { ...none, note: 'no current rows' };
  const columns = applyEncoding(current, pkg.encoding);
  const { yPred, shares } = predictCompiled(pkg.forest, columns);
  const classes = pkg.target.classes;
  let prediction: ColumnDrift | null = null;
  const kind: ColumnKind = classes ? 'categorical' : 'numeric';
  const currentSide = predictionSide(pkg, yPred);
  if (referencePredictions) prediction = columnDrift({ name: 'prediction', kind, reference: referencePredictions, current: currentSide }, cfg.drift);
  let estimated: AccuracyEstimate | null = null;
  const cal = pkg.holdout?.calibration;
  if (classes && cal) estimated = estimateAccuracy(cal, topShares(shares!, classes.length));
  let measured: ModelView['measured'] = null;
  const labels = currentLabels(pkg, current);
  if (labels && labels.rows.length >= cfg.drift.minRows) {
    const n = labels.rows.length;
    if (classes) {
      let right = 0;
      labels.rows.forEach((r, i) => (right += yPred[r] === labels.y[i] ? 1 : 0));
      const acc = right / n;
      const half = 1.96 * Math.sqrt((acc * (1 - acc)) / n);
      measured = { kind: 'measured', metric: 'accuracy', value: acc, interval: [Math.max(0, acc - half), Math.min(1, acc + half)], rows: n, reference: pkg.holdout?.metrics.accuracy ?? null, lowerIsBetter: false };
    } else {
      let se = 0;
      labels.rows.forEach((r, i) => (se += (yPred[r]! - labels.y[i]!) ** 2));
      measured = { kind: 'measured', metric: 'rmse', value: Math.sqrt(se / n), interval: null, rows: n, reference: pkg.holdout?.metrics.rmse ?? null, lowerIsBetter: true };
    }
  }
  const note = !classes ? null : !cal ? 'the champion has no calibration map (it was trained before drift-report existed), so its accuracy cannot be estimated without labels' : null;
  return { prediction, estimated, measured, note };
}

export async function driftReport(inputs: StepInputs, io: StepIO): Promise<StepResult> {
  const cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
  const paths = outputPaths(io, cfg.name, { report: 'drift-report.md', json: 'drift-report.json', html: 'drift-report.html' });
  const dataInput = optionalInput(inputs, 'data');
  const logInput = optionalInput(inputs, 'log');
  if ((dataInput === undefined) === (logInput === undefined)) throw new InputError(dataInput === undefined ? 'data' : 'log', 'give exactly one of data (a CSV path or glob) and log (serve\'s request log)');
  const now = Date.now();
  const bound = (name: 'since' | 'until') => {
    const raw = optionalInput(inputs, name);
    if (raw === undefined) return undefined;
    if (logInput === undefined) throw new InputError(name, 'applies to the log input only');
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
  let referenceTable: Table | undefined;
  let referenceColumns: { name: string; kind: ColumnKind; side: ColumnSide }[];
  let referenceText: string;
  const declared = pkg ? declaredTypes(pkg.schema) : undefined;
  if (referenceInput !== undefined) {
    referenceTable = await readPipelineData(cfg, referenceInput, 'the reference input', declared, resolveOptions(io, true));
    const names = pkg ? pkg.encoding.columns.map((c) => c.name) : featureNames(cfg, referenceTable);
    referenceColumns = names.map((name) => {
      const col = columnByName(referenceTable!, name);
      if (!col) throw new DataFileError(referenceTable!.files.join(', '), `the reference lacks the feature ${JSON.stringify(name)}`);
      const kind = kindOf(pkg ? (pkg.schema.columns[name]?.type ?? col.type) : col.type);
      return { name, kind, side: tableSide(col, kind) };
    });
    referenceText = `${referenceTable.files.join(', ')} (${referenceTable.rowCount.toLocaleString('en-US')} rows)`;
  } else {
    const p = pkg!;
    referenceColumns = p.encoding.columns.map((c) => {
      const profile = Object.hasOwn(p.profile, c.name) ? p.profile[c.name] : undefined;
      if (!profile) throw new UserError(`${champion!.source}: the package has no profile of the feature ${JSON.stringify(c.name)}; train it again`);
      return { name: c.name, kind: kindOf(profile.type), side: profileSide(c.name, profile, champion!.source) };
    });
    referenceText = `the training-data profile in the champion ${champion!.source} (${p.rows.train.toLocaleString('en-US')} training rows)`;
  }

  // The current data.
  let current: Table;
  let currentText: string;
  if (logInput !== undefined) {
    const log = await readLog(logInput, io, cfg, pkg, window);
    current = log.table;
    currentText = log.description;
  } else {
    current = await readPipelineData(cfg, dataInput!, 'the data input', declared, resolveOptions(io, true));
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
        const preds = predictCompiled(champion.pkg.forest, applyEncoding(referenceTable, champion.pkg.encoding)).yPred;
        refPredictions = predictionSide(champion.pkg, preds);
      }
    } else if (champion.pkg.holdout) refPredictions = profileSide('prediction', champion.pkg.holdout.predictions, champion.source);
    model = modelView(champion, current, refPredictions, cfg);
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
    verdict: result.verdict,
    drift: result.drift,
    share: result.share,
    threshold: result.threshold,
    weighted: result.weighted,
    drifted_features: result.drifted,
    current_rows: result.currentRows,
    reference: referenceText,
    current: currentText,
    champion: champion ? { source: champion.source, id: champion.pkg.provenance.data_sha256 } : null,
    prediction: model.prediction && jsonColumn(model.prediction),
    performance: { estimated: model.estimated, measured: model.measured && { metric: model.measured.metric, value: model.measured.value, interval: model.measured.interval, rows: model.measured.rows }, reference_accuracy: reference },
    columns: result.columns.map(jsonColumn),
    unknown_columns: unknownColumns,
  };
  await writeOutputs(
    io,
    [
      [paths.json, `${JSON.stringify(record, null, 2)}\n`],
      [paths.report, markdown],
      [paths.html, htmlText],
    ],
    [...runInputs(cfg, current, referenceTable)],
  );

  const outputs: Record<string, string> = {
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

function jsonColumn(c: ColumnDrift) {
  const n = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  return { column: c.column, kind: c.kind, test: c.test, score: n(c.score), threshold: n(c.threshold), drifted: c.drifted, psi: n(c.psi), reference_rows: c.referenceRows, current_rows: c.currentRows, missing_share: c.missingShare, new_categories: c.newCategories.slice(0, 50), note: c.note ?? null };
}
