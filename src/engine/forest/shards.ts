// Sharded training: shard i of N trains trees [first, end) of the forest, and merge puts them back in
// index order. Tree k depends only on (seed, k) and the data, so the merged forest is the very forest
// one runner trains, and merge packages it through the same code as train: the model is byte-identical.
// A shard file holds its trees' typed arrays as base64 (exact doubles), and the build key of the run,
// so that shards of another data set, config or code version are refused.
import { gzipSync } from 'node:zlib';
import { ShardError } from '../errors.ts';
import { gunzipLimited, isGzip } from '../model/package.ts';
import type { FlatTree } from './tree.ts';

export const SHARD_FORMAT = 'mlops-shard';
export const SHARD_FORMAT_VERSION = 1;
/** GitHub Actions runs at most 256 jobs per matrix. */
export const MAX_SHARDS = 256;

export interface ShardSpec {
  /** 1-based, as a matrix lists them. */
  index: number;
  count: number;
}

/** "i/N" with 1 ≤ i ≤ N ≤ 256. */
export function parseShardSpec(text: string): ShardSpec | undefined {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count && count <= MAX_SHARDS ? { index, count } : undefined;
}

/** The trees of shard i of N: a contiguous range, the sizes differing by at most one. */
export function shardRange(spec: ShardSpec, trees: number): { first: number; end: number } {
  return { first: Math.floor(((spec.index - 1) * trees) / spec.count), end: Math.floor((spec.index * trees) / spec.count) };
}

export interface ShardHeader {
  pipeline: string;
  build_key: string;
  tool: string;
  shard: ShardSpec;
  total_trees: number;
  features: number;
  first: number;
}

interface EncodedTree {
  nodes: number;
  feature: string;
  threshold: string;
  left: string;
  right: string;
  value: string;
  gain: string;
}

const b64 = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

export function encodeShard(header: ShardHeader, trees: readonly FlatTree[]): Buffer {
  const encoded: EncodedTree[] = trees.map((t) => ({ nodes: t.nodes, feature: b64(t.feature), threshold: b64(t.threshold), left: b64(t.left), right: b64(t.right), value: b64(t.value), gain: b64(t.gain) }));
  return gzipSync(Buffer.from(`${JSON.stringify({ format: SHARD_FORMAT, format_version: SHARD_FORMAT_VERSION, ...header, trees: encoded })}\n`), { level: 6 });
}

export interface DecodedShard extends ShardHeader {
  file: string;
  trees: FlatTree[];
}

function typed<T extends Int32Array | Float64Array>(file: string, where: string, text: unknown, make: (b: ArrayBuffer) => T, length: number): T {
  if (typeof text !== 'string') throw new ShardError(file, `${where} is not base64 text`);
  const bytes = Buffer.from(text, 'base64');
  const per = make(new ArrayBuffer(0)).BYTES_PER_ELEMENT;
  if (bytes.length !== length * per) throw new ShardError(file, `${where} holds ${bytes.length} bytes, not ${length * per}`);
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return make(copy);
}

/** Parses and checks a shard file; `file` names it in errors. */
export function decodeShard(file: string, bytes: Uint8Array, classes: number): DecodedShard {
  const raw = isGzip(bytes) ? gunzipLimited(file, bytes) : Buffer.from(bytes);
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ShardError(file, `is not JSON (${(err as Error).message}): not a shard`);
  }
  if (typeof v !== 'object' || v === null || v.format !== SHARD_FORMAT) throw new ShardError(file, `is not a shard (format ${JSON.stringify((v as { format?: unknown } | null)?.format ?? null)}, expected "${SHARD_FORMAT}")`);
  if (v.format_version !== SHARD_FORMAT_VERSION) throw new ShardError(file, `has shard format version ${JSON.stringify(v.format_version)}; this tool reads ${SHARD_FORMAT_VERSION}`);
  const int = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
  const spec = v.shard as ShardSpec | undefined;
  if (!spec || !int(spec.index) || !int(spec.count) || !int(v.total_trees) || !int(v.features) || !int(v.first) || typeof v.pipeline !== 'string' || typeof v.build_key !== 'string' || typeof v.tool !== 'string' || !Array.isArray(v.trees)) throw new ShardError(file, 'lacks its header (shard, total_trees, features, first, pipeline, build_key, tool, trees)');
  const width = classes > 0 ? classes : 1;
  const trees = (v.trees as EncodedTree[]).map((t, i) => {
    const where = `trees[${i}]`;
    if (!int(t?.nodes) || t.nodes < 1) throw new ShardError(file, `${where} has no node count`);
    return {
      nodes: t.nodes,
      feature: typed(file, `${where}.feature`, t.feature, (b) => new Int32Array(b), t.nodes),
      threshold: typed(file, `${where}.threshold`, t.threshold, (b) => new Float64Array(b), t.nodes),
      left: typed(file, `${where}.left`, t.left, (b) => new Int32Array(b), t.nodes),
      right: typed(file, `${where}.right`, t.right, (b) => new Int32Array(b), t.nodes),
      value: typed(file, `${where}.value`, t.value, (b) => new Float64Array(b), t.nodes * width),
      gain: typed(file, `${where}.gain`, t.gain, (b) => new Float64Array(b), t.nodes),
    };
  });
  return { file, pipeline: v.pipeline, build_key: v.build_key, tool: v.tool, shard: spec, total_trees: v.total_trees as number, features: v.features as number, first: v.first as number, trees };
}

/**
 * The forest's trees, in index order, from shards of one run: the same pipeline and build key, every
 * tree exactly once. What is missing or doubled is named by tree and file.
 */
export function assembleShards(shards: readonly DecodedShard[], expect: { pipeline: string; buildKey: string; trees: number; features: number }): FlatTree[] {
  if (shards.length === 0) throw new ShardError('the merge input', 'matches no shard file');
  const trees: (FlatTree | undefined)[] = new Array(expect.trees);
  const from: string[] = new Array(expect.trees);
  for (const s of shards) {
    if (s.pipeline !== expect.pipeline) throw new ShardError(s.file, `is a shard of "${s.pipeline}", not "${expect.pipeline}"`);
    if (s.build_key !== expect.buildKey) throw new ShardError(s.file, 'was trained on other data, config, parameters or code than this merge reads (its build key differs): train the shards again');
    if (s.total_trees !== expect.trees || s.features !== expect.features) throw new ShardError(s.file, `is a shard of a forest of ${s.total_trees} trees on ${s.features} features, not ${expect.trees} on ${expect.features}`);
    s.trees.forEach((t, i) => {
      const k = s.first + i;
      if (k >= expect.trees) throw new ShardError(s.file, `holds tree ${k}, past the forest's ${expect.trees}`);
      if (trees[k]) throw new ShardError(s.file, `holds tree ${k}, which ${from[k]} holds too (a shard given twice?)`);
      trees[k] = t;
      from[k] = s.file;
    });
  }
  // A loop, not flatMap: flatMap skips the holes of a sparse array, which are the missing trees.
  const missing: number[] = [];
  for (let k = 0; k < expect.trees; k++) if (!trees[k]) missing.push(k);
  if (missing.length > 0) throw new ShardError('the merge input', `lacks trees ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} of ${expect.trees}: a shard is missing (${shards.length} given)`);
  return trees as FlatTree[];
}
