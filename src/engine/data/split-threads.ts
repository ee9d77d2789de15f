// The split of a large table on several threads: each hashes a range of the rows (split.ts hashRows),
// the main thread one of them. A row's side depends only on its own key, so the result is testRowsOf's
// whatever the number of threads. At a million rows of 21 cells the hashing takes seconds, on the path
// of every step that splits (train before its trees can start, evaluate, compare).
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { hashRows, keyColumnsOf, testRowsOf, type HashKey, type SplitKey } from './split.ts';
import type { Column, InvalidCell, Table } from './table.ts';
import { toShared } from '../shared-memory.ts';

/** Below this many key cells, starting a thread costs more than it saves. */
export const THREADED_SPLIT_CELLS = 2_000_000;

type SharedColumn = { kind: 'numeric'; values: SharedArrayBuffer; invalid: InvalidCell[] } | { kind: 'categorical'; codes: SharedArrayBuffer; levels: string[] };

interface SplitWork {
  columns: SharedColumn[];
  key: HashKey;
  lo: number;
  hi: number;
  out: SharedArrayBuffer;
}

function columnsOf(columns: readonly SharedColumn[]): Column[] {
  return columns.map((c) => (c.kind === 'numeric' ? { name: '', kind: 'numeric', type: 'number', values: new Float64Array(c.values), invalid: c.invalid } : { name: '', kind: 'categorical', type: 'categorical', codes: new Int32Array(c.codes), levels: c.levels }));
}

/** The thread's side: hash its rows into the shared result. */
export function splitWorkerMain(): void {
  const work = workerData as SplitWork;
  hashRows(columnsOf(work.columns), work.key, work.lo, work.hi, new Uint8Array(work.out));
}

/** testRowsOf, on `threads` threads (this one included) when the table has at least `minCells` key cells. */
export async function testRowsThreaded(table: Table, key: SplitKey & HashKey, threads: number, minCells = THREADED_SPLIT_CELLS): Promise<Uint8Array> {
  const cols = keyColumnsOf(table, key.columns);
  const n = table.rowCount;
  if (threads <= 1 || !isMainThread || n * cols.length < minCells) return testRowsOf(table, key);
  const out = new SharedArrayBuffer(n);
  const columns: SharedColumn[] = cols.map((c) => (c.kind === 'numeric' ? { kind: 'numeric', values: toShared(c.values), invalid: c.invalid } : { kind: 'categorical', codes: toShared(c.codes), levels: c.levels }));
  const bounds = Array.from({ length: threads + 1 }, (_, i) => Math.floor((i * n) / threads));
  // The worker imports this very module (the .ts source in tests, the bundle in production).
  const entry = `import(${JSON.stringify(import.meta.url)}).then((m) => m.splitWorkerMain());`;
  const workers = bounds.slice(1, -1).map(
    (lo, i) =>
      new Promise<void>((resolve, reject) => {
        const work: SplitWork = { columns, key: { seed: key.seed, testFraction: key.testFraction, salt: key.salt }, lo, hi: bounds[i + 2]!, out };
        const worker = new Worker(entry, { eval: true, workerData: work });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a split thread exited with code ${code}`))));
      }),
  );
  hashRows(cols, key, 0, bounds[1]!, new Uint8Array(out));
  await Promise.all(workers);
  return new Uint8Array(out);
}
