// Provenance from git: the commit a model was trained at, and that commit's time (for a timestamp that
// is reproducible, unlike the clock). Outside a git checkout both are unknown, never guessed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Provenance } from '../steps/io.ts';

const run = promisify(execFile);

async function git(root: string, ...args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd: root, timeout: 10000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}


/**
 * GITHUB_SHA, else HEAD; SOURCE_DATE_EPOCH, else the commit's time; else null. The front door says
 * which variables count: the CLI passes GITHUB_SHA only inside an Actions job.
 */
export async function provenance(root: string, env: { GITHUB_SHA?: string | undefined; SOURCE_DATE_EPOCH?: string | undefined }): Promise<Provenance> {
  const commit = env.GITHUB_SHA || (await git(root, 'rev-parse', 'HEAD')) || null;
  let epoch = env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? Number(env.SOURCE_DATE_EPOCH) : undefined;
  if (epoch === undefined && commit) {
    const t = await git(root, 'log', '-1', '--format=%ct', commit);
    if (t && /^\d+$/.test(t)) epoch = Number(t);
  }
  return { commit, createdAt: epoch === undefined ? null : new Date(epoch * 1000).toISOString() };
}
