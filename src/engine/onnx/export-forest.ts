// The suite's forest as an ONNX model that predicts exactly what the suite predicts, in any ONNX
// runtime: the raw columns go in (one input per column), the package's encoding runs inside the graph,
// and the trees split on doubles (ai.onnx.ml opset 5 TreeEnsemble; opset 3's classifier forces float).
//
// A classifier's label follows the suite's rule for a tied vote: the first class, in tree order, to
// reach the top count (compiled.ts, as stock ml-random-forest decides), not ArgMax's lowest index.
// So each tree votes into its own block of C targets; CumSum over the trees gives each class's count
// after every tree, and among the classes with the top count the label is the one that reached it at
// the earliest tree.
import type { EncodedColumn } from '../features/encode.ts';
import type { CompiledTree } from '../forest/compiled.ts';
import type { ModelPackage } from '../model/package.ts';
import { UserError } from '../errors.ts';
import { DataType, modelProto, type Node, type Tensor, type ValueInfo } from './model-proto.ts';

export const ONNX_FORMAT = 'mlops-forest-onnx';
export const ONNX_FORMAT_VERSION = 1;

/** ai.onnx 21 and ai.onnx.ml 5 (TreeEnsemble) need IR version 10. */
const OPSETS = { '': 21, 'ai.onnx.ml': 5 } as const;
const IR_VERSION = 10;
/** TreeEnsemble's nodes_modes: BRANCH_LT, the forest's rule (a row goes left when its value is below the split). */
const BRANCH_LT = 1;
const AGGREGATE = { AVERAGE: 0, SUM: 1 } as const;

export interface ExportInfo {
  /** The package's digest (sha256:…), recorded in the model's metadata. */
  digest: string;
  /** The registry version, when the package is a published one. */
  version?: number | undefined;
  tool: string;
}

/** The columns the forest's graph cannot encode yet (hashed text), by name. */
export function unexportableColumns(pkg: ModelPackage): string[] {
  return pkg.encoding.columns.filter((c) => c.kind === 'hashed-text').map((c) => c.name);
}

/** The ONNX inputs of a package's model: one per column, [N, 1], double or string. */
export function onnxInputs(pkg: ModelPackage): ValueInfo[] {
  return pkg.encoding.columns.map((c) => ({ name: c.name, type: c.kind === 'numeric' || c.kind === 'boolean' ? DataType.DOUBLE : DataType.STRING, shape: ['N', 1] }));
}

/** Builds the graph's encoding of one column: nodes and constants, ending in a [N, k] double tensor. */
class GraphBuilder {
  readonly nodes: Node[] = [];
  readonly initializers: Tensor[] = [];
  private n = 0;

  name(hint: string): string {
    return `${hint}_${this.n++}`;
  }

  constant(hint: string, t: Omit<Tensor, 'name'>): string {
    const name = this.name(hint);
    this.initializers.push({ ...t, name });
    return name;
  }

  op(op: string, inputs: string[], attributes: Node['attributes'] = {}, domain = ''): string {
    const out = this.name(op.toLowerCase());
    this.nodes.push({ op, inputs, outputs: [out], attributes, ...(domain ? { domain } : {}) });
    return out;
  }

  /** A [1] double NaN, shared. */
  get nan(): string {
    return (this.nanName ??= this.constant('nan', { dims: [1], data: { type: DataType.DOUBLE, values: [Number.NaN] } }));
  }
  private nanName: string | undefined;

  /** Category codes: the level's index, MISSING for the empty string, UNKNOWN for a level not seen in training. */
  codes(input: string, levels: readonly string[]): string {
    const keys = [...levels];
    const values = levels.map((_, i) => i);
    // The empty string is a missing value, unless the training data had it as a level of its own.
    if (!levels.includes('')) {
      keys.push('');
      values.push(MISSING);
    }
    return this.op('LabelEncoder', [input], { keys_strings: { strings: keys }, values_int64s: { ints: values }, default_int64: { i: UNKNOWN } }, 'ai.onnx.ml');
  }

