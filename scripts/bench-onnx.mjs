// `npm run bench -- onnx`: the ONNX runtimes the suite could carry, measured on the models it would run:
// a scikit-learn logistic regression of LetterRecognition's shape (20,000 rows, 16 features, 26
// classes; scripts/trainers/logistic-regression.py, skipped without python3-sklearn and python3-onnx)
// and the suite's own 100-tree letter forest exported by `mlops export-onnx`. Each runtime runs in a
// process of its own (bench-onnx-worker.mjs): cold start, rows a second in one batch, single-row
// latency; beside them the bytes each runtime adds to what the suite ships, and the suite's own
// forest (predict's engine) on the same rows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repo, step } from './bench-scale.mjs';
import { letterCsv } from './lib/synthetic.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(tmpdir(), 'mlops-bench-onnx');

function bytesUnder(dir, keep = () => true) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += bytesUnder(p, keep);
    else if (keep(p)) total += statSync(p).size;
  }
  return total;
}

function worker(runtime, model, data, layout) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench-onnx-worker.mjs'), runtime, model, data, layout], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${runtime} on ${path.basename(model)}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function logisticRegression(csv, out) {
  if (spawnSync('/usr/bin/python3', ['-c', 'import sklearn, onnx, pandas'], { stdio: 'ignore' }).status !== 0) return undefined;
  const features = JSON.stringify(Array.from({ length: 16 }, (_, i) => `x${i}`));
  const r = spawnSync('/usr/bin/python3', [path.join(root, 'scripts/trainers/logistic-regression.py')], { encoding: 'utf8', env: { ...process.env, MLOPS_TRAIN_DATA: csv, MLOPS_TARGET: 'letter', MLOPS_FEATURES: features, MLOPS_SEED: '1', MLOPS_OUTPUT: out } });
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

/** The suite's own forest on the same rows: predict's engine, in this process, median of 5. */
async function suiteForest(pkgFile, csv) {
  const { loadModel } = await import('../src/engine/model/package.ts');
  const { readCsv } = await import('../src/engine/data/csv-reader.ts');
  const { applyEncoding } = await import('../src/engine/features/encode.ts');
  const { predictCompiled } = await import('../src/engine/forest/compiled.ts');
  const { inputTypes } = await import('../src/engine/serving/batch-predict.ts');
  const { pkg } = await loadModel(pkgFile);
  const table = await readCsv([{ path: csv, name: 'letter.csv' }], { missing: [''], declared: inputTypes(pkg) });
  const columns = applyEncoding(table, pkg.encoding);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    predictCompiled(pkg.forest, columns);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return table.rowCount / (times[2] / 1000);
}

export async function benchOnnx() {
  mkdirSync(work, { recursive: true });
  const csv = path.join(work, 'letter-20000x16x26.csv');
  if (!existsSync(csv)) await letterCsv(csv);
  const dir = repo('onnx-letter', csv, (data) => `name: letter\ntask: classification\ntarget: letter\ndata:\n  train: ${data}\nmodel:\n  trees: 100\n`);
  for (const args of [['train', '--pipeline', 'pipelines/onnx-letter.yml', '--output', 'out/forest.json'], ['export-onnx', '--model', 'out/forest.json', '--output', 'out/forest.onnx']]) {
    const r = step(dir, args);
    if (r.code !== 0) throw new Error(`mlops ${args[0]}: ${r.stderr}`);
  }
  const models = [['letter forest, 100 trees (export-onnx)', path.join(dir, 'out/forest.onnx'), 'columns']];
  const lr = logisticRegression(csv, path.join(work, 'letter-lr.onnx'));
  if (lr) models.unshift(['letter logistic regression (scikit-learn)', lr, 'matrix']);
  else console.log('(scikit-learn or onnx is not installed for /usr/bin/python3: apt-get install python3-sklearn python3-onnx adds the logistic regression)');

  const nm = path.join(root, 'node_modules');
  const nodeAll = bytesUnder(path.join(nm, 'onnxruntime-node'));
  const nodeLinux = bytesUnder(path.join(nm, 'onnxruntime-node/bin/napi-v6/linux/x64'));
  const webWasm = statSync(path.join(nm, 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm')).size;
  const webJs = statSync(path.join(nm, 'onnxruntime-web/dist/ort.node.min.mjs')).size;
  console.log('\n## ONNX runtimes (onnxruntime-node and onnxruntime-web 1.30, Node', process.version, ')');
  console.log(`What each adds to what is shipped: onnxruntime-node ${(nodeAll / 1e6).toFixed(0)} MB installed, of it ${(nodeLinux / 1e6).toFixed(1)} MB for linux x64 alone (a native binary per platform); onnxruntime-web ${((webWasm + webJs) / 1e6).toFixed(1)} MB (the WebAssembly file and its JavaScript), the same on every platform.`);
  console.log('| model | runtime | cold start ms | batch rows/s | single row p50 µs | p99 µs |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const [name, model, layout] of models) {
    for (const runtime of ['node', 'node-1', 'web']) {
      const r = worker(runtime, model, csv, layout);
      const label = runtime === 'node' ? 'onnxruntime-node (default threads)' : runtime === 'node-1' ? 'onnxruntime-node (1 thread)' : 'onnxruntime-web (WebAssembly)';
      console.log(`| ${name} | ${label} | ${r.coldMs.toFixed(0)} | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${r.singleP50Us.toFixed(0)} | ${r.singleP99Us.toFixed(0)} |`);
    }
  }
  const own = await suiteForest(path.join(dir, 'out/forest.json'), csv);
  console.log(`The suite's own forest (predict's engine, no ONNX) on the same 20,000 rows: ${Math.round(own).toLocaleString('en-US')} rows/s.`);
  console.log(`ONNX file sizes: ${models.map(([name, model]) => `${name} ${(statSync(model).size / 1e3).toFixed(0)} kB`).join('; ')}.`);
}
