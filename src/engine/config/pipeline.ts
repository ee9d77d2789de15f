// The pipeline file: one per model. The spec below is the single definition of its keys: it validates
// the file, and the README's key table is checked against it.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayName, isInside, resolveTyped } from '../data/files.ts';
import { sha256Hex } from '../digest.ts';
import { ConfigError, UserError } from '../errors.ts';
import { check, YamlSource, type Field } from './spec.ts';
import { DEFAULT_DRIFT, STAT_TESTS, type DriftSettings, type StatTest } from '../drift/detect.ts';
import { SEVERITY_LEVELS, type CheckId, type Severity, CHECKS } from '../validation/checks-catalog.ts';

export type Task = 'classification' | 'regression';
export type Delimiter = ',' | ';' | '\t';

export interface ValidationConfig {
  minRows: number;
  minClassRows: number;
  maxMissingRate: number;
  severity: Record<CheckId, Severity>;
}

export type MaxFeatures = 'sqrt' | 'log2' | number;

export interface ModelParams {
  trees: number;
  maxDepth: number | undefined;
  minSamplesLeaf: number;
  /** Undefined: sqrt for classification, 1.0 for regression. */
  maxFeatures: MaxFeatures | undefined;
  bootstrap: boolean;
  seed: number;
}

export interface SplitConfig {
  testFraction: number;
  seed: number;
  stratify: string | undefined;
  /** The key columns; undefined: the id, or every column of the training data. */
  key: string[] | undefined;
}

export interface EvaluationConfig {
  slices: string[];
  sliceBins: number;
  bootstrap: number;
  seed: number;
}

export interface GatesConfig {
  /** Default: accuracy (classification) or rmse (regression). */
  primary: string;
  requireSignificantGain: boolean;
  alpha: number;
  /** The fewest rows, test rows under both models' splits, on which a decision may be made. */
  minComparedRows: number;
  metrics: Record<string, { threshold?: number; min_absolute_change?: number; min_relative_change?: number; max_regression?: number }>;
}

export const CLASSIFICATION_METRICS = ['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc', 'pr_auc', 'log_loss', 'brier'] as const;
export const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape', 'median_ae'] as const;

export interface PipelineConfig {
  /** The file it was read from, as the user named it. */
  file: string;
  /** The repository root that every path in the file is relative to. */
  root: string;
  /** sha256 of the file's bytes: the config hash every artifact records. */
  digest: string;
  name: string;
  task: Task;
  target: string;
  id: string | undefined;
  /** Where keys that data is checked against later stand in the file, for errors that point at them. */
  lines: { target: number | undefined; id: number | undefined };
  data: {
    train: string;
    test: string | undefined;
    missing: string[];
    delimiter: Delimiter | undefined;
    /** The decimal mark of numbers: '.' or ','. */
    decimal: '.' | ',';
  };
  schema: string | undefined;
  /** Where the schema came from: the `schema` key, or the convention <pipeline dir>/<name>.schema.yml. */
  schemaSource: 'key' | 'convention' | 'none';
  features: { exclude: string[]; oneHotMaxLevels: number; textWidth: number; ngrams: number };
  validation: ValidationConfig;
  split: SplitConfig;
  model: ModelParams;
  evaluation: EvaluationConfig;
  gates: GatesConfig;
  drift: DriftSettings;
  /** A sweep of model parameters, or undefined when the pipeline has none. */
  sweep: SweepConfig | undefined;
  /** The team's own trainer, which writes an ONNX model, or undefined: the suite grows its forest. */
  trainer: TrainerConfig | undefined;
}

export interface TrainerConfig {
  /** A shell command, run from the repository root. */
  command: string;
  timeoutMinutes: number;
  /** Globs (repository-relative) of the files the command reads, hashed into the train cache's key. */
  inputs: string[];
}

export interface SweepConfig {
  /** Each swept model parameter and its values, in the file's order. */
  grid: [string, (number | string | boolean)[]][];
  /** Draw this many cells of the grid (seeded) instead of every one. */
  random: number | undefined;
  seed: number;
  /** The share of the training rows each cell is scored on (never the test rows). */
  validationFraction: number;
}

/** GitHub Actions runs at most 256 jobs per matrix: one cell each. */
export const MAX_SWEEP_CELLS = 256;

const PATH_HINT = 'a path relative to the repository root';
const repoPath = { kind: 'string', pattern: /^(?![\\/])(?![A-Za-z]:)\S.*$/, hint: PATH_HINT } as const;

