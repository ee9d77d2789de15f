// The data schema: what each column should hold. `mlops schema infer` writes one from data, to be
// reviewed and committed; validate-data checks data against it, and reads data with its types.
import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { check, YamlSource, type Field, type Spec } from '../config/spec.ts';
import { UserError } from '../errors.ts';
import type { Column, ColumnType, Table } from '../data/table.ts';
import { COLUMN_TYPES } from '../data/table.ts';

export interface ColumnSchema {
  type: ColumnType;
  min?: number;
  max?: number;
  categories?: string[];
  max_missing?: number;
}

export interface DataSchema {
  columns: Record<string, ColumnSchema>;
}

/** Categories are listed (and new ones flagged) only for columns with at most this many. */
export const MAX_LISTED_CATEGORIES = 200;

const COLUMN_SPEC: Spec = {
  kind: 'object',
  fields: {
    type: { spec: { kind: 'string', oneOf: COLUMN_TYPES }, required: true, description: 'The column\'s type.' },
    min: { spec: { kind: 'number' }, description: 'The smallest allowed value (numbers).' },
    max: { spec: { kind: 'number' }, description: 'The largest allowed value (numbers).' },
    categories: { spec: { kind: 'list', items: { kind: 'string' } }, description: 'The known categories; others are new.' },
    max_missing: { spec: { kind: 'number', min: 0, max: 1 }, description: 'The largest share of missing values.' },
  },
};

export const SCHEMA_FIELDS: Record<string, Field> = {
  columns: { spec: { kind: 'map', keyHint: 'column', values: COLUMN_SPEC }, required: true, description: 'One entry per column, in file order.' },
};

export function declaredTypes(schema: DataSchema): Map<string, ColumnType> {
  return new Map(Object.entries(schema.columns).map(([name, c]) => [name, c.type]));
}

function columnSchema(col: Column, rows: number, defaultMaxMissing: number): ColumnSchema {
  let missing = 0;
  const out: ColumnSchema = { type: col.type };
  if (col.kind === 'numeric') {
    let min = Infinity;
    let max = -Infinity;
    const values = col.values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v !== v) missing++;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    if (min <= max) Object.assign(out, { min, max });
  } else {
    const used = new Uint8Array(col.levels.length);
    const codes = col.codes;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (c < 0) missing++;
      else used[c] = 1;
    }
    if (col.type !== 'text' && col.levels.length <= MAX_LISTED_CATEGORIES) {
      out.categories = col.levels.filter((_, i) => used[i]).sort();
    }
  }
  const rate = rows === 0 ? 0 : missing / rows;
  // Only where the data already has more missing values than the pipeline's limit allows.
  if (rate > defaultMaxMissing) out.max_missing = Math.min(1, Math.ceil(rate * 100) / 100);
  return out;
}

/** A schema that describes `table` as it is. */
export function inferSchema(table: Table, defaultMaxMissing: number): DataSchema {
  return { columns: Object.fromEntries(table.columns.map((c) => [c.name, columnSchema(c, table.rowCount, defaultMaxMissing)])) };
}

export function formatSchema(schema: DataSchema, comment: string): string {
  const lines = comment.split('\n').map((l) => `# ${l}`.trimEnd());
  return `${lines.join('\n')}\n${stringify(schema, { lineWidth: 0, flowCollectionPadding: false })}`;
}

export function parseSchema(file: string, text: string): DataSchema {
  const src = new YamlSource(file, text);
  check(src, { kind: 'object', fields: SCHEMA_FIELDS }, src.value, []);
  return src.value as DataSchema;
}

/** Reads a schema file (`abs`), named `file` in errors; the same size limit as a pipeline file. */
export async function loadSchema(abs: string, file: string): Promise<DataSchema> {
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    throw new UserError(`${file}: cannot read the schema file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (bytes.length > MAX_SCHEMA_BYTES) throw new UserError(`${file}: the schema file is ${bytes.length.toLocaleString('en-US')} bytes; at most ${MAX_SCHEMA_BYTES.toLocaleString('en-US')} are read`);
  return parseSchema(file, bytes.toString('utf8'));
}

/** A schema lists every column, with categories: larger than a pipeline file, but still bounded. */
export const MAX_SCHEMA_BYTES = 16 * 1024 * 1024;
