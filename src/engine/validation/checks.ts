// The checks themselves: pure functions of the tables, the reference schema and the limits. Each writes
// its findings to the sink; none decides pass or fail (severities do that, in validate.ts).
import type { Column, Table } from '../data/table.ts';
import { cellText, columnByName, placeWord, rowOrigin } from '../data/table.ts';
import { hashRows, rowsEqual } from '../data/row-hash.ts';
import { DECIMAL_COMMA_SYNTAX, NUMBER_SYNTAX } from '../data/number-bytes.ts';
import type { ColumnSchema, DataSchema } from '../schema/data-schema.ts';
import { quoteValue } from '../text/escape.ts';
import type { FindingSink } from './findings.ts';
import type { CheckId } from './checks-catalog.ts';

export interface CheckInput {
  table: Table;
  task: 'classification' | 'regression';
  target: string;
  id: string | undefined;
  /** Feature columns: every column but the target, the id and the excluded ones. */
  features: string[];
  /** What the data should look like; undefined when nothing is known beyond the data itself. */
  reference: DataSchema | undefined;
  minRows: number;
  minClassRows: number;
  maxMissingRate: number;
  /** The training table, when `table` is a test set to check for leakage. */
  test: Table | undefined;
}

type Sink = FindingSink;

/** Another row, as a finding names it: "line 25" of a CSV file, "row 24" of a Parquet file. */
function origin(table: Table, row: number): string {
  const { file, line } = rowOrigin(table, row);
  return `${placeWord(file)} ${line}`;
}

function rowFinding(sink: Sink, check: CheckId, table: Table, row: number, message: string, column?: string): void {
  const { file, line } = rowOrigin(table, row);
  sink.add({ check, file, line, message, ...(column === undefined ? {} : { column }) });
}

export function checkParse(input: CheckInput, sink: Sink): void {
  const tables = input.test ? [input.table, input.test] : [input.table];
  for (const t of tables) {
    for (const issue of t.issues) {
      sink.add({ check: 'parse', file: issue.file, line: issue.line, message: issue.message, ...(issue.column === undefined ? {} : { column: issue.column }) });
    }
    const total = Object.values(t.issueCounts).reduce((a, b) => a + (b ?? 0), 0);
    if (total > t.issues.length) sink.addUncounted('parse', total - t.issues.length);
  }
}

export function checkMinRows(input: CheckInput, sink: Sink): void {
  const n = input.table.rowCount;
  if (n < input.minRows) sink.add({ check: 'min_rows', message: `${n} row${n === 1 ? '' : 's'}; at least ${input.minRows} are needed (validation.min_rows)` });
}

/** Edit distance with transpositions ("tpye" is 1 from "type"), case-insensitive, cut off above `max`. */
function distance(a: string, b: string, max: number): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** The columns that exist, closest to `name` first, for a message about a missing column. */
export function columnsClosestTo(name: string, columns: readonly string[], shown = 10): string {
  const ranked = columns.map((c, i) => ({ c, i, d: distance(name, c, 64) })).sort((a, b) => a.d - b.d || a.i - b.i);
  const list = ranked.slice(0, shown).map((r) => quoteValue(r.c, 40)).join(', ');
  const near = ranked[0];
  const closest = near && near.d < name.length && near.d <= Math.max(1, Math.floor(name.length / 3)) ? `; did you mean ${quoteValue(near.c, 40)}?` : '';
  return `the columns are ${list}${columns.length > shown ? ` and ${columns.length - shown} more` : ''}${closest}`;
}

