// drift-report's summaries in the local registry: models/<pipeline>/drift/<time>.json, each written
// whole (temp-then-rename), the newest DRIFT_KEPT kept.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DRIFT_KEPT, isDriftStamp } from '../engine/registry/contract.ts';
import { writeFileAtomic } from '../engine/write-atomic.ts';
import type { DriftHistory } from '../steps/drift-history-port.ts';

export function localDriftHistory(root: string): DriftHistory {
  const dir = (pipeline: string) => path.join(root, 'models', pipeline, 'drift');
  async function stamps(pipeline: string): Promise<string[]> {
    const names = await readdir(dir(pipeline)).catch(() => [] as string[]);
    // ISO stamps sort as times.
    return names.filter((n) => n.endsWith('.json') && isDriftStamp(n.slice(0, -5))).map((n) => n.slice(0, -5)).sort();
  }
  return {
    async record(pipeline, stamp, bytes) {
      await writeFileAtomic(path.join(dir(pipeline), `${stamp}.json`), bytes);
      const all = await stamps(pipeline);
      for (const old of all.slice(0, Math.max(0, all.length - DRIFT_KEPT))) await rm(path.join(dir(pipeline), `${old}.json`), { force: true });
      return `models/${pipeline}/drift/${stamp}.json`;
    },
    async list(pipeline) {
      return Promise.all((await stamps(pipeline)).map(async (stamp) => ({ stamp, bytes: await readFile(path.join(dir(pipeline), `${stamp}.json`)) })));
    },
  };
}
