// A prediction request's values, column by column, as a table the package's encoding can apply to: the
// same typed columns that evaluate scores, so unknown categories and missing values are handled
// exactly as there. Columns are matched by name (the parser has left out and counted extra ones); a missing or
// mistyped one is a RequestError that names the column and the row, never the whole schema.
import { NUMBER_SYNTAX } from '../data/number-bytes.ts';
import type { Column, Table } from '../data/table.ts';
import { UserError } from '../errors.ts';
import type { ModelPackage } from '../model/package.ts';
import { quoteValue } from '../text/escape.ts';

/** A bad request: the status to answer and a message that says what to change. */
export class RequestError extends UserError {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'RequestError';
    this.status = status;
  }
}

export interface RequestTable {
  table: Table;
  /** Per encoded column (the package's order): how many rows had no value. */
  missing: number[];
}

/** The columns a package reads, in its order. */
export function inputColumns(pkg: ModelPackage): { name: string; kind: string }[] {
  return pkg.encoding.columns.map((c) => ({ name: c.name, kind: c.kind }));
}

/** The columns a model needs and a request (or a file) lacks, the first five by name. */
export function missingColumns(absent: readonly string[]): string {
  return `the column${absent.length === 1 ? '' : 's'} ${absent.slice(0, 5).map((n) => quoteValue(n, 60)).join(', ')}${absent.length > 5 ? ` and ${absent.length - 5} more` : ''} ${absent.length === 1 ? 'is' : 'are'} missing`;
}

export function tableFromColumns(pkg: Pick<ModelPackage, 'encoding'>, columns: ReadonlyMap<string, readonly unknown[]>, rows: number): RequestTable {
  const needed = pkg.encoding.columns;
  const present = needed.flatMap((enc) => {
    const values = columns.get(enc.name);
    return values ? [{ enc, values }] : [];
  });
  const absent = needed.filter((c) => !columns.has(c.name)).map((c) => c.name);
  if (absent.length > 0) throw new RequestError(400, missingColumns(absent));
  const out: Column[] = [];
  const missing: number[] = [];
  for (const { enc, values } of present) {
    if (values.length !== rows) throw new RequestError(400, `the column ${quoteValue(enc.name, 60)} has ${values.length} values for ${rows} rows`);
    let gaps = 0;
    if (enc.kind === 'numeric') {
      const v = new Float64Array(rows);
      for (let r = 0; r < rows; r++) {
        const x = values[r];
        if (typeof x === 'number' && Number.isFinite(x)) v[r] = x;
        else if (x === null || x === undefined || x === '') {
          v[r] = Number.NaN;
          gaps++;
        } else if (typeof x === 'string' && NUMBER_SYNTAX.test(x.trim()) && Number.isFinite(Number(x))) v[r] = Number(x);
        // JSON's 1e400 parses as Infinity: a number, but not one a model can split on.
        else if (typeof x === 'number' || (typeof x === 'string' && NUMBER_SYNTAX.test(x.trim()))) throw new RequestError(400, `row ${r}: the column ${quoteValue(enc.name, 60)} needs a finite number; ${quoteValue(typeof x === 'string' ? x.trim() : String(x), 40)} is not a finite number`);
        else throw new RequestError(400, `row ${r}: the column ${quoteValue(enc.name, 60)} needs a number, not ${quoteValue(typeof x === 'string' ? x : JSON.stringify(x) ?? String(x), 40)}`);
      }
      out.push({ name: enc.name, kind: 'numeric', type: 'number', values: v, invalid: [] });
    } else {
      const codes = new Int32Array(rows);
      const levels: string[] = [];
      const index = new Map<string, number>();
      for (let r = 0; r < rows; r++) {
        const x = values[r];
        let text: string | undefined;
        if (x === null || x === undefined) text = undefined;
        else if (typeof x === 'string') text = x;
        else if (typeof x === 'number' && Number.isFinite(x)) text = String(x);
        else if (typeof x === 'boolean') text = enc.kind === 'boolean' ? (x ? enc.trueLevel : `not ${enc.trueLevel}`) : String(x);
        else throw new RequestError(400, `row ${r}: the column ${quoteValue(enc.name, 60)} needs a ${enc.kind === 'hashed-text' ? 'text' : 'category'}, not ${quoteValue(JSON.stringify(x) ?? String(x), 40)}`);
        if (text === undefined) {
          codes[r] = -1;
          gaps++;
          continue;
        }
        let code = index.get(text);
        if (code === undefined) index.set(text, (code = levels.push(text) - 1));
        codes[r] = code;
      }
      out.push({ name: enc.name, kind: 'categorical', type: enc.kind === 'hashed-text' ? 'text' : enc.kind === 'boolean' ? 'boolean' : 'categorical', codes, levels });
    }
    missing.push(gaps);
  }
  return {
    table: { columns: out, rowCount: rows, files: ['request'], fileIndex: new Uint16Array(rows), line: new Uint32Array(rows), issues: [], issueCounts: {} },
    missing,
  };
}
