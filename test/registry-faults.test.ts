// The local registry on a bad day: a damaged champion must not block the rollback that would replace
// it, a damaged record must not hide the other versions, every file a version lists is checked, and
// two publishes racing for the same version end with exactly one new version and one clear refusal.
import { spawn } from 'node:child_process';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { cli } from './support/cli.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';
import { localRegistry } from '../src/adapters/local-registry.ts';
import { publishModel } from '../src/steps/publish.ts';
import type { Registry, StepIO } from '../src/steps/io.ts';
import type { InputsOf } from '../src/steps/specs.ts';

const P = 'pipelines/spam-detector.yml';
const V = (ws: string, v: number, f = '') => path.join(ws, 'models/spam-detector', `v${v}`, f);
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A registry with v1 (12 trees) and v2 (40 trees), and a pristine copy to restore between tests. */
let pristine: string;
beforeAll(async () => {
  pristine = await exampleWorkspace();
  await writeFiles(pristine, { [P]: `${await readFile(path.join(pristine, P), 'utf8')}model:\n  trees: 12\n` });
  expect((await cli(pristine, 'run', '--pipeline', P)).code).toBe(0);
  await writeFiles(pristine, { [P]: (await readFile(path.join(pristine, P), 'utf8')).replace('trees: 12', 'trees: 40') });
  const second = await cli(pristine, 'run', '--pipeline', P, '--json');
  expect(second.code).toBe(0);
  expect(JSON.parse(second.out)['publish-model'].version).toBe(2);
}, 120_000);

async function fresh(): Promise<string> {
  const ws = `${pristine}-${Math.random().toString(36).slice(2)}`;
  await cp(pristine, ws, { recursive: true });
  return ws;
}

/** Rewrites a version's SHA256SUMS to match its files as they are (a forger's or a careless hand's). */
async function resum(ws: string, v: number): Promise<void> {
  const names = (await readdir(V(ws, v))).filter((n) => n !== 'SHA256SUMS').sort();
  const lines = await Promise.all(names.map(async (n) => `${sha(await readFile(V(ws, v, n)))}  ${n}\n`));
  await writeFile(V(ws, v, 'SHA256SUMS'), lines.join(''));
}

test('a rollback works when the champion is damaged: it reads only the version it restores, and warns', async () => {
  const ws = await fresh();
  const card = await readFile(V(ws, 2, 'model-card.md'));
  card[10] = card[10]! ^ 1;
  await writeFile(V(ws, 2, 'model-card.md'), card);
  const r = await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', '1', '--json');
  expect(r.err).not.toContain('internal error');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ version: 3, tag: 'spam-detector-v3' });
  expect(r.err).toMatch(/warning: the champion cannot be verified \(models\/spam-detector\/v2: checksum mismatch: model-card\.md .*\); the rollback goes on/);
  const rec = JSON.parse(await readFile(V(ws, 3, 'release.json'), 'utf8'));
  expect(rec).toMatchObject({ rollback_of: 1, previous: { version: 2 } });
  // The restored version serves as the champion now.
  expect(JSON.parse((await cli(ws, 'history', '--pipeline', P, '--json')).out).at(-1)).toMatchObject({ version: 3, champion: true });
});

test('a hand-edited release.json of an old version: history lists it as damaged and goes on; the others still roll back', async () => {
  const ws = await fresh();
  const rec = JSON.parse(await readFile(V(ws, 1, 'release.json'), 'utf8'));
  await writeFile(V(ws, 1, 'release.json'), JSON.stringify({ ...rec, reasons: 5 }));
  const h = await cli(ws, 'history', '--pipeline', P, '--json');
  expect(h.code).toBe(0);
  const list = JSON.parse(h.out) as { version: number; damaged: string | null; champion: boolean }[];
  expect(list.map((e) => [e.version, e.damaged !== null, e.champion])).toEqual([[1, true, false], [2, false, true]]);
  expect(list[0]!.damaged).toContain('"reasons" is not a list of text: the record is damaged');
  const text = (await cli(ws, 'history', '--pipeline', P)).out;
  expect(text).toMatch(/v1 .* damaged/);
  expect(text).toContain('DAMAGED: models/spam-detector/v1 release.json: "reasons" is not a list of text');
  // The damaged version itself is refused by name, never half-trusted.
  const back = await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', '1');
  expect(back.code).toBe(2);
  expect(back.err).toContain('models/spam-detector/v1');
});

