// drift-report: the scam-call story on the CLI (batch 2 holds, batch 3 drifts and its cost is estimated
// without labels), Spambase against itself, serve's request log, and the bundle against the fake GitHub:
// one issue per pipeline over repeated and overlapping drifted runs, one retrain per run, closed when clean.
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { REPO_ROOT, runAction } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

const SCAM = 'pipelines/scam-calls.yml';
let ws: string;
beforeAll(async () => {
  ws = await exampleWorkspace();
  for (const month of ['09', '10']) await writeFile(path.join(ws, `data/scam-calls/2026-${month}.csv`), await readFile(path.join(REPO_ROOT, `data/scam-calls/2026-${month}.csv`)));
  const run = await cli(ws, 'run', '--pipeline', SCAM, '--json');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.out)['publish-model'].version).toBe(1);
  const spam = await cli(ws, 'run', '--pipeline', 'pipelines/spam-detector.yml', '--params', '{"trees": 30}', '--json');
  expect(spam.code).toBe(0);
}, 240_000);

const drift = async (...args: string[]) => {
  const r = await cli(ws, 'drift-report', ...args, '--json');
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out) as Record<string, unknown>;
};

test('batch 2 (same patterns) does not drift; the estimate without labels is within 0.02 of the measured accuracy', async () => {
  const out = await drift('--pipeline', SCAM, '--data', 'data/scam-calls/2026-09.csv');
  expect(out).toMatchObject({ verdict: 'no-drift', drift: false, 'drifted-features': [] });
  expect(Math.abs((out['estimated-accuracy'] as number) - (out['measured-accuracy'] as number))).toBeLessThan(0.02);
});

test('batch 3 (UPI instead of bank websites, calls from elsewhere) drifts, names the features, and estimates the loss', async () => {
  const out = await drift('--pipeline', SCAM, '--data', 'data/scam-calls/2026-10.csv');
  expect(out).toMatchObject({ verdict: 'drift', drift: true });
  expect(out['drifted-features']).toEqual(expect.arrayContaining(['upi_payment', 'opened_bank_website', 'caller_country', 'transcript']));
  expect(out['drifted-features']).not.toContain('hour');
  const estimated = out['estimated-accuracy'] as number;
  const measured = out['measured-accuracy'] as number;
  // The stated margin: the label-free estimate lands within 0.03 of the accuracy batch 3's labels give.
  expect(Math.abs(estimated - measured)).toBeLessThan(0.03);
  const json = JSON.parse(await readFile(path.join(ws, out.json as string), 'utf8'));
  const reference = json.performance.reference_accuracy as number;
  expect(estimated).toBeLessThan(reference - 0.01);
  const md = await readFile(path.join(ws, out.report as string), 'utf8');
  expect(md).toMatch(/^<!-- mlops-actions:drift-report:scam-calls -->\n## mlops · drift · scam-calls\n\n🔴 \*\*Drift\*\*/);
  expect(md).toContain('```mermaid\nxychart-beta');
  expect(md).toMatch(/\| upi&#95;payment \| categorical \| Jensen–Shannon \|/);
  const html = await readFile(path.join(ws, out.html as string), 'utf8');
  expect(html).toContain('<svg');
  expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!www\.w3)/);
});

test('the same rows without labels get the same estimate, and the report says it is an estimate', async () => {
  const text = await readFile(path.join(ws, 'data/scam-calls/2026-10.csv'), 'utf8');
  const unlabelled = text.split('\n').map((l) => l.replace(/,(scam|legit|label)$/, '')).join('\n');
  await writeFile(path.join(ws, 'data/unlabelled.csv'), unlabelled);
  const out = await drift('--pipeline', SCAM, '--data', 'data/unlabelled.csv');
  expect(out['measured-accuracy']).toBeNull();
  expect(out.drift).toBe(true);
  const md = await readFile(path.join(ws, out.report as string), 'utf8');
  expect(md).toContain('**Performance (estimated, no labels)**');
});

test('Spambase: a random half shows no drifted feature against the champion', async () => {
  const lines = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trimEnd().split('\n');
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const half = [lines[0], ...lines.slice(1).filter(() => rand() < 0.5)];
  await writeFile(path.join(ws, 'data/half.csv'), `${half.join('\n')}\n`);
  const out = await drift('--pipeline', 'pipelines/spam-detector.yml', '--data', 'data/half.csv');
  expect(out).toMatchObject({ verdict: 'no-drift', 'drifted-features': [] });
});

test('too few rows: "not enough data", never drift', async () => {
  const lines = (await readFile(path.join(ws, 'data/scam-calls/2026-10.csv'), 'utf8')).split('\n');
  await writeFile(path.join(ws, 'data/few.csv'), `${lines.slice(0, 11).join('\n')}\n`);
  const out = await drift('--pipeline', SCAM, '--data', 'data/few.csv');
  expect(out).toMatchObject({ verdict: 'not-enough-data', drift: false });
});

