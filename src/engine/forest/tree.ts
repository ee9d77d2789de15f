// Grows one CART tree on binned features. The split search costs O(n) per feature per node: a
// histogram of the node's rows over the feature's bins (or, for a small node, over the bins its rows
// use), then one sweep over the bins with running class counts (or sums, for regression). Rows are
// partitioned in place, as scikit-learn does; nothing is copied per node.
import type { BinnedFeature } from './bins.ts';
import { MISSING_BIN } from './bins.ts';
import { present } from '../present.ts';

export interface TreeParams {
  task: 'classification' | 'regression';
  classes: number; // K for classification; 0 for regression
  maxDepth: number;
  minSamplesLeaf: number;
  /** Features examined per split (scikit-learn's max_features, resolved to a count). */
  mtry: number;
}

/** A tree as flat arrays; node 0 is the root. Leaves have feature -1. */
export interface FlatTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Classification: K values per node (class shares at leaves); regression: one (the mean). */
  value: Float64Array;
  /** Weighted impurity decrease at each split node (for importances). */
  gain: Float64Array;
  nodes: number;
}

class Growable {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  gain: Float64Array;
  nodes = 0;
  private readonly width: number;
  constructor(width: number, capacity: number) {
    this.width = width;
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.value = new Float64Array(capacity * width);
    this.gain = new Float64Array(capacity);
  }
  add(): number {
    if (this.nodes === this.feature.length) {
      const cap = this.nodes * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, n: number): T => {
        const b = new (a.constructor as new (n: number) => T)(n);
        b.set(a);
        return b;
      };
      this.feature = grow(this.feature, cap);
      this.threshold = grow(this.threshold, cap);
      this.left = grow(this.left, cap);
      this.right = grow(this.right, cap);
      this.value = grow(this.value, cap * this.width);
      this.gain = grow(this.gain, cap);
    }
    this.feature[this.nodes] = -1;
    return this.nodes++;
  }
  finish(): FlatTree {
    const n = this.nodes;
    return {
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      value: this.value.slice(0, n * this.width),
      gain: this.gain.slice(0, n),
      nodes: n,
    };
  }
}

/**
 * Grows a tree on the rows with a positive weight (bootstrap counts). `yClass` holds class indices for
 * classification, `yValue` the targets for regression.
 */
