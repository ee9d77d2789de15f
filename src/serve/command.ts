// `mlops serve`: the champion of a pipeline (from the local registry) or a package file, served until
// SIGINT or SIGTERM. The admin route's token comes from an environment variable, never a flag (flags
// show in process lists).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPipeline } from '../engine/config/pipeline.ts';
import { InputError, UserError } from '../engine/errors.ts';
import { ModelFormatError } from '../engine/errors.ts';
import { localRegistry } from '../adapters/local-registry.ts';
import { checkPublished } from '../engine/registry/contract.ts';
import { displayName, resolveTyped } from '../engine/data/files.ts';
import { RequestLog } from './request-log.ts';
import { loadSlot, MIN_ADMIN_TOKEN_CHARS, PredictionServer, SERVE_DEFAULTS, type ModelSlot } from './server.ts';

export const SERVE_FLAGS = ['pipeline', 'model', 'host', 'port', 'max-body-bytes', 'max-rows', 'max-columns', 'max-connections', 'timeout-ms', 'headers-timeout-ms', 'idle-timeout-ms', 'log', 'log-sample', 'log-max-bytes', 'admin-token-env', 'log-token-env'] as const;

function wholeNumber(flags: Record<string, string>, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new InputError(name, `${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
  return Number(raw);
}

/** Starts the server the flags describe; the caller stops it. */
export async function startServe(flags: Record<string, string>, where: { root: string; cwd: string }, env: NodeJS.ProcessEnv, say: (m: string) => void): Promise<PredictionServer> {
  let slot: ModelSlot;
  const { pipeline, model } = flags;
  if (pipeline !== undefined && model === undefined) {
    const cfg = await loadPipeline(pipeline, where.root, where.cwd);
    const champion = await localRegistry(where.root).find(cfg.name);
    if (!champion) throw new UserError(`${cfg.file}: "${cfg.name}" has no champion in models/ yet; run mlops run (or publish-model) first, or serve a --model`);
    checkPublished(champion);
    slot = await loadSlot(champion.bytes, champion.source, champion.version !== undefined ? `v${champion.version}` : 'unversioned');
  } else if (model !== undefined && pipeline === undefined) {
    const abs = resolveTyped(where.cwd, where.root, model);
    const bytes = await readFile(abs).catch((err: NodeJS.ErrnoException) => {
      throw new ModelFormatError(displayName(where.root, abs), `cannot read the model package (${err.code ?? String(err)})`);
    });
    slot = await loadSlot(bytes, displayName(where.root, abs), 'unversioned');
  } else throw new UserError('serve: give --pipeline FILE (its champion) or --model PACKAGE, one of them');
  const tokenVar = flags['admin-token-env'] ?? 'MLOPS_ADMIN_TOKEN';
  const adminToken = env[tokenVar] || undefined;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_CHARS) throw new InputError('admin-token-env', `${tokenVar} holds a token of ${adminToken.length} characters; the admin route swaps the served model, so its token needs at least ${MIN_ADMIN_TOKEN_CHARS} (for example: openssl rand -hex 32)`);
  // The log's own read-only token: a monitor that pulls the log must not be able to swap the model.
  const logTokenVar = flags['log-token-env'] ?? 'MLOPS_LOG_TOKEN';
  const logToken = env[logTokenVar] || undefined;
  if (logToken !== undefined && logToken.length < MIN_ADMIN_TOKEN_CHARS) throw new InputError('log-token-env', `${logTokenVar} holds a token of ${logToken.length} characters; the request log holds what clients sent, so its token needs at least ${MIN_ADMIN_TOKEN_CHARS} (for example: openssl rand -hex 32)`);
  if (logToken !== undefined && logToken === adminToken) throw new InputError('log-token-env', `${logTokenVar} is the admin token; give the log its own token, so that a monitor that reads the log cannot swap the model`);
  if (logToken !== undefined && flags.log === undefined) throw new InputError('log-token-env', `${logTokenVar} is set, but there is no --log to hand out`);
  const sample = flags['log-sample'] === undefined ? 1 : Number(flags['log-sample']);
  if (!(sample >= 0 && sample <= 1)) throw new InputError('log-sample', `${JSON.stringify(flags['log-sample'])} is not a share from 0 to 1`);
  let log: RequestLog | undefined;
  if (flags.log !== undefined) {
    const file = path.resolve(where.cwd, flags.log);
    log = new RequestLog({ file, sample, maxBytes: wholeNumber(flags, 'log-max-bytes', 64 * 1024 * 1024, 1024), warn: (m) => say(`warning: ${m}`) });
    await log.open().catch((err: NodeJS.ErrnoException) => {
      throw new InputError('log', `${displayName(where.root, file)} cannot be opened for appending (${err.code ?? err.message})`);
    });
  }
  const server = new PredictionServer(slot, {
    host: flags.host ?? SERVE_DEFAULTS.host,
    port: wholeNumber(flags, 'port', SERVE_DEFAULTS.port, 0, 65535),
    maxBodyBytes: wholeNumber(flags, 'max-body-bytes', SERVE_DEFAULTS.maxBodyBytes, 1),
    maxRows: wholeNumber(flags, 'max-rows', SERVE_DEFAULTS.maxRows, 1),
    maxColumns: wholeNumber(flags, 'max-columns', SERVE_DEFAULTS.maxColumns, 1),
    maxConnections: wholeNumber(flags, 'max-connections', SERVE_DEFAULTS.maxConnections, 1),
    maxModelBytes: SERVE_DEFAULTS.maxModelBytes,
    timeoutMs: wholeNumber(flags, 'timeout-ms', SERVE_DEFAULTS.timeoutMs, 1),
    headersTimeoutMs: wholeNumber(flags, 'headers-timeout-ms', SERVE_DEFAULTS.headersTimeoutMs, 1),
    idleTimeoutMs: wholeNumber(flags, 'idle-timeout-ms', SERVE_DEFAULTS.idleTimeoutMs, 1),
    adminToken,
    logToken,
    log,
    onError: (err) => say(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  });
  try {
    await server.start();
  } catch (err) {
    throw new UserError(`serve: cannot listen on ${flags.host ?? SERVE_DEFAULTS.host}:${flags.port ?? SERVE_DEFAULTS.port} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  say(`serving ${slot.pipeline} ${slot.version} (sha256:${slot.sha256.slice(0, 12)}…) on ${server.url}: MLflow POST /invocations, KServe v2 /v2/models/${slot.pipeline}/infer, GET /metrics${adminToken ? ', PUT /admin/model' : ` (no ${tokenVar}, so no PUT /admin/model)`}${logToken ? ', GET /admin/requests' : ''}`);
  return server;
}