export const DEFAULT_MISSING = ['', 'NA', 'NaN', 'null'];

export const MODEL_FIELDS: Record<string, Field> = {
  trees: { spec: { kind: 'number', integer: true, min: 1, max: 10000 }, default: '`100`', description: 'The number of trees.' },
  max_depth: { spec: { kind: 'number', integer: true, min: 1 }, default: 'unlimited', description: 'The deepest a tree may grow.' },
  min_samples_leaf: { spec: { kind: 'number', integer: true, min: 1 }, default: '`1`', description: 'The fewest (bootstrap-weighted) rows a leaf may hold.' },
  max_features: {
    spec: { kind: 'any-of', hint: '`sqrt`, `log2`, a fraction in (0, 1] or a whole count', specs: [{ kind: 'string', oneOf: ['sqrt', 'log2'] }, { kind: 'number', min: 0, exclusiveMin: true }] },
    default: '`sqrt` (classification), `1.0` (regression)',
    description: 'Features examined at each split.',
  },
  bootstrap: { spec: { kind: 'boolean' }, default: '`true`', description: 'Train each tree on a bootstrap sample of the rows.' },
  seed: { spec: { kind: 'number', integer: true, min: 0, max: 4294967295 }, default: '`42`', description: 'The forest\'s seed: the same data, config and seed give a byte-identical model.' },
};

