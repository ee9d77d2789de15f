// drift-report's inputs: the model drift is measured against (the model input, else the champion), and
// the fresh data when it is serve's request log.
import { randomBytes } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { resolveDataFiles } from '../engine/data/files.ts';
import { columnByName, type Table } from '../engine/data/table.ts';
import { kindOf, profileSide, tableSide } from '../engine/drift/columns.ts';
import type { ColumnKind, ColumnSide } from '../engine/drift/detect.ts';
import { DataFileError, InputError, UserError } from '../engine/errors.ts';
import { loadModel, type ModelPackage } from '../engine/model/package.ts';
import type { declaredTypes } from '../engine/schema/data-schema.ts';
import { addLogText, emptyLog, MAX_LOG_BYTES, MAX_LOG_LINE_BYTES, type LogColumns, type LogWindow } from '../engine/serving/log-table.ts';
import { RequestError, tableFromColumns } from '../engine/serving/request-table.ts';
import { verifiedChampion } from './compare.ts';
import { featureNames, readPipelineData, resolveOptions } from './data-source.ts';
import { optionalInput, userPath } from './inputs.ts';
import type { StepIO } from './io.ts';
import type { InputsOf } from './specs.ts';
import { assertBelongs } from './scoring.ts';

export interface Champion {
  pkg: ModelPackage;
  /** For messages and the report: a path, or the registry version. */
  source: string;
  /** Its registry version, when it came from the registry. */
  version?: number | undefined;
}

/** The model whose profile and predictions drift is measured against: the model input, else the champion. */
export async function championOf(inputs: InputsOf<'drift-report'>, io: StepIO, cfg: PipelineConfig, referenceGiven: boolean): Promise<Champion | undefined> {
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
  return { pkg: found.pkg, source: found.source, version: found.version };
}

/** What was left out of a log, said beside what was read. */
function logNotes(log: LogColumns): string {
  const notes: string[] = [];
  if (log.otherPipelines > 0) notes.push(`${log.otherPipelines.toLocaleString('en-US')} request${log.otherPipelines === 1 ? '' : 's'} of other pipelines skipped`);
  if (log.truncated > 0) notes.push(`${log.truncated} last line${log.truncated === 1 ? '' : 's'} cut off mid-write skipped`);
  return notes.length ? `; ${notes.join('; ')}` : '';
}

/** serve's request log, as a table of the model's input columns. */
export async function readLog(pattern: string, io: StepIO, cfg: PipelineConfig, pkg: ModelPackage | undefined, window: LogWindow, shownAs?: string): Promise<{ table: Table; description: string }> {
  if (!pkg) throw new InputError('log', 'reading a request log needs the model it served (the champion or the model input), to know its columns');
  const files = (await resolveDataFiles(cfg.root, pattern, 'the log input', resolveOptions(io, true))).map((f) => (shownAs === undefined ? f : { ...f, name: shownAs }));
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

/**
 * The log of a server on another machine (log-url): pulled page by page through GET /admin/requests
 * into a temporary file, read as readLog reads a local log, and removed (it may hold up to 1 GiB).
 */
export async function readPulledLog(url: string, inputs: InputsOf<'drift-report'>, io: StepIO, cfg: PipelineConfig, pkg: ModelPackage | undefined, window: LogWindow): Promise<{ table: Table; description: string }> {
  if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new InputError('log-url', `${JSON.stringify(url)} is not the http(s) address of an mlops serve`);
  const token = optionalInput(inputs, 'log-token') ?? io.logToken;
  if (!token) throw new InputError('log-token', 'is required with log-url (or MLOPS_LOG_TOKEN): the server hands out its log only with its read-only log token');
  if (!io.logPuller) throw new InputError('log-url', 'cannot be pulled from here');
  const file = path.join(io.tmp, `mlops-log-${randomBytes(6).toString('hex')}.jsonl`);
  const pulled = await io.logPuller.pull(url, token, window, file, MAX_LOG_BYTES);
  io.info(`pulled ${pulled.lines.toLocaleString('en-US')} request lines from ${url} in ${pulled.pages} page${pulled.pages === 1 ? '' : 's'}${pulled.retries ? ` (${pulled.retries} asked for again)` : ''}`);
  try {
    return await readLog(file, io, cfg, pkg, window, `${url.replace(/\/+$/, '')}/admin/requests`);
  } finally {
    await rm(file, { force: true });
  }
}

/** The reference data: a CSV (read as the pipeline reads its data), or the champion's training profile. */
export async function referenceOf(cfg: PipelineConfig, io: StepIO, referenceInput: string | undefined, champion: Champion | undefined, declared: ReturnType<typeof declaredTypes> | undefined): Promise<{ table: Table | undefined; columns: { name: string; kind: ColumnKind; side: ColumnSide }[]; text: string }> {
  const pkg = champion?.pkg;
  if (referenceInput !== undefined) {
    const table = await readPipelineData(cfg, referenceInput, 'the reference input', declared, resolveOptions(io, true));
    const names = pkg ? pkg.encoding.columns.map((c) => c.name) : featureNames(cfg, table);
    const columns = names.map((name) => {
      const col = columnByName(table, name);
      if (!col) throw new DataFileError(table.files.join(', '), `the reference lacks the feature ${JSON.stringify(name)}`);
      const kind = kindOf(pkg ? (pkg.schema.columns[name]?.type ?? col.type) : col.type);
      return { name, kind, side: tableSide(col, kind) };
    });
    return { table, columns, text: `${table.files.join(', ')} (${table.rowCount.toLocaleString('en-US')} rows)` };
  }
  // championOf refuses to go on with neither a reference nor a model.
  if (!champion) throw new InputError('reference', 'there is no champion and no model input, so give a reference to compare with');
  const { pkg: p, source } = champion;
  const columns = p.encoding.columns.map((c) => {
    const profile = Object.hasOwn(p.profile, c.name) ? p.profile[c.name] : undefined;
    if (!profile) throw new UserError(`${source}: the package has no profile of the feature ${JSON.stringify(c.name)}; train it again`);
    return { name: c.name, kind: kindOf(profile.type), side: profileSide(c.name, profile, source) };
  });
  return { table: undefined, columns, text: `the training-data profile in the champion ${source} (${p.rows.train.toLocaleString('en-US')} training rows)` };
}
