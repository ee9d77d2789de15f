// The digest of a data set: every file's name and bytes, in order. It keys the train cache and
// records which data a model was trained on.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DataFileError } from '../errors.ts';
import type { CsvSource } from './csv-reader.ts';

export async function dataDigest(files: readonly CsvSource[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${f.name}\0`);
    h.update(
      await readFile(f.path).catch((err: NodeJS.ErrnoException) => {
        throw new DataFileError(f.name, `cannot read the file (${err.code ?? String(err)})`);
      }),
    );
    h.update('\0');
  }
  return h.digest('hex');
}