export const PIPELINE_FIELDS: Record<string, Field> = {
  name: { spec: { kind: 'string', pattern: /^[a-z0-9-]+$/, hint: 'made of a-z, 0-9 and -' }, required: true, description: 'The model\'s name; names its registry entry, releases and reports.' },
  task: { spec: { kind: 'string', oneOf: ['classification', 'regression'] }, required: true, description: 'What the model predicts: a class or a number.' },
  target: { spec: { kind: 'string' }, required: true, description: 'The label column.' },
  id: { spec: { kind: 'string' }, description: 'A column that names each row; never a feature. Row-level reports name it.' },
  data: {
    required: true,
    description: 'Where the data is.',
    spec: {
      kind: 'object',
      fields: {
        train: { spec: repoPath, required: true, description: 'A CSV path or glob (`*`, `**`, `?`) relative to the repository root. Several files must share one header.' },
        test: { spec: repoPath, description: 'A held-out CSV path or glob; enables the leakage check.' },
        missing: { spec: { kind: 'list', items: { kind: 'string' } }, default: '`["", "NA", "NaN", "null"]`', description: 'Cell values that mean "missing" (compared after unquoting).' },
        delimiter: { spec: { kind: 'string', oneOf: [',', ';', '\t', 'tab'] }, default: 'detected from the header', description: 'The field delimiter: `,`, `;` or `tab`.' },
        decimal: { spec: { kind: 'string', oneOf: ['.', ','] }, default: '`.`', description: 'The decimal mark: `,` reads `64,5` as 64.5 (for `;`- or tab-delimited files, as spreadsheets in many locales write them).' },
      },
    },
  },
  schema: { spec: repoPath, default: '`<name>.schema.yml` beside the pipeline file, when it exists', description: 'A data schema file (written by `mlops schema infer`): declared column types, ranges, categories and missing-value limits.' },
  features: {
    description: 'Which columns are features.',
    default: 'every column but the target and the id',
    spec: {
      kind: 'object',
      fields: {
        exclude: { spec: { kind: 'list', items: { kind: 'string' } }, default: '`[]`', description: 'Columns that are not features.' },
        one_hot_max_levels: { spec: { kind: 'number', integer: true, min: 1 }, default: '`10`', description: 'A categorical column with at most this many levels is one-hot encoded; above it, ordinal codes.' },
        text_width: { spec: { kind: 'number', integer: true, min: 1, max: 65536 }, default: '`256`', description: 'Text columns: the number of hashed bag-of-words buckets.' },
        ngrams: { spec: { kind: 'number', integer: true, min: 1, max: 3 }, default: '`2`', description: 'Text columns: word n-grams from 1 up to this.' },
      },
    },
  },
  split: {
    description: 'How rows are split into train and test.',
    spec: {
      kind: 'object',
      fields: {
        test_fraction: { spec: { kind: 'number', min: 0, max: 1, exclusiveMin: true }, default: '`0.2`', description: 'The share of rows that go to test. A row\'s side depends only on its key (the id, or its content) and the seed, so adding rows never moves an old row.' },
        seed: { spec: { kind: 'number', integer: true, min: 0, max: 4294967295 }, default: '`42`', description: 'The split\'s seed.' },
        stratify: { spec: { kind: 'string' }, description: 'A column whose per-value test shares are checked and recorded; a value with no test row, or a share more than 10 points off, is reported. (Forcing exact shares would move old rows.)' },
        key: { spec: { kind: 'list', items: { kind: 'string' } }, default: 'the id, else every column of the training data', description: 'The columns whose values decide a row\'s side. The package records them, so adding, dropping or reordering other columns never moves a row. Without an id, name the columns that identify a row here, so that a new column does not reshuffle the split.' },
      },
    },
  },
  model: { description: 'The random forest\'s parameters (the train action\'s `params` input overrides them).', spec: { kind: 'object', fields: MODEL_FIELDS } },
  evaluation: {
    description: 'How evaluate scores a model.',
    spec: {
      kind: 'object',
      fields: {
        slices: { spec: { kind: 'list', items: { kind: 'string' } }, default: '`[]`', description: 'Columns to report metrics by: categories as they are, numbers in quantile bins.' },
        slice_bins: { spec: { kind: 'number', integer: true, min: 2, max: 20 }, default: '`4`', description: 'Quantile bins for a numeric slice column.' },
        bootstrap: { spec: { kind: 'number', integer: true, min: 0, max: 100000 }, default: '`1000`', description: 'Bootstrap resamples of the test rows: for evaluate\'s 95% confidence intervals and compare-to-champion\'s paired tests (0: none; a gate that needs a paired test then fails).' },
        seed: { spec: { kind: 'number', integer: true, min: 0, max: 4294967295 }, default: '`42`', description: 'The bootstrap\'s seed.' },
      },
    },
  },
  gates: {
    description: 'When compare-to-champion promotes a candidate (MLflow\'s threshold semantics).',
    spec: {
      kind: 'object',
      fields: {
        primary: { spec: { kind: 'string' }, default: '`accuracy` (classification), `rmse` (regression)', description: 'The metric whose paired test decides: it must not be significantly worse.' },
        require_significant_gain: { spec: { kind: 'boolean' }, default: '`false`', description: 'Also require the primary metric to be significantly better.' },
        alpha: { spec: { kind: 'number', min: 0, max: 1, exclusiveMin: true }, default: '`0.05`', description: 'The significance level of the paired tests.' },
        min_compared_rows: { spec: { kind: 'number', integer: true, min: 1 }, default: '`30`', description: 'The fewest labelled rows that are test rows under both the champion\'s and the candidate\'s split; with fewer, the candidate is rejected (no decision on too little evidence).' },
        metrics: {
          spec: {
            kind: 'map',
            keyHint: 'metric',
            values: {
              kind: 'object',
              fields: {
                threshold: { spec: { kind: 'number' }, description: 'A floor (a ceiling when lower is better).' },
                min_absolute_change: { spec: { kind: 'number', min: 0 }, description: 'The least improvement over the champion.' },
                min_relative_change: { spec: { kind: 'number', min: 0 }, description: 'The least improvement over the champion, as a share of its value.' },
                max_regression: { spec: { kind: 'number', min: 0 }, description: 'The most the candidate may be worse than the champion.' },
              },
            },
          },
          default: '`{}`',
          description: 'Per metric: `threshold`, `min_absolute_change`, `min_relative_change`, `max_regression`.',
        },
      },
    },
  },
  drift: {
    description: 'How drift-report tests new data against the training data (Evidently\'s defaults unless set here).',
    spec: {
      kind: 'object',
      fields: {
        share: { spec: { kind: 'number', min: 0, max: 1, exclusiveMin: true }, default: '`0.5`', description: 'The dataset drifts when at least this share of the features drift.' },
        weighted: { spec: { kind: 'boolean' }, default: '`false`', description: 'Weigh each feature by the champion\'s feature importance when computing that share.' },
        min_rows: { spec: { kind: 'number', integer: true, min: 1 }, default: '`30`', description: 'With fewer current rows, the verdict is "not enough data", never drift.' },
        stattest: { spec: { kind: 'string', oneOf: STAT_TESTS }, default: 'per column, as Evidently chooses', description: 'One test for every column: `ks`, `chisquare`, `z`, `wasserstein`, `jensenshannon` or `psi`.' },
        threshold: { spec: { kind: 'number', min: 0, exclusiveMin: true }, default: 'the test\'s own (0.05 for p-values, 0.1 for distances)', description: 'The threshold of `stattest` (needs `stattest`).' },
        columns: {
          spec: { kind: 'map', keyHint: 'column', values: { kind: 'object', fields: { stattest: { spec: { kind: 'string', oneOf: STAT_TESTS }, description: 'The test for this column.' }, threshold: { spec: { kind: 'number', min: 0, exclusiveMin: true }, description: 'Its threshold.' } } } },
          default: '`{}`',
          description: 'Per column: `stattest` and `threshold`.',
        },
      },
    },
  },
  trainer: {
    description: 'The team\'s own trainer: a command that writes an ONNX model, run by train instead of growing the forest (docs/onnx.md). With it, `model:` and `sweep:` (the forest\'s) are refused.',
    spec: {
      kind: 'object',
      fields: {
        command: { spec: { kind: 'string', pattern: /\S/, hint: 'a shell command' }, required: true, description: 'The command, run through the shell from the repository root; it reads MLOPS_TRAIN_DATA and writes one ONNX model to MLOPS_OUTPUT.' },
        timeout_minutes: { spec: { kind: 'number', min: 0, exclusiveMin: true, max: 1440 }, default: '`60`', description: 'Past this, the command and everything it started are ended, and train fails.' },
        inputs: { spec: { kind: 'list', items: repoPath }, default: 'none: retrained on every run', description: 'Globs of the files the command reads (its script, its requirements): hashed into the train cache\'s key. Without them the cache cannot see a change to the trainer, so it is never used.' },
      },
    },
  },
  sweep: {
    description: 'A sweep of model parameters: each cell trains on the training rows but a validation part, is scored on that part, and the best cell by gates.primary is the candidate.',
    spec: {
      kind: 'object',
      fields: {
        grid: {
          spec: { kind: 'map', keyHint: 'model parameter', values: { kind: 'list', items: { kind: 'any-of', hint: 'a number, a string or a boolean', specs: [{ kind: 'number' }, { kind: 'string' }, { kind: 'boolean' }] } } },
          required: true,
          description: 'Per model parameter (a `model:` key), the values to try; the cells are every combination.',
        },
        random: { spec: { kind: 'number', integer: true, min: 1, max: MAX_SWEEP_CELLS }, default: 'every cell', description: 'Try this many cells drawn from the grid (seeded) instead of every one.' },
        seed: { spec: { kind: 'number', integer: true, min: 0, max: 4294967295 }, default: '`42`', description: 'The seed of the random draw and of the validation part.' },
        validation_fraction: { spec: { kind: 'number', min: 0, max: 1, exclusiveMin: true }, default: '`0.2`', description: 'The share of the training rows that each cell is scored on (the test rows are never used).' },
      },
    },
  },
  validation: {
    description: 'The data checks of validate-data.',
    spec: {
      kind: 'object',
      fields: {
        min_rows: { spec: { kind: 'number', integer: true, min: 1 }, default: '`20`', description: 'Fewer rows than this fail the `min_rows` check.' },
        min_class_rows: { spec: { kind: 'number', integer: true, min: 1 }, default: '`5`', description: 'Classification: each class needs at least this many rows.' },
        max_missing_rate: { spec: { kind: 'number', min: 0, max: 1 }, default: '`0.5`', description: 'The largest share of missing values a column may have (the schema file can set it per column).' },
        severity: {
          spec: { kind: 'map', keyHint: 'check', values: { kind: 'string', oneOf: SEVERITY_LEVELS } },
          default: 'see the checks table',
          description: 'Per check: `error` (fails validation), `warn` (reported only) or `off`.',
        },
      },
    },
  },
};

