// Reads a package's JSON as it streams in: everything but the trees becomes plain values (as
// JSON.parse makes them), and each tree of forest.baseModel.estimators[t].root is compiled straight
// into typed arrays, never into one object per node. So a package of a million-row forest needs the
// memory of its compiled trees, not of its JSON text nor of its parsed objects.
import type { CompiledTree } from '../forest/compiled.ts';
import type { JsonConsumer, NumberScanner } from './json-stream.ts';
import { fail as failKey, type ForestStats } from './package-schema.ts';

export type { ForestStats };

/** The most nodes one tree may have. */
export const MAX_TREE_NODES = 100_000_000;

// The bytes package-writer.ts writes around a tree's numbers.
const bytesOf = (text: string) => Buffer.from(text, 'latin1');
const SPLIT_VALUE = bytesOf('{"splitValue":');
const SPLIT_COLUMN = bytesOf(',"splitColumn":');
const LEFT = bytesOf(',"left":');
const RIGHT = bytesOf(',"right":');
const DISTRIBUTION = bytesOf('{"distribution":');

function at(buf: Buffer, i: number, what: Buffer): boolean {
  if (i + what.length > buf.length) return false;
  for (let j = 0; j < what.length; j++) if (buf[i + j] !== what[j]) return false;
  return true;
}

/** A typed array twice as long, its start copied. */
function doubled<T extends Int32Array | Float64Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

// Keys of a tree node, as small codes.
const K_OTHER = 0;
const K_SPLIT_VALUE = 1;
const K_SPLIT_COLUMN = 2;
const K_LEFT = 3;
const K_RIGHT = 4;
const K_DISTRIBUTION = 5;
function nodeKey(name: string): number {
  switch (name) {
    case 'splitValue':
      return K_SPLIT_VALUE;
    case 'splitColumn':
      return K_SPLIT_COLUMN;
    case 'left':
      return K_LEFT;
    case 'right':
      return K_RIGHT;
    case 'distribution':
      return K_DISTRIBUTION;
    default:
      return K_OTHER;
  }
}

// What a node has shown so far.
const HAS_VALUE = 1;
const HAS_COLUMN = 2;
const HAS_LEFT = 4;
const HAS_RIGHT = 8;
const CLASS_LEAF = 16;
const VALUE_LEAF = 32;

/**
 * Compiles one tree from its JSON events, in preorder: a split's left child is the next node, its
 * right child is recorded. ml-cart reads a node by its keys; so does this, and it checks each node
 * as the package's schema did (a leaf has a distribution; a split has a column, a finite value, and
 * both children, left first as mlops-actions writes them).
 */
class TreeCompiler {
  private feature = new Int32Array(1024);
  private values = new Float64Array(1024);
  private right = new Int32Array(1024);
  private count = 0;
  private nodes = new Int32Array(256);
  private flags = new Uint8Array(256);
  private pending = new Uint8Array(256);
  private top = -1;
  /** Containers entered inside a value that is not read (an unknown key's object or array). */
  private skip = 0;
  /** 1 inside a distribution's outer array, 2 inside one of its rows. */
  private dist = 0;
  private distRow = 0;
  private shares = 0;
  private best = 0;
  private bestShare = 0;
  private where = '';

  private readonly file: string;
  readonly stats: ForestStats;

  constructor(file: string, stats: ForestStats) {
    this.file = file;
    this.stats = stats;
  }

  start(tree: number): void {
    this.count = 0;
    this.top = -1;
    this.skip = 0;
    this.dist = 0;
    this.where = `forest.baseModel.estimators[${tree}].root`;
  }

  private at(depth = this.top): string {
    return depth === 0 ? this.where : `${this.where} (a node at depth ${depth})`;
  }

  private fail(message: string, depth = this.top): never {
    return failKey(this.file, this.at(depth), message);
  }

  /** Room for one more node: false past MAX_TREE_NODES. */
  private room(): boolean {
    if (this.count < this.feature.length) return true;
    if (this.count >= MAX_TREE_NODES) return false;
    this.feature = doubled(this.feature);
    this.values = doubled(this.values);
    this.right = doubled(this.right);
    return true;
  }

  /** Room for one more open node on the stack. */
  private deeper(): void {
    if (this.top + 1 < this.nodes.length) return;
    this.nodes = doubled(this.nodes);
    this.flags = doubled(this.flags);
    this.pending = doubled(this.pending);
  }

  private newNode(): number {
    if (!this.room()) this.fail(`has more than ${MAX_TREE_NODES.toLocaleString('en-US')} nodes`, 0);
    const node = this.count++;
    this.deeper();
    this.nodes[++this.top] = node;
    this.flags[this.top] = 0;
    this.pending[this.top] = K_OTHER;
    return node;
  }