  encode(c: EncodedColumn): string {
    switch (c.kind) {
      case 'numeric':
      case 'boolean':
        return c.name;
      case 'one-hot': {
        const code = this.codes(c.name, c.levels);
        const index = this.constant('levels', { dims: [1, c.levels.length], data: { type: DataType.INT64, values: c.levels.map((_, i) => i) } });
        const hot = this.op('Cast', [this.op('Equal', [code, index])], { to: { i: DataType.DOUBLE } });
        const missing = this.op('Equal', [code, this.constant('missing', { dims: [1], data: { type: DataType.INT64, values: [MISSING] } })]);
        return this.op('Where', [missing, this.nan, hot]);
      }
      case 'ordinal': {
        const code = this.codes(c.name, c.levels);
        const none = this.op('Less', [code, this.constant('zero', { dims: [1], data: { type: DataType.INT64, values: [0] } })]);
        return this.op('Where', [none, this.nan, this.op('Cast', [code], { to: { i: DataType.DOUBLE } })]);
      }
      case 'hashed-text':
        // exportForest refuses these before building (unexportableColumns), naming them all.
        throw new Error(`internal: the graph builder reached the text column ${JSON.stringify(c.name)}`);
    }
  }
}

const MISSING = -2;
const UNKNOWN = -1;

interface EnsembleAttributes {
  tree_roots: Int32Array;
  nodes_featureids: Int32Array;
  nodes_splits: Float64Array;
  nodes_truenodeids: Int32Array;
  nodes_trueleafs: Uint8Array;
  nodes_falsenodeids: Int32Array;
  nodes_falseleafs: Uint8Array;
  leaf_targetids: Int32Array;
  leaf_weights: Float64Array;
}

/**
 * The trees in TreeEnsemble's layout, in typed arrays sized first (a forest grown on a million rows
 * has millions of nodes). A leaf of tree t adds `weight(value)` to target `target(t, value)`, where
 * value is the leaf's class or value. A tree that is one leaf gets one split whose two branches are
 * that leaf, as the operator's definition says.
 */
function ensemble(trees: readonly CompiledTree[], target: (t: number, value: number) => number, weight: (value: number) => number): EnsembleAttributes {
  let splits = 0;
  let leaves = 0;
  for (const tree of trees) {
    for (let i = 0; i < tree.feature.length; i++) if (tree.feature[i]! < 0) leaves++;
    splits += tree.feature[0]! < 0 ? 1 : tree.feature.length - (tree.feature.length + 1) / 2;
  }
  const a: EnsembleAttributes = {
    tree_roots: new Int32Array(trees.length),
    nodes_featureids: new Int32Array(splits),
    nodes_splits: new Float64Array(splits),
    nodes_truenodeids: new Int32Array(splits),
    nodes_trueleafs: new Uint8Array(splits),
    nodes_falsenodeids: new Int32Array(splits),
    nodes_falseleafs: new Uint8Array(splits),
    leaf_targetids: new Int32Array(leaves),
    leaf_weights: new Float64Array(leaves),
  };
  let nextSplit = 0;
  let nextLeaf = 0;
  trees.forEach((tree, t) => {
    const n = tree.feature.length;
    // Each node's index among the ensemble's splits or among its leaves.
    const id = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (tree.feature[i]! < 0) {
        id[i] = nextLeaf;
        a.leaf_targetids[nextLeaf] = target(t, tree.value[i]!);
        a.leaf_weights[nextLeaf++] = weight(tree.value[i]!);
      } else {
        id[i] = nextSplit;
        a.nodes_featureids[nextSplit] = tree.feature[i]!;
        a.nodes_splits[nextSplit++] = tree.value[i]!;
      }
    }
    if (tree.feature[0]! < 0) {
      const at = nextSplit++;
      a.tree_roots[t] = at;
      a.nodes_truenodeids[at] = id[0]!;
      a.nodes_trueleafs[at] = 1;
      a.nodes_falsenodeids[at] = id[0]!;
      a.nodes_falseleafs[at] = 1;
      return;
    }
    a.tree_roots[t] = id[0]!;
    for (let i = 0; i < n; i++) {
      if (tree.feature[i]! < 0) continue;
      // Preorder: the left child (taken when the value is below the split) is the next node.
      const left = i + 1;
      const right = tree.right[i]!;
      const at = id[i]!;
      a.nodes_truenodeids[at] = id[left]!;
      a.nodes_trueleafs[at] = tree.feature[left]! < 0 ? 1 : 0;
      a.nodes_falsenodeids[at] = id[right]!;
      a.nodes_falseleafs[at] = tree.feature[right]! < 0 ? 1 : 0;
    }
  });
  return a;
}

