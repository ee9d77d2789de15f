// Resolves a pipeline's data path or glob to the files it names, inside the repository.
import { glob, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError } from '../errors.ts';
import type { CsvSource } from './csv-reader.ts';

const GLOB_CHARS = /[*?[\]{}]/;

/** `pattern` is repository-relative; `what` names where it came from ("data.train", "input data"). */
export async function resolveDataFiles(root: string, pattern: string, what: string): Promise<CsvSource[]> {
  const inside = (abs: string) => {
    const rel = path.relative(root, abs);
    return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  };
  if (!GLOB_CHARS.test(pattern)) {
    const abs = path.resolve(root, pattern);
    if (!inside(abs)) throw new DataFileError(pattern, `${what} points outside the repository`);
    try {
      if (!(await stat(abs)).isFile()) throw new DataFileError(pattern, `${what} is not a file`);
    } catch (err) {
      if (err instanceof DataFileError) throw err;
      throw new DataFileError(pattern, `${what} names a file that does not exist (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    return [{ path: abs, name: path.relative(root, abs).split(path.sep).join('/') }];
  }
  const found: string[] = [];
  for await (const entry of glob(pattern, { cwd: root })) {
    const abs = path.resolve(root, entry);
    if (inside(abs) && (await stat(abs)).isFile()) found.push(abs);
  }
  if (found.length === 0) throw new DataFileError(pattern, `the glob in ${what} matches no file`);
  // Sorted, so that the row order (and with it every hash and split) does not depend on the file system.
  found.sort();
  return found.map((abs) => ({ path: abs, name: path.relative(root, abs).split(path.sep).join('/') }));
}
