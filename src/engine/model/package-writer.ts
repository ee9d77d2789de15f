// Writes a package's JSON tree by tree, so that no step ever holds it as one string: the head (every
// key but the forest) is one JSON.stringify, each tree is written by an explicit-stack walk (no
// recursion, whatever its depth) on the thread that grew it, and a package asked for gzipped or past
// PLAIN_PACKAGE_LIMIT is compressed in members as its trees come. The text is exactly JSON.stringify's
// of the package with ml-random-forest's JSON as its forest (tested), so stock `load` reads it.
import { promisify } from 'node:util';
import { gunzipSync, gzip as gzipCallback, gzipSync } from 'node:zlib';
import type { Forest, ForestOptions } from '../forest/forest.ts';
import type { FlatTree } from '../forest/tree.ts';
import { isGzip, type PackageHead } from './package.ts';

/** Past this many bytes of JSON a package is gzipped whatever its name: every reader detects gzip by its bytes. */
export const PLAIN_PACKAGE_LIMIT = 64 * 1024 * 1024;
/** zlib's default: on a 50.7 MB forest, level 9 took 3.40 s against 0.45 s for 12% fewer bytes. */
export const GZIP_LEVEL = 6;

/** ml-cart's TreeNode JSON of one tree: a split's threshold and column, its children; a leaf's distribution. */
export function treeJSON(tree: FlatTree, classes: number, classification: boolean): string {
  let out = '';
  // Each entry: a node to write (≥ 0); ~node, the node's left subtree is written: now its right; CLOSE.
  const CLOSE = -Infinity;
  const stack = [0];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === CLOSE) {
      out += '}';
      continue;
    }
    if (item < 0) {
      out += ',"right":';
      stack.push(tree.right[~item]!);
      continue;
    }
    const node = item;
    if (tree.feature[node]! >= 0) {
      out += `{"splitValue":${tree.threshold[node]!},"splitColumn":${tree.feature[node]!},"left":`;
      stack.push(CLOSE, ~node, tree.left[node]!);
      continue;
    }
    if (!classification) {
      out += `{"distribution":${tree.value[node]!}}`;
      continue;
    }
    // A leaf's trailing zero shares are left out: ml-matrix's maxRowIndex decides by the first largest.
    const o = node * classes;
    let end = o + classes;
    while (end > o + 1 && tree.value[end - 1] === 0) end--;
    out += `{"distribution":[[${tree.value.subarray(o, end).join(',')}]]}`;
  }
  return out;
}

function treeOptionsOf(options: ForestOptions) {
  return { gainFunction: options.task === 'classification' ? 'gini' : 'regression', splitFunction: 'mean', minNumSamples: options.minSamplesLeaf, maxDepth: Number.isFinite(options.maxDepth) ? options.maxDepth : null, gainThreshold: 0.01 };
}

/** Tree k as an element of baseModel.estimators (with its comma after the first): made where the tree is grown. */
export function estimatorJSON(tree: FlatTree, options: ForestOptions, k: number): string {
  const classification = options.task === 'classification';
  return `${k > 0 ? ',' : ''}{"options":${JSON.stringify(treeOptionsOf(options))},"root":${treeJSON(tree, options.classes, classification)},"name":"${classification ? 'DTClassifier' : 'DTRegression'}"}`;
}

/** The forest's JSON up to its first tree: RFClassifier / RFRegression with every key but the trees. */
export function forestPrefix(options: ForestOptions, features: number, trees: number): string {
  const classification = options.task === 'classification';
  const all = Array.from({ length: features }, (_, i) => i);
  // Every tree sees every column (indexes 0..F-1): features are sampled per split, as scikit-learn does.
  const baseModel = {
    indexes: Array.from({ length: trees }, () => all),
    n: features,
    replacement: false,
    maxFeatures: features,
    nEstimators: trees,
    treeOptions: treeOptionsOf(options),
    isClassifier: classification,
    seed: options.seed,
    useSampleBagging: options.bootstrap,
    ...(classification ? {} : { selectionMethod: 'mean' }),
    estimators: [],
  };
  const skeleton = JSON.stringify(classification ? { name: 'RFClassifier', baseModel } : { name: 'RFRegression', selectionMethod: 'mean', baseModel });
  // estimators is the last key of baseModel, the last key of the forest: the skeleton ends in "[]}}": keep its "[".
  return skeleton.slice(0, -3);
}

/** What follows the last tree: the end of estimators, baseModel, the forest and the package. */
const SUFFIX = ']}}}\n';

const gzipAsync = promisify(gzipCallback);
/** Gzipped on zlib's thread pool, at the package level. */
const gzipLater = (b: Uint8Array) => gzipAsync(b, { level: GZIP_LEVEL });

/** A tree's gzip member, made where the tree grows (a shard's thread): the same bytes as the writer's own. */
export function treeMember(json: Uint8Array): Buffer {
  return gzipSync(json, { level: GZIP_LEVEL });
}

