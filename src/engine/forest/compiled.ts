// A forest compiled once into flat typed arrays, three per tree, for fast prediction: a row walks a
// tree with no closures and no node objects, and a leaf holds its class (classification) or its value
// (regression) precomputed. The vote and the mean follow ml-random-forest exactly (see forest.ts), so
// predictions are identical. A package is read straight into this form (model/package-reader.ts).
import type { Forest, ForestOptions, TrainingData } from './forest.ts';
import type { FlatTree } from './tree.ts';
import { leafClass } from './forest.ts';
import { present } from '../present.ts';

/**
 * One tree in preorder: a split's left child is the node after it, its right child is `right`. At a
 * split, `value` is the threshold (a row goes left when its value is below it, so NaN goes right, as
 * ml-cart's); at a leaf (`feature` -1) it is the class (classification) or the value (regression).
 * 16 bytes a node.
 */
export interface CompiledTree {
  feature: Int32Array;
  value: Float64Array;
  right: Int32Array;
}

export interface CompiledForest {
  task: 'classification' | 'regression';
  classes: number;
  features: number;
  trees: CompiledTree[];
}

/** One of our trees (see tree.ts: children are numbered as they are grown) renumbered in preorder. */
export function compileTree(t: FlatTree, options: Pick<ForestOptions, 'task' | 'classes'>): CompiledTree {
  const classification = options.task === 'classification';
  const c: CompiledTree = { feature: new Int32Array(t.nodes), value: new Float64Array(t.nodes), right: new Int32Array(t.nodes) };
  // The source node, and the slot of its parent's `right` to fill (or -1).
  const stack: { node: number; rightOf: number }[] = [{ node: 0, rightOf: -1 }];
  let next = 0;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, rightOf } = item;
    const at = next++;
    if (rightOf >= 0) c.right[rightOf] = at;
    if (t.feature[node]! < 0) {
      c.feature[at] = -1;
      c.right[at] = -1;
      c.value[at] = classification ? leafClass(t, node, options.classes) : t.value[node]!;
      continue;
    }
    c.feature[at] = t.feature[node]!;
    c.value[at] = t.threshold[node]!;
    // The left child comes next; the right one after the left's subtree.
    stack.push({ node: t.right[node]!, rightOf: at }, { node: t.left[node]!, rightOf: -1 });
  }
  return c;
}

export function compileForest(forest: Forest): CompiledForest {
  return { task: forest.options.task, classes: forest.options.classes, features: forest.features, trees: forest.trees.map((t) => compileTree(t, forest.options)) };
}

export interface CompiledPredictions {
  /** Class index or value per row. */
  yPred: Float64Array;
  /** Classification: K vote shares per row (row-major); null for regression. */
  shares: Float64Array | null;
}

/** The leaf value a row reaches in a tree. */
function walk(t: CompiledTree, columns: readonly Float64Array[], i: number): number {
  const { feature, value, right } = t;
  let node = 0;
  let f: number;
  while ((f = feature[node]!) >= 0) node = columns[f]![i]! < value[node]! ? node + 1 : right[node]!;
  return value[node]!;
}

/**
 * Predictions for rows given as feature columns (one Float64Array per encoded feature). Tree by tree
 * over all rows, so that one tree's nodes stay in the cache while every row walks it; the votes are
 * counted in tree order, so the running maximum (ml-array-mode's rule) is the same as row by row.
 */
export function predictCompiled(c: CompiledForest, columns: readonly Float64Array[]): CompiledPredictions {
  const votes = new TreeVotes(c.task, c.classes, columns[0]?.length ?? 0);
  for (const t of c.trees) votes.add(treePredictions(t, columns));
  return votes.predictions();
}

