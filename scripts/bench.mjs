// Benchmarks: `npm run bench` runs them all, `npm run bench -- csv` (or bundles, train, drift, serve, serve-onnx, http, scale, soak, predict, onnx, site, parquet) one. Every figure is
// printed beside a baseline measured in the same run, on the same files; nothing here is a test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/engine/forest/rng.ts';
import { writeCsvStream } from './lib/synthetic.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(tmpdir(), 'mlops-bench');
mkdirSync(work, { recursive: true });
const RUNS = 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1e6;

/** 1,000,000 rows × 20 numeric columns, seeded, about 195 MB; written once and reused. */
function numericCsv(rows = 1_000_000, cols = 20) {
  const rnd = mulberry32(1);
  return writeCsvStream(path.join(work, `numeric-v2-${rows}x${cols}.csv`), Array.from({ length: cols }, (_, i) => `f${i}`).join(','), rows, () => {
    const cells = new Array(cols);
    for (let c = 0; c < cols; c++) cells[c] = (rnd() * 2000 - 1000).toFixed(4);
    return cells.join(',');
  });
}

function worker(parser, file) {
  const res = spawnSync(process.execPath, [path.join(here, 'bench-csv-worker.mjs'), parser, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`${parser} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop());
}

function pandasAvailable() {
  return spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;
}

function pandasRun(file) {
  const code = `import time,resource,pandas as pd\nt=time.perf_counter()\nd=pd.read_csv(${JSON.stringify(file)},engine='c')\ns=time.perf_counter()-t\nprint(s, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss*1024, len(d))`;
  const res = spawnSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' });
  const [seconds, rss, rows] = res.stdout.trim().split(' ').map(Number);
  return { seconds, maxRss: rss, rows };
}

async function benchCsv() {
  const file = await numericCsv();
  const size = statSync(file).size;
  const rows = 1_000_000;
  const columnsBytes = rows * 20 * 8;
  console.log(`\n## CSV: ${path.basename(file)}, ${mb(size).toFixed(0)} MB, ${rows.toLocaleString('en-US')} rows × 20 numbers; typed columns ${mb(columnsBytes).toFixed(0)} MB; median of ${RUNS}`);
  const results = {};
  for (const parser of ['mlops', 'papaparse']) {
    const runs = Array.from({ length: RUNS }, () => worker(parser, file));
    for (const r of runs) if (r.rows !== rows) throw new Error(`${parser} read ${r.rows} rows, not ${rows}`);
    results[parser] = { seconds: median(runs.map((r) => r.seconds)), maxRss: median(runs.map((r) => r.maxRss)), baseRss: median(runs.map((r) => r.baseRss)) };
  }
  if (pandasAvailable()) {
    const runs = Array.from({ length: RUNS }, () => pandasRun(file));
    results['pandas (C engine)'] = { seconds: median(runs.map((r) => r.seconds)), maxRss: median(runs.map((r) => r.maxRss)), baseRss: 0 };
  } else {
    console.log('(pandas is not installed for /usr/bin/python3: apt-get install python3-pandas adds it to this table)');
  }
  console.log('| reader | seconds | MB/s | peak RSS MB | RSS growth MB | growth ÷ columns |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, r] of Object.entries(results)) {
    const growth = r.maxRss - r.baseRss;
    console.log(`| ${name} | ${r.seconds.toFixed(2)} | ${(mb(size) / r.seconds).toFixed(1)} | ${mb(r.maxRss).toFixed(0)} | ${r.baseRss ? mb(growth).toFixed(0) : '-'} | ${r.baseRss ? (growth / columnsBytes).toFixed(2) : '-'} |`);
  }
  const ours = results.mlops;
  const speed = mb(size) / ours.seconds;
  console.log(`\nmlops vs papaparse: ${(results.papaparse.seconds / ours.seconds).toFixed(2)}× as fast, ${(results.papaparse.maxRss / ours.maxRss).toFixed(2)}× less peak memory`);
  if (results['pandas (C engine)']) console.log(`mlops vs pandas: ${(results['pandas (C engine)'].seconds / ours.seconds).toFixed(2)}× as fast`);
  console.log(`target ≥ 55 MB/s: ${speed.toFixed(1)} MB/s, ${speed >= 55 ? 'met' : 'MISSED'}`);
  const ratio = (ours.maxRss - ours.baseRss) / columnsBytes;
  console.log(`target memory growth < 2× the typed columns: ${ratio.toFixed(2)}×, ${ratio < 2 ? 'met' : 'MISSED'} (whole-process peak ${(ours.maxRss / columnsBytes).toFixed(2)}×)`);
}

/** The same 1M × 20 rows as Parquet (DuckDB, zstd, row groups of 122,880), written once and reused. */
async function numericParquet(csv) {
  const file = csv.replace(/\.csv$/, '.zstd.parquet');
  if (!existsSync(file)) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    await con.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
  }
  return file;
}

async function benchParquet() {
  const csv = await numericCsv();
  const parquet = await numericParquet(csv);
  const rows = 1_000_000;
  console.log(`\n## Parquet: the same ${rows.toLocaleString('en-US')} rows × 20 numbers as ${path.basename(parquet)} (${mb(statSync(parquet).size).toFixed(0)} MB) and as CSV (${mb(statSync(csv).size).toFixed(0)} MB); each read in a process of its own, median of ${RUNS}`);
  console.log('| reader | file | seconds | peak RSS MB |');
  console.log('|---|---|---:|---:|');
  const results = {};
  for (const [name, parser, file] of [['mlops (hyparquet)', 'mlops-parquet', parquet], ['mlops', 'mlops', csv], ['DuckDB, into memory', 'duckdb-parquet', parquet]]) {
    const runs = Array.from({ length: RUNS }, () => worker(parser, file));
    for (const r of runs) if (r.rows !== rows) throw new Error(`${name} read ${r.rows} rows, not ${rows}`);
    results[name] = { seconds: median(runs.map((r) => r.seconds)), maxRss: median(runs.map((r) => r.maxRss)) };
    console.log(`| ${name} | ${file === csv ? 'CSV' : 'Parquet'} | ${results[name].seconds.toFixed(2)} | ${mb(results[name].maxRss).toFixed(0)} |`);
  }
  const ours = results['mlops (hyparquet)'].seconds;
  console.log(`\nParquet vs CSV (mlops): ${(results.mlops.seconds / ours).toFixed(2)}× as fast; mlops vs DuckDB on the Parquet file: ${(ours / results['DuckDB, into memory'].seconds).toFixed(2)}× its time`);
}

async function benchBundles() {
  const { bundle } = await import('./build.mjs');
  const root = path.resolve(here, '..');
  const { STEP_SPECS } = await import('../src/steps/specs.ts');
  const { gzipSync } = await import('node:zlib');
  const { readdirSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
  const dirBytes = (dir) => readdirSync(dir).filter((f) => f.endsWith('.js')).reduce((acc, f) => { const b = readFileSync(path.join(dir, f)); return { raw: acc.raw + b.length, gz: acc.gz + gzipSync(b).length }; }, { raw: 0, gz: 0 });
  console.log(`\n## Bundle layouts: ${STEP_SPECS.length} actions`);
  const base = path.join(work, 'bundles');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  // One bundle per action: each entry imports the action front door only.
  let t0 = performance.now();
  let per = { raw: 0, gz: 0 };
  for (const spec of STEP_SPECS) {
    const entry = path.join(root, 'src', `.bench-entry-${spec.name}.ts`);
    writeFileSync(entry, `import { runAction } from './front/action.ts';\nawait runAction(${JSON.stringify(spec.name)});\n`);
    try {
      bundle(entry, path.join(base, 'per-action', spec.name));
    } finally {
      rmSync(entry);
    }
    const b = dirBytes(path.join(base, 'per-action', spec.name));
    per = { raw: per.raw + b.raw, gz: per.gz + b.gz };
  }
  const perSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  bundle(path.join(root, 'src/index.ts'), path.join(base, 'shared'));
  const sharedSeconds = (performance.now() - t0) / 1000;
  const shared = dirBytes(path.join(base, 'shared'));
  console.log('| layout | build s | bytes committed | gzipped (≈ git objects) |');
  console.log('|---|---:|---:|---:|');
  console.log(`| one bundle per action | ${perSeconds.toFixed(1)} | ${per.raw.toLocaleString('en-US')} | ${per.gz.toLocaleString('en-US')} |`);
  console.log(`| one shared bundle + ${STEP_SPECS.length} stubs (kept) | ${sharedSeconds.toFixed(1)} | ${shared.raw.toLocaleString('en-US')} | ${shared.gz.toLocaleString('en-US')} |`);
  console.log(`shared vs per action: ${(perSeconds / sharedSeconds).toFixed(1)}× faster to build, ${(per.raw / shared.raw).toFixed(1)}× smaller`);
}

/** Seeded synthetic classification data: 5 informative, 5 redundant, 10 noise features, 3% flipped labels. */
async function classificationCsv(rows) {
  const file = path.join(work, `classification-v3-${rows}x20.csv`);
  if (existsSync(file)) return file;
  const rnd = mulberry32(rows);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const lines = [`${Array.from({ length: 20 }, (_, i) => `f${i}`).join(',')},label`];
  for (let r = 0; r < rows; r++) {
    const c = rnd() < 0.5 ? 1 : 0;
    const x = new Array(20);
    for (let f = 0; f < 20; f++) x[f] = gauss() + (f < 5 ? (c ? 1 : -1) * (f + 1) * 0.06 : 0);
    for (let f = 5; f < 10; f++) x[f] += 0.8 * x[f - 5] * x[(f - 4) % 5];
    const label = rnd() < 0.03 ? 1 - c : c;
    lines.push(`${x.map((v) => v.toFixed(5)).join(',')},${label}`);
  }
  const { writeFileSync, renameSync } = await import('node:fs');
  writeFileSync(`${file}.tmp`, `${lines.join('\n')}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}

function trainWorker(lib, file, target, trees, seed = 42) {
  const res = spawnSync(process.execPath, [path.join(here, 'bench-train-worker.mjs'), lib, file, target, String(trees), String(seed)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`${lib} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop());
}

const SKLEARN = `
import sys, time, csv, resource
import numpy as np
from sklearn.ensemble import RandomForestClassifier
path, target, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, newline='') as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
t = header.index(target)
labels = sorted(set(r[t] for r in rows))
y = np.array([labels.index(r[t]) for r in rows])
X = np.array([[float(v) for i, v in enumerate(r) if i != t] for r in rows])
test = np.arange(len(y)) % 5 == 0
t0 = time.perf_counter()
m = RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=seed).fit(X[~test], y[~test])
s = time.perf_counter() - t0
print(s, (m.predict(X[test]) == y[test]).mean(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
`;

function sklearnRun(file, target, seed = 42) {
  const res = spawnSync('/usr/bin/python3', ['-c', SKLEARN, file, target, String(seed)], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`scikit-learn failed: ${res.stderr}`);
  const [seconds, accuracy, maxRss] = res.stdout.trim().split(' ').map(Number);
  return { seconds, accuracy, maxRss };
}

const ACCURACY_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

async function benchTrain() {
  const cap = Number(process.env.BENCH_STOCK_CAP ?? 120);
  const sets = [
    { name: '1k × 20', rows: 1000, file: await classificationCsv(1000), target: 'label' },
    { name: '8k × 20', rows: 8000, file: await classificationCsv(8000), target: 'label' },
    { name: '10k × 20', rows: 10000, file: await classificationCsv(10000), target: 'label' },
    { name: '100k × 20', rows: 100000, file: await classificationCsv(100000), target: 'label', stockOneTree: false },
    { name: 'Spambase 4,601 × 57', rows: 4601, file: path.resolve(here, '../data/spambase.csv'), target: 'type' },
  ];
  const sklearn = spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
  console.log(`\n## train: 100 trees, 80/20 split (every fifth row tests), seed 42, ${defaultThreadsHere()} threads for mlops; times are medians of ${RUNS} for mlops; accuracy up to 10k rows is the mean over seeds ${ACCURACY_SEEDS.join(', ')} for mlops and sklearn`);
  if (!sklearn) console.log('(scikit-learn is not installed for /usr/bin/python3: apt-get install python3-sklearn adds it; skipped)');
  console.log(`(stock ml-random-forest 2.1.0: one tree timed, ×100; all 100 trained only where that estimate is under ${cap} s, BENCH_STOCK_CAP)`);
  console.log('| data | mlops s | mlops acc | mlops peak MB | stock s (100 trees) | stock acc | stock peak MB | vs stock | sklearn s (n_jobs=2) | sklearn acc | sklearn peak MB | vs sklearn |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const set of sets) {
    const runs = Array.from({ length: RUNS }, () => trainWorker('mlops', set.file, set.target, 100));
    const ours = { seconds: median(runs.map((r) => r.seconds)), accuracy: runs[0].accuracy, maxRss: median(runs.map((r) => r.maxRss)) };
    // Stock's cost grows with the square of the rows: one tree at 100k takes minutes, so it is not run.
    const one = set.stockOneTree === false ? { seconds: Number.NaN, maxRss: Number.NaN } : trainWorker('stock', set.file, set.target, 1);
    let stock = { seconds: one.seconds * 100, accuracy: Number.NaN, maxRss: one.maxRss, estimated: true };
    if (stock.seconds <= cap) {
      const full = trainWorker('stock', set.file, set.target, 100);
      stock = { seconds: full.seconds, accuracy: full.accuracy, maxRss: full.maxRss, estimated: false };
    }
    const sk = sklearn ? sklearnRun(set.file, set.target) : undefined;
    // One seed's accuracy on a few hundred test rows swings by ±3 points: up to 10k rows, accuracy is
    // the mean over seeds 1..10 for both libraries (times stay those of seed 42).
    const rows = set.rows ?? Infinity;
    if (rows <= 10000) {
      const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
      ours.accuracy = mean(ACCURACY_SEEDS.map((seed) => trainWorker('mlops', set.file, set.target, 100, seed).accuracy));
      if (sk) sk.accuracy = mean(ACCURACY_SEEDS.map((seed) => sklearnRun(set.file, set.target, seed).accuracy));
    }
    const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
    console.log(`| ${set.name} | ${f(ours.seconds)} | ${f(ours.accuracy, 4)} | ${(ours.maxRss / 1e6).toFixed(0)} | ${Number.isFinite(stock.seconds) ? `${stock.estimated ? '≈' : ''}${f(stock.seconds, 1)}` : 'not run'} | ${f(stock.accuracy, 4)} | ${Number.isFinite(stock.maxRss) ? `${stock.estimated ? '(1 tree) ' : ''}${(stock.maxRss / 1e6).toFixed(0)}` : '-'} | ${Number.isFinite(stock.seconds) ? `${(stock.seconds / ours.seconds).toFixed(0)}×` : 'not run'} | ${sk ? f(sk.seconds) : '-'} | ${sk ? f(sk.accuracy, 4) : '-'} | ${sk ? (sk.maxRss / 1e6).toFixed(0) : '-'} | ${sk ? `${(ours.seconds / sk.seconds).toFixed(2)}× the time` : '-'} |`);
  }
}

function defaultThreadsHere() {
  return os.availableParallelism();
}

const which = process.argv[2];
const benches = { csv: benchCsv, bundles: benchBundles, train: benchTrain, drift: async () => (await import('./bench-drift.mjs')).benchDrift(), serve: async () => (await import('./bench-serve.mjs')).benchServe(), http: async () => (await import('./bench-serve.mjs')).benchHttp(), scale: async () => (await import('./bench-scale.mjs')).benchScale(), soak: async () => (await import('./bench-soak.mjs')).benchSoak(), predict: async () => (await import('./bench-predict.mjs')).benchPredict(), onnx: async () => (await import('./bench-onnx.mjs')).benchOnnx(), 'serve-onnx': async () => (await import('./bench-serve.mjs')).benchServeOnnx(), site: async () => (await import('./bench-site.mjs')).benchSite(), parquet: benchParquet };
if (which && !benches[which]) {
  console.error(`unknown benchmark ${which}; known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(benches)) if (!which || which === name) await run();
