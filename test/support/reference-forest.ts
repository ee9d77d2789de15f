// The row-by-row reference that the compiled forest, the package writer and reader are checked
// against: prediction and the out-of-bag score one row and one tree at a time, as ml-random-forest
// computes them, and ml-random-forest's JSON built as objects (and read back into our trees).
import { leafClass, sampleWeights, type Forest, type ForestOptions, type TrainingData } from '../../src/engine/forest/forest.ts';
import { stream } from '../../src/engine/forest/rng.ts';
import type { FlatTree } from '../../src/engine/forest/tree.ts';
import type { ModelPackage } from '../../src/engine/model/package.ts';

/** The forest JSON in a package's (plain) bytes, as stock RandomForestClassifier.load takes it. */
export function stockJSON(bytes: Uint8Array): Record<string, unknown> {
  return (JSON.parse(Buffer.from(bytes).toString('utf8')) as { forest: Record<string, unknown> }).forest;
}

export function referenceForest(pkg: ModelPackage, bytes: Uint8Array): Forest {
  const options: ForestOptions = {
    task: pkg.task,
    classes: pkg.target.classes?.length ?? 0,
    trees: pkg.params!.trees,
    maxDepth: pkg.params!.max_depth ?? Infinity,
    minSamplesLeaf: pkg.params!.min_samples_leaf,
    maxFeatures: pkg.params!.max_features as ForestOptions['maxFeatures'],
    bootstrap: pkg.params!.bootstrap,
    seed: pkg.params!.seed,
  };
  return fromMlRandomForestJSON(stockJSON(bytes), options, pkg.encoding.features.length);
}

/** The leaf a row lands in: left when value < threshold (so NaN goes right), as ml-cart does. */
export function leafOf(tree: FlatTree, row: (f: number) => number): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    node = row(tree.feature[node]!) < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return node;
}

/** ml-array-mode's rule: the class whose count first rises above the running maximum, in tree order. */
export function vote(classesOfTrees: ArrayLike<number>, classes: number): number {
  const counts = new Int32Array(classes);
  let best = 0;
  let bestCount = 0;
  for (let t = 0; t < classesOfTrees.length; t++) {
    const c = classesOfTrees[t]!;
    const n = ++counts[c]!;
    if (n > bestCount) {
      bestCount = n;
      best = c;
    }
  }
  return best;
}

/** Predictions for rows given as columns (the model's encoded features). */
export function predict(forest: Forest, columns: readonly Float64Array[]): Float64Array {
  const n = columns[0]?.length ?? 0;
  const out = new Float64Array(n);
  const { task, classes } = forest.options;
  const perTree = new Int32Array(forest.trees.length);
  for (let i = 0; i < n; i++) {
    const row = (f: number) => columns[f]![i]!;
    if (task === 'classification') {
      for (let t = 0; t < forest.trees.length; t++) perTree[t] = leafClass(forest.trees[t]!, leafOf(forest.trees[t]!, row), classes);
      out[i] = vote(perTree, classes);
    } else {
      let sum = 0;
      for (const tree of forest.trees) sum += tree.value[leafOf(tree, row)]!;
      out[i] = sum / forest.trees.length; // ml-array-mean: the sum in tree order, then one division
    }
  }
  return out;
}

/** Out-of-bag score: accuracy (classification) or R² (regression) over rows some tree did not see. */
export function outOfBagScore(forest: Forest, data: TrainingData): number {
  const n = data.columns[0]?.length ?? 0;
  // Each tree's bootstrap is drawn again from its own stream: the same draws as in training.
  const weights = forest.trees.map((_, k) => sampleWeights(n, forest.options.bootstrap, stream(forest.options.seed, k)));
  const { task, classes } = forest.options;
  let scored = 0;
  let correct = 0;
  let sse = 0;
  const ys: number[] = [];
  const preds: number[] = [];
  const votes: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = (f: number) => data.columns[f]![i]!;
    votes.length = 0;
    let sum = 0;
    for (let t = 0; t < forest.trees.length; t++) {
      if (weights[t]![i]! > 0) continue;
      const tree = forest.trees[t]!;
      const leaf = leafOf(tree, row);
      if (task === 'classification') votes.push(leafClass(tree, leaf, classes));
      else {
        votes.push(0);
        sum += tree.value[leaf]!;
      }
    }
    if (votes.length === 0) continue;
    scored++;
    if (task === 'classification') correct += vote(votes, classes) === data.yClass![i] ? 1 : 0;
    else {
      const p = sum / votes.length;
      sse += (p - data.yValue![i]!) ** 2;
      ys.push(data.yValue![i]!);
      preds.push(p);
    }
  }
  if (scored === 0) return Number.NaN;
  if (task === 'classification') return correct / scored;
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sst = ys.reduce((a, y) => a + (y - mean) ** 2, 0);
  return sst === 0 ? Number.NaN : 1 - sse / sst;
}

