// The package written tree by tree and read as it streams: the same text as JSON.stringify of the
// whole package, the same trees as compiled from our own, every chunking of the input the same, and
// the damage the old whole-document check caught still caught, naming the tree and the depth.
import { gunzipSync, gzipSync } from 'node:zlib';
import { ModelFormatError } from '../src/engine/errors.ts';
import { compileForest, predictCompiled } from '../src/engine/forest/compiled.ts';
import type { Forest, ForestOptions } from '../src/engine/forest/forest.ts';
import { fromMlRandomForestJSON, predict, predictShares, toMlRandomForestJSON } from './support/reference-forest.ts';
import { trainForest } from '../src/engine/forest/pool.ts';
import { stream } from '../src/engine/forest/rng.ts';
import { JsonStreamParser, JsonSyntaxError, MAX_JSON_DEPTH, parseJsonNumber, type JsonConsumer } from '../src/engine/model/json-stream.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, parseModel, type PackageHead } from '../src/engine/model/package.ts';
import { estimatorJSON, packageBytes, PackageWriter, PLAIN_PACKAGE_LIMIT, recodePackage, treeMember } from '../src/engine/model/package-writer.ts';
import { PackageBuilder } from '../src/engine/model/package-reader.ts';

const options = (task: 'classification' | 'regression', classes: number, trees: number): ForestOptions => ({ task, classes, trees, maxDepth: Infinity, minSamplesLeaf: 1, maxFeatures: 'sqrt', bootstrap: true, seed: 7 });

function data(n: number, seed: number) {
  const rng = stream(seed, 0);
  const columns = Array.from({ length: 5 }, () => new Float64Array(n));
  const yClass = new Int32Array(n);
  const yValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < 5; f++) columns[f]![i] = rng() * 10 - 5;
    if (rng() < 0.05) columns[2]![i] = Number.NaN;
    const s = columns[0]![i]! + columns[1]![i]! * 0.3;
    yClass[i] = s < -2 ? 0 : s < 0 ? 1 : s < 2 ? 2 : 3;
    yValue[i] = s + rng();
  }
  return { columns, yClass, yValue };
}

/** A valid head for a forest over five numeric features x0..x4. */
function headFor(task: 'classification' | 'regression', classes: number): PackageHead {
  const names = ['x0', 'x1', 'x2', 'x3', 'x4'];
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    pipeline: 'stream-test',
    task,
    target: { name: 'y', classes: task === 'classification' ? Array.from({ length: classes }, (_, k) => `c${k}`) : null },
    id: null,
    encoding: { columns: names.map((name) => ({ name, kind: 'numeric' as const })), features: names },
    schema: { columns: Object.fromEntries(names.map((n) => [n, { type: 'number' as const }])) } as PackageHead['schema'],
    params: { trees: 6, max_depth: null, min_samples_leaf: 1, max_features: 'sqrt', bootstrap: true, seed: 7 },
    split: { test_fraction: 0.2, seed: 1, key_columns: names, stratify: null, stratify_test_shares: null },
    provenance: { data_sha256: 'a'.repeat(64), data_files: ['d.csv'], config_sha256: 'b'.repeat(64), commit: null, created_at: null, tool: 'test' },
    rows: { total: 10, labelled: 10, train: 8, test: 2 },
    oob_score: null,
    feature_importance: {},
    profile: {},
  };
}

let cls: Forest;
let reg: Forest;
const d = data(1500, 11);
beforeAll(async () => {
  cls = await trainForest({ columns: d.columns, yClass: d.yClass }, options('classification', 4, 6), 1);
  reg = await trainForest({ columns: d.columns, yValue: d.yValue }, options('regression', 0, 6), 1);
});

/** The package as the writer writes it (plain). */
const text = async (head: PackageHead, forest: Forest) => (await packageBytes(head, forest, false)).bytes.toString('utf8');

test('the written text is exactly JSON.stringify of the package with ml-random-forest\'s JSON as its forest', async () => {
  for (const [task, forest, classes] of [['classification', cls, 4], ['regression', reg, 0]] as const) {
    const head = headFor(task, classes);
    expect(await text(head, forest)).toBe(`${JSON.stringify({ ...head, forest: toMlRandomForestJSON(forest) })}\n`);
  }
});

