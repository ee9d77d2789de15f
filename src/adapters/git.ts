// Provenance from git: the commit a model was trained at, and that commit's time (for a timestamp that
// is reproducible, unlike the clock). Outside a git checkout both are unknown, never guessed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(root: string, ...args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, { cwd: root, timeout: 10000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface Provenance {
  commit: string | null;
  createdAt: string | null;
}

/** GITHUB_SHA, else HEAD; SOURCE_DATE_EPOCH, else the commit's time; else null. */
export async function provenance(root: string, env: NodeJS.ProcessEnv = process.env): Promise<Provenance> {
  const commit = env.GITHUB_SHA || (await git(root, 'rev-parse', 'HEAD')) || null;
  let epoch = env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? Number(env.SOURCE_DATE_EPOCH) : undefined;
  if (epoch === undefined && commit) {
    const t = await git(root, 'log', '-1', '--format=%ct', commit);
    if (t && /^\d+$/.test(t)) epoch = Number(t);
  }
  return { commit, createdAt: epoch === undefined ? null : new Date(epoch * 1000).toISOString() };
}
