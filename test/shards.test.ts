// Sharded training: shard i of N trains its range of trees, merge packages them, and the model is
// byte-identical to the one a single runner trains with the same seed, for N that divides the tree
// count and N that does not, whatever the threads of each shard. Shards of another run, a missing or
// doubled shard and a file that is not one are refused, naming the file.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { crc32, gzipSync } from 'node:zlib';
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
    const r = await cli(ws, 'train', '--pipeline', P, '--params', PARAMS, '--shard', `${i}/${n}`, '--output', `${dir}/shard-${i}.shard`, '--threads', threads(i), '--json');
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const { first, end } = shardRange({ index: i, count: n }, 10);
    expect(r.err).toMatch(new RegExp(`shard ${i}/${n}: training trees ${first}–${end - 1} of 10|shard ${i}/${n}: no trees`));
  }
}

test.each([1, 3, 4, 7])('%i shards, merged: byte-identical to one runner', async (n) => {
  await shardsOf(n, `out/shards-${n}`);
  const merged = await cli(ws, 'train', '--pipeline', P, '--params', PARAMS, '--merge', `out/shards-${n}/*.shard`, '--output', `out/merged-${n}.json`, '--json');
  expect(merged.code).toBe(0);
  expect(merged.err).toMatch(new RegExp(`merged 10 trees from ${n} shard`));
  expect(await sha(path.join(ws, `out/merged-${n}.json`))).toBe(single);
}, 120_000);

// Regression ships a value table per tree, and a forest without bootstrap no out-of-bag votes.
test.each([
  ['taxi-demand (regression)', 'pipelines/taxi-demand.yml', '{"trees": 6}'],
  ['spam-detector without bootstrap', P, '{"trees": 6, "bootstrap": false}'],
])('%s: 3 shards, merged, byte-identical to one runner', async (_, pipeline, params) => {
  const dir = `out/other-${params.length}-${path.basename(pipeline, '.yml')}`;
  const one = await cli(ws, 'train', '--pipeline', pipeline, '--params', params, '--output', `${dir}/single.json`);
  expect(one.code).toBe(0);
  for (let i = 1; i <= 3; i++) expect((await cli(ws, 'train', '--pipeline', pipeline, '--params', params, '--shard', `${i}/3`, '--output', `${dir}/s${i}.shard`, '--threads', '2')).code).toBe(0);
  const merged = await cli(ws, 'train', '--pipeline', pipeline, '--params', params, '--merge', `${dir}/*.shard`, '--output', `${dir}/merged.json`);
  expect(merged.code).toBe(0);
  expect(await sha(path.join(ws, `${dir}/merged.json`))).toBe(await sha(path.join(ws, `${dir}/single.json`)));
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
  // A shard run again writes over its own file (re-running a failed job is safe).
  const again = await cli(ws, 'train', '--pipeline', P, '--params', PARAMS, '--shard', '1/3', '--output', 'out/bad/shard-1.shard');
  expect(again.code).toBe(0);
  const merge = (glob: string, params = PARAMS) => cli(ws, 'train', '--pipeline', P, '--params', params, '--merge', glob, '--output', 'out/merged-bad.json');
  const missing = await merge('out/bad/shard-[12].shard');
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/the merge input: lacks trees 6, 7, 8, 9 of 10: a shard is missing \(2 given\)/);
  await writeFile(path.join(ws, 'out/bad/copy.shard'), await readFile(path.join(ws, 'out/bad/shard-2.shard')));
  const doubled = await merge('out/bad/*.shard');
  expect(doubled.code).toBe(2);
  expect(doubled.err).toMatch(/shard-2\.shard: holds tree 3, which out\/bad\/copy\.shard holds too \(a shard given twice\?\)/);
  const other = await merge('out/bad/shard-*.shard', '{"trees": 10, "seed": 7}');
  expect(other.code).toBe(2);
  expect(other.err).toMatch(/shard-1\.shard: was trained on other data, config, parameters or code than this merge reads/);
  await writeFile(path.join(ws, 'out/bad/shard-9.shard'), '{"format": "mlops-model"}');
  const notShard = await merge('out/bad/shard-*.shard');
  expect(notShard.code).toBe(2);
  expect(notShard.err).toMatch(/shard-9\.shard: is not a shard \(it does not start with "MLOPS-SHARD\\n"\)/);
  // A shard of the first format (gzipped JSON) is named as such, not as garbage.
  await writeFile(path.join(ws, 'out/bad/shard-9.shard'), gzipSync('{"format": "mlops-shard", "format_version": 1}'));
  const old = await merge('out/bad/shard-*.shard');
  expect(old.code).toBe(2);
  expect(old.err).toMatch(/shard-9\.shard: is a gzipped shard of an older format \(version 1\); this tool reads version 3: train the shards again/);
  await rm(path.join(ws, 'out/bad/shard-9.shard'));
  // Cut short, or one vote code past the classes: refused, naming the file (and the tree).
  const good = await readFile(path.join(ws, 'out/bad/shard-3.shard'));
  await writeFile(path.join(ws, 'out/bad/shard-3.shard'), good.subarray(0, good.length - 100));
  const cut = await merge('out/bad/shard-*.shard');
  expect(cut.code).toBe(2);
  expect(cut.err).toMatch(new RegExp(`shard-3\\.shard: is ${(good.length - 100).toLocaleString('en-US')} bytes where its header describes ${good.length.toLocaleString('en-US')}: the shard is truncated or damaged`));
  const damaged = Buffer.from(good);
  damaged[damaged.length - 9] = 0xff; // in the last tree's predicted codes (they end at most 7 bytes of padding before the end)
  await writeFile(path.join(ws, 'out/bad/shard-3.shard'), damaged);
  const crc = await merge('out/bad/shard-*.shard');
  expect(crc.code).toBe(2);
  expect(crc.err).toMatch(/shard-3\.shard: has tree 9, whose bytes do not match their CRC-32: the shard is damaged/);
  // The same code with its CRC made to match (a shard written wrong, not damaged on the way): the
  // votes themselves are checked.
  await writeFile(path.join(ws, 'out/bad/shard-3.shard'), withTreeCrcs(damaged));
  const code = await merge('out/bad/shard-*.shard');
  expect(code.code).toBe(2);
  expect(code.err).toMatch(/shard-3\.shard: tree 9's predicted votes hold code 255 at row \d+, past its 2 classes: the shard is damaged/);
  // A damaged tree member, which the merge would join unopened into the package, and damaged labels.
  const { trees } = layout(good);
  const member = Buffer.from(good);
  member[trees[0]!.at + 20]! ^= 0xff;
  await writeFile(path.join(ws, 'out/bad/shard-3.shard'), member);
  const joined = await merge('out/bad/shard-*.shard');
  expect(joined.code).toBe(2);
  expect(joined.err).toMatch(/shard-3\.shard: has tree 6, whose bytes do not match their CRC-32: the shard is damaged/);
  // The labels are read from the first shard (the others' are skipped).
  await writeFile(path.join(ws, 'out/bad/shard-3.shard'), good);
  const first = await readFile(path.join(ws, 'out/bad/shard-1.shard'));
  first[layout(first).start]! ^= 0x01;
  await writeFile(path.join(ws, 'out/bad/shard-1.shard'), first);
  const labelled = await merge('out/bad/shard-*.shard');
  expect(labelled.code).toBe(2);
  expect(labelled.err).toMatch(/shard-1\.shard: has labels that do not match their CRC-32: the shard is damaged/);
  const spec = await cli(ws, 'train', '--pipeline', P, '--shard', '5/4');
  expect(spec.code).toBe(2);
  expect(spec.err).toMatch(/input "shard": "5\/4" is not i\/N with 1 ≤ i ≤ N ≤ 256/);
  const both = await cli(ws, 'train', '--pipeline', P, '--shard', '1/2', '--merge', 'out/bad/*.shard');
  expect(both.code).toBe(2);
  expect(both.err).toMatch(/input "merge": give shard or merge, not both/);
}, 120_000);

