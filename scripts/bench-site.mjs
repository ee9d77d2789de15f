// `npm run bench -- site`: mlops site on a generated local registry of 10 pipelines × 1,000 versions
// (a rollback every 50th, 100 drift summaries each), as its own process under /usr/bin/time (target:
// under 5 seconds). The baseline, in the same run, is the floor of the same work in Python: read every
// version's SHA256SUMS, release.json and metrics.json, hash the two against the sums and parse them,
// and read every drift summary, writing nothing. The files are the ones `mlops run` writes, in shape.
//   --pipelines N --versions N   the registry's size (default 10 × 1,000)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/engine/forest/rng.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const PIPELINES = arg('pipelines', 10);
const VERSIONS = arg('versions', 1000);
const DRIFTS = 100;
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sha = (b) => createHash('sha256').update(b).digest('hex');

const METRICS = ['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc', 'pr_auc', 'log_loss', 'brier'];

function generate(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'pipelines'), { recursive: true });
  const rnd = mulberry32(7);
  for (let p = 0; p < PIPELINES; p++) {
    const name = `model-${p}`;
    writeFileSync(path.join(dir, 'pipelines', `${name}.yml`), `name: ${name}\ntask: classification\ntarget: type\ndata:\n  train: data/${name}.csv\n`);
    let previous = null;
    for (let v = 1; v <= VERSIONS; v++) {
      const vdir = path.join(dir, 'models', name, `v${v}`);
      mkdirSync(vdir, { recursive: true });
      const model = Buffer.from(`{"model": ${v}}`);
      const metrics = { format: 'mlops-metrics/1', ci: {} };
      for (const m of METRICS) {
        const value = 0.85 + rnd() * 0.1;
        metrics[m] = value;
        metrics.ci[m] = [value - 0.015, value + 0.015];
      }
      const rollback = v % 50 === 0 && v > 1 ? v - 7 : null;
      const record = { format: 'mlops-release/1', pipeline: name, version: v, tag: `${name}-v${v}`, model_sha256: sha(model), decision: rollback ? 'rollback' : v === 1 ? 'first-model' : 'promote', reasons: [rollback ? `rollback to v${rollback}: its model becomes the champion again` : 'accuracy improved'], published_at: new Date(Date.UTC(2024, 0, 1) + v * 3_600_000).toISOString(), commit: sha(Buffer.from(String(v))).slice(0, 40), rollback_of: rollback, previous, primary: { metric: 'accuracy', value: metrics.accuracy } };
      previous = { version: v, sha256: record.model_sha256 };
      const files = [
        [`${name}-model.json.gz`, model],
        ['metrics.json', Buffer.from(`${JSON.stringify(metrics, null, 2)}\n`)],
        ['model-card.md', Buffer.from(`# ${name} v${v}\n`)],
        ['release.json', Buffer.from(`${JSON.stringify(record, null, 2)}\n`)],
      ];
      for (const [f, b] of files) writeFileSync(path.join(vdir, f), b);
      writeFileSync(path.join(vdir, 'SHA256SUMS'), files.map(([f, b]) => `${sha(b)}  ${f}\n`).join(''));
    }
    mkdirSync(path.join(dir, 'models', name, 'drift'), { recursive: true });
    for (let d = 0; d < DRIFTS; d++) {
      const at = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000);
      const acc = 0.9 - d * 0.001 + rnd() * 0.01;
      const summary = { format: 'mlops-drift/1', pipeline: name, at: at.toISOString(), verdict: d % 10 === 9 ? 'drift' : 'no-drift', drift: d % 10 === 9, share: d % 10 === 9 ? 0.6 : 0.1, drifted_features: d % 10 === 9 ? ['f1', 'f2'] : [], current_rows: 5000, columns: [], champion: { source: `models/${name}/v${VERSIONS}`, version: VERSIONS }, performance: { estimated: { accuracy: acc, interval: [acc - 0.02, acc + 0.02] }, measured: null, reference_accuracy: 0.9 } };
      writeFileSync(path.join(dir, 'models', name, 'drift', `${at.toISOString().replace(/:/g, '-')}.json`), JSON.stringify(summary));
    }
  }
}

function timed(cmd, args, cwd) {
  const res = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}): ${res.stderr.slice(-2000)}`);
  const [seconds, kb] = res.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, rss: kb * 1024, stdout: res.stdout };
}

const PYTHON_FLOOR = `
import hashlib, json, os, sys
root = sys.argv[1]; n = 0
for p in sorted(os.listdir(os.path.join(root, 'models'))):
    base = os.path.join(root, 'models', p)
    for v in os.listdir(base):
        if not v.startswith('v'): continue
        sums = dict(reversed(l.split('  ', 1)) for l in open(os.path.join(base, v, 'SHA256SUMS')).read().splitlines())
        for f in ('release.json', 'metrics.json'):
            b = open(os.path.join(base, v, f), 'rb').read()
            assert hashlib.sha256(b).hexdigest() == sums[f]
            json.loads(b); n += 1
    for d in os.listdir(os.path.join(base, 'drift')):
        json.loads(open(os.path.join(base, 'drift', d), 'rb').read()); n += 1
print(n)`;

export async function benchSite() {
  const dir = path.join(tmpdir(), 'mlops-bench-site');
  console.log(`\n## site: ${PIPELINES} pipelines × ${VERSIONS.toLocaleString('en-US')} versions, ${DRIFTS} drift summaries each (local registry); median of ${RUNS}`);
  generate(dir);
  const cli = path.join(repo, 'bin', 'mlops.js');
  const ours = Array.from({ length: RUNS }, () => timed(process.execPath, [cli, 'site', '--json'], dir));
  const out = JSON.parse(ours[0].stdout);
  if (Number(out.versions) !== PIPELINES * VERSIONS) throw new Error(`the site shows ${out.versions} versions, not ${PIPELINES * VERSIONS}`);
  const s = median(ours.map((r) => r.seconds));
  console.log(`| run | seconds | peak memory |\n|---|---:|---:|`);
  console.log(`| mlops site (pages for ${PIPELINES} pipelines, ${(PIPELINES * VERSIONS).toLocaleString('en-US')} versions) | ${s.toFixed(2)} | ${(median(ours.map((r) => r.rss)) / 1e6).toFixed(0)} MB |`);
  if (spawnSync('/usr/bin/python3', ['-c', 'pass']).status === 0) {
    const floor = Array.from({ length: RUNS }, () => timed('/usr/bin/python3', ['-c', PYTHON_FLOOR, dir], dir));
    const f = median(floor.map((r) => r.seconds));
    console.log(`| Python floor: read, verify and parse the same files, no pages | ${f.toFixed(2)} | ${(median(floor.map((r) => r.rss)) / 1e6).toFixed(0)} MB |`);
    console.log(`\nmlops site / Python floor: ${(s / f).toFixed(2)}×; target: under 5 s (${s < 5 ? 'met' : 'NOT met'})`);
  } else console.log(`\n(no /usr/bin/python3: the floor is skipped); target: under 5 s (${s < 5 ? 'met' : 'NOT met'})`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSite();