interface MlNode {
  splitValue?: number;
  splitColumn?: number;
  gain?: number;
  left?: MlNode;
  right?: MlNode;
  distribution?: number[][] | number;
}

/**
 * A node as ml-cart's TreeNode.setNodeParameters reads it, and no more: a split's gain is not read
 * for prediction (importances are in the package), and a leaf's distribution only decides by its
 * first largest entry (maxRowIndex), so trailing zeros are left out. Both halve a 26-class forest.
 */
function toMlNode(tree: FlatTree, node: number, classes: number, classification: boolean): MlNode {
  if (tree.feature[node]! < 0) {
    if (!classification) return { distribution: tree.value[node]! };
    let end = node * classes + classes;
    while (end > node * classes + 1 && tree.value[end - 1] === 0) end--;
    return { distribution: [Array.from(tree.value.subarray(node * classes, end))] };
  }
  return {
    splitValue: tree.threshold[node]!,
    splitColumn: tree.feature[node]!,
    left: toMlNode(tree, tree.left[node]!, classes, classification),
    right: toMlNode(tree, tree.right[node]!, classes, classification),
  };
}

/**
 * ml-random-forest's JSON (RFClassifier / RFRegression). Every tree sees every column (indexes are
 * 0..F-1): we sample features per split, as scikit-learn does, so the split columns index the full row.
 * Thresholds are always finite (see bins.ts), so the JSON round-trips exactly.
 */
export function toMlRandomForestJSON(forest: Forest): Record<string, unknown> {
  const { options } = forest;
  const classification = options.task === 'classification';
  const all = Array.from({ length: forest.features }, (_, i) => i);
  const treeOptions = { gainFunction: classification ? 'gini' : 'regression', splitFunction: 'mean', minNumSamples: options.minSamplesLeaf, maxDepth: Number.isFinite(options.maxDepth) ? options.maxDepth : null, gainThreshold: 0.01 };
  const baseModel = {
    indexes: forest.trees.map(() => all),
    n: forest.features,
    replacement: false,
    maxFeatures: forest.features,
    nEstimators: forest.trees.length,
    treeOptions,
    isClassifier: classification,
    seed: options.seed,
    useSampleBagging: options.bootstrap,
    ...(classification ? {} : { selectionMethod: 'mean' }),
    estimators: forest.trees.map((t) => ({ options: treeOptions, root: toMlNode(t, 0, options.classes, classification), name: classification ? 'DTClassifier' : 'DTRegression' })),
  };
  return classification ? { name: 'RFClassifier', baseModel } : { name: 'RFRegression', selectionMethod: 'mean', baseModel };
}

/** Rebuilds our flat trees from ml-random-forest's JSON (as written by toMlRandomForestJSON). */
export function fromMlRandomForestJSON(json: Record<string, unknown>, options: ForestOptions, features: number): Forest {
  const base = json.baseModel as { estimators: { root: MlNode }[] };
  const classification = options.task === 'classification';
  const width = classification ? options.classes : 1;
  const trees = base.estimators.map(({ root }) => {
    const nodes: MlNode[] = [];
    // Breadth-first numbering: children get consecutive numbers.
    const feature: number[] = [];
    const threshold: number[] = [];
    const left: number[] = [];
    const right: number[] = [];
    const value: number[] = [];
    const gain: number[] = [];
    nodes.push(root);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.distribution !== undefined) {
        feature.push(-1);
        threshold.push(0);
        left.push(0);
        right.push(0);
        gain.push(0);
        if (classification) {
          // Trailing zeros are left out of the JSON: pad back to one entry per class.
          const d = (node.distribution as number[][])[0]!;
          for (let k = 0; k < width; k++) value.push(d[k] ?? 0);
        } else value.push(node.distribution as number);
      } else {
        feature.push(node.splitColumn!);
        threshold.push(node.splitValue!);
        left.push(nodes.length);
        nodes.push(node.left!);
        right.push(nodes.length);
        nodes.push(node.right!);
        gain.push(node.gain ?? 0);
        for (let k = 0; k < width; k++) value.push(0);
      }
    }
    return {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
      gain: Float64Array.from(gain),
      nodes: feature.length,
    };
  });
  return { options, features, trees };
}

/** Class shares per row (row-major, K per row): the share of trees voting each class, as ml-random-forest's predictProbability. */
export function predictShares(forest: Forest, columns: readonly Float64Array[]): Float64Array {
  const n = columns[0]?.length ?? 0;
  const K = forest.options.classes;
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    const row = (f: number) => columns[f]![i]!;
    for (const tree of forest.trees) out[i * K + leafClass(tree, leafOf(tree, row), K)]! += 1;
    for (let k = 0; k < K; k++) out[i * K + k]! /= forest.trees.length;
  }
  return out;
}