function treeEnsembleNode(g: GraphBuilder, x: string, a: EnsembleAttributes, targets: number, aggregate: number): string {
  const nodes = a.nodes_featureids.length;
  return g.op(
    'TreeEnsemble',
    [x],
    {
      n_targets: { i: targets },
      aggregate_function: { i: aggregate },
      post_transform: { i: 0 },
      tree_roots: { ints: a.tree_roots },
      nodes_featureids: { ints: a.nodes_featureids },
      nodes_splits: { t: { dims: [nodes], data: { type: DataType.DOUBLE, values: a.nodes_splits } } },
      nodes_modes: { t: { dims: [nodes], data: { type: DataType.UINT8, values: new Uint8Array(nodes).fill(BRANCH_LT) } } },
      // A NaN goes right (the false branch), as the forest sends it.
      nodes_missing_value_tracks_true: { ints: new Uint8Array(nodes) },
      nodes_truenodeids: { ints: a.nodes_truenodeids },
      nodes_trueleafs: { ints: a.nodes_trueleafs },
      nodes_falsenodeids: { ints: a.nodes_falsenodeids },
      nodes_falseleafs: { ints: a.nodes_falseleafs },
      leaf_targetids: { ints: a.leaf_targetids },
      leaf_weights: { t: { dims: [a.leaf_weights.length], data: { type: DataType.DOUBLE, values: a.leaf_weights } } },
    },
    'ai.onnx.ml',
  );
}

const int64s = (values: number[]): Omit<Tensor, 'name'> => ({ dims: [values.length], data: { type: DataType.INT64, values } });

/** The label and vote shares of a classifier, from the trees' votes [N, T·C]. */
function classify(g: GraphBuilder, votes: string, trees: number, classes: readonly string[]): { label: string; probabilities: string } {
  const C = classes.length;
  const perTree = g.op('Reshape', [votes, g.constant('shape', int64s([-1, trees, C]))]);
  const counts = g.op('ReduceSum', [perTree, g.constant('axis', int64s([1]))], { keepdims: { i: 0 } });
  const probabilities = g.op('Div', [counts, g.constant('trees', { dims: [], data: { type: DataType.DOUBLE, values: [trees] } })]);
  // Each class's count after each tree, and the tree at which it first equals the top count.
  const running = g.op('CumSum', [perTree, g.constant('axis', { dims: [], data: { type: DataType.INT64, values: [1] } })]);
  const top = g.op('ReduceMax', [counts, g.constant('axis', int64s([1]))], { keepdims: { i: 1 } });
  const reached = g.op('Cast', [g.op('Equal', [running, g.op('Unsqueeze', [top, g.constant('axis', int64s([2]))])])], { to: { i: DataType.DOUBLE } });
  // ArgMax takes the first index of the largest value: the first tree at which the class reached it.
  const when = g.op('Cast', [g.op('ArgMax', [reached], { axis: { i: 1 }, keepdims: { i: 0 } })], { to: { i: DataType.DOUBLE } });
  const never = g.constant('never', { dims: [1], data: { type: DataType.DOUBLE, values: [trees] } });
  const contest = g.op('Where', [g.op('Equal', [counts, top]), when, never]);
  const winner = g.op('ArgMin', [contest], { axis: { i: 1 }, keepdims: { i: 0 } });
  const label = g.op('Gather', [g.constant('classes', { dims: [C], data: { type: DataType.STRING, values: classes } }), winner], { axis: { i: 0 } });
  return { label, probabilities };
}