  startObject(): void {
    if (this.skip > 0 || (this.top >= 0 && this.pending[this.top] === K_OTHER)) {
      this.skip++;
      return;
    }
    if (this.dist > 0) this.fail('has a distribution that is not [[class shares]]');
    if (this.top >= 0) {
      const parent = this.nodes[this.top]!;
      const key = this.pending[this.top]!;
      const f = this.flags[this.top]!;
      if (key === K_LEFT) {
        if (f & (HAS_LEFT | HAS_RIGHT)) this.fail(f & HAS_LEFT ? 'has two left children' : 'lists its right child before its left');
        this.flags[this.top] = f | HAS_LEFT;
      } else if (key === K_RIGHT) {
        if (f & HAS_RIGHT || !(f & HAS_LEFT)) this.fail(f & HAS_RIGHT ? 'has two right children' : 'lists its right child before its left');
        this.flags[this.top] = f | HAS_RIGHT;
        this.right[parent] = this.count;
      } else this.fail('has an object where a number belongs');
    }
    this.newNode();
  }

  key(name: string): void {
    if (this.skip > 0) return;
    this.pending[this.top] = nodeKey(name);
  }

  value(v: unknown): void {
    if (this.skip > 0) return;
    if (this.dist > 0) {
      if (this.dist === 1) this.fail('has a distribution that is not [[class shares]]');
      if (this.distRow > 0) return; // ml-cart reads the first row only
      if (typeof v !== 'number' || !Number.isFinite(v)) this.fail('has a distribution that is not [[class shares]] of finite numbers');
      // The first largest share (ml-matrix's maxRowIndex).
      if (this.shares === 0 || v > this.bestShare) {
        this.best = this.shares;
        this.bestShare = v;
      }
      this.shares++;
      return;
    }
    const node = this.nodes[this.top]!;
    switch (this.pending[this.top]) {
      case K_SPLIT_VALUE:
        if (typeof v !== 'number' || !Number.isFinite(v)) this.fail('has a splitValue that is not a finite number');
        // A split's threshold and a leaf's value share one slot: a node is one or the other.
        if (!(this.flags[this.top]! & VALUE_LEAF)) this.values[node] = v;
        this.flags[this.top]! |= HAS_VALUE;
        return;
      case K_SPLIT_COLUMN:
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0x7fffffff) this.fail('has a splitColumn that is not a feature index');
        this.feature[node] = v;
        this.flags[this.top]! |= HAS_COLUMN;
        if (v > this.stats.maxColumn) {
          this.stats.maxColumn = v;
          this.stats.maxColumnAt = this.at();
        }
        return;
      case K_DISTRIBUTION:
        if (typeof v !== 'number' || !Number.isFinite(v)) this.fail('has a distribution that is not a finite number');
        this.values[node] = v;
        this.flags[this.top]! |= VALUE_LEAF;
        this.stats.valueLeafAt ??= this.at();
        return;
      case K_LEFT:
      case K_RIGHT:
        this.fail('has a child that is not a tree node', this.top + 1);
    }
  }

  startArray(): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    if (this.dist === 1) {
      this.dist = 2;
      return;
    }
    if (this.dist === 2) this.fail('has a distribution that is not [[class shares]]');
    switch (this.pending[this.top]) {
      case K_DISTRIBUTION:
        this.dist = 1;
        this.distRow = 0;
        this.shares = 0;
        return;
      case K_OTHER:
        this.skip = 1;
        return;
      case K_LEFT:
      case K_RIGHT:
        this.fail('has a child that is not a tree node', this.top + 1);
      // falls through (fail never returns)
      default:
        this.fail('has an array where a number belongs');
    }
  }

  endArray(): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (this.dist === 2) {
      this.dist = 1;
      this.distRow++;
      return;
    }
    // The end of a distribution.
    this.dist = 0;
    if (this.distRow === 0 || this.shares === 0) this.fail('has a distribution that is not [[class shares]]');
    this.values[this.nodes[this.top]!] = this.best;
    this.flags[this.top]! |= CLASS_LEAF;
    this.stats.classLeafAt ??= this.at();
    if (this.shares > this.stats.maxShares) {
      this.stats.maxShares = this.shares;
      this.stats.maxSharesAt = this.at();
    }
  }

  /**
   * The whole tree at buf[i] in the exact layout package-writer.ts writes, without events, or
   * undefined (anything else, or the buffer ends first): then the events read it, and say what is wrong.
   * It checks what the events check; the stats take what it found only when the whole tree is read.
   */
  fast(buf: Buffer, i: number, numbers: NumberScanner): { tree: CompiledTree; end: number } | undefined {
    this.count = 0;
    this.top = -1;
    let maxColumn = -1;
    let maxColumnDepth = 0;
    let maxShares = 0;
    let maxSharesDepth = 0;
    let classLeafDepth = -1;
    let valueLeafDepth = -1;
    // A number's end, or -1 where none starts (a string, say: the events then name what is wrong).
    const numberEnd = (j: number) => {
      const c = buf[j]!;
      return c === 0x2d || (c >= 0x30 && c <= 0x39) ? numbers.numberEnd(buf, j) : -1;
    };
    // nodes[d]: an open split; flags[d]: 0 while its left subtree is read, 1 while its right one is.
    for (;;) {
      if (!this.room()) return undefined;
      const node = this.count;
      const depth = this.top + 1;
      if (at(buf, i, SPLIT_VALUE)) {
        i += SPLIT_VALUE.length;
        const e1 = numberEnd(i);
        if (e1 < 0) return undefined;
        const v = numbers.number(buf, i, e1);
        if (!Number.isFinite(v) || !at(buf, e1, SPLIT_COLUMN)) return undefined;
        i = e1 + SPLIT_COLUMN.length;
        const e2 = numberEnd(i);
        if (e2 < 0) return undefined;
        const col = numbers.number(buf, i, e2);
        if (!Number.isInteger(col) || col < 0 || col > 0x7fffffff || !at(buf, e2, LEFT)) return undefined;
        i = e2 + LEFT.length;
        this.count++;
        this.feature[node] = col;
        this.values[node] = v;
        if (col > maxColumn) {
          maxColumn = col;
          maxColumnDepth = depth;
        }
        this.deeper();
        this.nodes[++this.top] = node;
        this.flags[this.top] = 0;
        continue;
      }
      if (!at(buf, i, DISTRIBUTION)) return undefined;
      i += DISTRIBUTION.length;
      if (buf[i] === 0x5b) {
        if (buf[i + 1] !== 0x5b) return undefined;
        i += 2;
        let shares = 0;
        let best = 0;
        let bestShare = 0;
        for (;;) {
          // Most shares of fully grown trees are a lone 0 or 1: a digit right before ',' or ']' is a
          // whole number, read without the scanner.
          const d = buf[i]! - 0x30;
          let e = i + 1;
          let v = d;
          if (d < 0 || d > 9 || (buf[e] !== 0x2c && buf[e] !== 0x5d)) {
            e = numberEnd(i);
            if (e < 0) return undefined;
            v = numbers.number(buf, i, e);
            if (!Number.isFinite(v)) return undefined;
          }
          if (shares === 0 || v > bestShare) {
            best = shares;
            bestShare = v;
          }
          shares++;
          i = e;
          if (buf[i] === 0x2c) i++;
          else break;
        }
        if (buf[i] !== 0x5d || buf[i + 1] !== 0x5d || buf[i + 2] !== 0x7d) return undefined;
        i += 3;
        this.values[node] = best;
        if (classLeafDepth < 0) classLeafDepth = depth;
        if (shares > maxShares) {
          maxShares = shares;
          maxSharesDepth = depth;
        }
      } else {
        const e = numberEnd(i);
        if (e < 0) return undefined;
        const v = numbers.number(buf, i, e);
        if (!Number.isFinite(v) || buf[e] !== 0x7d) return undefined;
        i = e + 1;
        this.values[node] = v;
        if (valueLeafDepth < 0) valueLeafDepth = depth;
      }
      this.count++;
      this.feature[node] = -1;
      this.right[node] = -1;
      // Close what this leaf completes; go on with the nearest right subtree.
      while (this.top >= 0 && this.flags[this.top] === 1) {
        if (buf[i] !== 0x7d) return undefined;
        i++;
        this.top--;
      }
      if (this.top < 0) break;
      if (!at(buf, i, RIGHT)) return undefined;
      i += RIGHT.length;
      this.flags[this.top] = 1;
      this.right[this.nodes[this.top]!] = this.count;
    }
    const s = this.stats;
    if (maxColumn > s.maxColumn) {
      s.maxColumn = maxColumn;
      s.maxColumnAt = this.at(maxColumnDepth);
    }
    if (maxShares > s.maxShares) {
      s.maxShares = maxShares;
      s.maxSharesAt = this.at(maxSharesDepth);
    }
    if (classLeafDepth >= 0) s.classLeafAt ??= this.at(classLeafDepth);
    if (valueLeafDepth >= 0) s.valueLeafAt ??= this.at(valueLeafDepth);
    return { tree: { feature: this.feature.slice(0, this.count), value: this.values.slice(0, this.count), right: this.right.slice(0, this.count) }, end: i };
  }

  /** Closes a node; at the root's end, the compiled tree. */
  endObject(): CompiledTree | undefined {
    if (this.skip > 0) {
      this.skip--;
      return undefined;
    }
    const node = this.nodes[this.top]!;
    const f = this.flags[this.top]!;
    if (f & (CLASS_LEAF | VALUE_LEAF)) {
      if (f & (HAS_LEFT | HAS_RIGHT)) this.fail('is both a leaf (it has a distribution) and a split');
      this.feature[node] = -1;
      this.right[node] = -1;
    } else {
      if (!(f & HAS_COLUMN)) this.fail(f & HAS_LEFT ? 'has a split without a splitColumn' : 'is not a tree node (no distribution, no split)');
      if (!(f & HAS_VALUE)) this.fail('has a splitValue that is not a finite number');
      if (!(f & HAS_RIGHT)) this.fail('has a split without both children');
    }
    if (--this.top >= 0) return undefined;
    return { feature: this.feature.slice(0, this.count), value: this.values.slice(0, this.count), right: this.right.slice(0, this.count) };
  }
}

