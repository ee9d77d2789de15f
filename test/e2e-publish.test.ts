// publish-model's bundle against the OpenAPI-checked fake GitHub: one release per version whatever
// fails and whenever it is run again; a loser and a stale comparison are refused.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli } from './support/cli.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { FakePullRequest } from './support/fake-pr.ts';
import { runAction } from './support/run-action.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
const ASSETS = ['spam-detector-model.json.gz', 'model.onnx', 'metrics.json', 'model-card.md', 'comparison.json', 'release.json', 'SHA256SUMS'];

let ws: string;
let gh: FakeGitHub;
let repo: FakePullRequest;
beforeAll(async () => {
  ws = await exampleWorkspace();
  expect((await cli(ws, 'train', '--pipeline', P, '--params', '{"trees": 8}')).code).toBe(0);
  expect((await cli(ws, 'evaluate', '--pipeline', P, '--model', 'out/spam-detector/model.json')).code).toBe(0);
});
beforeEach(async () => {
  gh = await new FakeGitHub().start();
  repo = new FakePullRequest(gh);
  // The comparison against this (empty) repository: a first model.
  expect((await compare()).outputs.decision).toBe('first-model');
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const compare = () => runAction('compare-to-champion', { workspace: ws, inputs: { pipeline: P, candidate: 'out/spam-detector/model.json', token: 't0ken' }, apiUrl: gh.url });
const publish = (inputs: Record<string, string> = {}) => runAction('publish-model', { workspace: ws, inputs: { pipeline: P, token: 't0ken', force: 'false', ...inputs }, apiUrl: gh.url, env: { SOURCE_DATE_EPOCH: '1767225600' } });
const error = (run: Awaited<ReturnType<typeof publish>>) => run.commands.find((c) => c.command === 'error')?.message ?? '';

function expectOneCompleteRelease(): void {
  expect(repo.releases).toHaveLength(1);
  const r = repo.releases[0]!;
  expect(r).toMatchObject({ tag_name: 'spam-detector-v1', draft: false });
  expect(r.assets.map((a) => a.name).sort()).toEqual([...ASSETS].sort());
  expect(r.assets.every((a) => a.state === 'uploaded')).toBe(true);
  const sums = r.assets.find((a) => a.name === 'SHA256SUMS')!.bytes.toString();
  for (const a of r.assets.filter((x) => x.name !== 'SHA256SUMS')) expect(sums).toContain(`${createHash('sha256').update(a.bytes).digest('hex')}  ${a.name}\n`);
}

test('a first model becomes v1: a draft, its assets checked, then published; the body is the model card', async () => {
  const run = await publish();
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expectOneCompleteRelease();
  const r = repo.releases[0]!;
  expect(run.outputs).toMatchObject({ version: '1', tag: 'spam-detector-v1', 'release-url': 'https://github.com/octo-org/octo-repo/releases/tag/spam-detector-v1' });
  const model = r.assets.find((a) => a.name === 'spam-detector-model.json.gz')!.bytes;
  expect(run.outputs['model-digest']).toBe(`sha256:${createHash('sha256').update(model).digest('hex')}`);
  expect(gunzipSync(model)).toEqual(await readFile(path.join(ws, 'out/spam-detector/model.json')));
  expect(r.body).toMatch(/^---\nlibrary_name: mlops-actions\n[\s\S]*model-index:\n[\s\S]*---\n\n# spam-detector v1\n/);
  expect(r.body).toContain('## Intended use');
  expect(r.body).toContain('## Limitations');
  // Drafts first: the create asked for one, and the publish came last.
  const ops = gh.requests.map((q) => q.operation?.operationId);
  expect(gh.requests.find((q) => q.operation?.operationId === 'repos/create-release')?.body).toMatchObject({ tag_name: 'spam-detector-v1', draft: true });
  expect(ops.lastIndexOf('repos/update-release')).toBeGreaterThan(ops.lastIndexOf('repos/upload-release-asset'));
  // No id-token permission: a notice, not a failure.
  expect(run.commands.find((c) => c.command === 'notice')?.message).toMatch(/no provenance attestation .* does not grant id-token: write/);
  // Run again: nothing new.
  const again = await publish();
  expect(again.code).toBe(0);
  expect(again.outputs.version).toBe('1');
  expectOneCompleteRelease();
});

test.each([
  ['the release create fails', { fail: { 'repos/create-release': { call: 1, status: 422 } } }],
  ['the release create answers nothing although it made the draft', { lose: { 'repos/create-release': 1 } }],
  ['an asset upload fails between assets', { fail: { 'repos/upload-release-asset': { call: 3, status: 422 } } }],
  ['an asset upload answers nothing although it stored the asset', { lose: { 'repos/upload-release-asset': 2 } }],
  ['the publish call fails', { fail: { 'repos/update-release': { call: 1, status: 422 } } }],
  ['the publish call answers nothing although it published', { lose: { 'repos/update-release': 1 } }],
])('%s: a re-run completes the same release, never a second one or a duplicate asset', async (_name, faults: { fail?: FakePullRequest['failOnCall']; lose?: Record<string, number> }) => {
  Object.assign(repo.failOnCall, faults.fail ?? {});
  Object.assign(repo.loseResponses, faults.lose ?? {});
  const first = await publish();
  if (first.code === 0) expectOneCompleteRelease();
  else expect(error(first)).toMatch(/^publish-model: /);
  const second = await publish();
  expect(second.code).toBe(0);
  expect(second.outputs.tag).toBe('spam-detector-v1');
  expectOneCompleteRelease();
});

test('a half-uploaded asset left by a crash is replaced, and a matching one is kept', async () => {
  expect((await publish({})).code).toBe(0);
  const r = repo.releases[0]!;
  // Make it a draft again, with one asset broken and one gone, as a crash would leave it.
  r.draft = true;
  r.assets.find((a) => a.name === 'metrics.json')!.state = 'open';
  r.assets = r.assets.filter((a) => a.name !== 'SHA256SUMS');
  const kept = r.assets.find((a) => a.name === 'model-card.md')!.id;
  const before = gh.requests.length;
  const run = await publish();
  expect(run.code).toBe(0);
  expectOneCompleteRelease();
  const uploads = gh.requests.slice(before).filter((q) => q.operation?.operationId === 'repos/upload-release-asset').map((q) => q.query.get('name'));
  expect(uploads.sort()).toEqual(['SHA256SUMS', 'metrics.json']);
  expect(repo.releases[0]!.assets.find((a) => a.name === 'model-card.md')!.id).toBe(kept);
});

test('a rejected candidate is refused (exit 1), and nothing is published; force publishes it', async () => {
  const record = JSON.parse(await readFile(path.join(ws, 'out/spam-detector/comparison.json'), 'utf8'));
  await writeFiles(ws, { 'out/rejected.json': JSON.stringify({ ...record, decision: 'reject', promote: false, reasons: ['accuracy misses the floor'] }) });
  const run = await publish({ comparison: 'out/rejected.json' });
  expect(run.code).toBe(1);
  expect(error(run)).toBe('publish-model: the comparison decided "reject", so nothing is published (force: true publishes anyway): accuracy misses the floor');
  expect(repo.releases).toHaveLength(0);
  const forced = await publish({ comparison: 'out/rejected.json', force: 'true' });
  expect(forced.code).toBe(0);
  expectOneCompleteRelease();
});

test('a champion that moved since the comparison is refused: the workflow compares again', async () => {
  // Another merge published a champion after this candidate was compared (against none).
  repo.publishChampion('spam-detector', await readFile(path.join(ws, 'out/spam-detector/model.json')).then((b) => Buffer.from(b.toString().replace('"seed":42', '"seed":43'))));
  const run = await publish();
  expect(run.code).toBe(1);
  expect(error(run)).toMatch(/^publish-model: the champion changed since the comparison \(it was none, it is now release spam-detector-v1 \([0-9a-f]{12}…\)\); nothing is published/);
  expect(repo.releases).toHaveLength(1);
});

test('no token: refused, naming the input', async () => {
  const run = await publish({ token: '' });
  expect(run.code).toBe(1);
  expect(error(run)).toMatch(/^publish-model: input "token": no token, so there is no registry to publish to/);
});
