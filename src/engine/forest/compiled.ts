// A forest compiled once into flat typed arrays (a structure of arrays over every node of every tree)
// for fast prediction: a row walks each tree through four arrays, with no closures and no per-tree
// objects, and a leaf holds its class (classification) or its value (regression) precomputed. The vote
// and the mean follow ml-random-forest exactly (see forest.ts), so predictions are identical.
import type { Forest, TrainingData } from './forest.ts';
import { leafClass, sampleWeights } from './forest.ts';
import { stream } from './rng.ts';

export interface CompiledForest {
  task: 'classification' | 'regression';
  classes: number;
  features: number;
  trees: number;
  /** The root node of each tree. */
  roots: Int32Array;
  /** Per node: the split feature, or -1 at a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Per node: at a leaf, its class (classification) or value (regression). */
  leaf: Float64Array;
}

export function compileForest(forest: Forest): CompiledForest {
  const total = forest.trees.reduce((n, t) => n + t.nodes, 0);
  const c: CompiledForest = {
    task: forest.options.task,
    classes: forest.options.classes,
    features: forest.features,
    trees: forest.trees.length,
    roots: new Int32Array(forest.trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    leaf: new Float64Array(total),
  };
  let offset = 0;
  forest.trees.forEach((t, k) => {
    c.roots[k] = offset;
    for (let node = 0; node < t.nodes; node++) {
      const at = offset + node;
      c.feature[at] = t.feature[node]!;
      c.threshold[at] = t.threshold[node]!;
      const isLeaf = t.feature[node]! < 0;
      // A leaf has no children: -1, whichever way the forest was built.
      c.left[at] = isLeaf ? -1 : offset + t.left[node]!;
      c.right[at] = isLeaf ? -1 : offset + t.right[node]!;
      if (isLeaf) c.leaf[at] = c.task === 'classification' ? leafClass(t, node, c.classes) : t.value[node]!;
    }
    offset += t.nodes;
  });
  return c;
}

export interface CompiledPredictions {
  /** Class index or value per row. */
  yPred: Float64Array;
  /** Classification: K vote shares per row (row-major); null for regression. */
  shares: Float64Array | null;
}

/**
 * Predictions for rows given as feature columns (one Float64Array per encoded feature). Tree by tree
 * over all rows, so that one tree's nodes stay in the cache while every row walks it; the votes are
 * counted in tree order, so the running maximum (ml-array-mode's rule) is the same as row by row.
 */
export function predictCompiled(c: CompiledForest, columns: readonly Float64Array[]): CompiledPredictions {
  const n = columns[0]?.length ?? 0;
  const yPred = new Float64Array(n);
  const { roots, feature, threshold, left, right, leaf } = c;
  const walk = (t: number, i: number): number => {
    let node = roots[t]!;
    while (feature[node]! >= 0) node = columns[feature[node]!]![i]! < threshold[node]! ? left[node]! : right[node]!;
    return leaf[node]!;
  };
  if (c.task === 'regression') {
    // ml-array-mean: the sum in tree order, then one division.
    const sum = new Float64Array(n);
    for (let t = 0; t < c.trees; t++) for (let i = 0; i < n; i++) sum[i]! += walk(t, i);
    for (let i = 0; i < n; i++) yPred[i] = sum[i]! / c.trees;
    return { yPred, shares: null };
  }
  const K = c.classes;
  const counts = new Int32Array(n * K);
  const bestCount = new Int32Array(n);
  for (let t = 0; t < c.trees; t++) {
    for (let i = 0; i < n; i++) {
      const k = walk(t, i);
      // ml-array-mode: the class whose count first rises above the running maximum, in tree order.
      const m = ++counts[i * K + k]!;
      if (m > bestCount[i]!) {
        bestCount[i] = m;
        yPred[i] = k;
      }
    }
  }
  const shares = new Float64Array(n * K);
  for (let j = 0; j < n * K; j++) shares[j] = counts[j]! / c.trees;
  return { yPred, shares };
}

interface JsonNode {
  splitValue?: number;
  splitColumn?: number;
  left?: JsonNode;
  right?: JsonNode;
  distribution?: number[][] | number;
}

/**
 * Compiles ml-random-forest's JSON (a package's `forest`) straight into the flat arrays, without the
 * per-tree objects fromMlRandomForestJSON builds: evaluate, compare, drift-report and serve load a
 * model this way. Node order is breadth-first per tree, as fromMlRandomForestJSON numbers them, so
 * compileForest(fromMlRandomForestJSON(...)) gives the same arrays.
 */
export function compileForestJSON(json: Record<string, unknown>, task: 'classification' | 'regression', classes: number, features: number): CompiledForest {
  const estimators = (json.baseModel as { estimators: { root: JsonNode }[] }).estimators;
  let total = 0;
  for (const { root } of estimators) {
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      total++;
      if (n.distribution === undefined) stack.push(n.left!, n.right!);
    }
  }
  const c: CompiledForest = { task, classes, features, trees: estimators.length, roots: new Int32Array(estimators.length), feature: new Int32Array(total), threshold: new Float64Array(total), left: new Int32Array(total), right: new Int32Array(total), leaf: new Float64Array(total) };
  let next = 0;
  estimators.forEach(({ root }, t) => {
    c.roots[t] = next;
    const queue: JsonNode[] = [root];
    let at = next++;
    for (let q = 0; q < queue.length; q++, at++) {
      const n = queue[q]!;
      if (n.distribution !== undefined) {
        c.feature[at] = -1;
        c.left[at] = -1;
        c.right[at] = -1;
        if (task === 'classification') {
          // The first largest share (ml-matrix's maxRowIndex); trailing zeros may be left out.
          const d = (n.distribution as number[][])[0]!;
          let best = 0;
          for (let k = 1; k < d.length; k++) if (d[k]! > d[best]!) best = k;
          c.leaf[at] = best;
        } else c.leaf[at] = n.distribution as number;
        continue;
      }
      c.feature[at] = n.splitColumn!;
      c.threshold[at] = n.splitValue!;
      c.left[at] = next++;
      c.right[at] = next++;
      queue.push(n.left!, n.right!);
    }
  });
  return c;
}