test('serve\'s request log: the window selects requests, and a bad line names its file and line', async () => {
  const rows = (await readFile(path.join(ws, 'data/scam-calls/2026-10.csv'), 'utf8')).trimEnd().split('\n');
  const header = rows[0]!.split(',');
  const entries: string[] = [];
  for (let i = 1; i + 50 <= rows.length; i += 50) {
    const inputs: Record<string, unknown[]> = {};
    for (const h of header) if (h !== 'label' && h !== 'call_id') inputs[h] = [];
    for (const line of rows.slice(i, i + 50)) {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      header.forEach((h, k) => {
        if (inputs[h]) inputs[h].push(cells[k] === '' ? null : /^-?\d+(\.\d+)?$/.test(cells[k]!) ? Number(cells[k]) : cells[k]);
      });
    }
    entries.push(JSON.stringify({ time: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), pipeline: 'scam-calls', version: 'v1', inputs, predictions: [] }));
  }
  entries.push(JSON.stringify({ time: '2026-11-01T00:00:00Z', pipeline: 'other', inputs: {} }));
  await writeFile(path.join(ws, 'logs.jsonl'), `${entries.join('\n')}\n`);
  const out = await drift('--pipeline', SCAM, '--log', 'logs.jsonl');
  expect(out).toMatchObject({ verdict: 'drift', 'measured-accuracy': null });
  expect(out['drifted-features']).toEqual(expect.arrayContaining(['upi_payment']));
  const windowed = await drift('--pipeline', SCAM, '--log', 'logs.jsonl', '--since', '2026-11-05T00:00:00Z');
  expect(windowed.verdict).toBe('not-enough-data');

  await writeFile(path.join(ws, 'bad.jsonl'), `${entries[0]}\n{"time": "yesterday", "pipeline": "scam-calls"}\n`);
  const bad = await cli(ws, 'drift-report', '--pipeline', SCAM, '--log', 'bad.jsonl');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/bad\.jsonl line 2: "time" is "\\"yesterday\\"", not an ISO time/);
  await writeFile(path.join(ws, 'log.gz'), gzipSync(Buffer.from(entries[0]!)));
  const gz = await cli(ws, 'drift-report', '--pipeline', SCAM, '--log', 'log.gz');
  expect(gz.code).toBe(2);
  expect(gz.err).toMatch(/log\.gz: the file is gzip-compressed/);
  const both = await cli(ws, 'drift-report', '--pipeline', SCAM, '--log', 'logs.jsonl', '--data', 'data/few.csv');
  expect(both.code).toBe(2);
  expect(both.err).toMatch(/give exactly one of data .* and log/);
  const since = await cli(ws, 'drift-report', '--pipeline', SCAM, '--log', 'logs.jsonl', '--since', 'last week');
  expect(since.err).toMatch(/input "since": "last week" is neither an ISO time/);
});

describe('on GitHub', () => {
  let gh: FakeGitHub;
  let repo: FakePullRequest;
  beforeEach(async () => {
    gh = await new FakeGitHub().start();
    repo = new FakePullRequest(gh);
  });
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.stop();
  });
  const model = 'models/scam-calls/v1/scam-calls-model.json.gz';
  const run = (data: string) =>
    runAction('drift-report', { workspace: ws, inputs: { pipeline: SCAM, data, model, token: 't0ken', 'retrain-workflow': 'retrain.yml' }, apiUrl: gh.url, env: { GITHUB_REF_NAME: 'main', GITHUB_RUN_ID: '77', GITHUB_SERVER_URL: 'https://github.com' } });

  test('two drifted runs: one issue, updated; one retrain per run; a clean run closes the issue', async () => {
    const first = await run('data/scam-calls/2026-10.csv');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ verdict: 'drift', drift: 'true', 'issue-number': '1' });
    const second = await run('data/scam-calls/2026-10.csv');
    expect(second.outputs['issue-number']).toBe('1');
    expect(repo.issues).toHaveLength(1);
    const issue = repo.issues[0]!;
    expect(issue).toMatchObject({ state: 'open', labels: ['mlops-drift'] });
    expect(issue.title).toMatch(/^Drift in scam-calls: 4 of 9 features/);
    expect(issue.body).toMatch(/^<!-- mlops-actions:drift-report:scam-calls -->/);
    expect(repo.dispatches).toEqual([
      { workflow: 'retrain.yml', ref: 'main', inputs: { pipeline: SCAM, reason: expect.stringMatching(/^drift: 4 of 9 features/) } },
      { workflow: 'retrain.yml', ref: 'main', inputs: { pipeline: SCAM, reason: expect.stringMatching(/^drift: 4 of 9 features/) } },
    ]);
    const clean = await run('data/scam-calls/2026-09.csv');
    expect(clean.code).toBe(0);
    expect(clean.outputs).toMatchObject({ verdict: 'no-drift', 'issue-number': '1' });
    expect(repo.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(repo.issues[0]!.comments.at(-1)).toMatch(/The drift is gone/);
    expect(repo.dispatches).toHaveLength(2);
    const again = await run('data/scam-calls/2026-09.csv');
    expect(again.outputs['issue-number']).toBe('');
  }, 120_000);

  test('retrain-workflow given as empty starts nothing (the runner passes it empty; its default is not put back)', async () => {
    const r = await runAction('drift-report', { workspace: ws, inputs: { pipeline: SCAM, data: 'data/scam-calls/2026-10.csv', model, token: 't0ken', 'retrain-workflow': '' }, apiUrl: gh.url, env: { GITHUB_REF_NAME: 'main' } });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'drift', 'issue-number': '1' });
    expect(repo.dispatches).toEqual([]);
  }, 120_000);

  test('two overlapping drifted runs leave one open issue', async () => {
    const [a, b] = await Promise.all([run('data/scam-calls/2026-10.csv'), run('data/scam-calls/2026-10.csv')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(repo.issues.filter((i) => i.state === 'open')).toHaveLength(1);
    expect(a.outputs['issue-number']).toBe(b.outputs['issue-number']);
    expect(repo.dispatches).toHaveLength(2);
  }, 120_000);

  test('a token without issues: write fails the step and says so; the report is still written', async () => {
    repo.failNext['issues/create'] = [403];
    const r = await run('data/scam-calls/2026-10.csv');
    expect(r.code).toBe(1);
    expect(r.commands.find((c) => c.command === 'error')?.message).toMatch(/the drift issue could not be written .*issues: write/);
    expect(r.outputs).toMatchObject({ drift: 'true', report: 'out/scam-calls/drift-report.md' });
  }, 60_000);
});
