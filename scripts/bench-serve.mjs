// `npm run bench -- serve`: the Spambase champion under `mlops serve` (its own process), loaded by
// autocannon on loopback at 1 and 16 connections, single rows and batches of 100: requests per second
// and p50/p99 latency. In the same run, the same load against FastAPI + uvicorn serving a scikit-learn
// random forest trained on the same rows (Debian's python3-fastapi, python3-uvicorn, python3-sklearn;
// skipped when absent), and the ratios.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cli, load, root, spamModel, spamRecords, started, startServe } from './lib/serving-bench.mjs';

const SECONDS = 8;

/** A FastAPI + uvicorn app serving /invocations (MLflow records) with the scikit-learn model `fit` makes from X and y. */
const fastapi = (imports, fit) => `
import csv, sys
import numpy as np
from fastapi import FastAPI, Request
${imports}
import uvicorn
rows = list(csv.reader(open(sys.argv[1], newline='')))
header, rows = rows[0], rows[1:]
features = header[:-1]
X = np.array([[float(v) for v in r[:-1]] for r in rows])
y = np.array([r[-1] for r in rows])
model = ${fit}
labels = list(model.classes_)
app = FastAPI()
@app.post('/invocations')
async def invocations(request: Request):
    body = await request.json()
    recs = body['dataframe_records']
    x = np.array([[float(r[f]) for f in features] for r in recs])
    p = model.predict_proba(x)
    return {'predictions': [labels[i] for i in p.argmax(1)], 'probabilities': [dict(zip(labels, map(float, q))) for q in p]}
print('ready', flush=True)
uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')
`;

const FASTAPI = fastapi('from sklearn.ensemble import RandomForestClassifier', 'RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=42).fit(X, y)');


async function waitReady(url) {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataframe_records: [] }) });
      await r.arrayBuffer();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${url} never answered`);
}

function fastapiAvailable() {
  return spawnSync('/usr/bin/python3', ['-c', 'import fastapi, uvicorn, sklearn'], { encoding: 'utf8' }).status === 0;
}

/** The FastAPI baseline serving `app` on a free port, or undefined (said why) where Python lacks it. */
async function startFastapi(app) {
  if (!fastapiAvailable()) {
    console.log('FastAPI baseline skipped: /usr/bin/python3 lacks fastapi, uvicorn or sklearn (apt-get install python3-fastapi python3-uvicorn python3-sklearn)');
    return undefined;
  }
  const port = 18000 + Math.floor(Math.random() * 1000);
  const py = spawn('/usr/bin/python3', ['-c', app, path.join(root, 'data/spambase.csv'), String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await started(py, /ready/);
  await waitReady(`http://127.0.0.1:${port}/invocations`);
  return { name: 'FastAPI + uvicorn + scikit-learn', url: `http://127.0.0.1:${port}/invocations`, child: py };
}

