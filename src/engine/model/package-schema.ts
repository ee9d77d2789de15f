// The shape of a model package, checked whole before anything reads it: a JSON Schema (ajv) for the
// keys and types of its head, then the consistency that a schema cannot say (the forest's trees
// against the encoding, the classes and the task). Every failure names the file and the key. Each
// tree's nodes are checked as they are compiled (package-reader.ts), which gathers what only the
// head can judge into ForestStats.
import AjvModule, { type Ajv as AjvInstance, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { ModelFormatError } from '../errors.ts';

/** What the trees hold that only the package's head can judge (its features, classes and task). */
export interface ForestStats {
  /** The largest split column, and where it is. */
  maxColumn: number;
  maxColumnAt: string;
  /** The most shares a classification leaf lists, and where. */
  maxShares: number;
  maxSharesAt: string;
  /** The first leaf of each kind: a class distribution, or a value. */
  classLeafAt: string | undefined;
  valueLeafAt: string | undefined;
}

// ajv is CommonJS: under ESM its class sits on the default export's `default`.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (opts: Options) => AjvInstance;

const str = { type: 'string' } as const;
const int = (minimum = 0) => ({ type: 'integer', minimum }) as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const numbers = { type: 'object', additionalProperties: { type: 'number' } } as const;
const strings = { type: 'array', items: str } as const;

const ENCODED_COLUMN = {
  type: 'object',
  required: ['name', 'kind'],
  properties: { name: str, kind: { enum: ['numeric', 'boolean', 'one-hot', 'ordinal', 'hashed-text'] } },
  allOf: [
    { if: { properties: { kind: { const: 'boolean' } } }, then: { required: ['trueLevel'], properties: { trueLevel: str } } },
    { if: { properties: { kind: { enum: ['one-hot', 'ordinal'] } } }, then: { required: ['levels'], properties: { levels: strings } } },
    { if: { properties: { kind: { const: 'hashed-text' } } }, then: { required: ['width', 'ngrams', 'seed'], properties: { width: int(1), ngrams: int(1), seed: int() } } },
  ],
} as const;

export const PACKAGE_SCHEMA = {
  type: 'object',
  required: ['format', 'format_version', 'pipeline', 'task', 'target', 'id', 'encoding', 'schema', 'params', 'split', 'provenance', 'rows', 'oob_score', 'feature_importance', 'profile'],
  properties: {
    pipeline: { type: 'string', pattern: '^[a-z0-9-]+$' },
    task: { enum: ['classification', 'regression'] },
    target: { type: 'object', required: ['name', 'classes'], properties: { name: str, classes: nullable({ type: 'array', items: str, minItems: 2 }) } },
    id: nullable(str),
    encoding: { type: 'object', required: ['columns', 'features'], properties: { columns: { type: 'array', minItems: 1, items: ENCODED_COLUMN }, features: strings } },
    schema: { type: 'object', required: ['columns'], properties: { columns: { type: 'object', additionalProperties: { type: 'object', required: ['type'], properties: { type: { enum: ['integer', 'number', 'boolean', 'categorical', 'text'] } } } } } },
    params: {
      type: ['object', 'null'],
      required: ['trees', 'max_depth', 'min_samples_leaf', 'max_features', 'bootstrap', 'seed'],
      properties: { trees: int(1), max_depth: nullable(int(1)), min_samples_leaf: int(1), max_features: { anyOf: [{ enum: ['sqrt', 'log2'] }, { type: 'number', exclusiveMinimum: 0 }] }, bootstrap: { type: 'boolean' }, seed: int() },
    },
    split: {
      type: 'object',
      required: ['test_fraction', 'seed', 'key_columns', 'stratify', 'stratify_test_shares'],
      properties: { test_fraction: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, seed: int(), key_columns: { type: 'array', items: str, minItems: 1 }, stratify: nullable(str), stratify_test_shares: nullable(numbers) },
    },
    provenance: {
      type: 'object',
      required: ['data_sha256', 'data_files', 'config_sha256', 'commit', 'created_at', 'tool'],
      properties: { data_sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, data_files: strings, config_sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, commit: nullable(str), created_at: nullable(str), tool: str },
    },
    rows: { type: 'object', required: ['total', 'labelled', 'train', 'test'], properties: { total: int(), labelled: int(), train: int(1), test: int() } },
    oob_score: nullable({ type: 'number' }),
    feature_importance: numbers,
    profile: { type: 'object', additionalProperties: { type: 'object' } },
    holdout: {
      type: 'object',
      required: ['rows', 'metrics', 'predictions', 'calibration'],
      properties: {
        rows: int(),
        metrics: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
        predictions: { type: 'object' },
        calibration: nullable({ type: 'object', required: ['x', 'y', 'rows', 'accuracy'], properties: { x: { type: 'array', items: { type: 'number' } }, y: { type: 'array', items: { type: 'number' } }, rows: int(), accuracy: { type: ['number', 'null'] } } }),
      },
    },
    examples: { type: 'object', required: ['rows', 'predictions'], properties: { rows: { type: 'array', items: { type: 'object' } }, predictions: { type: 'array', items: { type: ['string', 'number'] } } } },
    onnx: {
      type: 'object',
      required: ['sha256', 'base64', 'interface', 'command', 'written_sha256', 'zipmap_cut'],
      properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, base64: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' }, interface: { type: 'object', required: ['input', 'outputs', 'classes'] }, command: str, written_sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, zipmap_cut: { type: 'boolean' } },
    },
    importance_method: { enum: ['impurity', 'permutation'] },
    forest: {
      type: 'object',
      required: ['name', 'baseModel'],
      properties: {
        name: { enum: ['RFClassifier', 'RFRegression'] },
        baseModel: { type: 'object', required: ['estimators', 'nEstimators'], properties: { nEstimators: int(1), estimators: { type: 'array', minItems: 1, items: { type: 'object', required: ['root'], properties: { root: { type: 'object' } } } } } },
      },
    },
  },
} as const;

let validator: ValidateFunction | undefined;

function where(error: ErrorObject): string {
  const key = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const path = [...key, ...(missing ? [missing] : [])];
  return path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(the top level)';
}

/** A package's key is wrong: the one error every shape check throws, naming the file and the key. */
export const fail = (file: string, key: string, message: string): never => {
  throw new ModelFormatError(file, `the key "${key}" ${message}; the package is damaged or was not written by mlops-actions`);
};

/** Checks the package's shape; throws a ModelFormatError naming the file and the key. */
export function checkPackageShape(file: string, value: unknown): void {
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(PACKAGE_SCHEMA);
  if (!validator(value)) {
    const e = validator.errors?.[0];
    if (!e) return fail(file, '', 'is not a model package');
    const key = where(e);
    const message = e.keyword === 'required' ? 'is missing' : e.keyword === 'if' ? 'does not fit its kind' : (e.message ?? 'is not valid');
    fail(file, key, message);
  }
  const pkg = value as {
    format_version: number;
    task: string;
    target: { classes: string[] | null };
    encoding: { columns: { kind: string; levels?: string[]; width?: number }[]; features: string[] };
    params: object | null;
    forest?: { name: string };
    onnx?: object;
  };
  const classification = pkg.task === 'classification';
  // A forest's package has forest and params; a team's model (format 4) has onnx and no parameters.
  if (pkg.format_version >= 4) {
    if (!pkg.onnx) fail(file, 'onnx', 'is missing');
    if (pkg.forest !== undefined) fail(file, 'forest', 'has no place beside onnx');
    if (pkg.params !== null) fail(file, 'params', 'must be null for a model from the team\'s own trainer');
  } else {
    if (!pkg.forest) return fail(file, 'forest', 'is missing');
    if (pkg.params === null) fail(file, 'params', 'is missing');
    if (pkg.forest.name !== (classification ? 'RFClassifier' : 'RFRegression')) fail(file, 'forest.name', `is ${JSON.stringify(pkg.forest.name)}, which does not fit a ${pkg.task} model`);
  }
  if (classification !== (pkg.target.classes !== null)) fail(file, 'target.classes', classification ? 'must list the classes of a classification model' : 'must be null for a regression model');
  const width = pkg.encoding.columns.reduce((n, c) => n + (c.kind === 'one-hot' ? (c.levels?.length ?? 0) : c.kind === 'hashed-text' ? (c.width ?? 0) : 1), 0);
  if (width !== pkg.encoding.features.length) fail(file, 'encoding.features', `lists ${pkg.encoding.features.length} features, but the encoded columns make ${width}`);
}

/** The trees against the head: split columns within the features, leaves of the task's kind, shares within the classes. */
export function checkForestStats(file: string, pkg: { task: string; target: { classes: string[] | null }; encoding: { features: string[] } }, stats: ForestStats): void {
  const width = pkg.encoding.features.length;
  if (stats.maxColumn >= width) fail(file, stats.maxColumnAt, `has a splitColumn that is not a feature index from 0 to ${width - 1}`);
  const classes = pkg.target.classes?.length ?? 0;
  if (pkg.task === 'classification') {
    if (stats.valueLeafAt !== undefined) fail(file, stats.valueLeafAt, `has a distribution that is not [[1 to ${classes} class shares]]`);
    if (stats.maxShares > classes) fail(file, stats.maxSharesAt, `has a distribution that is not [[1 to ${classes} class shares]]`);
  } else if (stats.classLeafAt !== undefined) fail(file, stats.classLeafAt, 'has a distribution that is not a finite number');
}