/** Where a shard's sections lie (shards.ts's layout): the labels' start, and each tree's sections. */
function layout(file: Buffer) {
  const length = file.readUInt32LE(12);
  const header = JSON.parse(file.subarray(16, 16 + length).toString('utf8'));
  const pad8 = (n: number) => (n + 7) & ~7;
  const { rows, features } = header;
  const start = pad8(16 + length);
  let at = start + pad8(rows.train * (rows.task === 'classification' ? 4 : 8)) + pad8(rows.test * 8);
  const trees = header.trees.map((t: { member: number; values: number; width: number }) => {
    const lengths = [t.member, features * 8, t.values * 8, rows.oob ? rows.train * t.width : 0, (rows.test + rows.examples) * t.width];
    const sections = lengths.map((n) => {
      const s = { at, n };
      at += pad8(n);
      return s;
    });
    return { at: sections[0]!.at, sections };
  });
  return { header, start, trees };
}

/** The shard with every tree's CRC recomputed from its bytes, as a shard written with them would be. */
function withTreeCrcs(file: Buffer): Buffer {
  const { header, start, trees } = layout(file);
  trees.forEach((t: { sections: { at: number; n: number }[] }, i: number) => {
    header.trees[i].crc = t.sections.reduce((c, s) => crc32(file.subarray(s.at, s.at + s.n), c), 0);
  });
  const text = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(16);
  file.copy(prefix, 0, 0, 12);
  prefix.writeUInt32LE(text.length, 12);
  const head = Buffer.concat([prefix, text]);
  return Buffer.concat([head, Buffer.alloc(((head.length + 7) & ~7) - head.length), file.subarray(start)]);
}
