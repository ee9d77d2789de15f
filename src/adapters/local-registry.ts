// The local model registry: models/<pipeline>/champion.json names the champion's package and its
// sha256 (written when a model is published locally). The CLI's champion store. The pointer is data
// from the repository, so the package it names must lie inside the repository, symlinks followed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkFile } from '../engine/data/files.ts';
import { ModelFormatError } from '../engine/errors.ts';
import type { ChampionStore } from '../steps/io.ts';

export interface ChampionPointer {
  version: string;
  /** The package, relative to the repository root. */
  model: string;
  sha256: string;
}

export function localChampionStore(root: string): ChampionStore {
  return {
    async find(pipeline) {
      const shown = `models/${pipeline}/champion.json`;
      let text: string;
      try {
        text = await readFile(path.join(root, 'models', pipeline, 'champion.json'), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new ModelFormatError(shown, `cannot read the champion pointer (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      }
      let pointer: Partial<ChampionPointer>;
      try {
        pointer = JSON.parse(text) as Partial<ChampionPointer>;
      } catch (err) {
        throw new ModelFormatError(shown, `not a champion pointer (${(err as Error).message})`);
      }
      if (typeof pointer !== 'object' || pointer === null || typeof pointer.model !== 'string' || !/^[0-9a-f]{64}$/.test(String(pointer.sha256))) {
        throw new ModelFormatError(shown, 'needs "model" (a path relative to the repository) and "sha256" (64 hex digits)');
      }
      const abs = path.resolve(root, pointer.model);
      await checkFile(root, abs, pointer.model, `the champion named by ${shown}`, true);
      const bytes = await readFile(abs);
      return { source: `${pointer.model} (version ${pointer.version ?? '?'})`, bytes, sha256: pointer.sha256! };
    },
  };
}
