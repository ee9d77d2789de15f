// post-comparison: the comment of a fork's pull request, posted by a workflow_run workflow that holds
// a writing token. What it reads was written by a run of the fork's own code, so it is data from a
// stranger: bounded in size, checked against the comparison record's schema, tied to a pull request
// whose head GitHub confirms is the commit the run ran on, and never executed.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { commentMarker, MAX_COMMENT_CHARS } from '../engine/compare/report.ts';
import { ArtifactRecordError, UserError } from '../engine/errors.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { COMPARISON_FORMAT } from './compare.ts';
import { optionalInput, userPath } from './inputs.ts';
import type { StepInputs, StepIO, StepResult } from './io.ts';

/** A comparison.json is a few kB; anything near this is not one of ours. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** One artifact per pipeline of the run; more than this many is not a candidate run's. */
export const MAX_RECORDS = 20;
const MAX_DEPTH = 3;
const DECISIONS = new Set(['promote', 'reject', 'first-model', 'no-change']);

export interface PostableRecord {
  file: string;
  pipeline: string;
  pullRequest: number;
  headSha: string;
  decision: string;
  body: string;
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

/** Checks one record against the schema compare-to-champion writes; returns what may be posted. */
export function checkRecord(file: string, text: string): PostableRecord {
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch (err) {
    throw new ArtifactRecordError(file, `is not JSON (${(err as Error).message})`);
  }
  const bad = (what: string) => new ArtifactRecordError(file, what);
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw bad('is not a JSON object');
  const r = rec as Record<string, unknown>;
  if (r.format !== COMPARISON_FORMAT) throw bad(`has format ${JSON.stringify(r.format)}, not "${COMPARISON_FORMAT}"`);
  if (typeof r.pipeline !== 'string' || !/^[a-z0-9-]{1,100}$/.test(r.pipeline)) throw bad('has no valid pipeline name (a-z, 0-9 and -)');
  const marker = commentMarker(r.pipeline);
  if (r.marker !== marker) throw bad(`has the marker ${JSON.stringify(r.marker)}, not ${JSON.stringify(marker)}`);
  if (typeof r.decision !== 'string' || !DECISIONS.has(r.decision)) throw bad(`has the decision ${JSON.stringify(r.decision)}`);
  if (!Number.isSafeInteger(r.pull_request) || (r.pull_request as number) < 1) throw bad('names no pull request (pull_request is not a positive integer): it was not written on a pull_request run');
  if (typeof r.head_sha !== 'string' || !/^[0-9a-f]{40}$/.test(r.head_sha)) throw bad('has no head_sha of 40 hex digits');
  if (typeof r.body !== 'string' || !r.body.startsWith(`${marker}\n`)) throw bad('has a body that does not start with its marker');
  if (r.body.length > MAX_COMMENT_CHARS + 1000) throw bad(`has a body of ${r.body.length} characters; a comparison comment has at most ${MAX_COMMENT_CHARS}`);
  return { file, pipeline: r.pipeline, pullRequest: r.pull_request as number, headSha: r.head_sha, decision: r.decision, body: r.body };
}

/**
 * The body as it is posted: a mention written by the fork's code would ping people through our bot,
 * so every @ before a name becomes the entity GitHub renders without mentioning (ours are escaped
 * so already); and a line says where the numbers came from.
 */
export function postedBody(rec: PostableRecord, runUrl: string | undefined): string {
  const marker = commentMarker(rec.pipeline);
  const rest = rec.body.slice(marker.length + 1).replace(/@(?=[A-Za-z0-9_-])/g, '&#64;');
  const from = runUrl ? `[the candidate run](${runUrl})` : 'the candidate run';
  return `${marker}\n${rest.trimEnd()}\n\n<sub>Posted from the comparison artifact of ${from} on ${escapeMarkdown(rec.headSha.slice(0, 12))}. A pull request from a fork runs its own code; the push that merges it is compared again before anything is published.</sub>\n`;
}

export async function postComparison(inputs: StepInputs, io: StepIO): Promise<StepResult> {
  const dir = userPath(io, inputs, 'artifact');
  const info = await lstat(dir.abs).catch(() => undefined);
  if (info && !info.isDirectory()) throw new ArtifactRecordError(dir.shown, 'is not a folder (download the mlops-comparison artifacts into one)');
  const headSha = optionalInput(inputs, 'head-sha') ?? io.runHeadSha;
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
  const sink = io.pullRequests.comments(number);
  for (const rec of records) io.info(await sink.upsert(commentMarker(rec.pipeline), postedBody(rec, io.runUrl)));
  const lines = records.map((r) => `| ${escapeMarkdown(r.pipeline)} | ${escapeMarkdown(r.decision)} |`);
  return {
    ok: true,
    outputs: { 'pull-request': String(number), posted: JSON.stringify(records.map((r) => r.pipeline)) },
    summary: `### post-comparison: pull request #${number}\n\n| pipeline | decision |\n|---|---|\n${lines.join('\n')}\n`,
  };
}
