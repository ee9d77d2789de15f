import path from 'node:path';
import { RandomForestClassifier, RandomForestRegression } from 'ml-random-forest';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import type { CategoricalColumn, NumericColumn } from '../src/engine/data/table.ts';
import { binFeature } from '../src/engine/forest/bins.ts';
import { sortedPresent } from '../src/engine/data/sorted.ts';
import { importances, resolveMtry, sampleWeights, type ForestOptions, type TrainingData } from '../src/engine/forest/forest.ts';
import { outOfBagScore, predict, predictShares, toMlRandomForestJSON } from './support/reference-forest.ts';
import { compileForest, predictCompiled, treeOutOfBag, treePredictions, TreeVotes, voteCodes, type CompiledForest } from '../src/engine/forest/compiled.ts';
import { trainForest } from '../src/engine/forest/pool.ts';
import { stream } from '../src/engine/forest/rng.ts';
import { REPO_ROOT } from './support/run-action.ts';

const base: ForestOptions = { task: 'classification', classes: 2, trees: 50, maxDepth: Infinity, minSamplesLeaf: 1, maxFeatures: 'sqrt', bootstrap: true, seed: 42 };

function split<T extends Float64Array | Int32Array>(a: T, test: boolean): T {
  return a.filter((_, i) => (i % 5 === 0) === test) as T;
}

async function spambase() {
  const t = await readCsv([{ path: path.join(REPO_ROOT, 'data/spambase.csv'), name: 'spambase.csv' }], { missing: [''] });
  const columns = t.columns.slice(0, 57).map((c) => (c as NumericColumn).values);
  const y = Int32Array.from((t.columns[57] as CategoricalColumn).codes);
  return { train: { columns: columns.map((c) => split(c, false)), yClass: split(y, false) }, test: { columns: columns.map((c) => split(c, true)), y: split(y, true) } };
}

const rowsOf = (columns: Float64Array[]) => Array.from({ length: columns[0]!.length }, (_, i) => columns.map((c) => c[i]!));

/** Three classes, a missing value now and then, a categorical-like integer column. */
function synthetic(n: number, task: 'classification' | 'regression', seed = 3) {
  const rng = stream(seed, 0);
  const columns = Array.from({ length: 6 }, () => new Float64Array(n));
  const yClass = new Int32Array(n);
  const yValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < 6; f++) columns[f]![i] = f === 5 ? Math.floor(rng() * 4) : rng() * 10 - 5;
    if (rng() < 0.05) columns[1]![i] = Number.NaN;
    const s = columns[0]![i]! + 0.5 * columns[2]! [i]! * (columns[5]![i]! - 1.5);
    yClass[i] = s < -1 ? 0 : s < 2 ? 1 : 2;
    yValue[i] = s + rng() * 0.5;
  }
  return task === 'classification' ? { columns, yClass } : { columns, yValue };
}

test('Spambase: accuracy at least 0.94 with seed 42, and stock ml-random-forest predicts exactly the same', async () => {
  const { train, test } = await spambase();
  const forest = await trainForest(train, { ...base, trees: 100 }, 1);
  const ours = predict(forest, test.columns);
  const accuracy = ours.filter((p, i) => p === test.y[i]).length / test.y.length;
  expect(accuracy).toBeGreaterThanOrEqual(0.94);
  expect(outOfBagScore(forest, train)).toBeGreaterThanOrEqual(0.93);
  const stock = RandomForestClassifier.load(JSON.parse(JSON.stringify(toMlRandomForestJSON(forest))));
  expect(stock.predict(rowsOf(test.columns))).toEqual(Array.from(ours));
  const imp = importances(forest);
  expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
});

test('multi-class with missing values: stock ml-random-forest agrees, NaN going right in both', async () => {
  const data = synthetic(3000, 'classification');
  const forest = await trainForest(data, { ...base, classes: 3, trees: 30 }, 1);
  const fresh = synthetic(1000, 'classification', 9);
  const ours = predict(forest, fresh.columns);
  const stock = RandomForestClassifier.load(JSON.parse(JSON.stringify(toMlRandomForestJSON(forest))));
  expect(stock.predict(rowsOf(fresh.columns))).toEqual(Array.from(ours));
  expect(ours.filter((p, i) => p === fresh.yClass![i]).length / 1000).toBeGreaterThan(0.85);
});

