// `npm run bench -- soak`: mlops serve (its own process) under a minute of mixed valid and hostile
// traffic at 16 connections: single rows, batches, malformed bodies, bodies whose shape multiplies,
// deep nesting, and maximal 10 MB requests. Reported: requests served, 5xx answers, process restarts
// (exits), the worst /ping latency while a maximal request runs (target under 100 ms), and the peak and
// final resident memory (target: back within 100 MB of idle). The senders run at a lower priority
// than the prober and the server (bench-soak-senders.mjs says why). Then the previous release's bundle and
// this one, in the same run, at single-row requests on 16 connections (target: at least 0.9×).
// SOAK_SECONDS shortens the soak; BASELINE_REF names the previous release (default: the newest v* tag,
// else the last commit before the hardening).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { cli, load, root, spamModel, startServe } from './lib/serving-bench.mjs';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const LOAD_SECONDS = 8;
const FALLBACK_BASELINE = '0e7bd5c';

const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;

function bodies(records, names) {
  const one = JSON.stringify({ dataframe_records: records.slice(0, 1) });
  const batch = JSON.stringify({ dataframe_records: records.slice(0, 100) });
  const n = 6_000;
  const plain = JSON.stringify({ dataframe_records: Array.from({ length: n }, (_, r) => ({ ...records[r % 100], note: '' })) }).length;
  const pad = 'x'.repeat(Math.floor((9.9 * 1024 * 1024 - plain) / n));
  // Bytes, once: the load generator should not spend its own time encoding 10 MB for every send.
  const maximal = Buffer.from(JSON.stringify({ dataframe_records: Array.from({ length: n }, (_, r) => ({ ...records[r % 100], note: pad })) }));
  const hostile = [
    '{"dataframe_records": [',
    `{"inputs":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    JSON.stringify({ dataframe_split: { columns: Array.from({ length: 60_000 }, (_, i) => `c${i}`), data: Array.from({ length: 9_000 }, () => []) } }),
    JSON.stringify({ dataframe_records: [{ ...records[0], [names[0]]: 'INF' }] }).replace('"INF"', '1e400'),
    `{"dataframe_records":[${Array.from({ length: 3_300_000 }, () => '{}').join(',')}]}`,
    JSON.stringify({ instances: [[1, 2, 3]] }),
    'not json at all',
  ];
  return { one, batch, maximal, hostile };
}

/**
 * /ping, probed from a thread of its own: the 16 senders keep this thread's event loop busy (each
 * 10 MB send is work here too), which would otherwise be counted as the server's latency. The senders
 * say through shared memory when a maximal request is in flight.
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, flag, deadline } = workerData;
const inFlight = new Int32Array(flag);
(async () => {
  let worst = 0, failed = 0, probes = 0;
  while (Date.now() < deadline) {
    const busy = Atomics.load(inFlight, 0) > 0;
    const t = performance.now();
    try { await (await fetch(url + '/ping')).arrayBuffer(); } catch { failed++; }
    if (busy && Atomics.load(inFlight, 0) > 0) { worst = Math.max(worst, performance.now() - t); probes++; }
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage({ worst, failed, probes });
})();
`;

const threadResult = (worker) =>
  new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });

async function soak(url, pid, b) {
  const deadline = Date.now() + SOAK_SECONDS * 1000;
  const flag = new SharedArrayBuffer(4);
  let peak = rssOf(pid);
  const probed = threadResult(new Worker(PROBER, { eval: true, workerData: { url, flag, deadline } }));
  const sent = threadResult(new Worker(new URL('./bench-soak-senders.mjs', import.meta.url), { workerData: { url, b, flag, deadline } }));
  const sampler = (async () => {
    while (Date.now() < deadline) {
      peak = Math.max(peak, rssOf(pid));
      await sleep(50);
    }
  })();
  const [counts] = await Promise.all([sent, sampler]);
  const ping = await probed;
  counts.failed += ping.failed;
  return { counts, worstPing: ping.worst, pingProbes: ping.probes, peak };
}

function baselineRef() {
  if (process.env.BASELINE_REF) return process.env.BASELINE_REF;
  const tag = spawnSync('git', ['describe', '--tags', '--abbrev=0', '--match', 'v*'], { cwd: root, encoding: 'utf8' });
  return tag.status === 0 ? tag.stdout.trim() : FALLBACK_BASELINE;
}