export async function benchServe() {
  const { model, records } = spamModel('mlops-bench-serve-');
  const bodies = { 'single row': JSON.stringify({ dataframe_records: records.slice(0, 1) }), 'batch of 100': JSON.stringify({ dataframe_records: records }) };

  const servers = [];
  const ours = await startServe(cli, model);
  servers.push({ name: 'mlops serve', url: `${ours.url}/invocations`, child: ours.child });
  const baseline = await startFastapi(FASTAPI);
  if (baseline) servers.push(baseline);
  const results = [];
  try {
    for (const [shape, body] of Object.entries(bodies)) {
      for (const connections of [1, 16]) {
        for (const s of servers) results.push({ server: s.name, shape, connections, ...(await load(s.url, connections, body, SECONDS)) });
      }
    }
  } finally {
    for (const s of servers) s.child.kill();
  }
  console.log(`\nserve: Spambase champion (100 trees), autocannon on loopback, ${SECONDS} s per cell, ${process.version}\n`);
  console.log('| server | request | connections | requests/s | p50 ms | p99 ms | errors | mlops ÷ FastAPI (req/s) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const base = results.find((x) => x.server !== 'mlops serve' && x.shape === r.shape && x.connections === r.connections);
    const ratio = r.server === 'mlops serve' && base ? `${(r.rps / base.rps).toFixed(1)}×` : '';
    console.log(`| ${r.server} | ${r.shape} | ${r.connections} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
  }
  const single16 = results.find((r) => r.server === 'mlops serve' && r.shape === 'single row' && r.connections === 16);
  const fast16 = results.find((r) => r.server !== 'mlops serve' && r.shape === 'single row' && r.connections === 16);
  console.log(`\ntargets: ≥5,000 single-row requests/s at 16 connections: ${Math.round(single16.rps)} (${single16.rps >= 5000 ? 'met' : 'missed'}); p99 < 10 ms: ${single16.p99} ms (${single16.p99 < 10 ? 'met' : 'missed'})${fast16 ? `; ≥10× FastAPI: ${(single16.rps / fast16.rps).toFixed(1)}× (${single16.rps >= 10 * fast16.rps ? 'met' : 'missed'})` : '; ≥10× FastAPI: not measured (baseline absent)'}`);
}

const FASTAPI_LOGISTIC = fastapi('from sklearn.linear_model import LogisticRegression\nfrom sklearn.pipeline import make_pipeline\nfrom sklearn.preprocessing import StandardScaler', 'make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=1)).fit(X, y)');

/**
 * `npm run bench -- serve-onnx`: a team's ONNX model under `mlops serve`: the scikit-learn logistic
 * regression of Spambase that test/fixtures/onnx holds (made by scripts/trainers/logistic-regression.py),
 * wrapped by train from a trainer command; against FastAPI + uvicorn serving the same kind of model
 * (StandardScaler + LogisticRegression, fitted on the same file) in the same run.
 */
export async function benchServeOnnx() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlops-bench-serve-onnx-'));
  spawnSync('git', ['init', '-q', dir]);
  mkdirSync(path.join(dir, 'data'));
  mkdirSync(path.join(dir, 'pipelines'));
  copyFileSync(path.join(root, 'data/spambase.csv'), path.join(dir, 'data/spambase.csv'));
  copyFileSync(path.join(root, 'test/fixtures/onnx/spam-lr-trained.onnx'), path.join(dir, 'lr.onnx'));
  writeFileSync(path.join(dir, 'pipelines/spam.yml'), 'name: spam\ntask: classification\ntarget: type\ndata:\n  train: data/spambase.csv\ntrainer:\n  command: cp lr.onnx "$MLOPS_OUTPUT"\n');
  const trained = spawnSync(process.execPath, [cli, 'train', '--pipeline', 'pipelines/spam.yml', '--output', 'model.json'], { cwd: dir, encoding: 'utf8' });
  if (trained.status !== 0) throw new Error(trained.stderr);
  const { records } = spamRecords();
  const body = JSON.stringify({ dataframe_records: records.slice(0, 1) });
  const servers = [];
  const ours = await startServe(cli, path.join(dir, 'model.json'));
  servers.push({ name: 'mlops serve (onnxruntime-web)', url: `${ours.url}/invocations`, child: ours.child });
  const baseline = await startFastapi(FASTAPI_LOGISTIC);
  if (baseline) servers.push(baseline);
  const results = [];
  try {
    for (const connections of [1, 16]) for (const s of servers) results.push({ server: s.name, connections, ...(await load(s.url, connections, body, SECONDS)) });
  } finally {
    for (const s of servers) s.child.kill();
  }
  console.log(`\nserve-onnx: a scikit-learn logistic regression of Spambase (ONNX), single-row MLflow requests, autocannon on loopback, ${SECONDS} s per cell, ${process.version}\n`);
  console.log('| server | connections | requests/s | p50 ms | p99 ms | errors | mlops ÷ FastAPI (req/s) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const base = results.find((x) => x.server.startsWith('FastAPI') && x.connections === r.connections);
    const ratio = !r.server.startsWith('FastAPI') && base ? `${(r.rps / base.rps).toFixed(1)}×` : '';
    console.log(`| ${r.server} | ${r.connections} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
  }
}

/** The HTTP layer alone: node:http against fastify, the same JSON handler, 16 connections. */
export async function benchHttp() {
  const worker = path.join(root, 'scripts/bench-http-worker.mjs');
  const body = JSON.stringify({ dataframe_records: [Object.fromEntries(Array.from({ length: 57 }, (_, i) => [`f${i}`, i / 10]))] });
  const rows = [];
  for (const which of ['node:http', 'fastify']) {
    const child = spawn(process.execPath, [worker, which], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const [url] = await started(child, /http:\/\/127\.0\.0\.1:\d+/);
    try {
      rows.push({ which, ...(await load(`${url}/invocations`, 16, body, SECONDS)) });
    } finally {
      child.kill();
    }
  }
  console.log(`\nhttp: the HTTP layer alone (parse a one-row JSON body, answer JSON), 16 connections, ${SECONDS} s, ${process.version}\n`);
  console.log('| server | requests/s | p50 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.which} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p50} | ${r.p99} | ${r.errors} |`);
  console.log(`\nnode:http ÷ fastify: ${(rows[0].rps / rows[1].rps).toFixed(2)}× the requests per second`);
}
