// One training run in a fresh process (so that its peak RSS is its own). Prints one JSON line.
// Usage: bench-train-worker.mjs <mlops|stock> <file.csv> <target> <trees> [seed]
import { RandomForestClassifier } from 'ml-random-forest';
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { compileForest, predictCompiled } from '../src/engine/forest/compiled.ts';
import { trainForest } from '../src/engine/forest/pool.ts';

const [lib, file, target, treesArg, seedArg] = process.argv.slice(2);
const trees = Number(treesArg);
const seed = Number(seedArg ?? 42);
const table = await readCsv([{ path: file, name: file }], { missing: [''] });
const features = table.columns.filter((c) => c.name !== target).map((c) => c.values);
const label = table.columns.find((c) => c.name === target);
const y = label.kind === 'numeric' ? Int32Array.from(label.values) : Int32Array.from(label.codes);
const classes = Math.max(...y) + 1;
// The same split for every library: every fifth row is a test row.
const isTest = (i) => i % 5 === 0;
const take = (a, test) => a.filter((_, i) => isTest(i) === test);
const train = { columns: features.map((c) => take(c, false)), yClass: take(y, false) };
const test = { columns: features.map((c) => take(c, true)), y: take(y, true) };
const t0 = performance.now();
let predictions;
let seconds;
if (lib === 'mlops') {
  const forest = await trainForest(train, { task: 'classification', classes, trees, maxDepth: Infinity, minSamplesLeaf: 1, maxFeatures: 'sqrt', bootstrap: true, seed });
  seconds = (performance.now() - t0) / 1000;
  predictions = Array.from(predictCompiled(compileForest(forest), test.columns).yPred);
} else {
  const rows = Array.from({ length: train.yClass.length }, (_, i) => train.columns.map((c) => c[i]));
  // Stock defaults but the tree count; noOOB avoids its crash with few trees.
  const rf = new RandomForestClassifier({ nEstimators: trees, seed, noOOB: true });
  rf.train(rows, Array.from(train.yClass));
  seconds = (performance.now() - t0) / 1000;
  predictions = rf.predict(Array.from({ length: test.y.length }, (_, i) => test.columns.map((c) => c[i])));
}
const accuracy = predictions.filter((p, i) => p === test.y[i]).length / test.y.length;
console.log(JSON.stringify({ lib, trees, seconds, accuracy, maxRss: process.resourceUsage().maxRSS * 1024 }));
