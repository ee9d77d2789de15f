// Resolves a data path or glob to the files it names. A path from a pipeline file is data from the
// repository (a pull request can change it), so it must stay inside the repository after every
// symlink is followed: a link to /proc/self/environ or a runner file would otherwise have its values
// quoted into public logs by validation messages. Such a file is refused by name and never read. A
// path the user typed (a flag or an input) is the user's choice and may point anywhere.
import { lstatSync } from 'node:fs';
import { glob, lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError } from '../errors.ts';
import type { CsvSource } from './csv-reader.ts';

const GLOB_CHARS = /[*?[\]{}]/;

export interface ResolveOptions {
  /** Where a relative pattern starts: the repository root (pipeline paths) or the current folder (typed). */
  base: string;
  /** Refuse files whose real path lies outside the repository (pipeline and registry paths). */
  confine: boolean;
  /** A second place to look when nothing is at `base` (the root, for a path typed in a sub-folder). */
  fallbackBase?: string;
}

/** Whether `abs` is `root` or lies below it (by the path's text; realpath is the caller's). */
export function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** How messages name a file: relative to the root when inside it, else its absolute path. */
export function displayName(root: string, abs: string): string {
  return isInside(root, abs) ? path.relative(root, abs).split(path.sep).join('/') : abs;
}

const exists = (p: string) => lstatSync(p, { throwIfNoEntry: false }) !== undefined;

/**
 * A path the user typed: from `base` (the current folder), or, when nothing is there, from `fallback`
 * (the repository root), so that a path written as the docs write it works from any sub-folder.
 */
export function resolveTyped(base: string, fallback: string, typed: string): string {
  const here = path.resolve(base, typed);
  if (path.isAbsolute(typed) || exists(here)) return here;
  const other = path.resolve(fallback, typed);
  return exists(other) ? other : here;
}

/** The real path of the repository root (it may itself sit behind a symlink, as /tmp does on macOS). */
async function realRoot(root: string): Promise<string> {
  return realpath(root).catch(() => path.resolve(root));
}

/**
 * Checks that `abs` is a readable regular file and, when confined, that its real path is inside the
 * repository; `shown` names it in errors.
 */
export async function checkFile(root: string, abs: string, shown: string, what: string, confine: boolean): Promise<void> {
  if (confine && !isInside(root, abs)) throw new DataFileError(shown, `${what} points outside the repository; paths in a pipeline are relative to the repository root`);
  let link;
  try {
    link = await lstat(abs);
  } catch (err) {
    throw new DataFileError(shown, `${what} names a file that does not exist (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    throw new DataFileError(shown, `${what} names a symlink whose target does not exist`);
  }
  if (confine && !isInside(await realRoot(root), real)) {
    throw new DataFileError(shown, `${what} is a symlink to a file outside the repository; it is refused and not read`);
  }
  const info = link.isSymbolicLink() ? await stat(abs) : link;
  if (info.isDirectory()) throw new DataFileError(shown, `${what} is a folder, not a file`);
  if (!info.isFile()) throw new DataFileError(shown, `${what} is not a regular file`);
}

/** `pattern` names files for `what` ("data.train", "the data input"); see ResolveOptions. */
export async function resolveDataFiles(root: string, pattern: string, what: string, opts: ResolveOptions = { base: root, confine: true }): Promise<CsvSource[]> {
  if (!GLOB_CHARS.test(pattern)) {
    const abs = opts.fallbackBase === undefined ? path.resolve(opts.base, pattern) : resolveTyped(opts.base, opts.fallbackBase, pattern);
    await checkFile(root, abs, pattern, what, opts.confine);
    return [{ path: abs, name: displayName(root, abs) }];
  }
  if (opts.confine && !isInside(root, path.resolve(opts.base, pattern.split(/[*?[\]{}]/)[0]!))) throw new DataFileError(pattern, `${what} points outside the repository; paths in a pipeline are relative to the repository root`);
  const found: string[] = [];
  let base = opts.base;
  if (opts.fallbackBase !== undefined && !path.isAbsolute(pattern)) {
    // A glob typed in a sub-folder that matches nothing there is read from the root, as for a plain path.
    const first = await glob(pattern, { cwd: base })[Symbol.asyncIterator]().next();
    if (first.done) base = opts.fallbackBase;
  }
  for await (const entry of glob(pattern, { cwd: base })) {
    const abs = path.resolve(base, entry);
    const link = await lstat(abs).catch(() => undefined);
    if (!link) continue;
    // A folder that the glob also matched is skipped; a file of any other kind is checked, and refused by name.
    if (link.isDirectory()) continue;
    if (link.isSymbolicLink() && (await stat(abs).then((s) => s.isDirectory(), () => false))) continue;
    await checkFile(root, abs, displayName(root, abs), `${what} (from the glob ${pattern})`, opts.confine);
    found.push(abs);
  }
  if (found.length === 0) throw new DataFileError(pattern, `the glob in ${what} matches no file`);
  // Sorted, so that the row order (and with it every hash and split) does not depend on the file system.
  found.sort();
  return found.map((abs) => ({ path: abs, name: displayName(root, abs) }));
}