/**
 * Builds a package's values from its JSON events, as JSON.parse would (any key, `__proto__` too, is
 * an own property), compiling each tree on the way. A tree's place holds an empty object that
 * `treeOf` maps to the compiled tree, so the schema still sees an object there.
 */
export class PackageBuilder implements JsonConsumer {
  private readonly frames: (Record<string, unknown> | unknown[])[] = [];
  private readonly keys: string[] = [];
  private tree: TreeCompiler | undefined;
  private readonly compiler: TreeCompiler;
  readonly treeOf = new WeakMap<object, CompiledTree>();
  result: unknown;

  /** Sees each top-level key's value as soon as it is read (to refuse an unknown format early). */
  private readonly onTopLevel: (key: string, value: unknown) => void;

  constructor(file: string, onTopLevel: (key: string, value: unknown) => void) {
    this.onTopLevel = onTopLevel;
    this.compiler = new TreeCompiler(file, { maxColumn: -1, maxColumnAt: '', maxShares: 0, maxSharesAt: '', classLeafAt: undefined, valueLeafAt: undefined });
  }

  get stats(): ForestStats {
    return this.compiler.stats;
  }

  private attach(v: unknown): void {
    const d = this.frames.length;
    if (d === 0) {
      this.result = v;
      return;
    }
    const parent = this.frames[d - 1]!;
    if (Array.isArray(parent)) parent.push(v);
    else {
      const key = this.keys[d - 1]!;
      if (key === '__proto__') Object.defineProperty(parent, key, { value: v, writable: true, enumerable: true, configurable: true });
      else parent[key] = v;
      if (d === 1) this.onTopLevel(key, v);
    }
  }

