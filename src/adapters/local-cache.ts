// The CLI's model cache: the Actions cache's counterpart on the local disk, so that an unchanged
// candidate (same data, config, schema, parameters and code: the cache key says so) is restored, not
// trained again. One folder per key under out/.cache (or MLOPS_CACHE_DIR); a file is copied in and
// out through temp-then-rename, so an interrupted save leaves no half entry.
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ModelCache } from '../steps/io.ts';

/** How many models of one pipeline the cache keeps (the newest). */
export const KEEP = 5;

/** MLOPS_CACHE=off turns it off; MLOPS_CACHE_DIR moves it. */
export function localModelCache(root: string, env: Readonly<Record<string, string | undefined>>): ModelCache | undefined {
  if ((env.MLOPS_CACHE ?? '').toLowerCase() === 'off') return undefined;
  const dir = path.resolve(root, env.MLOPS_CACHE_DIR || 'out/.cache');
  // A key is mlops-model-<pipeline>-<sha256>: safe as a folder name, but checked all the same.
  const entry = (key: string) => {
    if (!/^[A-Za-z0-9._-]{1,200}$/.test(key)) throw new Error(`not a cache key: ${JSON.stringify(key)}`);
    return path.join(dir, key);
  };
  const copyAtomic = async (from: string, to: string) => {
    await mkdir(path.dirname(to), { recursive: true });
    const tmp = `${to}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await copyFile(from, tmp);
      await rename(tmp, to);
    } finally {
      await rm(tmp, { force: true });
    }
  };
  return {
    async restore(paths, key) {
      const at = entry(key);
      for (const p of paths) if (!(await stat(path.join(at, path.basename(p))).catch(() => undefined))?.isFile()) return false;
      for (const p of paths) await copyAtomic(path.join(at, path.basename(p)), path.resolve(root, p));
      return true;
    },
    async save(paths, key) {
      const at = entry(key);
      for (const p of paths) await copyAtomic(path.resolve(root, p), path.join(at, path.basename(p)));
      // Bounded: the newest KEEP entries of this key's family (one pipeline) stay, older ones go.
      const family = key.replace(/-[0-9a-f]{64}$/, '-');
      const entries = await Promise.all((await readdir(dir)).filter((d) => d.startsWith(family) && d !== key).map(async (d) => ({ d, t: (await stat(path.join(dir, d))).mtimeMs })));
      for (const { d } of entries.sort((a, b) => b.t - a.t).slice(KEEP - 1)) await rm(path.join(dir, d), { recursive: true, force: true });
    },
  };
}
