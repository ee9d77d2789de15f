// A random forest: trains trees on binned features. It predicts as ml-random-forest predicts (majority
// vote of the trees' leaf classes, or the mean of their leaf values) through compiled.ts, and is
// written as ml-random-forest's JSON (model/package-writer.ts) so that its stock `load` gives the same
// predictions.
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

/** The class a tree predicts at a leaf: the first class with the largest share (ml-matrix's maxRowIndex). */
export function leafClass(tree: FlatTree, leaf: number, classes: number): number {
  const o = leaf * classes;
  let best = 0;
  for (let k = 1; k < classes; k++) if (tree.value[o + k]! > tree.value[o + best]!) best = k;
  return best;
}

/** One tree's share of the impurity importances: its gains by feature, normalised to sum to 1 (or all 0). */
export function treeImportance(tree: FlatTree, features: number): Float64Array {
  const perTree = new Float64Array(features);
  for (let node = 0; node < tree.nodes; node++) if (tree.feature[node]! >= 0) perTree[tree.feature[node]!]! += tree.gain[node]!;
  const s = perTree.reduce((a, b) => a + b, 0);
  for (let f = 0; f < features; f++) perTree[f] = s > 0 ? perTree[f]! / s : 0;
  return perTree;
}

/** Impurity importances from each tree's share, added in tree order, normalised to sum to 1 (scikit-learn's feature_importances_). */
export function sumImportances(shares: readonly Float64Array[], features: number): Float64Array {
  const total = new Float64Array(features);
  for (const share of shares) for (let f = 0; f < features; f++) total[f]! += share[f]!;
  const s = total.reduce((a, b) => a + b, 0);
  if (s > 0) for (let f = 0; f < features; f++) total[f]! /= s;
  return total;
}

export function importances(forest: Forest): Float64Array {
  return sumImportances(
    forest.trees.map((t) => treeImportance(t, forest.features)),
    forest.features,
  );
}