test('regression: stock ml-random-forest returns the same means', async () => {
  const data = synthetic(3000, 'regression');
  const forest = await trainForest(data, { ...base, task: 'regression', classes: 0, trees: 30, maxFeatures: 1.0, minSamplesLeaf: 2 }, 1);
  const fresh = synthetic(500, 'regression', 11);
  const ours = predict(forest, fresh.columns);
  const stock = RandomForestRegression.load(JSON.parse(JSON.stringify(toMlRandomForestJSON(forest))));
  expect(stock.predict(rowsOf(fresh.columns))).toEqual(Array.from(ours));
  expect(outOfBagScore(forest, data)).toBeGreaterThan(0.8);
});

test('the same seed gives a byte-identical model with 1 thread or 2, another seed does not', async () => {
  const { train } = await spambase();
  const json = async (threads: number, seed = 42) => JSON.stringify(toMlRandomForestJSON(await trainForest(train, { ...base, trees: 12, seed }, threads)));
  const one = await json(1);
  expect(await json(2)).toBe(one);
  expect(await json(3)).toBe(one);
  expect(await json(1, 7)).not.toBe(one);
});

test('sortedPresent (a radix sort) orders doubles exactly as Float64Array#sort: -0 before +0, subnormals, infinities, NaN dropped', () => {
  const rng = stream(9, 2);
  const special = [0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Infinity, -Infinity, Number.NaN, 1e308, -1e308, 2, 2, -0];
  for (const n of [10, 600, 20000]) {
    const values = Float64Array.from({ length: n }, (_, i) => (i < special.length ? special[i]! : (rng() - 0.5) * 10 ** Math.floor(rng() * 40 - 20)));
    const got = sortedPresent(values);
    const want = values.filter((v) => !Number.isNaN(v)).sort();
    expect(got.length).toBe(want.length);
    expect(Array.from(got).every((v, i) => Object.is(v, want[i]))).toBe(true);
  }
});

test('bins: a value goes left of a threshold exactly when its bin does', () => {
  const rng = stream(5, 1);
  for (const distinct of [3, 200, 5000]) {
    const values = Float64Array.from({ length: 20000 }, () => (rng() < 0.01 ? Number.NaN : Math.floor(rng() * distinct) / 7 + 1e-9 * Math.floor(rng() * 3)));
    const { bins, thresholds, count } = binFeature(values);
    expect(count).toBeLessThanOrEqual(255);
    let wrong = 0;
    for (let b = 0; b < count; b++) {
      expect(Number.isFinite(thresholds[b]!)).toBe(true);
      for (let i = 0; i < values.length; i++) if (values[i]! < thresholds[b]! !== bins[i]! <= b) wrong++;
    }
    expect(wrong).toBe(0);
  }
});

test('max_features: sqrt, log2, a fraction, a count', () => {
  expect(resolveMtry('sqrt', 57)).toBe(7);
  expect(resolveMtry('log2', 57)).toBe(5);
  expect(resolveMtry(0.5, 20)).toBe(10);
  expect(resolveMtry(1, 20)).toBe(20);
  expect(resolveMtry(3, 20)).toBe(3);
  expect(resolveMtry(100, 20)).toBe(20);
});

test('compiled from the trees: the same votes, shares and means as the row-by-row reference; the JSON is the smallest stock loads', async () => {
  const data = synthetic(2000, 'classification');
  const forest = await trainForest(data, { ...base, classes: 3, trees: 20 }, 1);
  const json = JSON.stringify(toMlRandomForestJSON(forest));
  // No gain, and leaves without their trailing zeros.
  expect(json).not.toContain('"gain"');
  expect(json).toMatch(/"distribution":\[\[1\]\]/);
  const fresh = synthetic(700, 'classification', 5);
  const compiled = predictCompiled(compileForest(forest), fresh.columns);
  expect(Array.from(compiled.yPred)).toEqual(Array.from(predict(forest, fresh.columns)));
  expect(Array.from(compiled.shares!)).toEqual(Array.from(predictShares(forest, fresh.columns)));
  // Renumbered in preorder: a split's left child is the next node.
  for (const t of compileForest(forest).trees) for (let node = 0; node < t.feature.length; node++) if (t.feature[node]! >= 0) expect(t.right[node]).toBeGreaterThan(node + 1);
  const reg = await trainForest(synthetic(1500, 'regression'), { ...base, task: 'regression', classes: 0, trees: 10, maxFeatures: 1.0 }, 1);
  const regFresh = synthetic(300, 'regression', 8);
  expect(Array.from(predictCompiled(compileForest(reg), regFresh.columns).yPred)).toEqual(Array.from(predict(reg, regFresh.columns)));
});

