// post-comparison: the comment of a fork's pull request, posted by a workflow_run workflow that holds
// a writing token. What it reads was written by a run of the fork's own code, so it is data from a
// stranger: bounded in size, checked field by field (readComparisonRecord), tied to a pull request
// whose head GitHub confirms is the commit the run ran on, and never executed. The comment is rendered
// here from the record's numbers and names, and the decision made again with the base branch's gates.
import { glob, lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decide, type Evidence } from '../engine/compare/gates.ts';
import { metricRows, readComparisonRecord, type ComparisonRecord } from '../engine/compare/record.ts';
import { commentMarker, MAX_COMMENT_CHARS, renderComment, type ComparisonView } from '../engine/compare/report.ts';
import { loadPipeline, type PipelineConfig } from '../engine/config/pipeline.ts';
import { ArtifactRecordError, InputError, UserError } from '../engine/errors.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { optionalInput, userPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';
import { mapeNote } from './scoring.ts';

/** A comparison.json is a few kB; anything near this is not one of ours. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** One artifact per pipeline of the run; more than this many is not a candidate run's. */
export const MAX_RECORDS = 20;
/** The base branch's pipeline files that post-comparison reads for their gates. */
const MAX_PIPELINE_FILES = 200;
const MAX_DEPTH = 3;

export interface PostableRecord {
  file: string;
  record: ComparisonRecord;
  pullRequest: number;
  headSha: string;
}

async function findRecords(dir: string, shown: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (at: string, depth: number): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const abs = path.join(at, entry.name);
      // A symlink in a downloaded artifact could point anywhere on the runner: never followed.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(abs, depth + 1);
      else if (entry.isFile() && entry.name === 'comparison.json') found.push(abs);
      if (found.length > MAX_RECORDS) throw new ArtifactRecordError(shown, `holds more than ${MAX_RECORDS} comparison.json files; a candidate run writes one per pipeline`);
    }
  };
  await walk(dir, 0);
  return found.sort();
}

/** Checks one record: the schema and ranges (readComparisonRecord), and that it names a pull request and a commit. */
export function checkRecord(file: string, text: string): PostableRecord {
  const record = readComparisonRecord(file, text);
  if (record.pull_request === null) throw new ArtifactRecordError(file, 'names no pull request (pull_request is null): it was not written on a pull_request run');
  if (record.head_sha === null) throw new ArtifactRecordError(file, 'has no head_sha of 40 hex digits');
  return { file, record, pullRequest: record.pull_request, headSha: record.head_sha };
}

/** The base branch's pipelines by name, from the files the glob matches; a file that does not load is named if it is needed. */
async function basePipelines(io: StepIO, pattern: string): Promise<{ byName: Map<string, PipelineConfig>; broken: string[] }> {
  const byName = new Map<string, PipelineConfig>();
  const broken: string[] = [];
  let seen = 0;
  for await (const rel of glob(pattern, { cwd: io.root })) {
    // A schema beside its pipeline (<name>.schema.yml, the convention) is matched by the default glob.
    if (rel.endsWith('.schema.yml') || rel.endsWith('.schema.yaml')) continue;
    if (++seen > MAX_PIPELINE_FILES) throw new InputError('pipelines', `${JSON.stringify(pattern)} matches more than ${MAX_PIPELINE_FILES} files`);
    try {
      const cfg = await loadPipeline(rel, io.root);
      byName.set(cfg.name, cfg);
    } catch (err) {
      broken.push(`${rel} (${(err as Error).message})`);
    }
  }
  return { byName, broken };
}

/**
 * The decision, made again here from the record's numbers with the base branch's gates: the fork's
 * run could have changed its own pipeline file, or written any decision it liked.
 */
