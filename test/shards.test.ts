// Sharded training: shard i of N trains its range of trees, merge packages them, and the model is
// byte-identical to the one a single runner trains with the same seed, for N that divides the tree
// count and N that does not, whatever the threads of each shard. Shards of another run, a missing or
// doubled shard and a file that is not one are refused, naming the file.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseShardSpec, shardRange } from '../src/engine/forest/shards.ts';
import { cli } from './support/cli.ts';
import { exampleWorkspace } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';
const PARAMS = '{"trees": 10}';
const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

let ws: string;
let single: string;
beforeAll(async () => {
  ws = await exampleWorkspace();
  const r = await cli(ws, 'train', '--pipeline', P, '--params', PARAMS, '--output', 'out/single.json', '--threads', '2');
  expect(r.code).toBe(0);
  single = await sha(path.join(ws, 'out/single.json'));
}, 60_000);

async function shardsOf(n: number, dir: string, threads = (i: number) => String(1 + (i % 2))) {
  for (let i = 1; i <= n; i++) {
    const r = await cli(ws, 'train', '--pipeline', P, '--params', PARAMS, '--shard', `${i}/${n}`, '--output', `${dir}/shard-${i}.json.gz`, '--threads', threads(i), '--json');
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const { first, end } = shardRange({ index: i, count: n }, 10);
    expect(r.err).toMatch(new RegExp(`shard ${i}/${n}: training trees ${first}–${end - 1} of 10|shard ${i}/${n}: no trees`));
  }
}

test.each([1, 3, 4, 7])('%i shards, merged: byte-identical to one runner', async (n) => {
  await shardsOf(n, `out/shards-${n}`);
  const merged = await cli(ws, 'train', '--pipeline', P, '--params', PARAMS, '--merge', `out/shards-${n}/*.json.gz`, '--output', `out/merged-${n}.json`, '--json');
  expect(merged.code).toBe(0);
  expect(merged.err).toMatch(new RegExp(`merged 10 trees from ${n} shard`));
  expect(await sha(path.join(ws, `out/merged-${n}.json`))).toBe(single);
}, 120_000);

test('shard specs: 1 ≤ i ≤ N ≤ 256; the ranges cover every tree once, sizes differing by at most one', () => {
  expect(parseShardSpec('2/4')).toEqual({ index: 2, count: 4 });
  for (const bad of ['0/4', '5/4', '1/257', 'a/b', '1', '']) expect(parseShardSpec(bad)).toBeUndefined();
  for (const n of [1, 3, 7, 256]) {
    const sizes = Array.from({ length: n }, (_, i) => shardRange({ index: i + 1, count: n }, 200));
    expect(sizes[0]!.first).toBe(0);
    expect(sizes[n - 1]!.end).toBe(200);
    for (let i = 1; i < n; i++) expect(sizes[i]!.first).toBe(sizes[i - 1]!.end);
    const lengths = sizes.map((s) => s.end - s.first);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
  }
});

test('refused: a missing shard, a doubled one, one of other parameters, a file that is not a shard, a bad spec', async () => {
  await shardsOf(3, 'out/bad');
  const merge = (glob: string, params = PARAMS) => cli(ws, 'train', '--pipeline', P, '--params', params, '--merge', glob, '--output', 'out/merged-bad.json');
  const missing = await merge('out/bad/shard-[12].json.gz');
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/the merge input: lacks trees 6, 7, 8, 9 of 10: a shard is missing \(2 given\)/);
  await writeFile(path.join(ws, 'out/bad/copy.json.gz'), await readFile(path.join(ws, 'out/bad/shard-2.json.gz')));
  const doubled = await merge('out/bad/*.json.gz');
  expect(doubled.code).toBe(2);
  expect(doubled.err).toMatch(/shard-2\.json\.gz: holds tree 3, which out\/bad\/copy\.json\.gz holds too \(a shard given twice\?\)/);
  const other = await merge('out/bad/shard-*.json.gz', '{"trees": 10, "seed": 7}');
  expect(other.code).toBe(2);
  expect(other.err).toMatch(/shard-1\.json\.gz: was trained on other data, config, parameters or code than this merge reads/);
  await writeFile(path.join(ws, 'out/bad/shard-9.json.gz'), '{"format": "mlops-model"}');
  const notShard = await merge('out/bad/shard-*.json.gz');
  expect(notShard.code).toBe(2);
  expect(notShard.err).toMatch(/shard-9\.json\.gz: is not a shard \(format "mlops-model", expected "mlops-shard"\)/);
  const spec = await cli(ws, 'train', '--pipeline', P, '--shard', '5/4');
  expect(spec.code).toBe(2);
  expect(spec.err).toMatch(/input "shard": "5\/4" is not i\/N with 1 ≤ i ≤ N ≤ 256/);
  const both = await cli(ws, 'train', '--pipeline', P, '--shard', '1/2', '--merge', 'out/bad/*.json.gz');
  expect(both.code).toBe(2);
  expect(both.err).toMatch(/input "merge": give shard or merge, not both/);
}, 120_000);
