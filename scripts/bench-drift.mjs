// `npm run bench -- drift`: 20 numeric and 5 categorical columns, 1,000,000 reference rows against
// 1,000,000 current rows. The statistics (ks_2samp, wasserstein_distance, chisquare, jensenshannon) in
// this process and in scipy on the same files, and the whole drift report from a package's profile.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/engine/forest/rng.ts';
import { writeCsvStream } from './lib/synthetic.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(tmpdir(), 'mlops-bench', 'drift');
mkdirSync(path.join(work, 'pipelines'), { recursive: true });
const ROWS = 1_000_000;
const CATS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

function dataset(name, seed, shift) {
  const r = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const header = [...Array.from({ length: 20 }, (_, i) => `n${i}`), ...Array.from({ length: 5 }, (_, i) => `c${i}`), 'y'].join(',');
  return writeCsvStream(path.join(work, `${name}.csv`), header, ROWS, () => {
    const nums = Array.from({ length: 20 }, (_, c) => (gauss() * (1 + c / 10) + (c < 4 ? shift : 0)).toFixed(4));
    const cats = Array.from({ length: 5 }, (_, c) => CATS[Math.min(7, Math.floor(r() ** (c < 2 ? 1 + shift : 1) * 8))]);
    return `${nums.join(',')},${cats.join(',')},${Number(nums[0]) + Number(nums[1]) > 0 ? 'yes' : 'no'}`;
  });
}

function timed(cmd, args, opts = {}) {
  const res = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  const [seconds, kb] = res.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, maxRss: kb * 1024, status: res.status, stdout: res.stdout, stderr: res.stderr };
}

export async function benchDrift() {
  const reference = await dataset('reference', 11, 0);
  const current = await dataset('current', 12, 0.15);
  console.log(`\n## drift: ${ROWS.toLocaleString('en-US')} reference rows against ${ROWS.toLocaleString('en-US')} current rows, 20 numeric and 5 categorical columns\n`);
  const ours = spawnSync(process.execPath, [path.join(here, 'bench-drift-worker.mjs'), reference, current], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (ours.status !== 0) throw new Error(ours.stderr);
  const o = JSON.parse(ours.stdout.trim().split('\n').pop());
  const hasScipy = spawnSync('/usr/bin/python3', ['-c', 'import scipy, pandas'], { stdio: 'ignore' }).status === 0;
  let s;
  if (hasScipy) {
    const code = `
import time, json, numpy as np, pandas as pd
from scipy import stats
from scipy.spatial import distance
r = pd.read_csv(${JSON.stringify(reference)}); c = pd.read_csv(${JSON.stringify(current)})
t = time.perf_counter(); ks = wd = 0
for i in range(20):
    a, b = r[f"n{i}"].to_numpy(), c[f"n{i}"].to_numpy()
    ks += stats.ks_2samp(a, b).pvalue; wd += stats.wasserstein_distance(a, b) / max(np.std(a), 0.001)
t_num = time.perf_counter() - t
t = time.perf_counter(); chi = js = 0
for i in range(5):
    a, b = r[f"c{i}"], c[f"c{i}"]
    keys = sorted(set(a.unique()) | set(b.unique()))
    ra, cb = a.value_counts(), b.value_counts()
    f_exp = [ra.get(k, 0) * len(b) / len(a) for k in keys]; f_obs = [cb.get(k, 0) for k in keys]
    chi += stats.chisquare(f_obs, f_exp).pvalue
    js += distance.jensenshannon([ra.get(k, 0) / len(a) for k in keys], [cb.get(k, 0) / len(b) for k in keys])
t_cat = time.perf_counter() - t
print(json.dumps({"numeric": t_num, "categorical": t_cat, "ks": ks, "wd": wd, "chi": chi, "js": js}))
`;
    const res = spawnSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (res.status === 0) s = JSON.parse(res.stdout.trim());
    else console.log(`scipy failed: ${res.stderr.slice(-300)}`);
  } else console.log('(scipy baseline skipped: /usr/bin/python3 has no scipy and pandas; apt-get install python3-scipy python3-pandas)');
  console.log('| statistics on the same columns | this tool (s) | scipy (s) | ratio |');
  console.log('|---|---:|---:|---:|');
  const row = (name, a, b) => console.log(`| ${name} | ${a.toFixed(3)} | ${b === undefined ? '-' : b.toFixed(3)} | ${b === undefined ? '-' : `${(a / b).toFixed(2)}×`} |`);
  row('ks_2samp + wasserstein, 20 numeric columns (samples sorted once)', o.numeric, s?.numeric);
  row('chisquare + jensenshannon, 5 categorical columns', o.categorical, s?.categorical);
  row('all statistics', o.numeric + o.categorical, s ? s.numeric + s.categorical : undefined);
  if (s) console.log(`\nAgreement: sum of KS p-values ${o.ks.toExponential(6)} vs ${s.ks.toExponential(6)}; sum of normed Wasserstein ${o.wd.toFixed(9)} vs ${s.wd.toFixed(9)}; chi-square p ${o.chi.toExponential(4)} vs ${s.chi.toExponential(4)}; Jensen–Shannon ${o.js.toFixed(9)} vs ${s.js.toFixed(9)}.`);

  // The whole report: a package trained on the reference (its profile is the reference), and the CSV.
  writeFileSync(path.join(work, 'pipelines', 'bench.yml'), `name: bench\ntask: classification\ntarget: y\ndata:\n  train: reference.csv\nvalidation:\n  min_rows: 10\n`);
  if (!existsSync(path.join(work, '.git'))) execFileSync('git', ['init', '-q', work]);
  const cli = path.join(here, '..', 'bin', 'mlops.js');
  const model = path.join(work, 'model.json.gz');
  if (!existsSync(model)) {
    const t = timed(process.execPath, [cli, 'train', '--pipeline', 'pipelines/bench.yml', '--params', '{"trees": 5, "max_depth": 8}', '--output', 'model.json.gz', '--force'], { cwd: work });
    if (t.status !== 0) throw new Error(t.stderr.slice(-500));
  }
  const report = timed(process.execPath, [cli, 'drift-report', '--pipeline', 'pipelines/bench.yml', '--model', 'model.json.gz', '--data', 'current.csv', '--json', '--force'], { cwd: work });
  if (report.status !== 0) throw new Error(report.stderr.slice(-500));
  const out = JSON.parse(report.stdout);
  console.log(`\nWhole report (mlops drift-report from the package's profile, 1,000,000-row current CSV, prediction drift and accuracy estimate included): ${report.seconds.toFixed(2)} s, peak ${(report.maxRss / 1e6).toFixed(0)} MB; verdict ${out.verdict}, drifted ${JSON.stringify(out['drifted-features'])}. Target: under 10 s.`);
}
