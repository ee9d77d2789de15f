// One runtime on one model, in a fresh process: `node bench-onnx-worker.mjs node|node-1|web model.onnx
// data.csv inputs`, inputs being "matrix" (one [N, F] double input named X) or "columns" (one [N, 1]
// double input per column). Prints JSON: cold start (process start to the first prediction), batch
// rows a second, single-row latency.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [which, modelFile, dataFile, layout] = process.argv.slice(2);
const ort = which === 'web' ? await import('onnxruntime-web') : await import('onnxruntime-node');
const options = which === 'node-1' ? { intraOpNumThreads: 1, interOpNumThreads: 1 } : {};
const session = await ort.InferenceSession.create(readFileSync(modelFile), options);

const [header, ...lines] = readFileSync(dataFile, 'utf8').trimEnd().split('\n');
const names = header.split(',').slice(0, -1);
const F = names.length;
const X = new Float64Array(lines.length * F);
lines.forEach((l, r) => l.split(',').slice(0, F).forEach((v, f) => (X[r * F + f] = Number(v))));

function feeds(start, count) {
  if (layout === 'matrix') return { X: new ort.Tensor('float64', X.slice(start * F, (start + count) * F), [count, F]) };
  const out = {};
  names.forEach((name, f) => {
    const col = new Float64Array(count);
    for (let i = 0; i < count; i++) col[i] = X[(start + i) * F + f];
    out[name] = new ort.Tensor('float64', col, [count, 1]);
  });
  return out;
}

await session.run(feeds(0, 1));
const coldMs = performance.now();

const n = lines.length;
const all = feeds(0, n);
const batch = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await session.run(all);
  batch.push(performance.now() - t);
}
batch.sort((a, b) => a - b);

const single = [];
const one = Array.from({ length: 200 }, (_, i) => feeds(i, 1));
for (let i = 0; i < 3000; i++) {
  const t = performance.now();
  await session.run(one[i % one.length]);
  single.push(performance.now() - t);
}
single.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ coldMs, rowsPerSecond: n / (batch[2] / 1000), singleP50Us: single[1500] * 1000, singleP99Us: single[2970] * 1000 })}\n`);
