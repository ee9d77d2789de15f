// A forest compiled once into flat typed arrays (a structure of arrays over every node of every tree)
// for fast prediction: a row walks each tree through four arrays, with no closures and no per-tree
// objects, and a leaf holds its class (classification) or its value (regression) precomputed. The vote
// and the mean follow ml-random-forest exactly (see forest.ts), so predictions are identical.
import type { Forest } from './forest.ts';
import { leafClass } from './forest.ts';

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
      c.left[at] = offset + t.left[node]!;
      c.right[at] = offset + t.right[node]!;
      if (t.feature[node]! < 0) c.leaf[at] = c.task === 'classification' ? leafClass(t, node, c.classes) : t.value[node]!;
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

/** Predictions for rows given as feature columns (one Float64Array per encoded feature). */
export function predictCompiled(c: CompiledForest, columns: readonly Float64Array[]): CompiledPredictions {
  const n = columns[0]?.length ?? 0;
  const yPred = new Float64Array(n);
  const shares = c.task === 'classification' ? new Float64Array(n * c.classes) : null;
  const row = new Float64Array(c.features);
  const counts = new Int32Array(c.classes);
  const { roots, feature, threshold, left, right, leaf } = c;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < c.features; f++) row[f] = columns[f]![i]!;
    if (shares) {
      // ml-array-mode: the class whose count first rises above the running maximum, in tree order.
      counts.fill(0);
      let best = 0;
      let bestCount = 0;
      for (let t = 0; t < c.trees; t++) {
        let node = roots[t]!;
        while (feature[node]! >= 0) node = row[feature[node]!]! < threshold[node]! ? left[node]! : right[node]!;
        const k = leaf[node]!;
        const m = ++counts[k]!;
        if (m > bestCount) {
          bestCount = m;
          best = k;
        }
      }
      yPred[i] = best;
      for (let k = 0; k < c.classes; k++) shares[i * c.classes + k] = counts[k]! / c.trees;
    } else {
      let sum = 0;
      for (let t = 0; t < c.trees; t++) {
        let node = roots[t]!;
        while (feature[node]! >= 0) node = row[feature[node]!]! < threshold[node]! ? left[node]! : right[node]!;
        sum += leaf[node]!;
      }
      yPred[i] = sum / c.trees;
    }
  }
  return { yPred, shares };
}
