// The compare-to-champion step: score the champion and the candidate on the same rows (the candidate's
// test split of the current data), test the difference, apply the gates, report once.
import path from 'node:path';
import { loadPipeline } from '../engine/config/pipeline.ts';
import { decide, LOWER_IS_BETTER } from '../engine/compare/gates.ts';
import { commentMarker, renderComparison, type ComparisonView, type MetricRow } from '../engine/compare/report.ts';
import { mcnemarExact, pairedBootstrap } from '../engine/compare/significance.ts';
import { cellValue } from '../engine/data/table.ts';
import { sha256Hex } from '../engine/digest.ts';
import { InputError, ModelFormatError } from '../engine/errors.ts';
import { fullMetrics, scalarMetrics, sliceRows, type Predictions } from '../engine/metrics/evaluate.ts';
import { loadModel, parseModel, type ModelPackage } from '../engine/model/package.ts';
import { writeFileAtomic } from '../adapters/files.ts';
import { loadData } from './data-source.ts';
import { optionalInput, repoPath } from './inputs.ts';
import type { StepInputs, StepIO, StepResult } from './io.ts';
import { missingFeatures, packageTestRows, scoreRows } from './scoring.ts';

export const COMPARISON_FORMAT = 'mlops-comparison/1';

export async function compareToChampion(inputs: StepInputs, io: StepIO): Promise<StepResult> {
  const cfg = await loadPipeline(inputs.pipeline ?? '', io.root);
  const { abs: candidateAbs, rel: candidateRel } = repoPath(io.root, inputs, 'candidate', '');
  const { pkg: candidate, bytes: candidateBytes } = await loadModel(candidateAbs, candidateRel);

  // The champion: found by the store, trusted only once its bytes match the published sha256.
  const found = io.champions ? await io.champions.find(cfg.name) : undefined;
  let champion: ModelPackage | undefined;
  if (found) {
    const actual = sha256Hex(found.bytes);
    if (actual !== found.sha256) throw new ModelFormatError(found.source, `checksum mismatch: the champion's sha256 is ${actual}, but it was published as ${found.sha256}`);
    champion = parseModel(found.source, found.bytes);
  }

  const { table } = await loadData(cfg, { data: optionalInput(inputs, 'data') });
  const { rows, yTrue } = packageTestRows(candidate, table, io);
  if (rows.length === 0) throw new InputError('data', 'the data has no labelled test rows for the candidate');
  const cand = scoreRows(candidate, table, rows, yTrue);
  let champNote: string | null = null;
  let champ: Predictions | undefined;
  if (champion) {
    const gone = missingFeatures(champion, table);
    if (gone.length > 0) champNote = `the champion needs columns the data no longer has (${gone.join(', ')}), so it cannot be scored; only the absolute thresholds apply`;
    else if (JSON.stringify(champion.target.classes) !== JSON.stringify(candidate.target.classes)) champNote = `the classes changed since the champion (${(champion.target.classes ?? []).join(', ')} → ${(candidate.target.classes ?? []).join(', ')}), so it cannot be scored on the same labels; only the absolute thresholds apply`;
    else champ = scoreRows(champion, table, rows, yTrue);
  }

  const primary = cfg.gates.primary;
  const candScalars = scalarMetrics(cand);
  const champScalars = champ ? scalarMetrics(champ) : undefined;
  const resamples = cfg.evaluation.bootstrap || 1000;
  const paired = champ ? pairedBootstrap(champ, cand, resamples, cfg.evaluation.seed) : {};
  if (champ && cfg.task === 'classification') {
    // Accuracy's paired test is McNemar's exact test on the rows only one model got right.
    let b = 0;
    let c = 0;
    for (let i = 0; i < rows.length; i++) {
      const champRight = champ.yPred[i] === yTrue[i];
      const candRight = cand.yPred[i] === yTrue[i];
      if (champRight && !candRight) b++;
      else if (candRight && !champRight) c++;
    }
    if (paired.accuracy) paired.accuracy.p = mcnemarExact(b, c);
  }
  const alpha = cfg.gates.alpha;
  const metrics: MetricRow[] = Object.keys(candScalars).map((name) => {
    const t = paired[name];
    return { name, champion: champScalars?.[name] ?? null, candidate: candScalars[name] ?? null, diff: t?.diff ?? null, ci: t?.ci ?? null, p: t?.p ?? null, significant: t ? t.p < alpha : null, lowerIsBetter: LOWER_IS_BETTER.has(name) };
  });
  const primaryTest = paired[primary];
  const verdict = decide({ primary, requireSignificantGain: cfg.gates.requireSignificantGain, alpha, metrics: cfg.gates.metrics }, candScalars, champScalars, primaryTest ? { p: primaryTest.p, diff: primaryTest.diff } : undefined, champNote ?? undefined);

  const slices: ComparisonView['slices'] = [];
  for (const name of cfg.evaluation.slices) {
    const col = table.columns.find((c) => c.name === name);
    if (!col) continue;
    for (const [value, members] of sliceRows(rows.map((r) => cellValue(col, r)), cfg.evaluation.sliceBins)) {
      slices.push({ column: name, value, rows: members.length, champion: champ ? (scalarMetrics(champ, members)[primary] ?? null) : null, candidate: scalarMetrics(cand, members)[primary] ?? null });
    }
  }
  const candFull = fullMetrics(cand);
  const env = process.env;
  const run = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  const view: ComparisonView = {
    pipeline: cfg.name,
    marker: commentMarker(cfg.name),
    verdict,
    primary,
    metrics,
    classes: candidate.target.classes,
    confusion: 'confusion_matrix' in candFull ? { champion: champ ? (fullMetrics(champ) as { confusion_matrix: number[][] }).confusion_matrix : null, candidate: candFull.confusion_matrix } : null,
    slices,
    importances: Object.entries(candidate.feature_importance).slice(0, 10),
    data: { files: table.files, testRows: rows.length, labelledRows: candidate.rows.labelled, newRowsSinceChampion: champion ? candidate.rows.labelled - champion.rows.labelled : null, sha256: candidate.provenance.data_sha256 },
    candidate: { path: candidateRel, sha256: sha256Hex(candidateBytes) },
    champion: found ? { source: found.source, sha256: found.sha256 } : null,
    links: { run, artifacts: run ? `${run}#artifacts` : null },
  };
  const body = renderComparison(view);
  const dir = path.join(io.root, 'out', cfg.name);
  const reportRel = `out/${cfg.name}/comparison.md`;
  await writeFileAtomic(path.join(dir, 'comparison.md'), body);
  // The artifact a follow-up workflow (workflow_run) posts from a fork's pull request.
  const record = { format: COMPARISON_FORMAT, pipeline: cfg.name, marker: view.marker, decision: verdict.decision, promote: verdict.promote, reasons: verdict.reasons, body };
  await writeFileAtomic(path.join(dir, 'comparison.json'), `${JSON.stringify(record, null, 2)}\n`);
  if (io.comments) io.info(await io.comments.upsert(view.marker, body));
  if (io.artifacts) {
    const uploaded = await io.artifacts.upload(`mlops-comparison-${cfg.name}`, [path.join(dir, 'comparison.json'), path.join(dir, 'comparison.md')], dir);
    io.info(`uploaded the artifact mlops-comparison-${cfg.name} (id ${uploaded.id ?? '?'})`);
  }
  const ok = verdict.decision !== 'reject';
  return {
    ok,
    ...(ok ? {} : { failure: `the candidate was rejected: ${verdict.reasons.join('; ')}` }),
    outputs: { decision: verdict.decision, promote: String(verdict.promote), reasons: JSON.stringify(verdict.reasons), report: reportRel },
    summary: body,
  };
}
