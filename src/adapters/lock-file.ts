// An exclusive lock between processes on one machine: a file created with O_EXCL that names its holder.
// A lock whose holder is gone (its process no longer runs here) or that is older than `staleMs` is
// stale: it is moved aside under a unique name, so that of two processes that find it stale at once,
// one removes it and the other sees its own rename fail, and both try again.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { UserError } from '../engine/errors.ts';

export interface LockOptions {
  /** How long to wait for a live holder. */
  waitMs?: number;
  staleMs?: number;
  pollMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  since: number;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function holderOf(file: string): Promise<Holder | undefined> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.since === 'number' ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` holding the lock `file`; `shown` names it in messages. */
export async function withLock<T>(file: string, shown: string, work: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const { waitMs = 60_000, staleMs = 10 * 60_000, pollMs = 25 } = opts;
  const me: Holder = { pid: process.pid, host: hostname(), since: Date.now() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fh = await open(file, 'wx');
      try {
        await fh.writeFile(JSON.stringify(me));
      } finally {
        await fh.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await holderOf(file);
    // An unreadable lock is one being written this instant, or the leftover of a crash right after
    // its creation: stale once it is a few seconds old. One that is gone was just released: taking it
    // is tried again at once, as treating it as stale would move aside the next holder's fresh lock.
    const mtime = holder ? undefined : await stat(file).then((s) => s.mtimeMs, () => undefined);
    if (!holder && mtime === undefined) continue;
    const stale = holder ? (holder.host === me.host && !alive(holder.pid)) || Date.now() - holder.since > staleMs : Date.now() - (mtime ?? 0) > 5_000;
    if (stale) {
      const aside = `${file}.${randomBytes(6).toString('hex')}.stale`;
      if (await rename(file, aside).then(() => true, () => false)) await rm(aside, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new UserError(`${shown} is held by ${holder ? `process ${holder.pid} on ${holder.host} since ${new Date(holder.since).toISOString()}` : 'another process'}; if no mlops runs there, remove ${shown}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}