export function recomputedVerdict(rec: ComparisonRecord, cfg: PipelineConfig): ReturnType<typeof decide> {
  const gates = cfg.gates;
  const evidence: Evidence = {};
  const scored = rec.champion !== null && !rec.evidence.unscorable_champion;
  if (rec.champion && rec.evidence.unscorable_champion) evidence.unscorableChampion = 'the fork\'s run reports that the champion cannot be scored on its data (its columns, classes or split key changed); only the absolute thresholds apply';
  if (scored && rec.evidence.too_few_rows) evidence.tooFewRows = `the fork's run found too few rows that are test rows of both the champion and the candidate to decide on (gates.min_compared_rows is ${gates.minComparedRows})`;
  else if (scored && rec.compared_rows < gates.minComparedRows) evidence.tooFewRows = `only ${rec.compared_rows} rows were compared; the base branch's gates need at least ${gates.minComparedRows} (gates.min_compared_rows)`;
  if (scored && rec.evidence.identical) evidence.identical = 'the fork\'s run reports that the candidate predicts exactly what the champion predicts on every compared row';
  const candidate = Object.fromEntries(rec.metrics.map((m) => [m.name, m.candidate]));
  const champion = scored && evidence.tooFewRows === undefined ? Object.fromEntries(rec.metrics.map((m) => [m.name, m.champion])) : undefined;
  const test = rec.metrics.find((m) => m.name === gates.primary);
  const primaryTest = champion && test && test.p !== null && test.diff !== null ? { p: test.p, diff: test.diff } : undefined;
  return decide({ primary: gates.primary, requireSignificantGain: gates.requireSignificantGain, alpha: gates.alpha, metrics: gates.metrics }, candidate, champion, primaryTest, evidence);
}

/**
 * The comment, rendered here from the record's checked numbers and defanged names, never from
 * Markdown the fork's run wrote; it says where the numbers came from.
 */
export function postedBody(rec: ComparisonRecord, cfg: PipelineConfig, verdict: ReturnType<typeof decide>, runUrl: string | undefined): string {
  const view: ComparisonView = {
    pipeline: rec.pipeline,
    marker: commentMarker(rec.pipeline),
    verdict,
    primary: cfg.gates.primary,
    metrics: metricRows(rec, cfg.gates.alpha),
    classes: rec.classes,
    confusion: rec.confusion,
    // The slices hold the fork's primary metric: shown only when it is the base branch's too.
    slices: rec.primary === cfg.gates.primary ? rec.slices : [],
    importances: rec.importances.slice(0, 10),
    data: { files: rec.data_files, testRows: rec.compared_rows, candidateTestRows: rec.candidate_test_rows, labelledRows: rec.labelled_rows, newRowsSinceChampion: rec.new_rows_since_champion, sha256: rec.data_sha256 },
    notes: rec.zero_labels > 0 ? [mapeNote(rec.zero_labels, rec.compared_rows)] : [],
    unchartable: rec.zero_labels > 0 ? ['mape'] : [],
    fullReport: 'in the candidate run\'s job summary and its mlops-comparison artifact',
    candidate: rec.candidate,
    champion: rec.champion,
    links: { run: runUrl ?? null, artifacts: runUrl ? `${runUrl}#artifacts` : null },
    sweep: null,
  };
  const from = runUrl ? `[the candidate run](${runUrl})` : 'the candidate run';
  const footer = `\n<sub>The numbers come from ${from} of this pull request's own code (commit ${(rec.head_sha ?? 'unknown').slice(0, 12)}) and were not re-run here. The decision was made again from them with the gates of ${escapeMarkdown(cfg.file)} on the base branch. The push that merges it is compared again before anything is published.</sub>\n`;
  return `${renderComment(view, MAX_COMMENT_CHARS - footer.length).trimEnd()}\n${footer}`;
}