/** Resolves a repository-relative path, refusing anything that lands outside the repository. */
export function resolveInRepo(root: string, relative: string, describeKey: () => UserError): string {
  const abs = path.resolve(root, relative);
  if (!isInside(root, abs)) throw describeKey();
  return abs;
}

export interface RawModel {
  trees?: number;
  max_depth?: number;
  min_samples_leaf?: number;
  max_features?: MaxFeatures;
  bootstrap?: boolean;
  seed?: number;
}

/** Model parameters from the raw `model:` mapping, with defaults. */
export function modelParams(raw: RawModel | undefined): ModelParams {
  return {
    trees: raw?.trees ?? 100,
    maxDepth: raw?.max_depth,
    minSamplesLeaf: raw?.min_samples_leaf ?? 1,
    maxFeatures: raw?.max_features,
    bootstrap: raw?.bootstrap ?? true,
    seed: raw?.seed ?? 42,
  };
}

interface RawPipeline {
  name: string;
  task: Task;
  target: string;
  id?: string;
  data: { train: string; test?: string; missing?: string[]; delimiter?: string; decimal?: '.' | ',' };
  schema?: string;
  features?: { exclude?: string[]; one_hot_max_levels?: number; text_width?: number; ngrams?: number };
  split?: { test_fraction?: number; seed?: number; stratify?: string; key?: string[] };
  evaluation?: { slices?: string[]; slice_bins?: number; bootstrap?: number; seed?: number };
  gates?: { primary?: string; require_significant_gain?: boolean; alpha?: number; min_compared_rows?: number; metrics?: GatesConfig['metrics'] };
  model?: RawModel;
  drift?: { share?: number; weighted?: boolean; min_rows?: number; stattest?: StatTest; threshold?: number; columns?: Record<string, { stattest?: StatTest; threshold?: number }> };
  validation?: { min_rows?: number; min_class_rows?: number; max_missing_rate?: number; severity?: Record<string, Severity> };
  sweep?: { grid: Record<string, (number | string | boolean)[]>; random?: number; seed?: number; validation_fraction?: number };
  trainer?: { command: string; timeout_minutes?: number; inputs?: string[] };
}

