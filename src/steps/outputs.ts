// Writing a step's results: only after all the work is done (a failing run leaves the last good outputs
// in place), never over one of the run's own inputs, never over a file that is not ours without
// --force, and each file through temp-then-rename. Side effects after the work (a comment, an
// artifact, a cache entry) warn when they fail; they never undo a good result.
import { realpath, stat, open } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, constants as zlib } from 'node:zlib';
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import type { Table } from '../engine/data/table.ts';
import { OutputPathError } from '../engine/errors.ts';
import { writeFileAtomic } from '../engine/write-atomic.ts';
import { displayName } from '../engine/data/files.ts';
import type { ResolvedPath } from './inputs.ts';
import type { StepIO } from './io.ts';

/** The step's fixed outputs under out/<pipeline>/. */
export function outputPaths<K extends string>(io: Pick<StepIO, 'root'>, pipeline: string, names: Record<K, string>): Record<K, ResolvedPath> & { dir: string } {
  const dir = path.join(io.root, 'out', pipeline);
  const out = { dir } as Record<K, ResolvedPath> & { dir: string };
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const abs = path.join(dir, name);
    (out as Record<K, ResolvedPath>)[key] = { abs, shown: displayName(io.root, abs) };
  }
  return out;
}

/** Every file a step read: the pipeline, its schema and the data. Outputs may not replace them. */
export function runInputs(cfg: PipelineConfig, ...tables: (Table | undefined)[]): string[] {
  const files = [path.resolve(cfg.root, cfg.file)];
  if (cfg.schema !== undefined) files.push(path.resolve(cfg.root, cfg.schema));
  for (const t of tables) if (t) files.push(...t.files.map((f) => path.resolve(cfg.root, f)));
  return files;
}

const OUR_TEXT = [/^(?:[^\n]*,)?prediction(?:,[^\n]*)?,error\r?\n/, /^\s*\{\s*"format"\s*:\s*"mlops-/, /^MLOPS-SHARD\n/, /^<!-- mlops-actions:/, /^#### Sweep: /, /^### (validate-data|train|evaluate|compare-to-champion|publish-model|deploy|drift-report): /, /^# Data schema for the pipeline /];

/** Whether a file's first bytes say that mlops wrote it (a package, a report, a schema). */
export function looksOurs(head: Buffer): boolean {
  let text = head;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      text = gunzipSync(head, { finishFlush: zlib.Z_SYNC_FLUSH });
    } catch {
      return false;
    }
  }
  const s = text.subarray(0, 512).toString('utf8');
  return OUR_TEXT.some((re) => re.test(s));
}

async function canonical(file: string): Promise<string> {
  // An output that does not exist yet: its folder's real path, so that a symlinked folder is seen through.
  try {
    return await realpath(file);
  } catch {
    try {
      return path.join(await realpath(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Refuses an output that would replace an input, a folder, or a file that is not ours. */
export async function checkOutput(io: Pick<StepIO, 'root' | 'overwrite'>, out: ResolvedPath, inputs: readonly string[]): Promise<void> {
  const target = await canonical(out.abs);
  for (const input of inputs) {
    if ((await canonical(input)) === target) throw new OutputPathError(out.shown, 'is an input of this run; writing there would destroy it. Choose another output path');
  }
  const info = await stat(out.abs).catch(() => undefined);
  if (!info) return;
  if (info.isDirectory()) throw new OutputPathError(out.shown, 'is a folder; name a file');
  if (!info.isFile()) throw new OutputPathError(out.shown, 'is not a regular file; name a file');
  if (io.overwrite) return;
  const fh = await open(out.abs, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    if (info.size > 0 && !looksOurs(head.subarray(0, bytesRead))) throw new OutputPathError(out.shown, 'exists and was not written by mlops; pass --overwrite to replace it, or choose another path');
  } finally {
    await fh.close();
  }
}

/** Checks every output first, then writes each through temp-then-rename. */
export async function writeOutputs(io: Pick<StepIO, 'root' | 'overwrite'>, outputs: readonly [ResolvedPath, string | Uint8Array][], inputs: readonly string[]): Promise<void> {
  for (const [out] of outputs) await checkOutput(io, out, inputs);
  for (const [out, content] of outputs) {
    try {
      await writeFileAtomic(out.abs, content);
    } catch (err) {
      throw new OutputPathError(out.shown, `cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
}

/** Runs a side effect that follows the work: a failure is a warning with the reason, never a failed step. */
export async function sideEffect(io: Pick<StepIO, 'warning'>, what: string, run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    const status = (err as { status?: number }).status;
    io.warning(`${what} failed${status ? ` (HTTP ${status})` : ''}: ${(err as Error).message ?? String(err)}. The step's results stand.`);
    return false;
  }
}

/**
 * An artifact name that is unique per pipeline, job and content: jobs of a matrix each have their own
 * (artifact names must be unique within a workflow run).
 */
export function artifactName(io: Pick<StepIO, 'scope' | 'commit'>, prefix: string, pipeline: string, sha256: string): string {
  return [prefix, pipeline, io.scope, io.commit?.slice(0, 7), sha256.slice(0, 12)].filter(Boolean).join('-');
}