test('every file SHA256SUMS lists must be there', async () => {
  const ws = await fresh();
  await rm(V(ws, 1, 'metrics.json'));
  const r = await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', '1');
  expect(r.code).toBe(2);
  expect(r.err).toContain('models/spam-detector/v1: SHA256SUMS lists "metrics.json", which is missing: the version is damaged');
});

test('a model whose digest is not the one release.json records is refused as damaged, though SHA256SUMS matches', async () => {
  const ws = await fresh();
  // v2's model put in v1's place, with SHA256SUMS recomputed: only release.json still says which model v1 was.
  await cp(V(ws, 2, 'spam-detector-model.json.gz'), V(ws, 1, 'spam-detector-model.json.gz'));
  await resum(ws, 1);
  const r = await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', '1');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/models\/spam-detector\/v1: spam-detector-model\.json\.gz has sha256 [0-9a-f]{64}, but release\.json records [0-9a-f]{64}: the version is damaged/);
});

/** Candidates a and b, each evaluated and compared against v2, in a fresh copy of the registry. */
async function twoCandidates(): Promise<string> {
  const ws = await fresh();
  for (const [name, trees] of [['a', 30], ['b', 31]] as const) {
    expect((await cli(ws, 'train', '--pipeline', P, '--params', JSON.stringify({ trees }), '--output', `out/${name}/model.json`)).code).toBe(0);
    expect((await cli(ws, 'evaluate', '--pipeline', P, '--model', `out/${name}/model.json`)).code).toBe(0);
    const c = await cli(ws, 'compare-to-champion', '--pipeline', P, '--candidate', `out/${name}/model.json`, '--fail-on-reject', 'false');
    expect(c.code).toBe(0);
    for (const f of ['metrics.json', 'comparison.json']) await cp(path.join(ws, 'out/spam-detector', f), path.join(ws, 'out', name, f));
  }
  return ws;
}

const publishFlags = (name: string) => ['--model', `out/${name}/model.json`, '--comparison', `out/${name}/comparison.json`, '--metrics', `out/${name}/metrics.json`, '--force'];

test('two publishes started at once: exactly one new version, and the other refused with exit 1, "the champion changed"', async () => {
  const ws = await twoCandidates();
  const publish = (name: string) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/mlops.js'), 'publish-model', '--pipeline', P, ...publishFlags(name)], { cwd: ws, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (code) => resolve({ code, err }));
    });
  const results = await Promise.all([publish('a'), publish('b')]);
  const codes = results.map((r) => r.code).sort();
  expect(results.map((r) => r.err).join('\n')).not.toMatch(/internal error|ENOTEMPTY|at .*\.js:\d+/);
  expect(codes).toEqual([0, 1]);
  expect(results.find((r) => r.code === 1)!.err).toContain('the champion changed');
  const versions = (await readdir(path.join(ws, 'models/spam-detector'))).filter((n) => /^v\d+$/.test(n)).sort();
  expect(versions).toEqual(['v1', 'v2', 'v3']);
  const pointer = JSON.parse(await readFile(path.join(ws, 'models/spam-detector/champion.json'), 'utf8'));
  expect(pointer.version).toBe(3);
  expect((await readdir(path.join(ws, 'models/spam-detector'))).filter((n) => n.startsWith('.'))).toEqual([]);
}, 120_000);

