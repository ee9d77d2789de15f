// A random forest: trains trees on binned features, predicts as ml-random-forest predicts (majority
// vote of the trees' leaf classes, or the mean of their leaf values), and writes ml-random-forest's
// JSON so that its stock `load` gives the same predictions.
import { binFeature, type BinnedFeature } from './bins.ts';
import { stream } from './rng.ts';
import { growTree, type FlatTree, type TreeParams } from './tree.ts';

export interface ForestOptions {
  task: 'classification' | 'regression';
  /** Classification: the number of classes; labels are 0..classes-1. */
  classes: number;
  trees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** 'sqrt', 'log2', a fraction in (0, 1], or a whole count. */
  maxFeatures: 'sqrt' | 'log2' | number;
  bootstrap: boolean;
  seed: number;
}

export interface Forest {
  options: ForestOptions;
  features: number;
  trees: FlatTree[];
}

export function resolveMtry(maxFeatures: ForestOptions['maxFeatures'], features: number): number {
  let m: number;
  if (maxFeatures === 'sqrt') m = Math.floor(Math.sqrt(features));
  else if (maxFeatures === 'log2') m = Math.floor(Math.log2(features));
  else if (maxFeatures > 0 && maxFeatures <= 1 && !Number.isInteger(maxFeatures)) m = Math.floor(maxFeatures * features);
  else if (maxFeatures === 1) m = features; // 1.0: all features (a fraction)
  else m = Math.floor(maxFeatures);
  return Math.min(features, Math.max(1, m));
}

/** Bootstrap counts for tree k: n draws with replacement, or every row once. */
export function sampleWeights(n: number, bootstrap: boolean, rng: () => number): Int32Array {
  const w = new Int32Array(n);
  if (!bootstrap) return w.fill(1);
  for (let i = 0; i < n; i++) w[Math.floor(rng() * n)]!++;
  return w;
}

export interface TrainingData {
  /** One Float64Array per feature, NaN for missing. */
  columns: Float64Array[];
  yClass?: Int32Array;
  yValue?: Float64Array;
}

export function binAll(columns: readonly Float64Array[]): BinnedFeature[] {
  return columns.map((c) => binFeature(c));
}

export interface Labels {
  yClass?: Int32Array | undefined;
  yValue?: Float64Array | undefined;
}

/** Trains tree k alone: its randomness comes from stream(seed, k) only. */
export function trainTree(binned: readonly BinnedFeature[], data: Labels, options: ForestOptions, k: number): { tree: FlatTree; weight: Int32Array } {
  const rng = stream(options.seed, k);
  const n = binned[0]?.bins.length ?? 0;
  const weight = sampleWeights(n, options.bootstrap, rng);
  const params: TreeParams = {
    task: options.task,
    classes: options.classes,
    maxDepth: options.maxDepth,
    minSamplesLeaf: options.minSamplesLeaf,
    mtry: resolveMtry(options.maxFeatures, binned.length),
  };
  return { tree: growTree(binned, data.yClass, data.yValue, weight, params, rng), weight };
}

/** The leaf a row lands in: left when value < threshold (so NaN goes right), as ml-cart does. */
export function leafOf(tree: FlatTree, row: (f: number) => number): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    node = row(tree.feature[node]!) < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return node;
}

/** The class a tree predicts at a leaf: the first class with the largest share (ml-matrix's maxRowIndex). */
export function leafClass(tree: FlatTree, leaf: number, classes: number): number {
  const o = leaf * classes;
  let best = 0;
  for (let k = 1; k < classes; k++) if (tree.value[o + k]! > tree.value[o + best]!) best = k;
  return best;
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

/** Impurity importances, normalised to sum to 1 (scikit-learn's feature_importances_). */
export function importances(forest: Forest): Float64Array {
  const total = new Float64Array(forest.features);
  for (const tree of forest.trees) {
    const perTree = new Float64Array(forest.features);
    for (let node = 0; node < tree.nodes; node++) if (tree.feature[node]! >= 0) perTree[tree.feature[node]!]! += tree.gain[node]!;
    const s = perTree.reduce((a, b) => a + b, 0);
    if (s > 0) for (let f = 0; f < forest.features; f++) total[f]! += perTree[f]! / s;
  }
  const s = total.reduce((a, b) => a + b, 0);
  if (s > 0) for (let f = 0; f < forest.features; f++) total[f]! /= s;
  return total;
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
