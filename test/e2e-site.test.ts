// The site and the drift history on GitHub, through the bundles against the OpenAPI-checked fake:
// drift-report keeps its summary as an asset of the champion's release (and never more than the newest
// 100 there); those assets are not part of the version, so publish and compare still verify it; the
// site action reads records, metrics and drift assets from the releases and links to their downloads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { githubDriftHistory } from '../src/adapters/github-drift-history.ts';
import { octokitFor } from '../src/adapters/github.ts';
import { DRIFT_KEPT } from '../src/engine/registry/contract.ts';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
let ws: string;
let gh: FakeGitHub;
let repo: FakePullRequest;

beforeAll(async () => {
  ws = await exampleWorkspace();
  gh = await new FakeGitHub().start();
  repo = new FakePullRequest(gh);
}, 60_000);
afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const action = (name: string, inputs: Record<string, string>) => runAction(name, { workspace: ws, inputs: { token: 't0ken', ...inputs }, apiUrl: gh.url });
const error = (run: Awaited<ReturnType<typeof action>>) => run.commands.find((c) => c.command === 'error')?.message ?? '';

async function candidate(trees: number, force: boolean) {
  expect((await cli(ws, 'train', '--pipeline', P, '--params', JSON.stringify({ trees }))).code).toBe(0);
  expect((await cli(ws, 'evaluate', '--pipeline', P, '--model', 'out/spam-detector/model.json')).code).toBe(0);
  const compare = await action('compare-to-champion', { pipeline: P, candidate: 'out/spam-detector/model.json' });
  expect(error(compare)).toBe('');
  const publish = await action('publish-model', { pipeline: P, force: String(force) });
  expect(error(publish)).toBe('');
  return publish.outputs;
}

test('drift summaries ride on the champion\'s release; publishing goes on; the site shows both versions and the history', async () => {
  expect((await candidate(8, false)).version).toBe('1');
  for (let i = 0; i < 2; i++) {
    const drift = await action('drift-report', { pipeline: P, data: 'data/spambase.csv', 'retrain-workflow': '' });
    expect(error(drift)).toBe('');
    expect(drift.stdout).toMatch(/kept the drift summary in the release spam-detector-v1 \(drift-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.json\)/);
  }
  const v1 = repo.releases.find((r) => r.tag_name === 'spam-detector-v1')!;
  expect(v1.assets.filter((a) => a.name.startsWith('drift-'))).toHaveLength(2);
  // The release still verifies (the summaries are not in SHA256SUMS, and are not taken for part of it).
  expect((await candidate(30, true)).version).toBe('2');

  const site = await action('site', { pipelines: P, output: 'out/gh-site' });
  expect(error(site)).toBe('');
  expect(site.outputs).toMatchObject({ path: 'out/gh-site', index: 'out/gh-site/index.html', pipelines: '1', versions: '2' });
  const page = await readFile(path.join(ws, 'out/gh-site/spam-detector.html'), 'utf8');
  expect(page).toContain('<h2 id="champion-h">Champion: v2</h2>');
  expect(page).toContain('href="https://github.com/octo-org/octo-repo/releases/download/spam-detector-v1/model-card.md"');
  expect(page.match(/<circle class="point/g)).toHaveLength(2 + 2); // two versions, two drift reports
  expect(page).toMatch(/forced/);
  const data = JSON.parse(await readFile(path.join(ws, 'out/gh-site/site.json'), 'utf8'));
  // Again with the previous site.json: the unchanged versions are not downloaded again.
  const downloads = () => gh.requests.filter((r) => r.operation?.operationId === 'repos/get-release-asset').length;
  const before = downloads();
  const again = await action('site', { pipelines: P, output: 'out/gh-site-2', previous: 'out/gh-site/site.json' });
  expect(error(again)).toBe('');
  expect(again.summary).toContain('2 unchanged versions taken from the previous site');
  // Only the drift summaries are read again (2), no version file.
  expect(downloads() - before).toBe(2);
  const noTime = (t: string) => t.replace(/As of [^<]+/g, '');
  expect(noTime(await readFile(path.join(ws, 'out/gh-site-2/spam-detector.html'), 'utf8'))).toBe(noTime(page));
  expect(data.pipelines[0].drift).toHaveLength(2);
  expect(data.pipelines[0].versions.map((v: { primary: { interval: unknown } }) => Array.isArray(v.primary.interval))).toEqual([true, true]);
}, 240_000);

test(`a release keeps the newest ${DRIFT_KEPT} drift summaries`, async () => {
  const v2 = repo.releases.find((r) => r.tag_name === 'spam-detector-v2')!;
  for (let i = 0; i < DRIFT_KEPT; i++) v2.assets.push({ id: 900_000 + i, name: `drift-2026-01-01T00-00-${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z.json`, bytes: Buffer.from('{}'), state: 'uploaded' });
  process.env.GITHUB_API_URL = gh.url;
  const history = githubDriftHistory(await octokitFor('t0ken', { warning: () => undefined }, { fetch: globalThis.fetch }), 'octo-org', 'octo-repo');
  expect(await history.record('spam-detector', '2026-12-31T00-00-00.000Z', Buffer.from('{"format":"mlops-drift/1"}'))).toBe('the release spam-detector-v2 (drift-2026-12-31T00-00-00.000Z.json)');
  const kept = v2.assets.filter((a) => a.name.startsWith('drift-')).map((a) => a.name).sort();
  expect(kept).toHaveLength(DRIFT_KEPT);
  expect(kept[kept.length - 1]).toBe('drift-2026-12-31T00-00-00.000Z.json');
  expect(kept).not.toContain('drift-2026-01-01T00-00-00.000Z.json');
  // The site's list: the newest DRIFT_KEPT over every release (v1's two of today push out two of v2's oldest).
  const listed = await history.list('spam-detector');
  expect(listed).toHaveLength(DRIFT_KEPT);
  expect(listed[listed.length - 1]!.stamp).toBe('2026-12-31T00-00-00.000Z');
}, 60_000);
