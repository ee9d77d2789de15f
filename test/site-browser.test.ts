// The registry site and the drift report as a person sees them, in Debian's Chromium: a local registry
// with five versions (one published by a rollback) and drift reports, built by the CLI as a user would.
// Each page loads with no console error (a blocked style or request would log one: the CSP is strict),
// makes no request but for itself, reads without JavaScript, fits a phone, and shows the champion, one
// chart point per version and the rollback. Screenshots go to out/screenshots/.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { cli } from './support/cli.ts';
import { launchBrowser, SCREENSHOTS, watchedPage } from './support/browser.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
let browser: Browser;
let ws: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ws = await exampleWorkspace();
  const base = await readFile(path.join(ws, P), 'utf8');
  for (const trees of [12, 40, 25]) {
    await writeFiles(ws, { [P]: `${base}model:\n  trees: ${trees}\n` });
    const run = await cli(ws, 'run', '--pipeline', P, '--json');
    expect(run.code).toBe(0);
    // A run that did not promote is published by force: the site marks it.
    if (!JSON.parse(run.out)['publish-model']) expect((await cli(ws, 'publish-model', '--pipeline', P, '--model', 'out/spam-detector/model.json', '--metrics', 'out/spam-detector/metrics.json', '--force', 'true')).code).toBe(0);
  }
  expect((await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', '1')).code).toBe(0);
  // Two drift reports: a sample of the training data, and the same rows with every feature shifted.
  const rows = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trimEnd().split('\n');
  const target = rows[0]!.split(',').map((h) => h.replace(/"/g, '')).indexOf('type');
  // Every fourth row: a sample of both classes (the file lists the spam first).
  const sample = rows.slice(1).filter((_, i) => i % 4 === 0);
  const shifted = sample.map((line) => line.split(',').map((v, i) => (i === target ? v : String(Number(v) * 3 + 0.5))).join(','));
  await writeFiles(ws, { 'fresh.csv': `${rows[0]}\n${sample.join('\n')}\n`, 'shifted.csv': `${rows[0]}\n${shifted.join('\n')}\n` });
  expect((await cli(ws, 'drift-report', '--pipeline', P, '--data', 'fresh.csv')).code).toBe(0);
  await new Promise((r) => setTimeout(r, 5)); // two stamps, never the same millisecond
  expect((await cli(ws, 'drift-report', '--pipeline', P, '--data', 'shifted.csv')).code).toBe(0);
  // A pipeline with a text feature, and a batch whose calls talk of UPI instead of bank websites.
  for (const month of ['09', '10']) await writeFile(path.join(ws, `data/scam-calls/2026-${month}.csv`), await readFile(path.join(REPO_ROOT, `data/scam-calls/2026-${month}.csv`)));
  expect((await cli(ws, 'run', '--pipeline', 'pipelines/scam-calls.yml')).code).toBe(0);
  expect((await cli(ws, 'drift-report', '--pipeline', 'pipelines/scam-calls.yml', '--data', 'data/scam-calls/2026-10.csv')).code).toBe(0);
  const site = await cli(ws, 'site', '--json');
  expect(site.code).toBe(0);
  expect(JSON.parse(site.out)).toMatchObject({ path: 'out/site', index: 'out/site/index.html', pipelines: 3, versions: 5 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

async function look(file: string, shot: string, viewport?: { width: number; height: number }) {
  const { page, errors, requests } = await watchedPage(browser, viewport);
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.screenshot({ path: path.join(SCREENSHOTS, shot), fullPage: true });
  return { page, errors, requests: requests.filter((r) => r !== url) };
}

test('the index lists every pipeline with its champion, and loads nothing but itself', async () => {
  const { page, errors, requests } = await look(path.join(ws, 'out/site/index.html'), 'site-index.png');
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  const names = await page.locator('tbody th[scope=row]').allTextContents();
  expect(names).toEqual(['scam-calls', 'spam-detector', 'taxi-demand']);
  const spam = page.locator('tbody tr', { hasText: 'spam-detector' });
  expect(await spam.locator('td').first().textContent()).toBe('v4');
  // The link goes to the pipeline's page.
  await spam.locator('a').click();
  expect(page.url()).toMatch(/spam-detector\.html$/);
  await page.close();
}, 60_000);

test('a pipeline\'s page shows the champion, one chart point per version, the rollback, and the drift history', async () => {
  const { page, errors, requests } = await look(path.join(ws, 'out/site/spam-detector.html'), 'site-pipeline.png');
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  expect(await page.locator('#champion-h').textContent()).toBe('Champion: v4');
  // Version 4 is the rollback to version 1: the same model digest.
  const digest = await page.locator('dl.facts dd code').first().textContent();
  const v1 = JSON.parse(await readFile(path.join(ws, 'models/spam-detector/v1/release.json'), 'utf8'));
  expect(digest).toBe(`sha256:${v1.model_sha256}`);
  expect(await page.locator('svg#metric-chart circle.point').count()).toBe(4);
  expect(await page.locator('svg#metric-chart circle.point.champion').count()).toBe(1);
  expect(await page.locator('svg#metric-chart circle.point.rollback').count()).toBe(1);
  expect(await page.locator('svg#metric-chart circle.point.rollback title').textContent()).toContain('v4');
  expect(await page.locator('#versions tbody tr').count()).toBe(4);
  expect(await page.locator('#versions tr.rollback').textContent()).toContain('rollback to v1');
  // The chart's text alternative, and the band of 95% intervals.
  expect(await page.locator('svg#metric-chart').getAttribute('role')).toBe('img');
  expect(await page.locator('#metric-chart-desc').textContent()).toContain('The champion, v4');
  expect(await page.locator('svg#metric-chart polygon.band').count()).toBeGreaterThan(0);
  // Drift: two reports, the newest (the shifted batch) found drift.
  const drift = page.locator('#drift-table tbody tr');
  expect(await drift.count()).toBe(2);
  expect(await drift.first().locator('.tag').textContent()).toBe('drift');
  expect(await drift.first().textContent()).toMatch(/and \d+ more/);
  expect(await drift.last().locator('.tag').textContent()).toBe('no-drift');
  expect(await page.locator('svg#drift-chart circle.point').count()).toBe(2);
  expect(await page.locator('svg#drift-chart circle.point.drift').count()).toBe(1);
  // Every release file is linked, and the links lead to the files.
  const card = await page.locator('#versions tr#v2 a', { hasText: 'model card' }).getAttribute('href');
  expect(await readFile(path.resolve(ws, 'out/site', decodeURIComponent(card!)), 'utf8')).toContain('# spam-detector v2');
  await page.close();
}, 60_000);

test('on a phone the page fits its width, and the keyboard reaches the content first', async () => {
  const { page, errors } = await look(path.join(ws, 'out/site/spam-detector.html'), 'site-pipeline-phone.png', { width: 390, height: 844 });
  expect(errors).toEqual([]);
  const [scroll, width] = await Promise.all([page.evaluate<number>('document.documentElement.scrollWidth'), page.evaluate<number>('window.innerWidth')]);
  expect(scroll).toBeLessThanOrEqual(width);
  await page.keyboard.press('Tab');
  expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Skip to the content');
  await page.keyboard.press('Tab');
  expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Registry');
  await page.close();
}, 60_000);

test('the drift report\'s HTML loads clean under the same policy', async () => {
  const { page, errors, requests } = await look(path.join(ws, 'out/spam-detector/drift-report.html'), 'drift-report.png');
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  expect(await page.locator('h1').textContent()).toBe('Drift report: spam-detector');
  expect(await page.locator('tr.drift').count()).toBeGreaterThanOrEqual(2);
  await page.close();
}, 60_000);

test('a text feature\'s drift is shown by its words, and a rare word is never named', async () => {
  const { page, errors, requests } = await look(path.join(ws, 'out/scam-calls/drift-report.html'), 'drift-report-words.png');
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  const words = await page.locator('ul.words li').first().textContent();
  expect(words).toMatch(/^transcript: rose: upi \d+\.\d% → \d+\.\d%.*; fell: .*bank /);
  // The chart of the column names words, with the rest in hashed buckets.
  const labels = await page.locator('figure', { hasText: 'transcript' }).locator('rect title').allTextContents();
  expect(labels.some((t) => /^[a-z]+: /.test(t))).toBe(true);
  // The package that goes into a public release names only words of at least 20 training rows.
  const pkg = JSON.parse((await import('node:zlib')).gunzipSync(await readFile(path.join(ws, 'models/scam-calls/v1/scam-calls-model.json.gz'))).toString('utf8'));
  const kept = Object.keys(pkg.profile.transcript.words);
  expect(kept.length).toBeGreaterThan(20);
  const train = (await readFile(path.join(ws, 'data/scam-calls/2026-08.csv'), 'utf8')).toLowerCase();
  const rowsWith = (w: string) => train.split('\n').filter((l) => new RegExp(`(^|[^\\p{L}\\p{N}_$!])${w.replace(/[$]/g, '\\$')}($|[^\\p{L}\\p{N}_$!])`, 'u').test(l)).length;
  for (const w of kept.slice(-5)) expect(rowsWith(w)).toBeGreaterThanOrEqual(20);
  await page.close();
}, 60_000);

test('the check sees what it must: a style the policy blocks is a console error', async () => {
  const html = (await readFile(path.join(ws, 'out/site/index.html'), 'utf8')).replace('<main id="main">', '<main id="main" style="color: red">');
  const file = path.join(ws, 'out/blocked.html');
  await writeFile(file, html);
  const { errors } = await look(file, 'blocked.png');
  expect(errors.join('\n')).toMatch(/Content Security Policy/);
}, 60_000);