// The interleavings a real race only sometimes hits, made to happen: b is published by another
// process right after a's step has read the registry once, at each of its reads.
test.each(['versions', 'find'] as const)('another publish landing right after publish-model reads %s: refused, exit 1, and no version skipped', async (read) => {
  const ws = await twoCandidates();
  const inner = localRegistry(ws);
  let landed = false;
  const racing: Registry = {
    ...inner,
    [read]: async (pipeline: string) => {
      const seen = await (inner[read] as (p: string) => Promise<unknown>)(pipeline);
      if (!landed) {
        landed = true;
        expect((await cli(ws, 'publish-model', '--pipeline', P, ...publishFlags('b'))).code).toBe(0);
      }
      return seen;
    },
  } as Registry;
  const io: StepIO = { root: ws, cwd: ws, tmp: ws, registry: racing, champions: racing, provenance: async () => ({ commit: null, createdAt: '2026-01-01T00:00:00Z' }), info: () => {}, warning: () => {}, annotate: () => {} };
  const inputs = { pipeline: P, model: 'out/a/model.json', comparison: 'out/a/comparison.json', metrics: 'out/a/metrics.json', force: 'true', 'rollback-to': '', token: '' } as InputsOf<'publish-model'>;
  const result = await publishModel(inputs, io);
  expect(landed).toBe(true);
  expect(result.ok).toBe(false);
  expect(result.failure).toContain('the champion changed');
  const versions = (await readdir(path.join(ws, 'models/spam-detector'))).filter((n) => /^v\d+$/.test(n)).sort();
  expect(versions).toEqual(['v1', 'v2', 'v3']);
}, 120_000);

test('boolean flags stand bare, or take true or false; --force on publish-model is its own input', async () => {
  const ws = await fresh();
  const bare = await cli(ws, 'validate-data', '--pipeline', P, '--fail-on-error', '--json');
  expect(bare.code).toBe(0);
  expect((await cli(ws, 'validate-data', '--pipeline', P, '--fail-on-error', 'false', '--json')).code).toBe(0);
  expect((await cli(ws, 'validate-data', '--pipeline', P, '--fail-on-error=true', '--json')).code).toBe(0);
  const wrong = await cli(ws, 'validate-data', '--pipeline', P, '--fail-on-error=maybe');
  expect(wrong).toMatchObject({ code: 2, err: expect.stringContaining('the flag --fail-on-error is true or false, not "maybe"') });
  // --force true: the step's own input, publish though the comparison did not promote.
  expect((await cli(ws, 'train', '--pipeline', P, '--params', '{"trees": 40}', '--output', 'out/same.json')).code).toBe(0);
  const f = await cli(ws, 'publish-model', '--pipeline', P, '--model', 'out/same.json', '--force', 'true');
  expect(f.err).not.toContain('unknown flag');
  // --overwrite (and --force elsewhere) replaces an output file mlops did not write.
  await writeFile(path.join(ws, 'mine.json'), 'not ours');
  const refused = await cli(ws, 'validate-data', '--pipeline', P, '--report', 'mine.json');
  expect(refused.code).toBe(2);
  expect((await cli(ws, 'validate-data', '--pipeline', P, '--report', 'mine.json', '--overwrite')).code).toBe(0);
  await writeFile(path.join(ws, 'mine.json'), 'not ours');
  expect((await cli(ws, 'validate-data', '--pipeline', P, '--report', 'mine.json', '--force')).code).toBe(0);
  expect((await cli(ws, 'help')).out).toContain('--force is its older name, except on publish-model');
}, 60_000);

test('deploy never shows a url\'s credentials', async () => {
  const { redactUrl } = await import('../src/steps/deploy.ts');
  expect(redactUrl('https://user:secret@models.example.com/spam')).toBe('https://***@models.example.com/spam');
  expect(redactUrl('http://token@127.0.0.1:9/x')).toBe('http://***@127.0.0.1:9/x');
  expect(redactUrl('https://models.example.com/a@b')).toBe('https://models.example.com/a@b');
  const ws = await fresh();
  const r = await cli(ws, 'deploy', '--pipeline', P, '--url', 'http://user:s3cr3t-pw@127.0.0.1:9', '--admin-token', 'x'.repeat(32));
  expect(r.code).toBe(2);
  expect(r.err).toContain('http://***@127.0.0.1:9');
  expect(r.err).not.toContain('s3cr3t-pw');
});
