// Batch prediction, one slice of rows at a time: each row predicted as serve would predict it, or,
// where serve would refuse it (a value of the wrong type, a column the model needs and the file lacks),
// an empty prediction and the reason, so that the other rows go on. A table in, CSV lines out.
import { NUMBER_SYNTAX } from '../data/number-bytes.ts';
import type { ColumnType, Table } from '../data/table.ts';
import { cellText, columnByName, placeWord } from '../data/table.ts';
import type { FeatureEncoding } from '../features/encode.ts';
import type { CompiledPredictions } from '../forest/compiled.ts';
import { quoteValue } from '../text/escape.ts';
import { missingColumns } from './request-table.ts';

/** What batch prediction needs of a model package. */
export interface BatchModel {
  task: 'classification' | 'regression';
  target: { name: string; classes: string[] | null };
  encoding: FeatureEncoding;
}

/** The model's predictions on a table (model/predict.ts's predictPackage, for a package). */
export type Predict = (table: Table) => Promise<CompiledPredictions>;

/** How each row is named in the output: by the id column, else by its file (when there are several) and line. */
export interface RowKey {
  id: string | null;
  files: readonly string[];
}

/** The types a file is read with: what the model's encoding reads each column as, so that serve and batch agree. */
export function inputTypes(model: Pick<BatchModel, 'encoding'>): Map<string, ColumnType> {
  return new Map(model.encoding.columns.map((c) => [c.name, c.kind === 'numeric' ? 'number' : c.kind === 'hashed-text' ? 'text' : c.kind === 'boolean' ? 'boolean' : 'categorical'] as const));
}

/** A CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The output's columns: the row's name, the prediction, one share per class, and the error. */
export function outputHeader(model: BatchModel, key: RowKey): string[] {
  const names = key.id !== null ? [key.id] : key.files.length > 1 ? ['file', 'row'] : ['row'];
  return [...names, 'prediction', ...(model.target.classes ?? []).map((c) => `p_${c}`), 'error'];
}

export interface SliceOutcome {
  /** The slice's output lines, each ending in a newline. */
  text: string;
  rows: number;
  /** Rows with an error instead of a prediction. */
  bad: number;
  /** The first few errors, as "file line N: reason". */
  examples: string[];
}

/** How many errors a slice (and so a run's summary) names. */
export const EXAMPLES = 5;

/** Why each row cannot be predicted, where it cannot: by row. */
function rowErrors(model: BatchModel, table: Table): { errors: Map<number, string>; allBad: string | undefined } {
  const errors = new Map<number, string>();
  const absent = model.encoding.columns.map((c) => c.name).filter((n) => !columnByName(table, n));
  if (absent.length > 0) return { errors, allBad: missingColumns(absent) };
  for (const enc of model.encoding.columns) {
    const col = columnByName(table, enc.name);
    if (enc.kind !== 'numeric' || col?.kind !== 'numeric') continue;
    for (const cell of col.invalid) {
      if (errors.has(cell.row)) continue;
      const value = cell.value.trim();
      const number = NUMBER_SYNTAX.test(value);
      errors.set(cell.row, `the column ${quoteValue(enc.name, 60)} needs a ${number ? 'finite number' : 'number'}; ${quoteValue(value, 40)} is not ${number ? 'a finite number' : 'one'}`);
    }
  }
  return { errors, allBad: undefined };
}

/** Predicts one slice of rows and writes its output lines. */
export async function predictSlice(model: BatchModel, table: Table, key: RowKey, predict: Predict): Promise<SliceOutcome> {
  const n = table.rowCount;
  const { errors, allBad } = rowErrors(model, table);
  const classes = model.target.classes;
  const predicted = allBad === undefined && errors.size < n ? await predict(table) : undefined;
  const idColumn = key.id !== null ? columnByName(table, key.id) : undefined;
  const width = classes?.length ?? 0;
  const empty = ','.repeat(width + 1);
  let text = '';
  const examples: string[] = [];
  let bad = 0;
  for (let r = 0; r < n; r++) {
    const line = table.line[r]!;
    const file = table.files[table.fileIndex[r]!] ?? '';
    const name = key.id !== null ? csvField(idColumn ? cellText(idColumn, r) : '') : key.files.length > 1 ? `${csvField(file)},${line}` : String(line);
    const error = allBad ?? errors.get(r);
    if (error !== undefined || !predicted) {
      bad++;
      if (examples.length < EXAMPLES) examples.push(`${file} ${placeWord(file)} ${line}: ${error}`);
      text += `${name}${empty},${csvField(error ?? '')}\n`;
      continue;
    }
    const p = predicted.yPred[r]!;
    let out = `${name},${csvField(classes ? (classes[p] ?? '') : String(p))}`;
    if (classes && predicted.shares) for (let k = 0; k < width; k++) out += `,${predicted.shares[r * width + k]!}`;
    text += `${out},\n`;
  }
  return { text, rows: n, bad, examples };
}
