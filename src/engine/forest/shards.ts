// Sharded training: shard i of N trains trees [first, end) of the forest, and merge puts them back in
// index order. Tree k depends only on (seed, k) and the data, so the merged forest is the very forest
// one runner trains. A shard ships everything the package needs of its trees, made where they grew:
// each tree's JSON as the package's gzip member, its share of the importances, and its votes (out of bag, on the test rows and on
// the examples) as small codes; and what the data decides about the package (its head parts and the
// labels the votes are scored on). The merge reads no data and grows nothing: it adds the votes in
// tree order, exactly as train does, so the model is byte-identical.
//
// The file: "MLOPS-SHARD\n", the header's length (u32, little-endian), the header (JSON), then binary
// sections, each padded to 8 bytes so that it can be viewed as a typed array: the training rows'
// labels, the test rows' labels, then per tree its JSON's gzip member, importance, value table, out-of-bag codes and
// predicted codes. The header gives every length, so a truncated or padded file is refused, and a CRC-32
// of the labels and of each tree's sections, so a damaged one is refused too: the merge joins the
// trees' members unopened, and would otherwise write a package that no step can read.
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { ShardError } from '../errors.ts';
import type { Codes, TreeVoteCodes } from './compiled.ts';

export const SHARD_FORMAT = 'mlops-shard';
export const SHARD_FORMAT_VERSION = 3;
/** GitHub Actions runs at most 256 jobs per matrix. */
export const MAX_SHARDS = 256;
/** The most header JSON a shard may have: its head parts (profile, schema, encoding, example rows). */
export const MAX_SHARD_HEADER_BYTES = 256 * 1024 * 1024;
const MAGIC = Buffer.from('MLOPS-SHARD\n');
const PREFIX = MAGIC.length + 4;

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

/** How many rows each kind of vote covers, and how the labels are stored. */
export interface ShardRows {
  task: 'classification' | 'regression';
  classes: number;
  train: number;
  test: number;
  examples: number;
  /** Whether the trees have out-of-bag votes (the forest bootstraps). */
  oob: boolean;
}

export interface ShardTree {
  /** Its estimatorJSON (package-writer.ts): the length of its UTF-8, and its gzip member (treeMember). */
  json: { length: number; member: Uint8Array };
  importance: Float64Array;
  votes: TreeVoteCodes;
}

const pad8 = (n: number) => (n + 7) & ~7;
const widthOf = (c: Codes) => c.BYTES_PER_ELEMENT as 1 | 2 | 4;

interface TreeEntry {
  /** The JSON's length, and its member's. */
  json: number;
  member: number;
  values: number;
  width: 1 | 2 | 4;
  /** The CRC-32 of its sections, in file order (padding left out). */
  crc: number;
}

interface HeaderJSON extends ShardHeader {
  format: string;
  format_version: number;
  rows: ShardRows;
  head: unknown;
  /** The CRC-32 of the training rows' labels, then the test rows'. */
  labels_crc: number;
  trees: TreeEntry[];
}

/** The CRC-32 of sections in order. */
function crcOf(sections: readonly ArrayBufferView[]): number {
  let c = 0;
  for (const a of sections) c = crc32(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), c);
  return c;
}

/** A tree's sections, in file order. */
function treeParts(t: ShardTree): ArrayBufferView[] {
  return [t.json.member, t.importance, ...(t.votes.values ? [t.votes.values] : []), ...(t.votes.oob ? [t.votes.oob] : []), t.votes.predicted];
}

/**
 * A shard file: its header, the head parts (any JSON value), the labels of the training rows (class
 * index or value) and of the test rows, and its trees in index order.
 */
export function encodeShard(header: ShardHeader, rows: ShardRows, head: unknown, labels: { train: Int32Array | Float64Array; test: Float64Array }, trees: readonly ShardTree[]): Buffer {
  const entries: TreeEntry[] = trees.map((t) => ({ json: t.json.length, member: t.json.member.byteLength, values: t.votes.values?.length ?? 0, width: widthOf(t.votes.predicted), crc: crcOf(treeParts(t)) }));
  const json = Buffer.from(JSON.stringify({ format: SHARD_FORMAT, format_version: SHARD_FORMAT_VERSION, ...header, rows, head, labels_crc: crcOf([labels.train, labels.test]), trees: entries } satisfies HeaderJSON));
  const parts: Uint8Array[] = [];
  let size = 0;
  const put = (a: ArrayBufferView) => {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    parts.push(bytes);
    size += bytes.length;
    const gap = pad8(size) - size;
    if (gap > 0) {
      parts.push(new Uint8Array(gap));
      size += gap;
    }
  };
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  put(Buffer.concat([MAGIC, length, json]));
  put(labels.train);
  put(labels.test);
  for (const t of trees) for (const part of treeParts(t)) put(part);
  return Buffer.concat(parts, size);
}