/**
 * Parses and validates pipeline text. `file` is how errors name it; `root` anchors every relative path.
 * `conventionSchema` is the schema file found beside the pipeline by name, used when `schema` is absent.
 */
export function parsePipeline(file: string, text: string | Uint8Array, root: string, conventionSchema?: string): PipelineConfig {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  if (bytes.length > MAX_CONFIG_BYTES) throw new ConfigError(file, '', `the file is ${bytes.length.toLocaleString('en-US')} bytes; a pipeline file may have at most ${MAX_CONFIG_BYTES.toLocaleString('en-US')}`);
  const src = new YamlSource(file, Buffer.from(bytes).toString('utf8'));
  check(src, { kind: 'object', fields: PIPELINE_FIELDS }, src.value, []);
  const raw = src.value as RawPipeline;

  const outside = (keyPath: (string | number)[], value: string) => () =>
    src.error(keyPath, `${JSON.stringify(value)} is outside the repository; paths are relative to the repository root`);
  for (const key of ['train', 'test'] as const) {
    const p = raw.data[key];
    if (p !== undefined) resolveInRepo(root, p, outside(['data', key], p));
  }
  if (raw.schema !== undefined) resolveInRepo(root, raw.schema, outside(['schema'], raw.schema));

  const severity = Object.fromEntries(CHECKS.map((c) => [c.id, c.severity])) as Record<CheckId, Severity>;
  for (const [id, level] of Object.entries(raw.validation?.severity ?? {})) {
    if (!Object.hasOwn(severity, id)) {
      throw src.keyError(['validation', 'severity', id], `unknown check (known checks: ${CHECKS.map((c) => c.id).join(', ')})`);
    }
    severity[id as CheckId] = level;
  }
  const excluded = raw.features?.exclude ?? [];
  if (excluded.includes(raw.target)) throw src.error(['features', 'exclude'], `the target ${JSON.stringify(raw.target)} cannot be excluded`);
  if (raw.id !== undefined && raw.id === raw.target) throw src.error(['id'], `the id column cannot be the target ${JSON.stringify(raw.target)}`);

  checkModelValues(src, raw.model, ['model']);
  const known: readonly string[] = raw.task === 'classification' ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
  for (const name of [...Object.keys(raw.gates?.metrics ?? {}), ...(raw.gates?.primary === undefined ? [] : [raw.gates.primary])]) {
    if (!known.includes(name)) {
      const message = `${JSON.stringify(name)} is not a ${raw.task} metric (known: ${known.join(', ')})`;
      throw raw.gates?.primary === name ? src.error(['gates', 'primary'], message) : src.keyError(['gates', 'metrics', name], message);
    }
  }
  if (raw.split?.test_fraction !== undefined && raw.split.test_fraction >= 1) throw src.error(['split', 'test_fraction'], `${raw.split.test_fraction} leaves no training rows; use a share below 1`);
  if (raw.split?.key !== undefined && raw.split.key.length === 0) throw src.error(['split', 'key'], 'an empty list; name at least one column, or leave the key out');

  if (raw.drift?.threshold !== undefined && raw.drift.stattest === undefined) throw src.error(['drift', 'threshold'], 'a threshold needs the test it applies to; set drift.stattest too (or give columns their own stattest and threshold)');

  const sweep = sweepConfig(src, raw.sweep);
  if (raw.trainer !== undefined) {
    // The forest's own settings mean nothing to a team's trainer: refused rather than silently ignored.
    for (const key of ['model', 'sweep'] as const) {
      if (raw[key] !== undefined) throw src.keyError([key], `the forest's settings, but this pipeline has trainer:, whose command makes the model; remove ${key}: (the trainer takes its parameters in its own way)`);
    }
  }

  const delimiter = raw.data.delimiter === 'tab' ? '\t' : (raw.data.delimiter as Delimiter | undefined);
  const decimal = raw.data.decimal ?? '.';
  if (decimal === ',' && delimiter === ',') throw src.error(['data', 'decimal'], 'a decimal comma needs another delimiter; set data.delimiter to ";" or tab');
  const schema = raw.schema ?? conventionSchema;
  return {
    file,
    root,
    digest: sha256Hex(bytes),
    name: raw.name,
    task: raw.task,
    target: raw.target,
    id: raw.id,
    lines: { target: src.lineOf(['target']), id: src.lineOf(['id']) },
    data: { train: raw.data.train, test: raw.data.test, missing: raw.data.missing ?? DEFAULT_MISSING, delimiter, decimal },
    schema,
    schemaSource: raw.schema !== undefined ? 'key' : conventionSchema !== undefined ? 'convention' : 'none',
    features: { exclude: excluded, oneHotMaxLevels: raw.features?.one_hot_max_levels ?? 10, textWidth: raw.features?.text_width ?? 256, ngrams: raw.features?.ngrams ?? 2 },
    split: { testFraction: raw.split?.test_fraction ?? 0.2, seed: raw.split?.seed ?? 42, stratify: raw.split?.stratify, key: raw.split?.key },
    model: modelParams(raw.model),
    gates: {
      primary: raw.gates?.primary ?? (raw.task === 'classification' ? 'accuracy' : 'rmse'),
      requireSignificantGain: raw.gates?.require_significant_gain ?? false,
      alpha: raw.gates?.alpha ?? 0.05,
      minComparedRows: raw.gates?.min_compared_rows ?? 30,
      metrics: raw.gates?.metrics ?? {},
    },
    drift: {
      share: raw.drift?.share ?? DEFAULT_DRIFT.share,
      weighted: raw.drift?.weighted ?? DEFAULT_DRIFT.weighted,
      minRows: raw.drift?.min_rows ?? DEFAULT_DRIFT.minRows,
      stattest: raw.drift?.stattest,
      threshold: raw.drift?.threshold,
      columns: raw.drift?.columns ?? {},
    },
    sweep,
    trainer: raw.trainer === undefined ? undefined : { command: raw.trainer.command, timeoutMinutes: raw.trainer.timeout_minutes ?? 60, inputs: raw.trainer.inputs ?? [] },
    evaluation: { slices: raw.evaluation?.slices ?? [], sliceBins: raw.evaluation?.slice_bins ?? 4, bootstrap: raw.evaluation?.bootstrap ?? 1000, seed: raw.evaluation?.seed ?? 42 },
    validation: {
      minRows: raw.validation?.min_rows ?? 20,
      minClassRows: raw.validation?.min_class_rows ?? 5,
      maxMissingRate: raw.validation?.max_missing_rate ?? 0.5,
      severity,
    },
  };
}