/**
 * The out-of-bag score (accuracy, or R² for regression) over the rows some tree did not see, as
 * outOfBagScore computes it, through the compiled arrays tree by tree: each row's votes still come in
 * tree order (the vote and the sum are those of the row-by-row walk), and each tree's bootstrap is
 * drawn again from its own stream, one tree at a time (no array of every tree's weights).
 */
export function outOfBagScoreCompiled(c: CompiledForest, data: TrainingData, seed: number, bootstrap: boolean): number {
  const n = data.columns[0]?.length ?? 0;
  const columns = data.columns;
  const { roots, feature, threshold, left, right, leaf } = c;
  const K = c.classes;
  const seen = new Int32Array(n);
  const counts = c.task === 'classification' ? new Int32Array(n * K) : undefined;
  const best = new Int32Array(n);
  const bestCount = new Int32Array(n);
  const sum = c.task === 'regression' ? new Float64Array(n) : undefined;
  for (let t = 0; t < c.trees; t++) {
    const weight = sampleWeights(n, bootstrap, stream(seed, t));
    for (let i = 0; i < n; i++) {
      if (weight[i]! > 0) continue;
      let node = roots[t]!;
      while (feature[node]! >= 0) node = columns[feature[node]!]![i]! < threshold[node]! ? left[node]! : right[node]!;
      seen[i]!++;
      if (counts) {
        const k = leaf[node]!;
        const m = ++counts[i * K + k]!;
        if (m > bestCount[i]!) {
          bestCount[i] = m;
          best[i] = k;
        }
      } else sum![i]! += leaf[node]!;
    }
  }
  let scored = 0;
  let correct = 0;
  let sse = 0;
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    if (seen[i] === 0) continue;
    scored++;
    if (counts) correct += best[i] === data.yClass![i] ? 1 : 0;
    else {
      const p = sum![i]! / seen[i]!;
      sse += (p - data.yValue![i]!) ** 2;
      ys.push(data.yValue![i]!);
    }
  }
  if (scored === 0) return Number.NaN;
  if (counts) return correct / scored;
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sst = ys.reduce((a, y) => a + (y - mean) ** 2, 0);
  return sst === 0 ? Number.NaN : 1 - sse / sst;
}