/** An open shard file, read section by section: a merge never holds more than one tree of it. */
export class ShardReader implements ShardHeader {
  readonly pipeline: string;
  readonly build_key: string;
  readonly tool: string;
  readonly shard: ShardSpec;
  readonly total_trees: number;
  readonly features: number;
  readonly first: number;
  readonly rows: ShardRows;
  /** The head parts, as the shard's JSON text (compared across shards) and parsed. */
  readonly headText: string;
  readonly head: unknown;
  readonly trees: number;
  readonly file: string;
  private readonly fh: FileHandle;
  private readonly entries: TreeEntry[];
  private readonly labelsCrc: number;
  private offset: number;

  private constructor(file: string, fh: FileHandle, v: HeaderJSON, start: number) {
    this.file = file;
    this.fh = fh;
    this.pipeline = v.pipeline;
    this.build_key = v.build_key;
    this.tool = v.tool;
    this.shard = v.shard;
    this.total_trees = v.total_trees;
    this.features = v.features;
    this.first = v.first;
    this.rows = v.rows;
    this.head = v.head;
    // The rows too: shards of one build describe the same rows.
    this.headText = JSON.stringify([v.rows, v.head]);
    this.entries = v.trees;
    this.labelsCrc = v.labels_crc;
    this.trees = v.trees.length;
    this.offset = start;
  }