export function growTree(features: readonly BinnedFeature[], yClass: Int32Array | undefined, yValue: Float64Array | undefined, weight: Int32Array, params: TreeParams, rng: () => number): FlatTree {
  const classification = params.task === 'classification';
  // The target of the task, the other left empty (never read).
  const classOf = classification ? present(yClass, 'class indices') : new Int32Array(0);
  const valueOf = classification ? new Float64Array(0) : present(yValue, 'targets');
  const K = classification ? params.classes : 0;
  const width = classification ? K : 1;
  const F = features.length;
  const rows: number[] = [];
  for (let r = 0; r < weight.length; r++) if (weight[r]! > 0) rows.push(r);
  const idx = Int32Array.from(rows);
  const tree = new Growable(width, 64);

  // Scratch, allocated once per tree.
  const stride = classification ? K : 3; // regression: weight, sum, sum of squares
  const hist = new Float64Array(256 * stride);
  const used = new Uint8Array(256);
  const usedList = new Int32Array(256);
  const featureOrder = Int32Array.from({ length: F }, (_, i) => i);
  const leftCounts = new Float64Array(Math.max(K, 1));
  const totals = new Float64Array(Math.max(K, 1));

  // Nodes to split: the node, its rows idx[start, end), its depth.
  const stack: { node: number; start: number; end: number; depth: number }[] = [{ node: tree.add(), start: 0, end: idx.length, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, start, end, depth } = item;

    // Node totals and its prediction.
    let nW = 0;
    let sum = 0;
    let sumSq = 0;
    if (classification) totals.fill(0);
    for (let i = start; i < end; i++) {
      const r = idx[i]!;
      const w = weight[r]!;
      nW += w;
      if (classification) totals[classOf[r]!]! += w;
      else {
        const v = valueOf[r]!;
        sum += w * v;
        sumSq += w * v * v;
      }
    }
    let impurity: number;
    if (classification) {
      let s2 = 0;
      for (let k = 0; k < K; k++) {
        tree.value[node * width + k] = totals[k]! / nW;
        s2 += totals[k]! * totals[k]!;
      }
      impurity = 1 - s2 / (nW * nW);
    } else {
      const mean = sum / nW;
      tree.value[node] = mean;
      impurity = Math.max(0, sumSq / nW - mean * mean);
    }
    if (depth >= params.maxDepth || nW < 2 * params.minSamplesLeaf || impurity <= 1e-12) continue;

    // Search: features in random order; stop after mtry features that are not constant here.
    let bestScore = -Infinity;
    let bestFeature = -1;
    let bestBin = -1;
    let visited = 0;
    for (let j = 0; j < F && visited < params.mtry; j++) {
      const pick = j + Math.floor(rng() * (F - j));
      const f = featureOrder[pick]!;
      featureOrder[pick] = featureOrder[j]!;
      featureOrder[j] = f;
      const bins = features[f]!.bins;
      // Histogram of the node's rows over the bins they use.
      let nUsed = 0;
      for (let i = start; i < end; i++) {
        const r = idx[i]!;
        const b = bins[r]!;
        if (!used[b]) {
          used[b] = 1;
          usedList[nUsed++] = b;
          const o = b * stride;
          for (let s = 0; s < stride; s++) hist[o + s] = 0;
        }
        const w = weight[r]!;
        if (classification) hist[b * stride + classOf[r]!]! += w;
        else {
          const v = valueOf[r]!;
          const o = b * stride;
          hist[o]! += w;
          hist[o + 1]! += w * v;
          hist[o + 2]! += w * v * v;
        }
      }
      const list = usedList.subarray(0, nUsed).sort();
      for (let u = 0; u < nUsed; u++) used[list[u]!] = 0;
      // The missing bin (255) sorts last and never moves left.
      const candidates = list[nUsed - 1] === MISSING_BIN ? nUsed - 1 : nUsed;
      if (candidates <= 1 && nUsed <= 1) continue; // constant here: does not count toward mtry
      visited++;
      if (candidates < 1) continue;
      // Sweep: move bins left one at a time.
      let wL = 0;
      if (classification) {
        leftCounts.fill(0);
        let sL2 = 0;
        let sR2 = 0;
        for (let k = 0; k < K; k++) sR2 += totals[k]! * totals[k]!;
        for (let u = 0; u < candidates; u++) {
          if (u === nUsed - 1) break; // everything left: not a split
          const o = list[u]! * stride;
          for (let k = 0; k < K; k++) {
            const c = hist[o + k]!;
            if (c === 0) continue;
            const l = leftCounts[k]!;
            const rgt = totals[k]! - l;
            sL2 += 2 * l * c + c * c;
            sR2 += -2 * rgt * c + c * c;
            leftCounts[k] = l + c;
            wL += c;
          }
          const wR = nW - wL;
          if (wL < params.minSamplesLeaf || wR < params.minSamplesLeaf) continue;
          // Maximising sL2/wL + sR2/wR is minimising the weighted Gini of the children.
          const score = sL2 / wL + sR2 / wR;
          if (score > bestScore + 1e-12) {
            bestScore = score;
            bestFeature = f;
            bestBin = list[u]!;
          }
        }
      } else {
        let sumL = 0;
        for (let u = 0; u < candidates; u++) {
          if (u === nUsed - 1) break;
          const o = list[u]! * stride;
          wL += hist[o]!;
          sumL += hist[o + 1]!;
          const wR = nW - wL;
          if (wL < params.minSamplesLeaf || wR < params.minSamplesLeaf) continue;
          const sumR = sum - sumL;
          // Maximising sumL²/wL + sumR²/wR is minimising the children's squared error.
          const score = (sumL * sumL) / wL + (sumR * sumR) / wR;
          if (score > bestScore + 1e-12 * Math.abs(score)) {
            bestScore = score;
            bestFeature = f;
            bestBin = list[u]!;
          }
        }
      }
    }
    if (bestFeature < 0) continue;
    // The decrease in weighted impurity that the split buys.
    const parentScore = classification ? (() => {
      let s2 = 0;
      for (let k = 0; k < K; k++) s2 += totals[k]! * totals[k]!;
      return s2 / nW;
    })() : (sum * sum) / nW;
    const decrease = bestScore - parentScore;
    if (!(decrease > 1e-12 * Math.max(1, Math.abs(parentScore)))) continue;

    // Partition rows in place: bin <= bestBin to the left.
    const bins = features[bestFeature]!.bins;
    let i = start;
    let k = end - 1;
    while (i <= k) {
      if (bins[idx[i]!]! <= bestBin) i++;
      else {
        const t = idx[i]!;
        idx[i] = idx[k]!;
        idx[k] = t;
        k--;
      }
    }
    const mid = i;
    const l = tree.add();
    const r = tree.add();
    tree.feature[node] = bestFeature;
    tree.threshold[node] = features[bestFeature]!.thresholds[bestBin]!;
    tree.left[node] = l;
    tree.right[node] = r;
    tree.gain[node] = decrease;
    stack.push({ node: r, start: mid, end, depth: depth + 1 });
    stack.push({ node: l, start, end: mid, depth: depth + 1 });
  }
  return tree.finish();
}
