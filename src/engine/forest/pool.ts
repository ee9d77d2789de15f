// Trains a forest's trees on worker threads. Tree k depends only on (seed, k), and the trees are handed
// on in index order, so the forest is identical whatever the number of threads. The binned features,
// raw features and labels are shared with the workers (SharedArrayBuffer), never copied per worker;
// the workers bin the columns themselves, each its share, and claim trees one at a time.
// What a tree needs once grown (its JSON, a shard's gzip member of it, its share of the importances,
// its votes as codes) is made on the thread that grew it, so the main thread only gathers.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { estimatorJSON, treeMember } from '../model/package-writer.ts';
import { binFeature, MAX_BINS, type BinnedFeature } from './bins.ts';
import { compileTree, treeOutOfBag, treePredictions, voteCodes, type TreeVoteCodes } from './compiled.ts';
import { binAll, trainTree, treeImportance, type Forest, type ForestOptions, type Labels, type TrainingData } from './forest.ts';
import { toShared } from '../shared-memory.ts';
import { present } from '../present.ts';
import type { FlatTree } from './tree.ts';

export interface Progress {
  done: number;
  total: number;
  seconds: number;
}

/** What to make of each tree besides its importance share. */
export interface GrowOptions {
  /** Its estimatorJSON (package-writer.ts). */
  json: boolean;
  /** Its out-of-bag predictions (when the forest bootstraps). */
  oob: boolean;
  /** The tree itself (trainForest keeps it: a sweep's cell, the tests). */
  flat: boolean;
  /** Rows (encoded feature columns) to predict with each tree: train's test rows and examples. */
  predict?: Float64Array[] | undefined;
  /** Its JSON's gzip member too, as a shard ships it. */
  member?: boolean;
}

/** A grown tree, as the main thread receives it. */
export interface GrownTree {
  importance: Float64Array;
  /** Its estimatorJSON, as UTF-8, and (GrowOptions.member) its gzip member. */
  json: Uint8Array | undefined;
  member: Uint8Array | undefined;
  /** Its out-of-bag votes and its predictions for GrowOptions.predict, as codes (a byte a row for classes). */
  votes: TreeVoteCodes | undefined;
  flat: FlatTree | undefined;
}

interface WorkerInput {
  n: number;
  workers: number;
  /** The workers' shared state: [the next tree to claim, the workers done binning]. */
  control: SharedArrayBuffer;
  /** Column f's bins at f·n, its thresholds at f·MAX_BINS, its count at f. */
  bins: SharedArrayBuffer;
  thresholds: SharedArrayBuffer;
  counts: SharedArrayBuffer;
  /** The columns this worker bins. */
  binColumns: number[];
  raw: SharedArrayBuffer[];
  predict: SharedArrayBuffer[] | undefined;
  yClass: SharedArrayBuffer | undefined;
  yValue: SharedArrayBuffer | undefined;
  options: ForestOptions;
  grow: GrowOptions;
  treeIds: number[];
}

const NEXT_TREE = 0;
const BINNED = 1;

/** Columns in shared memory (copied once), which trainTrees then hands to its threads without a copy. */
export function sharedColumns(columns: readonly Float64Array[]): Float64Array[] {
  return columns.map((c) => new Float64Array(toShared(c)));
}

/** Grows tree k and makes what is asked of it; `weight`, its bootstrap, gives its out-of-bag predictions. */
function growOne(binned: readonly BinnedFeature[], raw: readonly Float64Array[], labels: Labels, options: ForestOptions, grow: GrowOptions, k: number): GrownTree {
  const { tree, weight } = trainTree(binned, labels, options, k);
  const compiled = compileTree(tree, options);
  const oob = grow.oob ? treeOutOfBag(compiled, raw, weight) : undefined;
  const predictions = grow.predict ? treePredictions(compiled, grow.predict) : undefined;
  const votes = oob || predictions ? voteCodes(options.task, options.classes, oob, predictions ?? new Float64Array(0)) : undefined;
  const json = grow.json ? Buffer.from(estimatorJSON(tree, options, k)) : undefined;
  return {
    importance: treeImportance(tree, binned.length),
    json,
    member: grow.member && json ? treeMember(json) : undefined,
    votes,
    flat: grow.flat ? tree : undefined,
  };
}

function transferables(t: GrownTree): ArrayBuffer[] {
  const out = [t.importance.buffer];
  if (t.votes) out.push(...[t.votes.values, t.votes.oob, t.votes.predicted].filter((a) => a !== undefined).map((a) => a.buffer));
  // A small Buffer may sit in Node's shared pool: it is copied, not transferred.
  for (const b of [t.json, t.member]) if (b && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) out.push(b.buffer);
  if (t.flat) out.push(t.flat.feature.buffer, t.flat.threshold.buffer, t.flat.left.buffer, t.flat.right.buffer, t.flat.value.buffer, t.flat.gain.buffer);
  return out as ArrayBuffer[];
}

/**
 * The worker's side: bin its share of the columns, wait until every worker has binned its own, then
 * claim trees one at a time (so that no thread idles while another still has a queue) and post each
 * back as it finishes. The workers coordinate through shared memory alone, so a main thread busy
 * describing the data never holds them up.
 */