/** A tree's estimatorJSON as the writer takes it: as text or UTF-8, or as its gzip member (treeMember) with its JSON's length. */
export type TreeText = string | Uint8Array | { length: number; member: Uint8Array };

/** A tree's JSON, held plain or as its gzip member (once compressed, only that). */
type Entry = { length: number; plain: Buffer } | { length: number; member: Promise<Buffer> | Buffer };
const memberOf = (e: Entry): Promise<Buffer> | Buffer => ('member' in e ? e.member : gzipLater(e.plain));

/**
 * Assembles a package from its trees' JSON as they come (in index order), then its head. A package
 * that is asked for gzipped, or grows past the plain limit, is written as gzip members (RFC 1952
 * allows a file of several; every gunzip reads them as one stream), one per tree: one runner's trees
 * are compressed on zlib's threads while the forest is still growing, a shard's on the thread that
 * grew them (so a merge only joins them), the head's last; nothing holds the whole JSON. A member per
 * tree, not per size, so that the bytes depend only on the package, never on who compressed what.
 */
export class PackageWriter {
  private readonly prefix: string;
  private readonly plainLimit: number;
  private readonly entries: Entry[] = [];
  private bytes = 0;
  private compressed = 0;
  private gzipped: boolean;

  constructor(options: ForestOptions, features: number, trees: number, gzip: boolean, plainLimit = PLAIN_PACKAGE_LIMIT) {
    this.prefix = forestPrefix(options, features, trees);
    this.plainLimit = plainLimit;
    this.gzipped = gzip;
  }

  /** The next tree's estimatorJSON. */
  add(text: TreeText): void {
    const view = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    let entry: Entry;
    if (typeof text === 'string' || text instanceof Uint8Array) {
      const plain = typeof text === 'string' ? Buffer.from(text) : view(text);
      entry = { length: plain.length, plain };
    } else entry = { length: text.length, member: view(text.member) };
    this.entries.push(entry);
    this.bytes += entry.length;
    if (!this.gzipped && this.bytes > this.plainLimit) this.gzipped = true;
    // Past the limit, what is held plain is compressed, and each tree from then on as it comes.
    if (this.gzipped) this.toMembers();
  }

  /** Every entry from `compressed` on, as a member. */
  private toMembers(): void {
    for (; this.compressed < this.entries.length; this.compressed++) {
      const e = this.entries[this.compressed];
      if (e && 'plain' in e) this.entries[this.compressed] = { length: e.length, member: memberOf(e) };
    }
  }

  async finish(head: PackageHead): Promise<{ bytes: Buffer; gzipped: boolean }> {
    const first = Buffer.from(`${JSON.stringify(head).slice(0, -1)},"forest":${this.prefix}`);
    const last = Buffer.from(SUFFIX);
    if (!this.gzipped && this.bytes + first.length + last.length <= this.plainLimit) {
      // A merge's trees come as members: a package this small is plain, so they are inflated.
      const plain = await Promise.all(this.entries.map(async (e) => ('plain' in e ? e.plain : gunzipSync(await e.member))));
      return { bytes: Buffer.concat([first, ...plain, last]), gzipped: false };
    }
    this.toMembers();
    const parts = await Promise.all([gzipLater(first), ...this.entries.map(memberOf), gzipLater(last)]);
    return { bytes: Buffer.concat(parts), gzipped: true };
  }
}

/**
 * The package's bytes: its JSON, gzipped (without a timestamp) when asked or when it is larger than
 * the plain limit (PLAIN_PACKAGE_LIMIT; a test lowers it).
 */
export async function packageBytes(head: PackageHead, forest: Forest, gzip: boolean, plainLimit = PLAIN_PACKAGE_LIMIT): Promise<{ bytes: Buffer; gzipped: boolean }> {
  const writer = new PackageWriter(forest.options, forest.features, forest.trees.length, gzip, plainLimit);
  forest.trees.forEach((t, k) => writer.add(estimatorJSON(t, forest.options, k)));
  return writer.finish(head);
}

/** A package's bytes gzipped, on zlib's thread pool: a step can read the package meanwhile. */
export async function gzippedPackage(bytes: Buffer): Promise<Buffer> {
  return isGzip(bytes) ? bytes : gzipLater(bytes);
}

/**
 * A package's bytes for an output named .gz (gzip) or not (plain, unless it is past the limit): the
 * same JSON either way.
 */
export function recodePackage(bytes: Buffer, gzip: boolean): Buffer {
  if (gzip) return isGzip(bytes) ? bytes : gzipSync(bytes, { level: GZIP_LEVEL });
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: PLAIN_PACKAGE_LIMIT });
  } catch {
    return bytes; // too large to be plain (or not gzip at all: the reader will say so)
  }
}
