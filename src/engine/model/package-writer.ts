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
  while (stack.length > 0) {
    const item = stack.pop()!;
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

/** Trees are gzipped in groups of about this many bytes of JSON (each group one gzip member). */
const MEMBER_BYTES = 4 * 1024 * 1024;

const gzipAsync = promisify(gzipCallback);
/** Gzipped on zlib's thread pool, at the package level. */
const gzipLater = (b: Buffer) => gzipAsync(b, { level: GZIP_LEVEL });

/**
 * Assembles a package from its trees' JSON as they come (in index order), then its head. A package
 * that is asked for gzipped, or grows past the plain limit, is written as gzip members (RFC 1952
 * allows a file of several; every gunzip reads them as one stream): the trees' are compressed on
 * zlib's threads while the forest is still growing, the head's last, and nothing holds the whole
 * JSON. Members are cut at tree boundaries by size only, so the bytes depend only on the package.
 */
export class PackageWriter {
  private readonly prefix: string;
  private readonly plainLimit: number;
  private plain: Buffer[] = [];
  private plainBytes = 0;
  private group: Buffer[] = [];
  private groupBytes = 0;
  private members: Promise<Buffer>[] | undefined;

  constructor(options: ForestOptions, features: number, trees: number, gzip: boolean, plainLimit = PLAIN_PACKAGE_LIMIT) {
    this.prefix = forestPrefix(options, features, trees);
    this.plainLimit = plainLimit;
    if (gzip) this.members = [];
  }

  /** The next tree's estimatorJSON (as text, or as UTF-8). */
  add(text: string | Uint8Array): void {
    const b = typeof text === 'string' ? Buffer.from(text) : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    if (!this.members && this.plainBytes + b.length > this.plainLimit) this.toMembers();
    if (this.members) this.toGroup(b);
    else {
      this.plain.push(b);
      this.plainBytes += b.length;
    }
  }

  /** From plain to gzip members: what is held plain goes into the groups. */
  private toMembers(): void {
    this.members = [];
    for (const p of this.plain) this.toGroup(p);
    this.plain = [];
  }

  private toGroup(b: Buffer): void {
    this.group.push(b);
    this.groupBytes += b.length;
    if (this.groupBytes >= MEMBER_BYTES) this.closeGroup();
  }

  private closeGroup(): void {
    if (this.groupBytes === 0) return;
    this.members!.push(gzipLater(Buffer.concat(this.group, this.groupBytes)));
    this.group = [];
    this.groupBytes = 0;
  }

  async finish(head: PackageHead): Promise<{ bytes: Buffer; gzipped: boolean }> {
    const first = Buffer.from(`${JSON.stringify(head).slice(0, -1)},"forest":${this.prefix}`);
    const last = Buffer.from(SUFFIX);
    if (!this.members && this.plainBytes + first.length + last.length <= this.plainLimit) return { bytes: Buffer.concat([first, ...this.plain, last]), gzipped: false };
    if (!this.members) this.toMembers();
    this.closeGroup();
    const parts = await Promise.all([gzipLater(first), ...this.members!, gzipLater(last)]);
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