/** The out-of-bag score as train gathers it: each tree's bootstrap drawn again from its own stream, votes in tree order. */
function outOfBagScoreCompiled(c: CompiledForest, data: TrainingData, seed: number, bootstrap: boolean): number {
  const n = data.columns[0]?.length ?? 0;
  const votes = new TreeVotes(c.task, c.classes, n);
  c.trees.forEach((tree, t) => votes.add(treeOutOfBag(tree, data.columns, sampleWeights(n, bootstrap, stream(seed, t)))));
  return votes.score(data);
}

test('the out-of-bag score through the compiled forest, tree by tree, is exactly outOfBagScore\'s', async () => {
  const cls = synthetic(2500, 'classification');
  const f1 = await trainForest(cls, { ...base, classes: 3, trees: 25 }, 1);
  expect(outOfBagScoreCompiled(compileForest(f1), cls, f1.options.seed, true)).toBe(outOfBagScore(f1, cls));
  const reg = synthetic(2000, 'regression');
  const f2 = await trainForest(reg, { ...base, task: 'regression', classes: 0, trees: 15, maxFeatures: 1.0 }, 1);
  expect(outOfBagScoreCompiled(compileForest(f2), reg, f2.options.seed, true)).toBe(outOfBagScore(f2, reg));
});

test('codes added in batches, a block of rows at a time, are the votes added tree by tree: ties, no-votes, many blocks', () => {
  const rng = stream(4, 4);
  const n = 20_000; // past two blocks of 8,192 rows
  for (const task of ['classification', 'regression'] as const) {
    const trees = Array.from({ length: 7 }, () => {
      const values = task === 'regression' ? Float64Array.from({ length: 5 }, () => rng() * 10) : undefined;
      const codes = Uint8Array.from({ length: n }, () => Math.floor(rng() * ((values?.length ?? 3) + 1)));
      return { codes, values };
    });
    const one = new TreeVotes(task, 3, n);
    for (const { codes, values } of trees) one.add(Float64Array.from(codes, (c) => (c === 0 ? Number.NaN : values ? values[c - 1]! : c - 1)));
    const batched = new TreeVotes(task, 3, n);
    expect(batched.addCodes(trees.slice(0, 3))).toBeUndefined();
    expect(batched.addCodes(trees.slice(3))).toBeUndefined();
    expect(batched.predictions()).toEqual(one.predictions());
  }
});

test('votes gathered tree by tree (as train gathers them from its threads) are the row-by-row predictions, shares and means', async () => {
  for (const task of ['classification', 'regression'] as const) {
    const data = synthetic(1500, task);
    const forest = await trainForest(data, { ...base, task, classes: task === 'classification' ? 3 : 0, trees: 12 }, 1);
    const compiled = compileForest(forest);
    const fresh = synthetic(500, task, 9);
    const votes = new TreeVotes(task, compiled.classes, 500);
    for (const t of compiled.trees) votes.add(treePredictions(t, fresh.columns));
    // As codes (train's threads and shards send them): the same votes, and so the same out-of-bag score.
    const coded = new TreeVotes(task, compiled.classes, 500);
    const oob = new TreeVotes(task, compiled.classes, 1500);
    const oobCoded = new TreeVotes(task, compiled.classes, 1500);
    compiled.trees.forEach((t, k) => {
      const out = treeOutOfBag(t, data.columns, sampleWeights(1500, true, stream(forest.options.seed, k)));
      const codes = voteCodes(task, compiled.classes, out, treePredictions(t, fresh.columns));
      expect(coded.addCodes([{ codes: codes.predicted, values: codes.values }])).toBeUndefined();
      oob.add(out);
      expect(oobCoded.addCodes([{ codes: codes.oob!, values: codes.values }])).toBeUndefined();
    });
    expect(coded.predictions()).toEqual(votes.predictions());
    expect(oobCoded.score(data)).toBe(oob.score(data));
    // A code past the classes or values is returned, not counted.
    expect(coded.addCodes([{ codes: Uint8Array.of(0, 1, 250), values: task === 'classification' ? undefined : Float64Array.of(1.5) }])).toEqual({ tree: 0, row: 2, code: 250 });
    // Against the row-by-row reference (predictCompiled itself gathers through TreeVotes).
    const gathered = votes.predictions();
    expect(Array.from(gathered.yPred)).toEqual(Array.from(predict(forest, fresh.columns)));
    if (task === 'classification') expect(Array.from(gathered.shares!)).toEqual(Array.from(predictShares(forest, fresh.columns)));
  }
});