/** The previous release's CLI: its bin and bundle, from git, in a folder of its own. */
function previousCli(ref) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlops-previous-'));
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} bin dist package.json | tar -x -C ${JSON.stringify(dir)}`], { cwd: root });
  return path.join(dir, 'bin/mlops.js');
}

export async function benchSoak() {
  const { model, names, records } = spamModel('mlops-bench-soak-');
  const b = bodies(records, names);

  const s = await startServe(cli, model);
  let exited = false;
  s.child.on('exit', () => (exited = true));
  for (let i = 0; i < 200; i++) await (await fetch(`${s.url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b.one })).arrayBuffer();
  await sleep(1000);
  const idle = rssOf(s.child.pid);
  const r = await soak(s.url, s.child.pid, b);
  // The prediction thread gives its memory back after 2 s idle and ends 10 s later.
  await sleep(5000);
  const trimmed = exited ? 0 : rssOf(s.child.pid);
  await sleep(10000);
  const final = exited ? 0 : rssOf(s.child.pid);
  // The server's own view: how late its event loop ran (the prober's latency also holds the machine's
  // scheduling, with the load generator and the prediction thread on the same cores).
  const metrics = exited ? '' : await (await fetch(`${s.url}/metrics`)).text();
  const loop = (q) => Number(new RegExp(`^mlops_event_loop_delay_seconds\\{quantile="${q}"\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN) * 1000;
  s.child.kill();

  console.log(`\nsoak: mlops serve, Spambase champion (100 trees), ${SOAK_SECONDS} s of mixed traffic at 16 connections (75% single rows, 10% batches of 100, 12% hostile, 3% maximal 10 MB bodies; senders at nice 10, the prober and the server at 0), ${process.version}\n`);
  console.log('| figure | value | target |');
  console.log('|---|---:|---|');
  console.log(`| requests answered 2xx | ${r.counts.served.toLocaleString('en-US')} | |`);
  console.log(`| requests answered 4xx (hostile, refused) | ${r.counts.client.toLocaleString('en-US')} | |`);
  console.log(`| requests answered 5xx | ${r.counts.server} | 0 (${r.counts.server === 0 ? 'met' : 'missed'}) |`);
  console.log(`| requests with no answer (connection failed) | ${r.counts.failed} | 0 |`);
  console.log(`| process restarts (exits) | ${exited ? 1 : 0} | 0 (${exited ? 'missed' : 'met'}) |`);
  console.log(`| worst /ping latency during a maximal request (${r.pingProbes} probes, from a thread of their own) | ${r.worstPing.toFixed(1)} ms | under 100 ms (${r.worstPing < 100 ? 'met' : 'missed'}) |`);
  console.log(`| server event loop delay: p99 / worst, over the whole run | ${loop('0.99').toFixed(1)} ms / ${loop('1').toFixed(1)} ms | |`);
  console.log(`| resident memory: idle / peak / 5 s after / 15 s after (the prediction thread ended) | ${mb(idle)} / ${mb(r.peak)} / ${mb(trimmed)} / ${mb(final)} | back within 100 MB of idle (${final - idle < 100 * 1024 * 1024 ? 'met' : 'missed'}; 5 s after: ${trimmed - idle < 100 * 1024 * 1024 ? 'met' : 'missed'}) |`);

  const ref = baselineRef();
  // Alternating rounds, each figure the median of its three: this machine's speed drifts by more than
  // the difference measured, so one round of each would compare the drift.
  const bundles = [[`previous (${ref})`, previousCli(ref)], ['this build', cli]];
  const runs = bundles.map(() => []);
  for (let round = 0; round < 3; round++) {
    for (const [i, [, bin]] of bundles.entries()) {
      const server = await startServe(bin, model);
      try {
        if (round === 0) await load(`${server.url}/invocations`, 16, b.one, LOAD_SECONDS); // warm-up
        runs[i].push(await load(`${server.url}/invocations`, 16, b.one, LOAD_SECONDS));
      } finally {
        server.child.kill();
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[1];
  const rows = bundles.map(([name], i) => ({ name, rps: median(runs[i].map((r) => r.rps)), p99: median(runs[i].map((r) => r.p99)), errors: runs[i].reduce((n, r) => n + r.errors, 0) }));
  console.log(`\nserve throughput: single-row requests, 16 connections, autocannon ${LOAD_SECONDS} s each after a warm-up; three alternating rounds, medians\n`);
  console.log('| bundle | requests/s | p99 ms | errors |');
  console.log('|---|---:|---:|---:|');
  for (const x of rows) console.log(`| ${x.name} | ${Math.round(x.rps).toLocaleString('en-US')} | ${x.p99} | ${x.errors} |`);
  const ratio = rows[1].rps / rows[0].rps;
  console.log(`\nthis build ÷ previous: ${ratio.toFixed(2)}× (target at least 0.9×: ${ratio >= 0.9 ? 'met' : 'missed'})`);
}
