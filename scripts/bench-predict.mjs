// `npm run bench -- predict`: mlops predict on 1,000,000 rows × 20 numbers with a 100-tree forest, as
// its own process under /usr/bin/time (wall time and peak memory; target: under 1 GB), and in the same
// run pandas read_csv + scikit-learn predict_proba + to_csv on the same file, with a forest of as many
// trees fitted on the same training rows (in a process of its own, so that only the prediction is
// timed). scikit-learn is skipped where /usr/bin/python3 lacks it.
//   --rows N   the scored file's rows (default 1,000,000)
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { largeCsv, repo, sklearnAvailable, step } from './bench-scale.mjs';
import { tmpdir } from 'node:os';

const work = path.join(tmpdir(), 'mlops-bench-predict');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const ROWS = Number(arg('rows', 1_000_000));
const TRAIN_ROWS = 100_000;
const TREES = 100;

/** scikit-learn's side: fit (not timed) and pickle; then, in a process of its own under /usr/bin/time, read, predict_proba, write. */
function sklearnPredict(train, data, out) {
  const model = path.join(work, 'sklearn-forest.pkl');
  const fit = `
import sys, pickle, pandas as pd
from sklearn.ensemble import RandomForestClassifier
df = pd.read_csv(sys.argv[1]); y = df.pop('label')
m = RandomForestClassifier(n_estimators=${TREES}, n_jobs=2, random_state=42).fit(df.values, y.values)
pickle.dump(m, open(sys.argv[2], 'wb'))`;
  const fitted = spawnSync('/usr/bin/python3', ['-c', fit, train, model], { encoding: 'utf8' });
  if (fitted.status !== 0) throw new Error(fitted.stderr);
  const score = `
import sys, pickle, pandas as pd
m = pickle.load(open(sys.argv[1], 'rb'))
df = pd.read_csv(sys.argv[2])
X = df.drop(columns=['label']).values
p = m.predict_proba(X)
out = pd.DataFrame(p, columns=['p_' + str(c) for c in m.classes_])
out.insert(0, 'prediction', m.classes_[p.argmax(axis=1)])
out.to_csv(sys.argv[3], index_label='row')`;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '/usr/bin/python3', '-c', score, model, data, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: kb / 1024 };
}

export async function benchPredict() {
  mkdirSync(work, { recursive: true });
  const train = await largeCsv(path.join(work, `train-${TRAIN_ROWS}x20.csv`), TRAIN_ROWS);
  const data = await largeCsv(path.join(work, `score-${ROWS}x20.csv`), ROWS);
  const dir = repo('scores', train, (csv) => `name: scores\ntask: classification\ntarget: label\ndata:\n  train: ${csv}\nmodel:\n  trees: ${TREES}\n`);
  const trained = step(dir, ['train', '--pipeline', 'pipelines/scores.yml', '--threads', '2']);
  if (trained.code !== 0) throw new Error(trained.stderr);
  const ours = step(dir, ['predict', '--model', 'out/scores/model.json', '--data', data, '--output', path.join(work, 'mlops-predictions.csv')]);
  if (ours.code !== 0) throw new Error(ours.stderr);
  const sk = sklearnAvailable() ? sklearnPredict(train, data, path.join(work, 'sklearn-predictions.csv')) : undefined;

  const mb = (b) => (b / 1024 / 1024).toFixed(0);
  console.log(`\npredict: ${ROWS.toLocaleString('en-US')} rows × 20 numbers (${mb(statSync(data).size)} MB of CSV), a forest of ${TREES} trees fitted on ${TRAIN_ROWS.toLocaleString('en-US')} other rows; read, predicted and written as CSV with class shares, one process each under /usr/bin/time\n`);
  console.log('| scorer | seconds | rows/s | peak MB |');
  console.log('|---|---:|---:|---:|');
  console.log(`| mlops predict | ${ours.seconds.toFixed(1)} | ${Math.round(ROWS / ours.seconds).toLocaleString('en-US')} | ${ours.mb.toFixed(0)} |`);
  if (sk) console.log(`| pandas read_csv + scikit-learn predict_proba + to_csv | ${sk.seconds.toFixed(1)} | ${Math.round(ROWS / sk.seconds).toLocaleString('en-US')} | ${sk.mb.toFixed(0)} |`);
  else console.log('| pandas + scikit-learn | skipped: /usr/bin/python3 has no sklearn and pandas | | |');
  console.log(`\npeak memory under 1 GB: ${ours.mb < 1024 ? 'met' : 'missed'} (${ours.mb.toFixed(0)} MB)${sk ? `; mlops ÷ scikit-learn time: ${(ours.seconds / sk.seconds).toFixed(2)}×` : ''}`);
}