/** The sweep section, each value checked as its model: key would be. */
function sweepConfig(src: YamlSource, raw: RawPipeline['sweep']): SweepConfig | undefined {
  if (raw === undefined) return undefined;
  const grid = Object.entries(raw.grid);
  if (grid.length === 0) throw src.error(['sweep', 'grid'], 'an empty grid; name at least one model parameter and its values');
  let cells = 1;
  for (const [key, values] of grid) {
    const field = MODEL_FIELDS[key];
    if (!Object.hasOwn(MODEL_FIELDS, key) || !field) throw src.keyError(['sweep', 'grid', key], `${JSON.stringify(key)} is not a model parameter (known: ${Object.keys(MODEL_FIELDS).join(', ')})`);
    if (values.length === 0) throw src.error(['sweep', 'grid', key], 'an empty list; give at least one value');
    values.forEach((v, i) => check(src, field.spec, v, ['sweep', 'grid', key, i]));
    for (const v of values) checkModelValues(src, { [key]: v } as RawModel, ['sweep', 'grid']);
    cells *= values.length;
  }
  const random = raw.random;
  if (random !== undefined && random > cells) throw src.error(['sweep', 'random'], `${random} cells asked, but the grid has only ${cells}`);
  if ((random ?? cells) > MAX_SWEEP_CELLS) throw src.error(['sweep', random === undefined ? 'grid' : 'random'], `${random ?? cells} cells; a sweep runs one matrix job per cell, at most ${MAX_SWEEP_CELLS} (set sweep.random to draw fewer)`);
  return { grid, random, seed: raw.seed ?? 42, validationFraction: raw.validation_fraction ?? 0.2 };
}