test('read back as it streams: the trees compiled from our own, predicting as the reference does, whatever the chunks', async () => {
  for (const [task, forest, classes] of [['classification', cls, 4], ['regression', reg, 0]] as const) {
    const head = headFor(task, classes);
    const { bytes, gzipped } = await packageBytes(head, forest, false);
    expect(gzipped).toBe(false);
    const pkg = await parseModel('m.json', bytes);
    expect(pkg.forest).toEqual(compileForest(forest));
    expect(pkg.profile).toEqual({});
    // The stock-JSON reference reads the same trees.
    const json = JSON.parse(bytes.toString()) as { forest: Record<string, unknown> };
    expect(compileForest(fromMlRandomForestJSON(json.forest, forest.options, 5))).toEqual(pkg.forest);
    const fresh = data(400, 12);
    const p = predictCompiled(pkg.forest!, fresh.columns);
    expect(Array.from(p.yPred)).toEqual(Array.from(predict(forest, fresh.columns)));
    if (task === 'classification') expect(Array.from(p.shares!)).toEqual(Array.from(predictShares(forest, fresh.columns)));
    // Gzipped, inflated in 1 MiB pieces: the same package.
    const gz = await packageBytes(head, forest, true);
    expect(gz.gzipped).toBe(true);
    expect(gunzipSync(gz.bytes).equals(bytes)).toBe(true);
    expect((await parseModel('m.json.gz', gz.bytes)).forest).toEqual(pkg.forest);
    expect(recodePackage(gz.bytes, false).equals(bytes)).toBe(true);
    expect(recodePackage(bytes, true).equals(gzipSync(bytes, { level: 6 }))).toBe(true);
    // Past the plain limit, gzipped whatever the name: the same JSON, the same bytes as asked-for gzip.
    const large = await packageBytes(head, forest, false, 10_000);
    expect(large.gzipped).toBe(true);
    expect(large.bytes.equals(gz.bytes)).toBe(true);
    // Trees given as their members (a merge's shards), plain or past the limit: the same bytes.
    for (const [gzip, limit, expected] of [[false, PLAIN_PACKAGE_LIMIT, bytes], [false, 10_000, gz.bytes], [true, PLAIN_PACKAGE_LIMIT, gz.bytes]] as const) {
      const writer = new PackageWriter(forest.options, forest.features, forest.trees.length, gzip, limit);
      forest.trees.forEach((t, k) => {
        const json = Buffer.from(estimatorJSON(t, forest.options, k));
        writer.add({ length: json.length, member: treeMember(json) });
      });
      expect((await writer.finish(head)).bytes.equals(expected)).toBe(true);
    }
    // One member per tree between the head's two: what a shard compresses is what one runner would.
    const trees = forest.trees.map((t, k) => Buffer.from(estimatorJSON(t, forest.options, k)));
    const suffix = bytes.subarray(bytes.length - 5);
    const prefix = bytes.subarray(0, bytes.length - suffix.length - trees.reduce((a, t) => a + t.length, 0));
    expect(suffix.toString()).toBe(']}}}\n');
    expect(gz.bytes.equals(Buffer.concat([gzipSync(prefix, { level: 6 }), ...trees.map(treeMember), gzipSync(suffix, { level: 6 })]))).toBe(true);
    // Fed 7 bytes at a time, the builder compiles the same trees.
    const builder = new PackageBuilder('m.json', () => {});
    const parser = new JsonStreamParser(builder);
    for (let i = 0; i < bytes.length; i += 7) parser.feed(bytes.subarray(i, i + 7));
    parser.end();
    const roots = (builder.result as { forest: { baseModel: { estimators: { root: object }[] } } }).forest.baseModel.estimators.map((e) => builder.treeOf.get(e.root));
    expect(roots).toEqual(pkg.forest!.trees);
  }
});