  /** Opens and checks `abs` (named `file` in errors): its header, and that its size is what the header says. */
  static async open(file: string, abs: string): Promise<ShardReader> {
    const fh = await open(abs, 'r');
    try {
      const size = (await fh.stat()).size;
      const prefix = Buffer.alloc(PREFIX);
      await fh.read(prefix, 0, PREFIX, 0);
      if (prefix[0] === 0x1f && prefix[1] === 0x8b) throw new ShardError(file, `is a gzipped shard of an older format (version 1); this tool reads version ${SHARD_FORMAT_VERSION}: train the shards again`);
      if (size < PREFIX || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new ShardError(file, `is not a shard (it does not start with ${JSON.stringify(MAGIC.toString())})`);
      const length = prefix.readUInt32LE(MAGIC.length);
      if (length > MAX_SHARD_HEADER_BYTES || PREFIX + length > size) throw new ShardError(file, `has a header of ${length.toLocaleString('en-US')} bytes, in a file of ${size.toLocaleString('en-US')} (at most ${MAX_SHARD_HEADER_BYTES.toLocaleString('en-US')}): the shard is damaged`);
      const text = Buffer.alloc(length);
      await fh.read(text, 0, length, PREFIX);
      let v: HeaderJSON;
      try {
        v = JSON.parse(text.toString('utf8')) as HeaderJSON;
      } catch (err) {
        throw new ShardError(file, `has a header that is not JSON (${(err as Error).message}): the shard is damaged`);
      }
      checkHeader(file, v);
      const reader = new ShardReader(file, fh, v, pad8(PREFIX + length));
      const expected = reader.expectedSize();
      if (size !== expected) throw new ShardError(file, `is ${size.toLocaleString('en-US')} bytes where its header describes ${expected.toLocaleString('en-US')}: the shard is truncated or damaged`);
      return reader;
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  private labelBytes(): { train: number; test: number } {
    return { train: this.rows.train * (this.rows.task === 'classification' ? 4 : 8), test: this.rows.test * 8 };
  }

  private treeSections(e: TreeEntry): [json: number, importance: number, values: number, oob: number, predicted: number] {
    const { train, test, examples, oob } = this.rows;
    return [e.member, this.features * 8, e.values * 8, oob ? train * e.width : 0, (test + examples) * e.width];
  }

  private expectedSize(): number {
    const l = this.labelBytes();
    let size = this.offset + pad8(l.train) + pad8(l.test);
    for (const e of this.entries) for (const s of this.treeSections(e)) size += pad8(s);
    return size;
  }

  /** The next section's bytes, in a buffer of its own (so aligned for any typed array). */
  private async section(bytes: number): Promise<ArrayBuffer> {
    const buffer = new ArrayBuffer(bytes);
    if (bytes > 0) {
      const { bytesRead } = await this.fh.read(new Uint8Array(buffer), 0, bytes, this.offset);
      if (bytesRead !== bytes) throw new ShardError(this.file, `ended early at byte ${this.offset + bytesRead}: the shard is truncated`);
    }
    this.offset += pad8(bytes);
    return buffer;
  }

  /** The labels: the training rows' class index (Int32) or value (Float64), the test rows' as Float64. Read first. */
  async labels(): Promise<{ train: Int32Array | Float64Array; test: Float64Array }> {
    const l = this.labelBytes();
    const train = await this.section(l.train);
    const labels = { train: this.rows.task === 'classification' ? new Int32Array(train) : new Float64Array(train), test: new Float64Array(await this.section(l.test)) };
    if (crcOf([labels.train, labels.test]) !== this.labelsCrc) throw new ShardError(this.file, 'has labels that do not match their CRC-32: the shard is damaged');
    return labels;
  }

  /** Skips the labels (a merge reads them from one shard only). */
  skipLabels(): void {
    const l = this.labelBytes();
    this.offset += pad8(l.train) + pad8(l.test);
  }

  /** The trees, in index order; each is read when asked for. */
  async *read(): AsyncGenerator<ShardTree> {
    const codes = (b: ArrayBuffer, width: 1 | 2 | 4): Codes => (width === 1 ? new Uint8Array(b) : width === 2 ? new Uint16Array(b) : new Uint32Array(b));
    for (const [i, e] of this.entries.entries()) {
      const [json, importance, values, oob, predicted] = this.treeSections(e);
      const tree: ShardTree = {
        json: { length: e.json, member: new Uint8Array(await this.section(json)) },
        importance: new Float64Array(await this.section(importance)),
        votes: { values: undefined, oob: undefined, predicted: new Uint8Array(0) },
      };
      tree.votes.values = this.rows.task === 'regression' ? new Float64Array(await this.section(values)) : undefined;
      tree.votes.oob = this.rows.oob ? codes(await this.section(oob), e.width) : undefined;
      tree.votes.predicted = codes(await this.section(predicted), e.width);
      if (crcOf(treeParts(tree)) !== e.crc) throw new ShardError(this.file, `has tree ${this.first + i}, whose bytes do not match their CRC-32: the shard is damaged`);
      yield tree;
    }
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

function checkHeader(file: string, v: HeaderJSON): void {
  if (typeof v !== 'object' || v === null || v.format !== SHARD_FORMAT) throw new ShardError(file, `is not a shard (format ${JSON.stringify((v as { format?: unknown } | null)?.format ?? null)}, expected "${SHARD_FORMAT}")`);
  if (v.format_version !== SHARD_FORMAT_VERSION) throw new ShardError(file, `has shard format version ${JSON.stringify(v.format_version)}; this tool reads ${SHARD_FORMAT_VERSION}: train the shards again`);
  const int = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
  const spec = v.shard as ShardSpec | undefined;
  const rows = v.rows as ShardRows | undefined;
  if (!spec || !int(spec.index) || !int(spec.count) || !int(v.total_trees) || !int(v.features) || !int(v.first) || typeof v.pipeline !== 'string' || typeof v.build_key !== 'string' || typeof v.tool !== 'string' || !Array.isArray(v.trees) || !('head' in v)) throw new ShardError(file, 'lacks its header (shard, total_trees, features, first, pipeline, build_key, tool, rows, head, trees)');
  if (!rows || (rows.task !== 'classification' && rows.task !== 'regression') || !int(rows.classes) || !int(rows.train) || !int(rows.test) || !int(rows.examples) || typeof rows.oob !== 'boolean') throw new ShardError(file, 'has no valid rows entry (task, classes, train, test, examples, oob)');
  if (!int(v.labels_crc)) throw new ShardError(file, 'lacks the CRC-32 of its labels (labels_crc)');
  v.trees.forEach((t, i) => {
    if (!t || !int(t.json) || !int(t.member) || !int(t.values) || (t.width !== 1 && t.width !== 2 && t.width !== 4) || !int(t.crc)) throw new ShardError(file, `trees[${i}] lacks its lengths (json, member, values, width 1, 2 or 4) or its crc`);
  });
}

/**
 * The shards of one run in tree order, checked by their headers alone: the same pipeline and build
 * key, every tree exactly once. What is missing or doubled is named by tree and file.
 */
export function orderShards(shards: readonly ShardReader[], expect: { pipeline: string; buildKey: string; trees: number; features: number }): ShardReader[] {
  if (shards.length === 0) throw new ShardError('the merge input', 'matches no shard file');
  const from: (string | undefined)[] = new Array(expect.trees);
  for (const s of shards) {
    if (s.pipeline !== expect.pipeline) throw new ShardError(s.file, `is a shard of "${s.pipeline}", not "${expect.pipeline}"`);
    if (s.build_key !== expect.buildKey) throw new ShardError(s.file, 'was trained on other data, config, parameters or code than this merge reads (its build key differs): train the shards again');
    if (s.total_trees !== expect.trees || s.features !== expect.features) throw new ShardError(s.file, `is a shard of a forest of ${s.total_trees} trees on ${s.features} features, not ${expect.trees} on ${expect.features}`);
    if (s.headText !== shards[0]!.headText) throw new ShardError(s.file, `describes the data otherwise than ${shards[0]!.file} under the same build key: the shard is damaged`);
    for (let i = 0; i < s.trees; i++) {
      const k = s.first + i;
      if (k >= expect.trees) throw new ShardError(s.file, `holds tree ${k}, past the forest's ${expect.trees}`);
      if (from[k] !== undefined) throw new ShardError(s.file, `holds tree ${k}, which ${from[k]} holds too (a shard given twice?)`);
      from[k] = s.file;
    }
  }
  // A loop, not a filter: the holes of a sparse array are the missing trees.
  const missing: number[] = [];
  for (let k = 0; k < expect.trees; k++) if (from[k] === undefined) missing.push(k);
  if (missing.length > 0) throw new ShardError('the merge input', `lacks trees ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} of ${expect.trees}: a shard is missing (${shards.length} given)`);
  return [...shards].sort((a, b) => a.first - b.first);
}
