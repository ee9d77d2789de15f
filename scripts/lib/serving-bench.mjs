// What the serving benchmarks share: the Spambase champion trained into a folder of their own, its
// first rows as request records, a serve process started and its URL read, and an autocannon run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'bin/mlops.js');

/** Spambase's feature names, and its first 100 rows as request records. */
export function spamRecords() {
  const csv = readFileSync(path.join(root, 'data/spambase.csv'), 'utf8').trim().split('\n');
  const names = csv[0].split(',').map((h) => JSON.parse(h)).slice(0, -1);
  const records = csv.slice(1, 101).map((l) => Object.fromEntries(l.split(',').slice(0, -1).map((v, i) => [names[i], Number(v)])));
  return { names, records };
}

/** The Spambase model trained by this build, with spamRecords(). */
export function spamModel(prefix) {
  const model = path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'spam.json');
  const trained = spawnSync(process.execPath, [cli, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--output', model], { cwd: root, encoding: 'utf8' });
  if (trained.status !== 0) throw new Error(trained.stderr);
  return { model, ...spamRecords() };
}

/** Resolves with the first match of `pattern` in what the child prints; rejects if it exits first. */
export function started(child, pattern) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const on = (c) => {
      seen += c.toString();
      const m = pattern.exec(seen);
      if (m) resolve(m);
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
  });
}

/** `mlops serve` of a CLI (this build's or another's) on a free port: the child and its URL. */
export async function startServe(bin, model) {
  const child = spawn(process.execPath, [bin, 'serve', '--model', model, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const [, url] = await started(child, /on (http:\/\/[^:]+:\d+)/);
  return { child, url };
}

/** autocannon POSTing one JSON body: requests/s, p50 and p99 latency (ms), and failed or non-2xx answers. */
export function load(url, connections, body, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, method: 'POST', connections, duration: seconds, headers: { 'content-type': 'application/json' }, body }, (err, r) => {
      if (err) reject(err);
      else resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
    });
  });
}