/** Builds values from events, as a check of the parser against JSON.parse. */
class Collect implements JsonConsumer {
  stack: unknown[][] = [];
  keys: (string | undefined)[] = [];
  out: unknown;
  private put(v: unknown) {
    const top = this.stack[this.stack.length - 1];
    if (!top) this.out = v;
    else top.push(this.keys[this.stack.length - 1] === undefined ? v : [this.keys[this.stack.length - 1], v]);
  }
  startObject() {
    this.stack.push([]);
    this.keys.push('');
  }
  endObject() {
    this.keys.pop();
    this.put(Object.fromEntries(this.stack.pop() as [string, unknown][]));
  }
  startArray() {
    this.stack.push([]);
    this.keys.push(undefined);
  }
  endArray() {
    this.keys.pop();
    this.put(this.stack.pop());
  }
  key(k: string) {
    this.keys[this.keys.length - 1] = k;
  }
  value(v: unknown) {
    this.put(v);
  }
}

function parseIn(doc: string, chunk: number): unknown {
  const c = new Collect();
  const p = new JsonStreamParser(c);
  const bytes = Buffer.from(doc);
  for (let i = 0; i < bytes.length; i += chunk) p.feed(bytes.subarray(i, i + chunk));
  p.end();
  return c.out;
}

const GOOD = ['{"a":[1,-0,0.5,-12.25e-3,1E+21,12345678901234567890,3.141592653589793],"b":{"c":null,"d":true,"e":false}}', ' [ "x\\u00e9\\n\\"\\\\/", "ünï €", "", {} , [] ] ', '-7', '"s"', '1.7976931348623157e308', '{"k":{"k":{"k":[[[]]]}}}', '[0,10,100,1000000000,9007199254740993]'];
const BAD = ['[1,]', '{"a":1,}', '[01]', '[1.]', '[.5]', '[-]', '[+1]', '[tru]', '["a\u0001"]', '{"a" 1}', '[1 2]', '{} {}', '{"a":1', '["x', '[1e]', '{a:1}', "['a']", '[1,,2]', '["\\x"]', 'nul', '[]]'];

test('the parser reads what JSON.parse reads, the same, in chunks of any size, and refuses what it refuses', () => {
  for (const doc of GOOD) for (const chunk of [1, 2, 3, 7, 1000]) expect(parseIn(doc, chunk)).toEqual(JSON.parse(doc));
  for (const doc of BAD) {
    expect(() => JSON.parse(doc)).toThrow();
    for (const chunk of [1, 3, 1000]) expect(() => parseIn(doc, chunk)).toThrow(JsonSyntaxError);
  }
  // Numbers keep their sign and every bit.
  expect(Object.is(parseIn('-0', 1), -0)).toBe(true);
  expect(parseIn('[0.1,2.5e-324]', 2)).toEqual([0.1, 5e-324]);
});

test('numbers are read as JSON.parse reads them, bit for bit, on the fast path and past it', () => {
  const rng = stream(11, 0);
  const texts = ['0', '-0', '-0.0', '0.0', '1', '0.1', '0.30000000000000004', '0.3333333333333333', '0.33333333333333331', '9007199254740991', '9007199254740992', '9007199254740993', '9007199254740993.5', '123456789012345678', '1e5', '-1E-7', '2.5e+3', '0.0000000000000000000001', '0.00000000000000000000001', '1.7976931348623157e308', '5e-324'];
  for (let k = 0; k < 50_000; k++) {
    const v = (rng() - 0.5) * 10 ** Math.floor(rng() * 30 - 12);
    texts.push(JSON.stringify(v), v.toFixed(Math.floor(rng() * 21)), String(Math.floor(rng() * 2 ** 54)));
  }
  const wrong = texts.filter((t) => {
    const b = Buffer.from(` ${t} `);
    return !Object.is(parseJsonNumber(b, 1, b.length - 1), JSON.parse(t));
  });
  expect(wrong).toEqual([]);
});

test('a deeply nested document is refused at once, at a stated depth', async () => {
  const deep = Buffer.from(`{"format":"mlops-model","format_version":3,"x":${'['.repeat(MAX_JSON_DEPTH + 5)}`);
  const start = performance.now();
  await expect(parseModel('deep.json', deep)).rejects.toThrow(`deep.json: not JSON at byte ${deep.indexOf('[') + MAX_JSON_DEPTH - 1}: nested deeper than 100,000 levels, so not a model package`);
  expect(performance.now() - start).toBeGreaterThanOrEqual(0); // no timing claim; the refusal is the point
});