function checkModelValues(src: YamlSource, model: RawModel | undefined, at: string[]): void {
  const mf = model?.max_features;
  if (typeof mf === 'number' && mf > 1 && !Number.isInteger(mf)) throw src.error([...at, 'max_features'], `${mf} is neither a fraction in (0, 1] nor a whole count`);
}

/** Applies the `params` input (a JSON object of model: keys) over the pipeline's model parameters. */
export function applyParams(base: ModelParams, json: string, inputName = 'params'): ModelParams {
  const src = new YamlSource(`input "${inputName}"`, json);
  if (typeof src.value !== 'object' || src.value === null || Array.isArray(src.value)) throw src.error([], `expected a JSON object such as {"trees": 200}, got ${JSON.stringify(json.slice(0, 40))}`);
  check(src, { kind: 'object', fields: MODEL_FIELDS }, src.value, []);
  checkModelValues(src, src.value as RawModel, []);
  const o = src.value as RawModel;
  return {
    trees: o.trees ?? base.trees,
    maxDepth: o.max_depth ?? base.maxDepth,
    minSamplesLeaf: o.min_samples_leaf ?? base.minSamplesLeaf,
    maxFeatures: o.max_features ?? base.maxFeatures,
    bootstrap: o.bootstrap ?? base.bootstrap,
    seed: o.seed ?? base.seed,
  };
}

/** A pipeline file's largest size: it is a hand-written config, and parsing it must stay cheap. */
export const MAX_CONFIG_BYTES = 1 << 20;

/** The conventional schema of a pipeline: `<name>.schema.yml` beside the pipeline file. */
export function conventionSchemaPath(pipelineRel: string, name: string): string {
  const dir = path.posix.dirname(pipelineRel.split(path.sep).join('/'));
  return dir === '.' ? `${name}.schema.yml` : `${dir}/${name}.schema.yml`;
}

/**
 * Reads a pipeline file. `file` is as the user typed it, resolved against `base` (the current folder;
 * the root by default); paths inside the file are relative to `root`.
 */
export async function loadPipeline(file: string, root: string, base: string = root): Promise<PipelineConfig> {
  // From a sub-folder, a path typed as the docs show it (relative to the root) still finds the file.
  const abs = resolveTyped(base, root, file);
  const info = await stat(abs).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`${file}: cannot read the pipeline file (${err.code ?? String(err)})`);
  });
  if (!info.isFile()) throw new UserError(`${file}: cannot read the pipeline file (it is not a file)`);
  if (info.size > MAX_CONFIG_BYTES) throw new ConfigError(file, '', `the file is ${info.size.toLocaleString('en-US')} bytes; a pipeline file may have at most ${MAX_CONFIG_BYTES.toLocaleString('en-US')}`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    throw new UserError(`${file}: cannot read the pipeline file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const inRepo = isInside(root, abs);
  const shown = inRepo ? displayName(root, abs) : file;
  // Only for the convention's lookup: the name must be known before the whole file is checked.
  const name = /^name:\s*["']?([a-z0-9-]+)["']?\s*(?:#.*)?$/m.exec(Buffer.from(bytes).toString('utf8'))?.[1];
  let convention: string | undefined;
  if (name !== undefined && inRepo) {
    const candidate = conventionSchemaPath(shown, name);
    if (await stat(path.join(root, candidate)).then((s) => s.isFile(), () => false)) convention = candidate;
  }
  return parsePipeline(shown, bytes, root, convention);
}