export function forestWorkerMain(): void {
  const input = workerData as WorkerInput;
  const { n } = input;
  const control = new Int32Array(input.control);
  const all = new Uint8Array(input.bins);
  const thresholds = new Float64Array(input.thresholds);
  const counts = new Int32Array(input.counts);
  const raw = input.raw.map((b) => new Float64Array(b));
  for (const f of input.binColumns) {
    const b = binFeature(raw[f]!, all.subarray(f * n, (f + 1) * n));
    thresholds.set(b.thresholds, f * MAX_BINS);
    counts[f] = b.count;
  }
  Atomics.add(control, BINNED, 1);
  Atomics.notify(control, BINNED);
  for (let seen = Atomics.load(control, BINNED); seen < input.workers; seen = Atomics.load(control, BINNED)) Atomics.wait(control, BINNED, seen);
  const binned: BinnedFeature[] = raw.map((_, f) => ({ bins: all.subarray(f * n, (f + 1) * n), thresholds: thresholds.subarray(f * MAX_BINS, f * MAX_BINS + counts[f]!), count: counts[f]! }));
  const grow: GrowOptions = { ...input.grow, predict: input.predict?.map((b) => new Float64Array(b)) };
  const labels: Labels = { yClass: input.yClass ? new Int32Array(input.yClass) : undefined, yValue: input.yValue ? new Float64Array(input.yValue) : undefined };
  for (let i = Atomics.add(control, NEXT_TREE, 1); i < input.treeIds.length; i = Atomics.add(control, NEXT_TREE, 1)) {
    const k = input.treeIds[i]!;
    const tree = growOne(binned, raw, labels, input.options, grow, k);
    present(parentPort, 'the forest thread\'s port').postMessage({ k, tree }, transferables(tree));
  }
}

/** The number of threads to use by default: every core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** A whole forest, its trees kept (a sweep's cell, the tests). */
export async function trainForest(data: TrainingData, options: ForestOptions, threads = defaultThreads(), onProgress?: (p: Progress) => void): Promise<Forest> {
  const trees: FlatTree[] = [];
  await trainTrees(data, options, Array.from({ length: options.trees }, (_, k) => k), { json: false, oob: false, flat: true }, (_, t) => trees.push(present(t.flat, 'a grown tree')), threads, onProgress);
  return { options, features: data.columns.length, trees };
}

/**
 * Grows the trees `ids` of the forest (all of them, or a shard's range) and hands each to `take` in
 * the order given, as soon as it and those before it are done. Tree k is the same tree whichever set
 * it is grown in.
 */
export async function trainTrees(data: TrainingData, options: ForestOptions, ids: readonly number[], grow: GrowOptions, take: (i: number, tree: GrownTree) => void, threads = defaultThreads(), onProgress?: (p: Progress) => void): Promise<void> {
  const start = performance.now();
  const slot = new Map(ids.map((k, i) => [k, i]));
  const labels: Labels = { yClass: data.yClass, yValue: data.yValue };
  const report = (done: number) => onProgress?.({ done, total: ids.length, seconds: (performance.now() - start) / 1000 });
  const workers = Math.min(threads, ids.length);
  if (workers <= 1 || !isMainThread) {
    const binned = binAll(data.columns);
    ids.forEach((k, i) => {
      take(i, growOne(binned, data.columns, labels, options, grow, k));
      report(i + 1);
    });
    return;
  }
  const n = data.columns[0]?.length ?? 0;
  const features = data.columns.length;
  // The columns are binned on the workers, each its share, straight into shared memory.
  const shared = {
    n,
    workers,
    control: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT),
    bins: new SharedArrayBuffer(n * features),
    thresholds: new SharedArrayBuffer(features * MAX_BINS * Float64Array.BYTES_PER_ELEMENT),
    counts: new SharedArrayBuffer(features * Int32Array.BYTES_PER_ELEMENT),
    raw: data.columns.map(toShared),
    predict: grow.predict?.map(toShared),
    yClass: data.yClass ? toShared(data.yClass) : undefined,
    yValue: data.yValue ? toShared(data.yValue) : undefined,
    options,
    grow: { ...grow, predict: undefined },
    treeIds: [...ids],
  };
  // Trees come back in any order; they are handed on in index order, and not held once handed.
  const waiting = new Map<number, GrownTree>();
  let next = 0;
  let done = 0;
  // The worker imports this very module (the .ts source in tests, the bundle in production).
  const entry = `import(${JSON.stringify(import.meta.url)}).then((m) => m.forestWorkerMain());`;
  const threadsStarted: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const input: WorkerInput = { ...shared, binColumns: data.columns.map((_, f) => f).filter((f) => f % workers === w) };
        return new Promise<void>((resolve, reject) => {
          const worker = new Worker(entry, { eval: true, workerData: input });
          threadsStarted.push(worker);
          worker.on('message', (m: { k: number; tree: GrownTree }) => {
            waiting.set(present(slot.get(m.k), `the slot of tree ${m.k}`), m.tree);
            for (let t = waiting.get(next); t; t = waiting.get(next)) {
              waiting.delete(next);
              take(next++, t);
            }
            report(++done);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a training thread exited with code ${code}`))));
        });
      }),
    );
  } catch (err) {
    // A thread that failed while binning would leave the others waiting for it.
    await Promise.all(threadsStarted.map((t) => t.terminate()));
    throw err;
  }
}
