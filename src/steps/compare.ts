// The compare-to-champion step: score the champion and the candidate on the same rows (the rows that
// are test rows under both models' recorded splits, so neither trained on them), test the difference,
// apply the gates, report once.
import { decide, type Evidence } from '../engine/compare/gates.ts';
import { comparisonRecord } from '../engine/compare/record.ts';
import { commentMarker, renderComment, renderComparison, type ComparisonView } from '../engine/compare/report.ts';
import { measurePair, samePredictions } from '../engine/compare/paired.ts';
import { loadPipeline, type PipelineConfig } from '../engine/config/pipeline.ts';
import { renderSweep, SWEEP_FORMAT } from './sweep.ts';
import { readFile } from 'node:fs/promises';
import { cellValue, columnByName } from '../engine/data/table.ts';
import { sha256Hex } from '../engine/digest.ts';
import { InputError, ModelFormatError } from '../engine/errors.ts';
import { scalarMetrics, sliceRows } from '../engine/metrics/evaluate.ts';
import { loadModel, parseModel, type ModelPackage } from '../engine/model/package.ts';
import { checkPublished } from '../engine/registry/contract.ts';
import { loadData } from './data-source.ts';
import { booleanInput, optionalInput, userPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';
import { artifactName, outputPaths, runInputs, sideEffect, writeOutputs } from './outputs.ts';
import { assertBelongs, labelledRows, mapeNote, missingFeatures, missingKeyColumns, scoreRows, testMask, zeroLabels } from './scoring.ts';


/** The sweep the candidate won (sweep-report: its sweep.json), rendered for the report and the comment. */
async function sweepSection(cfg: PipelineConfig, inputs: InputsOf<'compare-to-champion'>, io: StepIO): Promise<string | null> {
  if (optionalInput(inputs, 'sweep-report') === undefined) return null;
  if (!cfg.sweep) throw new InputError('sweep-report', `${cfg.file} has no sweep: section, so there is no sweep to report`);
  const file = userPath(io, inputs, 'sweep-report');
  let record: { format?: unknown; pipeline?: unknown; cells?: unknown; best?: unknown };
  try {
    record = JSON.parse(await readFile(file.abs, 'utf8'));
  } catch (err) {
    throw new InputError('sweep-report', `${file.shown} cannot be read as the sweep's JSON record (${(err as Error).message})`);
  }
  if (record.format !== SWEEP_FORMAT || record.pipeline !== cfg.name || !Array.isArray(record.cells)) throw new InputError('sweep-report', `${file.shown} is not the sweep record of "${cfg.name}"`);
  return renderSweep(cfg, record.cells as Parameters<typeof renderSweep>[1], (record.best ?? undefined) as Parameters<typeof renderSweep>[2]);
}

/** The champion as the store hands it over, verified against its published digest. */
async function findChampion(io: StepIO, pipeline: string, allowFirstModel: boolean): Promise<{ pkg: ModelPackage; source: string; sha256: string } | undefined> {
  if (!io.champions) {
    // No place to look (no token in Actions) is not "no champion": deciding first-model here would
    // publish over a champion that exists.
    if (allowFirstModel) {
      io.warning('no champion source (no token), and allow-first-model is true: deciding as if there were no champion');
      return undefined;
    }
    throw new InputError('token', 'no token, so the champion cannot be looked up in the GitHub releases; pass a token (the default github.token needs contents: read), or set allow-first-model: true to decide without a champion');
  }
  return verifiedChampion(io.champions, pipeline);
}

/** The champion a store holds, its bytes checked against the published digest; undefined when there is none. */
export async function verifiedChampion(store: NonNullable<StepIO['champions']>, pipeline: string): Promise<{ pkg: ModelPackage; source: string; sha256: string; version: number | undefined } | undefined> {
  const found = await store.find(pipeline);
  if (!found) return undefined;
  checkPublished(found);
  const pkg = await parseModel(found.source, found.bytes);
  if (pkg.pipeline !== pipeline) throw new ModelFormatError(found.source, `the champion was trained for the pipeline "${pkg.pipeline}", not "${pipeline}"; the registry entry is wrong`);
  return { pkg, source: found.source, sha256: found.sha256, version: found.version };
}

/** Why the champion cannot be scored on this data, or undefined when it can. */
function unscorable(champion: ModelPackage, candidate: ModelPackage, table: Parameters<typeof missingFeatures>[1]): string | undefined {
  const gone = missingFeatures(champion, table);
  if (gone.length > 0) return `the champion needs columns the data no longer has (${gone.join(', ')}), so it cannot be scored; only the absolute thresholds apply`;
  if (champion.task !== candidate.task || champion.target.name !== candidate.target.name) return `the champion predicts ${champion.task === 'classification' ? 'a class' : 'a number'} for ${JSON.stringify(champion.target.name)}, the candidate ${candidate.task === 'classification' ? 'a class' : 'a number'} for ${JSON.stringify(candidate.target.name)}, so they cannot be scored on the same labels; only the absolute thresholds apply`;
  if (JSON.stringify(champion.target.classes) !== JSON.stringify(candidate.target.classes)) return `the classes changed since the champion (${(champion.target.classes ?? []).join(', ')} → ${(candidate.target.classes ?? []).join(', ')}), so it cannot be scored on the same labels; only the absolute thresholds apply`;
  const keyGone = missingKeyColumns(champion, table);
  if (keyGone.length > 0) return `the champion's split key needs columns the data no longer has (${keyGone.join(', ')}), so its test rows cannot be found; only the absolute thresholds apply`;
  return undefined;
}


export async function compareToChampion(inputs: InputsOf<'compare-to-champion'>, io: StepIO): Promise<StepResult<'compare-to-champion'>> {
  const cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  const paths = outputPaths(io, cfg.name, { report: 'comparison.md', record: 'comparison.json' });
  const candidatePath = userPath(io, inputs, 'candidate');
  const { pkg: candidate, bytes: candidateBytes } = await loadModel(candidatePath.abs, candidatePath.shown);
  assertBelongs(candidate, cfg, candidatePath.shown);
  const candidateSha = sha256Hex(candidateBytes);
  const champion = await findChampion(io, cfg.name, booleanInput(inputs, 'allow-first-model'));

  const { table } = await loadData(cfg, { data: optionalInput(inputs, 'data') }, io);
  const candidateMask = await testMask(candidate, table);
  const candidateRows = labelledRows(candidate, table, candidateMask, io);
  if (candidateRows.rows.length === 0) throw new InputError('data', 'the data has no labelled test rows for the candidate');

  const evidence: Evidence = {};
  let rows = candidateRows.rows;
  let yTrue = candidateRows.yTrue;
  let champPkg: ModelPackage | undefined;
  if (champion) {
    evidence.unscorableChampion = unscorable(champion.pkg, candidate, table);
    if (evidence.unscorableChampion === undefined) {
      champPkg = champion.pkg;
      // Only rows that neither model trained on: the candidate's test rows that are the champion's too.
      const championMask = await testMask(champPkg, table);
      const both = candidateRows.rows.map((r) => championMask[r] === 1);
      rows = candidateRows.rows.filter((_, i) => both[i]);
      yTrue = candidateRows.yTrue.filter((_, i) => both[i]);
      if (rows.length < cfg.gates.minComparedRows) {
        evidence.tooFewRows = `only ${rows.length} labelled row${rows.length === 1 ? ' is a test row' : 's are test rows'} of both the champion and the candidate (the candidate alone has ${candidateRows.rows.length}); at least ${cfg.gates.minComparedRows} are needed to decide (gates.min_compared_rows). The two splits differ: record a stable key (an id, or split.key) so that they agree`;
      }
    }
  }
  if (evidence.tooFewRows !== undefined) {
    // Nothing to decide on; the candidate is still scored on its own test rows, for the report.
    ({ rows, yTrue } = candidateRows);
    champPkg = undefined;
  }
  const cand = await scoreRows(candidate, table, rows, yTrue);
  const champ = champPkg ? await scoreRows(champPkg, table, rows, yTrue) : undefined;
  if (champ && champion) {
    if (champion.sha256 === candidateSha) evidence.identical = 'the candidate is the champion: their packages have the same sha256';
    else if (samePredictions(champ, cand)) evidence.identical = `the candidate predicts exactly what the champion predicts on all ${rows.length.toLocaleString('en-US')} compared rows`;
  }

  const primary = cfg.gates.primary;
  const alpha = cfg.gates.alpha;
  const measured = measurePair(cand, champ, { resamples: cfg.evaluation.bootstrap, seed: cfg.evaluation.seed, alpha });
  const { candidate: candFull, champion: champFull, candidateScalars: candScalars, championScalars: champScalars, rows: metrics } = measured;
  const primaryTest = measured.tests[primary];
  const verdict = decide({ primary, requireSignificantGain: cfg.gates.requireSignificantGain, alpha, metrics: cfg.gates.metrics }, candScalars, champScalars, primaryTest ? { p: primaryTest.p, diff: primaryTest.diff } : undefined, evidence);

  const slices: ComparisonView['slices'] = [];
  for (const name of cfg.evaluation.slices) {
    const col = columnByName(table, name);
    if (!col) continue;
    for (const [value, members] of sliceRows(rows.map((r) => cellValue(col, r)), cfg.evaluation.sliceBins)) {
      slices.push({ column: name, value, rows: members.length, champion: champ ? (scalarMetrics(champ, members)[primary] ?? null) : null, candidate: scalarMetrics(cand, members)[primary] ?? null });
    }
  }
  const zeros = zeroLabels(cand);
  const run = io.runUrl ?? null;
  const artifact = artifactName(io, 'mlops-comparison', cfg.name, candidateSha);
  const view: ComparisonView = {
    pipeline: cfg.name,
    marker: commentMarker(cfg.name),
    verdict,
    primary,
    metrics,
    classes: candidate.target.classes,
    confusion: 'confusion_matrix' in candFull ? { champion: champFull && 'confusion_matrix' in champFull ? champFull.confusion_matrix : null, candidate: candFull.confusion_matrix } : null,
    slices,
    importances: Object.entries(candidate.feature_importance).slice(0, 10),
    data: { files: table.files, testRows: rows.length, candidateTestRows: candidateRows.rows.length, labelledRows: candidate.rows.labelled, newRowsSinceChampion: champion ? candidate.rows.labelled - champion.pkg.rows.labelled : null, sha256: candidate.provenance.data_sha256 },
    candidate: { path: candidatePath.shown, sha256: candidateSha },
    champion: champion ? { source: champion.source, sha256: champion.sha256 } : null,
    links: { run, artifacts: run ? `${run}#artifacts` : null },
    notes: zeros > 0 ? [mapeNote(zeros, rows.length)] : [],
    unchartable: zeros > 0 ? ['mape'] : [],
    fullReport: `in the job summary and the artifact ${artifact}`,
    sweep: await sweepSection(cfg, inputs, io),
  };
  const body = renderComparison(view);
  const comment = renderComment(view);
  // The artifact a follow-up workflow (workflow_run) comments from for a fork's pull request: numbers
  // and names, never Markdown, so that the privileged side renders (and decides) for itself.
  const record = comparisonRecord(view, cfg.task, {
    decision: verdict.decision,
    promote: verdict.promote,
    reasons: verdict.reasons,
    evidence: { unscorable_champion: evidence.unscorableChampion !== undefined, identical: evidence.identical !== undefined, too_few_rows: evidence.tooFewRows !== undefined },
    zeroLabels: zeros,
    pullRequest: io.pullRequest?.number ?? null,
    headSha: io.pullRequest?.headSha ?? null,
  });
  await writeOutputs(
    io,
    [
      [paths.report, body],
      [paths.record, `${JSON.stringify(record, null, 2)}\n`],
    ],
    [candidatePath.abs, ...runInputs(cfg, table)],
  );
  // Side effects after the work: a failure is a warning, and the verdict stands.
  const { comments, artifacts } = io;
  if (comments) await sideEffect(io, 'the pull request comment', async () => io.info(await comments.upsert(view.marker, comment)));
  if (artifacts) await sideEffect(io, `the artifact ${artifact}`, async () => {
    const uploaded = await artifacts.upload(artifact, [paths.record.abs, paths.report.abs], paths.dir);
    io.info(`uploaded the artifact ${artifact} (id ${uploaded.id ?? '?'})`);
  });
  const failOnReject = booleanInput(inputs, 'fail-on-reject');
  const ok = verdict.decision !== 'reject' || !failOnReject;
  return {
    ok,
    ...(ok ? {} : { failure: `the candidate was rejected: ${verdict.reasons.join('; ')}` }),
    outputs: { decision: verdict.decision, promote: String(verdict.promote), reasons: JSON.stringify(verdict.reasons), report: paths.report.shown, 'compared-rows': String(rows.length), artifact: io.artifacts ? artifact : '' },
    summary: body,
  };
}