export function checkColumns(input: CheckInput, sink: Sink): void {
  const names = new Set(input.table.columns.map((c) => c.name));
  const file = input.table.files.join(', ');
  const all = input.table.columns.map((c) => c.name);
  if (!names.has(input.target)) sink.add({ check: 'missing_column', file, message: `the target column ${quoteValue(input.target)} is missing; ${columnsClosestTo(input.target, all)}`, column: input.target });
  if (input.id !== undefined && !names.has(input.id)) sink.add({ check: 'missing_column', file, message: `the id column ${quoteValue(input.id)} is missing; ${columnsClosestTo(input.id, all)}`, column: input.id });
  if (!input.reference) return;
  for (const name of Object.keys(input.reference.columns)) {
    if (!names.has(name) && name !== input.target && name !== input.id) sink.add({ check: 'missing_column', file, message: `the column ${quoteValue(name)} is missing`, column: name });
  }
  for (const name of names) {
    if (!Object.hasOwn(input.reference.columns, name)) sink.add({ check: 'unexpected_column', file, message: `the column ${quoteValue(name)} is not in the schema`, column: name });
  }
}

function expected(input: CheckInput, name: string): ColumnSchema | undefined {
  const ref = input.reference?.columns;
  return ref && Object.hasOwn(ref, name) ? ref[name] : undefined;
}

export function checkTypes(input: CheckInput, sink: Sink): void {
  const { table } = input;
  for (const col of table.columns) {
    const want = expected(input, col.name);
    if (col.kind === 'numeric') {
      for (const cell of col.invalid) {
        const tooLarge = NUMBER_SYNTAX.test(cell.value.trim());
        rowFinding(sink, 'type', table, cell.row, tooLarge ? `${quoteValue(cell.value)} is beyond the range of a number (±1.8e308)` : `${quoteValue(cell.value)} is not a number`, col.name);
      }
      if (want?.type === 'integer') {
        for (let r = 0; r < table.rowCount; r++) {
          const v = col.values[r]!;
          if (v === v && !Number.isInteger(v)) rowFinding(sink, 'type', table, r, `${v} is not a whole number`, col.name);
        }
      }
    } else if (want && (want.type === 'integer' || want.type === 'number')) {
      const sample = col.levels.slice(0, 3).map((l) => quoteValue(l, 30)).join(', ');
      sink.add({ check: 'type', file: table.files.join(', '), column: col.name, message: `should hold numbers (${want.type}) but holds ${col.type} values such as ${sample}` });
    }
  }
}

export function checkDecimalComma(input: CheckInput, sink: Sink): void {
  for (const col of input.table.columns) {
    if (col.kind !== 'categorical' || !col.decimalCommaCells) continue;
    const example = col.levels.find((l) => DECIMAL_COMMA_SYNTAX.test(l.trim())) ?? '';
    sink.add({ check: 'decimal_comma', file: input.table.files.join(', '), column: col.name, message: `looks numeric with decimal commas (${col.decimalCommaCells} cells such as ${quoteValue(example, 20)}), so it is read as categories; set data.decimal: "," in the pipeline to read these as numbers` });
  }
}

export function checkRanges(input: CheckInput, sink: Sink): void {
  const { table } = input;
  for (const col of table.columns) {
    const want = expected(input, col.name);
    if (col.kind !== 'numeric' || !want || (want.min === undefined && want.max === undefined)) continue;
    const lo = want.min ?? -Infinity;
    const hi = want.max ?? Infinity;
    for (let r = 0; r < table.rowCount; r++) {
      const v = col.values[r]!;
      if (v < lo || v > hi) rowFinding(sink, 'range', table, r, `${v} is outside the range [${want.min ?? '-inf'}, ${want.max ?? 'inf'}]`, col.name);
    }
  }
}

export function checkCategories(input: CheckInput, sink: Sink): void {
  const { table } = input;
  for (const col of table.columns) {
    const want = expected(input, col.name);
    if (col.kind !== 'categorical' || !want?.categories) continue;
    const known = new Set(want.categories);
    const fresh = col.levels.map((l) => !known.has(l));
    if (!fresh.some(Boolean)) continue;
    for (let r = 0; r < table.rowCount; r++) {
      const c = col.codes[r]!;
      if (c >= 0 && fresh[c]) rowFinding(sink, 'new_category', table, r, `the category ${quoteValue(col.levels[c]!)} has never been seen`, col.name);
    }
  }
}

