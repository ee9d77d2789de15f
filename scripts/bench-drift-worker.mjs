// One side of the drift benchmark: reads both CSVs (not timed), then times the statistics as
// drift-report runs them. Prints one JSON line.
import { readCsv } from '../src/engine/data/csv-reader.ts';
import { categoricalSample, numericSample } from '../src/engine/drift/sample.ts';
import { binnedShares, chiSquare, jensenShannon, ks2samp, wasserstein } from '../src/engine/drift/stattests.ts';
import { stdOf } from '../src/engine/drift/sample.ts';

const [refFile, curFile] = process.argv.slice(2);
const ref = await readCsv([{ path: refFile, name: 'reference' }], { missing: [''] });
const cur = await readCsv([{ path: curFile, name: 'current' }], { missing: [''] });
const col = (t, name) => t.columns.find((c) => c.name === name);
let t = performance.now();
let ks = 0;
let wd = 0;
for (let i = 0; i < 20; i++) {
  const a = numericSample(col(ref, `n${i}`).values);
  const b = numericSample(col(cur, `n${i}`).values);
  ks += ks2samp(a, b).pValue;
  wd += wasserstein(a, b) / Math.max(stdOf(a), 0.001);
}
const numeric = (performance.now() - t) / 1000;
t = performance.now();
let chi = 0;
let js = 0;
for (let i = 0; i < 5; i++) {
  const a = col(ref, `c${i}`);
  const b = col(cur, `c${i}`);
  const sa = categoricalSample(a.levels, a.codes);
  const sb = categoricalSample(b.levels, b.codes);
  chi += chiSquare(sa, sb).pValue;
  const [p, q] = binnedShares(sa, sb, false);
  js += jensenShannon(p, q);
}
const categorical = (performance.now() - t) / 1000;
console.log(JSON.stringify({ numeric, categorical, ks, wd, chi, js }));