  /** forest.baseModel.estimators[t].root: where a tree begins. */
  private atTreeRoot(): boolean {
    const k = this.keys;
    return this.frames.length === 5 && k[4] === 'root' && k[2] === 'estimators' && k[1] === 'baseModel' && k[0] === 'forest' && Array.isArray(this.frames[3]);
  }

  wholeObject(buf: Buffer, i: number, numbers: NumberScanner): number {
    if (this.tree || !this.atTreeRoot()) return -1;
    this.compiler.start((this.frames[3] as unknown[]).length);
    const read = this.compiler.fast(buf, i, numbers);
    if (!read) return -1;
    this.placeTree(read.tree);
    return read.end;
  }

  private placeTree(tree: CompiledTree): void {
    const place = {};
    this.treeOf.set(place, tree);
    this.attach(place);
  }

  startObject(): void {
    if (this.tree) return this.tree.startObject();
    if (this.atTreeRoot()) {
      this.tree = this.compiler;
      this.tree.start((this.frames[3] as unknown[]).length);
      return this.tree.startObject();
    }
    this.frames.push({});
  }

  endObject(): void {
    if (this.tree) {
      const done = this.tree.endObject();
      if (done) {
        this.tree = undefined;
        this.placeTree(done);
      }
      return;
    }
    this.attach(this.frames.pop());
  }

  startArray(): void {
    if (this.tree) return this.tree.startArray();
    this.frames.push([]);
  }

  endArray(): void {
    if (this.tree) return this.tree.endArray();
    this.attach(this.frames.pop());
  }

  key(name: string): void {
    if (this.tree) return this.tree.key(name);
    this.keys[this.frames.length - 1] = name;
  }

  value(v: string | number | boolean | null): void {
    if (this.tree) return this.tree.value(v);
    this.attach(v);
  }
}