function missingCount(col: Column): number {
  let n = 0;
  if (col.kind === 'numeric') {
    const invalid = new Set(col.invalid.map((c) => c.row));
    col.values.forEach((v, r) => {
      if (v !== v && !invalid.has(r)) n++;
    });
  } else for (const c of col.codes) if (c < 0) n++;
  return n;
}

export function checkMissingRates(input: CheckInput, sink: Sink): void {
  const { table } = input;
  if (table.rowCount === 0) return;
  for (const col of table.columns) {
    if (col.name === input.target) continue; // label_missing covers the target, row by row
    const limit = expected(input, col.name)?.max_missing ?? input.maxMissingRate;
    const rate = missingCount(col) / table.rowCount;
    if (rate > limit) {
      sink.add({ check: 'missing_rate', file: table.files.join(', '), column: col.name, message: `${(rate * 100).toFixed(1)}% of the values are missing; the limit is ${(limit * 100).toFixed(1)}%` });
    }
  }
}

/** Class label of each row as text (undefined when missing), for any target column kind. */
function labels(col: Column, rows: number): (string | undefined)[] {
  const out = new Array<string | undefined>(rows);
  for (let r = 0; r < rows; r++) {
    if (col.kind === 'numeric') {
      const v = col.values[r]!;
      out[r] = v === v ? String(v) : undefined;
    } else {
      const c = col.codes[r]!;
      out[r] = c < 0 ? undefined : col.levels[c];
    }
  }
  return out;
}

export function checkLabel(input: CheckInput, sink: Sink): void {
  const { table } = input;
  const col = columnByName(table, input.target);
  if (!col) return; // missing_column reports it
  const file = table.files.join(', ');
  const y = labels(col, table.rowCount);
  const invalidLabels = new Map(col.kind === 'numeric' ? col.invalid.map((c) => [c.row, c.value]) : []);
  y.forEach((label, r) => {
    if (label === undefined) {
      const invalid = invalidLabels.get(r);
      rowFinding(sink, 'label_missing', table, r, invalid !== undefined ? `the label ${quoteValue(invalid)} is not a number` : 'the label is missing', col.name);
    }
  });
  if (input.task === 'regression') {
    if (col.kind !== 'numeric') sink.add({ check: 'label_classes', file, column: col.name, message: `a regression target must be numeric; ${quoteValue(col.name)} holds ${col.type} values` });
    return;
  }
  const counts = new Map<string, number>();
  for (const label of y) if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  if (counts.size < 2) {
    sink.add({ check: 'label_classes', file, column: col.name, message: `classification needs at least two classes; found ${counts.size}${counts.size ? ` (${[...counts.keys()].map((k) => quoteValue(k)).join(', ')})` : ''}` });
  }
  for (const [label, n] of [...counts].sort((a, b) => a[1] - b[1])) {
    if (n < input.minClassRows) sink.add({ check: 'class_size', file, column: col.name, message: `the class ${quoteValue(label)} has ${n} row${n === 1 ? '' : 's'}; at least ${input.minClassRows} are needed (validation.min_class_rows)` });
  }
}

function columnsNamed(table: Table, names: readonly string[]): Column[] {
  return names.map((n) => columnByName(table, n)).filter((c): c is Column => c !== undefined);
}

