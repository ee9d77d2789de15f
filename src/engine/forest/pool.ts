// Trains a forest's trees on worker threads. Tree k depends only on (seed, k), and the trees are put
// back in index order, so the forest is identical whatever the number of threads. The binned features
// and labels are shared with the workers (SharedArrayBuffer), never copied per worker.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { BinnedFeature } from './bins.ts';
import { binAll, trainTree, type Forest, type ForestOptions, type Labels, type TrainingData } from './forest.ts';
import type { FlatTree } from './tree.ts';

export interface Progress {
  done: number;
  total: number;
  seconds: number;
}

interface WorkerInput {
  n: number;
  bins: SharedArrayBuffer;
  thresholds: Float64Array[];
  counts: number[];
  yClass: SharedArrayBuffer | undefined;
  yValue: SharedArrayBuffer | undefined;
  options: ForestOptions;
  treeIds: number[];
}

function toShared<T extends Uint8Array | Int32Array | Float64Array>(a: T): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(sab).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return sab;
}

/** The worker's side: train the trees it was given, post each one back as it finishes. */
export function forestWorkerMain(): void {
  const input = workerData as WorkerInput;
  const all = new Uint8Array(input.bins);
  const binned: BinnedFeature[] = input.thresholds.map((thresholds, f) => ({ bins: all.subarray(f * input.n, (f + 1) * input.n), thresholds, count: input.counts[f]! }));
  const labels: Labels = { yClass: input.yClass ? new Int32Array(input.yClass) : undefined, yValue: input.yValue ? new Float64Array(input.yValue) : undefined };
  for (const k of input.treeIds) {
    const { tree } = trainTree(binned, labels, input.options, k);
    const buffers = [tree.feature.buffer, tree.threshold.buffer, tree.left.buffer, tree.right.buffer, tree.value.buffer, tree.gain.buffer] as ArrayBuffer[];
    parentPort!.postMessage({ k, tree }, buffers);
  }
}

/** The number of threads to use by default: every core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export async function trainForest(data: TrainingData, options: ForestOptions, threads = defaultThreads(), onProgress?: (p: Progress) => void): Promise<Forest> {
  const ids = Array.from({ length: options.trees }, (_, k) => k);
  return { options, features: data.columns.length, trees: await trainTrees(data, options, ids, threads, onProgress) };
}

/**
 * Trains the trees `ids` of the forest (all of them, or a shard's range), in the order given. Tree k
 * is the same tree whichever set it is trained in.
 */
export async function trainTrees(data: TrainingData, options: ForestOptions, ids: readonly number[], threads = defaultThreads(), onProgress?: (p: Progress) => void): Promise<FlatTree[]> {
  const start = performance.now();
  const binned = binAll(data.columns);
  const trees: FlatTree[] = new Array(ids.length);
  const slot = new Map(ids.map((k, i) => [k, i]));
  const labels: Labels = { yClass: data.yClass, yValue: data.yValue };
  const report = (done: number) => onProgress?.({ done, total: ids.length, seconds: (performance.now() - start) / 1000 });
  const workers = Math.min(threads, ids.length);
  if (workers <= 1 || !isMainThread) {
    ids.forEach((k, i) => {
      trees[i] = trainTree(binned, labels, options, k).tree;
      report(i + 1);
    });
    return trees;
  }
  const n = data.columns[0]?.length ?? 0;
  const bins = new SharedArrayBuffer(n * binned.length);
  const view = new Uint8Array(bins);
  binned.forEach((b, f) => view.set(b.bins, f * n));
  const shared = {
    n,
    bins,
    thresholds: binned.map((b) => b.thresholds),
    counts: binned.map((b) => b.count),
    yClass: data.yClass ? toShared(data.yClass) : undefined,
    yValue: data.yValue ? toShared(data.yValue) : undefined,
    options,
  };
  let done = 0;
  // The worker imports this very module (the .ts source in tests, the bundle in production).
  const entry = `import(${JSON.stringify(import.meta.url)}).then((m) => m.forestWorkerMain());`;
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const treeIds = ids.filter((_, i) => i % workers === w);
      const input: WorkerInput = { ...shared, treeIds };
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(entry, { eval: true, workerData: input });
        worker.on('message', (m: { k: number; tree: FlatTree }) => {
          trees[slot.get(m.k)!] = m.tree;
          report(++done);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a training thread exited with code ${code}`))));
      });
    }),
  );
  return trees;
}