test('damaged trees are named by tree and depth, as the whole-document check named them', async () => {
  const head = headFor('classification', 4);
  const good = await text(head, cls);
  const reject = async (doc: string) => {
    try {
      await parseModel('m.json', Buffer.from(doc));
    } catch (err) {
      expect(err).toBeInstanceOf(ModelFormatError);
      return (err as Error).message;
    }
    throw new Error('expected a rejection');
  };
  const at = good.indexOf('"splitColumn":', good.indexOf('"estimators"'));
  const column = /"splitColumn":(\d+)/.exec(good.slice(at))![0];
  expect(await reject(good.slice(0, at) + good.slice(at).replace(column, '"splitColumn":5'))).toBe('m.json: the key "forest.baseModel.estimators[0].root" has a splitColumn that is not a feature index from 0 to 4; the package is damaged or was not written by mlops-actions');
  expect(await reject(good.slice(0, at) + good.slice(at).replace(column, '"splitColumn":-1'))).toMatch(/estimators\[0\]\.root" has a splitColumn that is not a feature index;/);
  expect(await reject(good.replace(/"distribution":\[\[[^\]]*\]\]/, '"distribution":[[0.2,0.2,0.2,0.2,0.2]]'))).toMatch(/estimators\[0\]\.root \(a node at depth \d+\)" has a distribution that is not \[\[1 to 4 class shares\]\]/);
  expect(await reject(good.replace(/"distribution":\[\[[^\]]*\]\]/, '"distribution":0.5'))).toMatch(/a node at depth \d+\)" has a distribution that is not \[\[1 to 4 class shares\]\]/);
  expect(await reject(good.replace(/"distribution":\[\[[^\]]*\]\]/, '"distribution":[["a"]]'))).toMatch(/has a distribution that is not \[\[class shares\]\] of finite numbers/);
  expect(await reject(good.replace(/"distribution":\[\[[^\]]*\]\]/, '"nothing":1'))).toMatch(/is not a tree node \(no distribution, no split\)/);
  expect(await reject(good.replace('"splitValue":', '"splitValue":"x","was":'))).toMatch(/estimators\[0\]\.root" has a splitValue that is not a finite number/);
  expect(await reject(good.replace(/"splitValue":[^,]+/, '"splitValue":1e999'))).toMatch(/estimators\[0\]\.root" has a splitValue that is not a finite number/);
  expect(await reject(good.replace(/"left":\{"distribution":\[\[[^\]]*\]\]\},"right":/, '"right":'))).toMatch(/has a split without both children|lists its right child before its left/);
  const reg6 = await text(headFor('regression', 0), reg);
  expect(await reject(reg6.replace(/"distribution":(-?[\d.e-]+)/, '"distribution":[[$1]]'))).toMatch(/a node at depth \d+\)" has a distribution that is not a finite number/);
  // A leaf decides by its first largest share (ml-matrix's maxRowIndex), on the fast path (whole
  // buffer) and on the event path (7 bytes at a time) alike.
  const tied = Buffer.from(good.replace(/"distribution":\[\[[^\]]*\]\]/, '"distribution":[[0.25,0.5,0.5]]'));
  const firstLeaf = (t: { feature: Int32Array; value: Float64Array }) => t.value[t.feature.indexOf(-1)];
  expect(firstLeaf((await parseModel('m.json', tied)).forest!.trees[0]!)).toBe(1);
  const builder = new PackageBuilder('m.json', () => {});
  const parser = new JsonStreamParser(builder);
  for (let i = 0; i < tied.length; i += 7) parser.feed(tied.subarray(i, i + 7));
  parser.end();
  const root = (builder.result as { forest: { baseModel: { estimators: { root: object }[] } } }).forest.baseModel.estimators[0]!.root;
  expect(firstLeaf(builder.treeOf.get(root)!)).toBe(1);
  // Keys a reader of stock ml-random-forest JSON ignores are ignored here too (a v2 split's gain).
  expect((await parseModel('m.json', Buffer.from(good.replaceAll('"splitColumn":', '"gain":{"any":[1,{"x":2}]},"splitColumn":')))).forest).toEqual(compileForest(cls));
});
