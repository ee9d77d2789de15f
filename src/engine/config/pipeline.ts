// The pipeline file: one per model. The spec below is the single definition of its keys: it validates
// the file, and the README's key table is checked against it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { check, YamlSource, type Field } from './spec.ts';
import { SEVERITY_LEVELS, type CheckId, type Severity, CHECKS } from '../validation/checks-catalog.ts';

export type Task = 'classification' | 'regression';
export type Delimiter = ',' | ';' | '\t';

export interface ValidationConfig {
  minRows: number;
  minClassRows: number;
  maxMissingRate: number;
  severity: Record<CheckId, Severity>;
}

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
  data: {
    train: string;
    test: string | undefined;
    missing: string[];
    delimiter: Delimiter | undefined;
  };
  schema: string | undefined;
  features: { exclude: string[] };
  validation: ValidationConfig;
}

const PATH_HINT = 'a path relative to the repository root';
const repoPath = { kind: 'string', pattern: /^(?![\\/])(?![A-Za-z]:)\S.*$/, hint: PATH_HINT } as const;

export const DEFAULT_MISSING = ['', 'NA', 'NaN', 'null'];

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
      },
    },
  },
  schema: { spec: repoPath, description: 'A data schema file (written by `mlops schema infer`): declared column types, ranges, categories and missing-value limits.' },
  features: {
    description: 'Which columns are features.',
    default: 'every column but the target and the id',
    spec: {
      kind: 'object',
      fields: {
        exclude: { spec: { kind: 'list', items: { kind: 'string' } }, default: '`[]`', description: 'Columns that are not features.' },
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

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Resolves a repository-relative path, refusing anything that lands outside the repository. */
export function resolveInRepo(root: string, relative: string, describeKey: () => UserError): string {
  const abs = path.resolve(root, relative);
  const rel = path.relative(root, abs);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) throw describeKey();
  return abs;
}

interface RawPipeline {
  name: string;
  task: Task;
  target: string;
  id?: string;
  data: { train: string; test?: string; missing?: string[]; delimiter?: string };
  schema?: string;
  features?: { exclude?: string[] };
  validation?: { min_rows?: number; min_class_rows?: number; max_missing_rate?: number; severity?: Record<string, Severity> };
}

/** Parses and validates pipeline text. `file` is how errors name it; `root` anchors every relative path. */
export function parsePipeline(file: string, text: string | Uint8Array, root: string): PipelineConfig {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
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
      throw src.error(['validation', 'severity', id], `unknown check (known checks: ${CHECKS.map((c) => c.id).join(', ')})`);
    }
    severity[id as CheckId] = level;
  }
  const excluded = raw.features?.exclude ?? [];
  if (excluded.includes(raw.target)) throw src.error(['features', 'exclude'], `the target ${JSON.stringify(raw.target)} cannot be excluded`);
  if (raw.id !== undefined && raw.id === raw.target) throw src.error(['id'], `the id column cannot be the target ${JSON.stringify(raw.target)}`);

  const delimiter = raw.data.delimiter === 'tab' ? '\t' : (raw.data.delimiter as Delimiter | undefined);
  return {
    file,
    root,
    digest: sha256(bytes),
    name: raw.name,
    task: raw.task,
    target: raw.target,
    id: raw.id,
    data: { train: raw.data.train, test: raw.data.test, missing: raw.data.missing ?? DEFAULT_MISSING, delimiter },
    schema: raw.schema,
    features: { exclude: excluded },
    validation: {
      minRows: raw.validation?.min_rows ?? 20,
      minClassRows: raw.validation?.min_class_rows ?? 5,
      maxMissingRate: raw.validation?.max_missing_rate ?? 0.5,
      severity,
    },
  };
}

/** Reads a pipeline file named relative to `root` (or absolute inside it). */
export async function loadPipeline(file: string, root: string): Promise<PipelineConfig> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.resolve(root, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read the pipeline file (${code ?? String(err)})`);
  }
  return parsePipeline(file, bytes, root);
}
