// The local model registry: models/<pipeline>/champion.json names the champion's package and its
// sha256 (written when a model is published locally). The CLI's champion store.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
      const pointerFile = path.join(root, 'models', pipeline, 'champion.json');
      let pointer: ChampionPointer;
      try {
        pointer = JSON.parse(await readFile(pointerFile, 'utf8')) as ChampionPointer;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new ModelFormatError(`models/${pipeline}/champion.json`, `not a champion pointer (${(err as Error).message})`);
      }
      if (typeof pointer.model !== 'string' || !/^[0-9a-f]{64}$/.test(String(pointer.sha256))) throw new ModelFormatError(`models/${pipeline}/champion.json`, 'needs "model" (a path) and "sha256" (64 hex digits)');
      const bytes = await readFile(path.join(root, pointer.model));
      return { source: `${pointer.model} (version ${pointer.version})`, bytes, sha256: pointer.sha256 };
    },
  };
}