export function checkDuplicates(input: CheckInput, sink: Sink): void {
  const { table } = input;
  const features = columnsNamed(table, input.features);
  const target = columnByName(table, input.target);
  const withLabel = target ? [...features, target] : features;
  const full = hashRows(withLabel, table.rowCount);
  const firstOf = new Map<number, number[]>();
  for (let r = 0; r < table.rowCount; r++) {
    const h = full[r]!;
    const seen = firstOf.get(h);
    const same = seen?.find((s) => rowsEqual(withLabel, s, withLabel, r));
    if (same === undefined) {
      if (seen) seen.push(r);
      else firstOf.set(h, [r]);
    } else {
      rowFinding(sink, 'duplicate_rows', table, r, `the row repeats ${origin(table, same)}`);
    }
  }
  if (!target) return;
  // Equal features, different labels: the data contradicts itself. Linear: per distinct feature
  // vector, the first row of each label seen (labels per vector are few); a row clashes with the first
  // row of any other label.
  const byFeatures = hashRows(features, table.rowCount);
  const groups = new Map<number, { row: number; labels: Map<string, number> }[]>();
  for (let r = 0; r < table.rowCount; r++) {
    const h = byFeatures[r]!;
    let group = groups.get(h);
    if (!group) groups.set(h, (group = []));
    const label = cellText(target, r);
    let vector = group.find((g) => rowsEqual(features, g.row, features, r));
    if (!vector) group.push((vector = { row: r, labels: new Map() }));
    let clash: number | undefined;
    for (const [other, first] of vector.labels) if (other !== label && (clash === undefined || first < clash)) clash = first;
    if (!vector.labels.has(label)) vector.labels.set(label, r);
    if (clash !== undefined) {
      rowFinding(sink, 'conflicting_labels', table, r, `the features equal those of ${origin(table, clash)}, but the label is ${quoteValue(label)}, not ${quoteValue(cellText(target, clash))}`, target.name);
    }
  }
}

export function checkConstantColumns(input: CheckInput, sink: Sink): void {
  const { table } = input;
  if (table.rowCount < 2) return;
  for (const col of columnsNamed(table, input.features)) {
    let first: string | number | undefined;
    let constant = true;
    for (let r = 0; r < table.rowCount && constant; r++) {
      const v = col.kind === 'numeric' ? col.values[r]! : col.codes[r]!;
      if (col.kind === 'numeric' ? v !== v : (v as number) < 0) continue;
      if (first === undefined) first = v;
      else if (v !== first) constant = false;
    }
    if (constant) {
      const shown = first === undefined ? 'only missing values' : `only ${quoteValue(col.kind === 'numeric' ? String(first) : col.levels[first as number]!)}`;
      sink.add({ check: 'constant_column', file: table.files.join(', '), column: col.name, message: `the feature holds ${shown}; it cannot help the model` });
    }
  }
}

export function checkLeakage(input: CheckInput, sink: Sink): void {
  const test = input.test;
  if (!test) return;
  const names = [...input.features, input.target].filter((n) => input.table.columns.some((c) => c.name === n) && test.columns.some((c) => c.name === n));
  const trainCols = columnsNamed(input.table, names);
  const testCols = columnsNamed(test, names);
  const trainHashes = hashRows(trainCols, input.table.rowCount);
  const index = new Map<number, number[]>();
  trainHashes.forEach((h, r) => {
    const list = index.get(h);
    if (list) list.push(r);
    else index.set(h, [r]);
  });
  const testHashes = hashRows(testCols, test.rowCount);
  for (let r = 0; r < test.rowCount; r++) {
    const match = index.get(testHashes[r]!)?.find((s) => rowsEqual(trainCols, s, testCols, r));
    if (match !== undefined) {
      const origin = rowOrigin(input.table, match);
      rowFinding(sink, 'leakage', test, r, `the test row also appears in the training data (${origin.file} ${placeWord(origin.file)} ${origin.line})`);
    }
  }
}

/** Each runner reports one or more checks; a runner whose checks are all off does not run. */
export const CHECK_RUNNERS: readonly { ids: readonly CheckId[]; run: (input: CheckInput, sink: Sink) => void }[] = [
  { ids: ['parse'], run: checkParse },
  { ids: ['min_rows'], run: checkMinRows },
  { ids: ['missing_column', 'unexpected_column'], run: checkColumns },
  { ids: ['type'], run: checkTypes },
  { ids: ['decimal_comma'], run: checkDecimalComma },
  { ids: ['range'], run: checkRanges },
  { ids: ['new_category'], run: checkCategories },
  { ids: ['missing_rate'], run: checkMissingRates },
  { ids: ['label_missing', 'label_classes', 'class_size'], run: checkLabel },
  { ids: ['duplicate_rows', 'conflicting_labels'], run: checkDuplicates },
  { ids: ['constant_column'], run: checkConstantColumns },
  { ids: ['leakage'], run: checkLeakage },
];