/** One tree's leaf value (class or value) for each row. */
export function treePredictions(tree: CompiledTree, columns: readonly Float64Array[]): Float64Array {
  const n = columns[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = walk(tree, columns, i);
  return out;
}

/**
 * One tree's out-of-bag predictions: its leaf value (class or value) for each row its bootstrap left
 * out, NaN for the rows it drew. Computed where the tree is grown (a training thread).
 */
export function treeOutOfBag(tree: CompiledTree, columns: readonly Float64Array[], weight: Int32Array): Float64Array {
  const n = weight.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = weight[i]! > 0 ? Number.NaN : walk(tree, columns, i);
  return out;
}

export type Codes = Uint8Array | Uint16Array | Uint32Array;

/**
 * One tree's votes as codes: 0 is no vote (a row its bootstrap drew), c ≥ 1 is class c−1
 * (classification) or values[c−1] (regression: the tree's distinct leaf values, in first-seen order).
 * One byte a row for up to 255 classes, where the predictions as doubles take eight.
 */
export interface TreeVoteCodes {
  values: Float64Array | undefined;
  oob: Codes | undefined;
  predicted: Codes;
}

function codesFor(symbols: number, n: number): Codes {
  return symbols < 256 ? new Uint8Array(n) : symbols < 65536 ? new Uint16Array(n) : new Uint32Array(n);
}

/** A tree's out-of-bag and predicted votes (treeOutOfBag, treePredictions) as codes. */
export function voteCodes(task: 'classification' | 'regression', classes: number, oob: Float64Array | undefined, predicted: Float64Array): TreeVoteCodes {
  if (task === 'classification') {
    const encode = (p: Float64Array) => {
      const out = codesFor(classes + 1, p.length);
      for (let i = 0; i < p.length; i++) out[i] = p[i] === p[i] ? p[i]! + 1 : 0;
      return out;
    };
    return { values: undefined, oob: oob && encode(oob), predicted: encode(predicted) };
  }
  const code = new Map<number, number>();
  const table: number[] = [];
  const index = (p: Float64Array, out: Uint32Array) => {
    for (let i = 0; i < p.length; i++) {
      const v = p[i]!;
      if (v !== v) continue;
      let c = code.get(v);
      if (c === undefined) code.set(v, (c = table.push(v)));
      out[i] = c;
    }
  };
  const wide = { oob: oob && new Uint32Array(oob.length), predicted: new Uint32Array(predicted.length) };
  if (oob && wide.oob) index(oob, wide.oob);
  index(predicted, wide.predicted);
  const narrow = (w: Uint32Array) => {
    const out = codesFor(table.length + 1, w.length);
    out.set(w);
    return out;
  };
  return { values: Float64Array.from(table), oob: wide.oob && narrow(wide.oob), predicted: narrow(wide.predicted) };
}

/** Rows per block of TreeVotes.addCodes: a block's counts (about 20 bytes a row for two classes) fit in L2. */
const VOTE_BLOCK = 8192;

/**
 * The trees' votes (or sums) per row, added tree by tree in index order, so that each row's votes
 * (the running maximum of ml-array-mode) and sums come in tree order, whatever thread made them: the
 * predictions are predictCompiled's, and the out-of-bag score is the row-by-row walk's (a tree's NaN
 * for a row it drew is no vote).
 */
export class TreeVotes {
  private readonly seen: Int32Array;
  private readonly counts: Int32Array | undefined;
  private readonly best: Int32Array;
  private readonly bestCount: Int32Array;
  private readonly sum: Float64Array | undefined;
  private readonly K: number;

  constructor(task: 'classification' | 'regression', classes: number, n: number) {
    this.K = classes;
    this.seen = new Int32Array(n);
    this.counts = task === 'classification' ? new Int32Array(n * classes) : undefined;
    this.best = new Int32Array(n);
    this.bestCount = new Int32Array(n);
    this.sum = task === 'regression' ? new Float64Array(n) : undefined;
  }

  /** The next tree's predictions (treePredictions, or treeOutOfBag). */
  add(predictions: Float64Array): void {
    for (let i = 0; i < predictions.length; i++) {
      const v = predictions[i]!;
      if (v === v) this.vote(i, v);
    }
  }

  /**
   * The next trees' votes as codes (voteCodes: 0 no vote, c the class c−1 or values[c−1]),
   * as train's threads and shards send them, in tree order. The rows are taken a block at a time, all
   * the trees on each block: each row still gets its votes in tree order, and the block's counts stay
   * in the cache instead of being streamed from memory once per tree. Returns the first code found
   * past its tree's classes or values (only a damaged shard has one), or undefined.
   */
  addCodes(trees: readonly { codes: ArrayLike<number>; values: Float64Array | undefined }[]): { tree: number; row: number; code: number } | undefined {
    const n = this.seen.length;
    for (let start = 0; start < n; start += VOTE_BLOCK) {
      const end = Math.min(n, start + VOTE_BLOCK);
      for (let t = 0; t < trees.length; t++) {
        const { codes, values } = trees[t]!;
        const bad = values ? this.addValueBlock(codes, values, start, end) : this.addClassBlock(codes, start, end);
        if (bad >= 0) return { tree: t, row: bad, code: codes[bad]! };
      }
    }
    return undefined;
  }

  // The two loops of addCodes, each with vote()'s rule written out: they run once per row and tree
  // (200 million times in a merge of 200 trees of a million rows), where the call and its branches
  // on the task cost more than the vote. Each returns the row of a code out of range, or -1.
  private addClassBlock(codes: ArrayLike<number>, start: number, end: number): number {
    const { best, bestCount, K } = this;
    const counts = present(this.counts, 'class counts');
    for (let i = start; i < end; i++) {
      const c = codes[i]!;
      if (c === 0) continue;
      if (c > K) return i;
      const m = ++counts[i * K + c - 1]!;
      if (m > bestCount[i]!) {
        bestCount[i] = m;
        best[i] = c - 1;
      }
    }
    return -1;
  }

  private addValueBlock(codes: ArrayLike<number>, values: Float64Array, start: number, end: number): number {
    const { seen } = this;
    const sum = present(this.sum, 'sums of votes');
    const top = values.length;
    for (let i = start; i < end; i++) {
      const c = codes[i]!;
      if (c === 0) continue;
      if (c > top) return i;
      seen[i]!++;
      sum[i]! += values[c - 1]!;
    }
    return -1;
  }

  /** Row i's vote v (a class or a value), for add(); addCodes's loops write the same rule out. */
  private vote(i: number, v: number): void {
    const counts = this.counts;
    if (counts) {
      const m = ++counts[i * this.K + v]!;
      if (m > this.bestCount[i]!) {
        this.bestCount[i] = m;
        this.best[i] = v;
      }
    } else {
      this.seen[i]!++;
      present(this.sum, 'sums of votes')[i]! += v;
    }
  }

  /** The votes each row got. A classification's are its counts' sum, not kept apart: one store less per vote. */
  private seenVotes(): Int32Array {
    const { seen, counts, K } = this;
    if (counts) {
      for (let i = 0; i < seen.length; i++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += counts[i * K + k]!;
        seen[i] = s;
      }
    }
    return seen;
  }

  /** As predictCompiled gives them, once every tree has voted on every row. */
  predictions(): CompiledPredictions {
    const { counts, best, sum, K } = this;
    const seen = this.seenVotes();
    const n = seen.length;
    const yPred = new Float64Array(n);
    if (!counts) {
      const sums = present(sum, 'sums of votes');
      for (let i = 0; i < n; i++) yPred[i] = sums[i]! / seen[i]!;
      return { yPred, shares: null };
    }
    const shares = new Float64Array(n * K);
    for (let i = 0; i < n; i++) {
      yPred[i] = best[i]!;
      for (let k = 0; k < K; k++) shares[i * K + k] = counts[i * K + k]! / seen[i]!;
    }
    return { yPred, shares };
  }

  /** The out-of-bag score (accuracy, or R² for regression) over the rows some tree did not see. */
  score(data: Pick<TrainingData, 'yClass' | 'yValue'>): number {
    const { counts, best, sum } = this;
    const seen = this.seenVotes();
    let scored = 0;
    let correct = 0;
    let sse = 0;
    const ys: number[] = [];
    const yClass = counts ? present(data.yClass, 'class indices') : undefined;
    const regression = counts ? undefined : { sums: present(sum, 'sums of votes'), y: present(data.yValue, 'targets') };
    for (let i = 0; i < seen.length; i++) {
      if (seen[i] === 0) continue;
      scored++;
      if (yClass) correct += best[i] === yClass[i] ? 1 : 0;
      else if (regression) {
        const y = regression.y[i]!;
        sse += (regression.sums[i]! / seen[i]! - y) ** 2;
        ys.push(y);
      }
    }
    if (scored === 0) return Number.NaN;
    if (counts) return correct / scored;
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sst = ys.reduce((a, y) => a + (y - mean) ** 2, 0);
    return sst === 0 ? Number.NaN : 1 - sse / sst;
  }
}