/** The package's forest as ONNX bytes. Refuses (UserError) a model that reads text columns. */
export function exportForest(pkg: ModelPackage, info: ExportInfo): Uint8Array {
  const text = unexportableColumns(pkg);
  if (text.length > 0) throw new UserError(`the model reads the text column${text.length === 1 ? '' : 's'} ${text.map((t) => JSON.stringify(t)).join(', ')}, whose hashed words cannot be computed in an ONNX graph yet; only models without text features can be exported`);
  const { forest } = pkg;
  if (!forest) throw new UserError(`the model of ${pkg.pipeline} is not the suite's forest; a team's own ONNX model is exported as it is`);
  const g = new GraphBuilder();
  const pieces = pkg.encoding.columns.map((c) => g.encode(c));
  const x = g.op('Concat', pieces, { axis: { i: 1 } });
  const T = forest.trees.length;
  const outputs: ValueInfo[] = [];
  if (forest.task === 'classification') {
    const classes = pkg.target.classes ?? [];
    if (classes.length !== forest.classes) throw new UserError(`the package lists ${classes.length} classes, but its forest votes among ${forest.classes}: the package is damaged`);
    const C = classes.length;
    const votes = treeEnsembleNode(g, x, ensemble(forest.trees, (t, cls) => t * C + cls, () => 1), T * C, AGGREGATE.SUM);
    const { label, probabilities } = classify(g, votes, T, classes);
    g.nodes.push({ op: 'Identity', inputs: [label], outputs: ['label'] }, { op: 'Identity', inputs: [probabilities], outputs: ['probabilities'] });
    outputs.push({ name: 'label', type: DataType.STRING, shape: ['N'] }, { name: 'probabilities', type: DataType.DOUBLE, shape: ['N', C], doc: `vote shares of ${JSON.stringify(classes)}` });
  } else {
    const prediction = treeEnsembleNode(g, x, ensemble(forest.trees, () => 0, (v) => v), 1, AGGREGATE.AVERAGE);
    g.nodes.push({ op: 'Identity', inputs: [prediction], outputs: ['prediction'] });
    outputs.push({ name: 'prediction', type: DataType.DOUBLE, shape: ['N', 1] });
  }
  const metadata: Record<string, string> = {
    format: `${ONNX_FORMAT}/${ONNX_FORMAT_VERSION}`,
    pipeline: pkg.pipeline,
    task: pkg.task,
    target: pkg.target.name,
    inputs: JSON.stringify(pkg.encoding.columns.map((c) => c.name)),
    model_digest: info.digest,
    ...(info.version !== undefined ? { version: String(info.version) } : {}),
    ...(pkg.target.classes ? { classes: JSON.stringify(pkg.target.classes) } : {}),
  };
  return modelProto({
    irVersion: IR_VERSION,
    opsets: OPSETS,
    producer: { name: 'mlops-actions', version: info.tool },
    doc: `${pkg.pipeline}: a random forest of ${T} trees (${pkg.task}) exported by mlops-actions; inputs are the raw columns, one [N, 1] tensor each (double: numbers, booleans as 1/0, NaN when missing; string: categories, "" when missing).`,
    graph: { name: pkg.pipeline, nodes: g.nodes, initializers: g.initializers, inputs: onnxInputs(pkg), outputs },
    metadata,
  });
}
