// mlops site on the local registry: what comes from files anyone could edit (drift summaries, a damaged
// version) is escaped or reported, never trusted; the output folder is replaced whole, and a folder the
// site did not write is not touched.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { safeHref, escapeHtml } from '../src/engine/html/page.ts';
import { cli } from './support/cli.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
let ws: string;

beforeAll(async () => {
  ws = await exampleWorkspace();
  await writeFiles(ws, { [P]: `${await readFile(path.join(ws, P), 'utf8')}model:\n  trees: 8\n` });
  expect((await cli(ws, 'run', '--pipeline', P)).code).toBe(0);
}, 120_000);

test('a hostile drift summary is shown as text, and one that is not a report is named, not shown', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  await writeFiles(ws, {
    'models/spam-detector/drift/2026-11-01T00-00-00.000Z.json': JSON.stringify({ format: 'mlops-drift/1', at: '2026-11-01T00:00:00.000Z', verdict: 'drift', share: 0.5, drifted_features: [evil, '"><script>x</script>'], columns: [], current_rows: 10, champion: { source: `</td>${evil}` }, performance: { estimated: { accuracy: 0.8, interval: [0.7, 0.9] }, measured: null, reference_accuracy: 0.9 } }),
    'models/spam-detector/drift/2026-11-02T00-00-00.000Z.json': '{"format": "something else"}',
  });
  const run = await cli(ws, 'site', '--output', 'out/site-a', '--json');
  expect(run.code).toBe(0);
  const page = await readFile(path.join(ws, 'out/site-a/spam-detector.html'), 'utf8');
  expect(page).not.toContain('<img');
  expect(page).not.toContain('<script');
  expect(page).toContain(escapeHtml(evil));
  expect(page).toContain('the drift summary of 2026-11-02T00:00:00.000Z is not an mlops-drift/1 report; left out');
  expect(page).toMatch(/<svg class="chart" id="drift-chart"/);
});

test('a version changed after publishing is marked damaged; the others are shown', async () => {
  const ws2 = await exampleWorkspace();
  await writeFiles(ws2, { [P]: `${await readFile(path.join(ws2, P), 'utf8')}model:\n  trees: 8\n` });
  expect((await cli(ws2, 'run', '--pipeline', P)).code).toBe(0);
  await writeFiles(ws2, { [P]: (await readFile(path.join(ws2, P), 'utf8')).replace('trees: 8', 'trees: 30') });
  expect((await cli(ws2, 'train', '--pipeline', P)).code).toBe(0);
  expect((await cli(ws2, 'evaluate', '--pipeline', P, '--model', 'out/spam-detector/model.json')).code).toBe(0);
  expect((await cli(ws2, 'compare-to-champion', '--pipeline', P, '--candidate', 'out/spam-detector/model.json')).code).toBeLessThan(2);
  expect((await cli(ws2, 'publish-model', '--pipeline', P, '--model', 'out/spam-detector/model.json', '--force', 'true')).code).toBe(0);
  await writeFile(path.join(ws2, 'models/spam-detector/v1/metrics.json'), '{"accuracy": 1}\n');
  const run = await cli(ws2, 'site', '--json');
  expect(run.code).toBe(0);
  const page = await readFile(path.join(ws2, 'out/site/spam-detector.html'), 'utf8');
  expect(page).toMatch(/<tr id="v1">.*<span class="tag damaged">damaged<\/span><br><span class="muted">models\/spam-detector\/v1: checksum mismatch: metrics.json has sha256 [0-9a-f]{64}, but SHA256SUMS lists/);
  expect(page).toContain('<h2 id="champion-h">Champion: v2</h2>');
}, 120_000);

test('the output folder is replaced whole; a folder the site did not write is refused', async () => {
  expect((await cli(ws, 'site', '--output', 'out/site-b')).code).toBe(0);
  await writeFile(path.join(ws, 'out/site-b/stale.html'), 'old');
  expect((await cli(ws, 'site', '--output', 'out/site-b')).code).toBe(0);
  expect((await readdir(path.join(ws, 'out/site-b'))).sort()).toEqual(['index.html', 'scam-calls.html', 'site.json', 'spam-detector.html', 'taxi-demand.html']);
  await mkdir(path.join(ws, 'docs-here'), { recursive: true });
  await writeFile(path.join(ws, 'docs-here/notes.md'), 'mine');
  const refused = await cli(ws, 'site', '--output', 'docs-here');
  expect(refused.code).toBe(2);
  expect(refused.err).toContain('docs-here holds files that mlops site did not write; choose another output folder, or pass --overwrite to replace it');
  expect(await readFile(path.join(ws, 'docs-here/notes.md'), 'utf8')).toBe('mine');
  // Nothing half-written is left beside it.
  expect((await readdir(ws)).filter((n) => n.includes('.tmp'))).toEqual([]);
});

test('links from data take http(s) and relative addresses only', () => {
  expect(safeHref('https://github.com/o/r/releases/tag/x-v1')).toBe('https://github.com/o/r/releases/tag/x-v1');
  expect(safeHref('../../models/x/v1/model-card.md')).toBe('../../models/x/v1/model-card.md');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', '//evil.example/x', '\\\\evil.example\\x', 'vbscript:x']) expect(safeHref(bad)).toBeUndefined();
});