export async function postComparison(inputs: InputsOf<'post-comparison'>, io: StepIO): Promise<StepResult<'post-comparison'>> {
  const dir = userPath(io, inputs, 'artifact');
  const info = await lstat(dir.abs).catch(() => undefined);
  if (info && !info.isDirectory()) throw new ArtifactRecordError(dir.shown, 'is not a folder (download the mlops-comparison artifacts into one)');
  const headSha = optionalInput(inputs, 'head-sha') ?? io.triggeringRun?.headSha;
  if (headSha === undefined || !/^[0-9a-f]{40}$/.test(headSha)) throw new UserError(`post-comparison needs the candidate run's head commit: give head-sha, or run on a workflow_run event (got ${JSON.stringify(headSha ?? '')})`);
  if (!io.pullRequests) throw new UserError('post-comparison needs a token that can read pull requests and write comments');

  const records: PostableRecord[] = [];
  // No folder: download-artifact found no mlops-comparison artifact (the run failed before comparing).
  for (const file of info ? await findRecords(dir.abs, dir.shown) : []) {
    const shown = path.relative(io.cwd, file) || file;
    const size = (await lstat(file)).size;
    if (size > MAX_RECORD_BYTES) throw new ArtifactRecordError(shown, `is ${size} bytes; a comparison record has at most ${MAX_RECORD_BYTES}`);
    const rec = checkRecord(shown, await readFile(file, 'utf8'));
    if (rec.headSha !== headSha) throw new ArtifactRecordError(shown, `was written for commit ${rec.headSha.slice(0, 12)}, not the run's head ${headSha.slice(0, 12)}`);
    records.push(rec);
  }
  const pattern = optionalInput(inputs, 'pipelines');
  if (pattern === undefined) throw new InputError('pipelines', 'is empty: give the glob of the base branch\'s pipeline files (the default is pipelines/*.yml)');
  if (records.length === 0) {
    io.info(`no comparison.json under ${dir.shown}: the candidate run posted nothing (it failed before comparing, or was not a pull request)`);
    return { ok: true, outputs: { 'pull-request': '', posted: '[]' }, summary: '### post-comparison\n\nNo comparison to post.\n' };
  }
  const numbers = new Set(records.map((r) => r.pullRequest));
  if (numbers.size > 1) throw new ArtifactRecordError(dir.shown, `names several pull requests (${[...numbers].join(', ')}); one run is for one pull request`);
  const number = records[0]!.pullRequest;
  // The number is the fork's claim; GitHub's own record of that pull request's head settles it.
  const actual = await io.pullRequests.headSha(number);
  if (actual !== headSha) throw new ArtifactRecordError(records[0]!.file, `names pull request #${number}, whose head is ${actual ? actual.slice(0, 12) : 'unknown (no such pull request)'}, not the run's head ${headSha.slice(0, 12)}: not posted`);
  // Every record is rendered before anything is posted: one that cannot be is refused whole.
  const { byName, broken } = await basePipelines(io, pattern);
  const bodies = records.map((rec) => {
    const cfg = byName.get(rec.record.pipeline);
    if (!cfg) throw new ArtifactRecordError(rec.file, `names the pipeline "${rec.record.pipeline}", which no pipeline file of the base branch defines (pipelines: ${JSON.stringify(pattern)}${broken.length > 0 ? `; not readable: ${broken.join('; ')}` : ''}): not posted`);
    if (cfg.task !== rec.record.task) throw new ArtifactRecordError(rec.file, `is a ${rec.record.task}, but the base branch's ${cfg.file} is a ${cfg.task}: not posted`);
    const verdict = recomputedVerdict(rec.record, cfg);
    return { rec, verdict, body: postedBody(rec.record, cfg, verdict, io.triggeringRun?.url) };
  });
  const sink = io.pullRequests.comments(number);
  for (const { rec, body } of bodies) io.info(await sink.upsert(commentMarker(rec.record.pipeline), body));
  const lines = bodies.map(({ rec, verdict }) => `| ${escapeMarkdown(rec.record.pipeline)} | ${escapeMarkdown(verdict.decision)} | ${escapeMarkdown(rec.record.decision)} |`);
  return {
    ok: true,
    outputs: { 'pull-request': String(number), posted: JSON.stringify(records.map((r) => r.record.pipeline)) },
    summary: `### post-comparison: pull request #${number}\n\n| pipeline | decision (base branch's gates) | the fork run's own |\n|---|---|---|\n${lines.join('\n')}\n`,
  };
}
