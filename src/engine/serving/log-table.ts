// The request log that `mlops serve` writes (JSON lines of inputs and predictions), read back as columns
// for drift-report: only this pipeline's lines, only inside the time window.
import { DataFileError } from '../errors.ts';
import { quoteValue } from '../text/escape.ts';

/** The most a request log may hold (all files together); beyond it, sample the log or narrow the window. */
export const MAX_LOG_BYTES = 1024 ** 3;
/** The longest line: a request of the largest batch serve accepts fits well within it. */
export const MAX_LOG_LINE_BYTES = 64 * 1024 * 1024;

export interface LogWindow {
  since: number | undefined;
  until: number | undefined;
}

export interface LogColumns {
  columns: Map<string, unknown[]>;
  rows: number;
  /** Lines read, and how many were this pipeline's and inside the window. */
  lines: number;
  used: number;
  /** Lines of another pipeline's model, not counted. */
  otherPipelines: number;
  /** Last lines cut off mid-write (the server was stopped while writing), skipped. */
  truncated: number;
  first: string | undefined;
  last: string | undefined;
}

export function emptyLog(): LogColumns {
  return { columns: new Map(), rows: 0, lines: 0, used: 0, otherPipelines: 0, truncated: 0, first: undefined, last: undefined };
}

/**
 * Adds one log file's lines to `into`. A line that is not a log entry is an error naming the file and
 * line: a log that cannot be read whole would give a drift verdict on part of the traffic.
 */
export function addLogText(into: LogColumns, text: string, file: string, pipeline: string, window: LogWindow): void {
  let lineNo = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    lineNo++;
    if (line === '') continue;
    into.lines++;
    const bad = (what: string) => new DataFileError(`${file} line ${lineNo}`, `${what}; a request log holds one JSON object per line, as mlops serve writes it`);
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch (err) {
      // A file's last line without its newline is one the server was killed while writing: skipped
      // and counted. Anywhere else, a line that is not JSON means the log is not what serve writes.
      if (end === text.length && !text.endsWith('\n')) {
        into.truncated++;
        continue;
      }
      throw bad(`not JSON (${(err as Error).message})`);
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw bad('not a JSON object');
    const e = entry as { time?: unknown; pipeline?: unknown; inputs?: unknown; predictions?: unknown };
    if (typeof e.time !== 'string' || Number.isNaN(Date.parse(e.time))) throw bad(`"time" is ${quoteValue(JSON.stringify(e.time) ?? 'missing')}, not an ISO time`);
    if (typeof e.pipeline !== 'string') throw bad('"pipeline" is missing');
    if (e.pipeline !== pipeline) {
      into.otherPipelines++;
      continue;
    }
    const t = Date.parse(e.time);
    if ((window.since !== undefined && t < window.since) || (window.until !== undefined && t >= window.until)) continue;
    if (typeof e.inputs !== 'object' || e.inputs === null || Array.isArray(e.inputs)) throw bad('"inputs" is not an object of columns');
    const cols = Object.entries(e.inputs as Record<string, unknown>);
    let rows: number | undefined;
    for (const [name, values] of cols) {
      if (!Array.isArray(values)) throw bad(`the column ${quoteValue(name)} is not a list of values`);
      if (rows !== undefined && values.length !== rows) throw bad(`the column ${quoteValue(name)} has ${values.length} values, another ${rows}`);
      rows = values.length;
    }
    if (rows === undefined || rows === 0) continue;
    for (const [name, values] of cols) {
      let col = into.columns.get(name);
      if (!col) {
        // A column first seen now was missing from the rows before it.
        col = new Array<unknown>(into.rows).fill(null);
        into.columns.set(name, col);
      }
      for (const v of values as unknown[]) col.push(v);
    }
    into.rows += rows;
    for (const col of into.columns.values()) while (col.length < into.rows) col.push(null);
    into.used++;
    if (into.first === undefined || e.time < into.first) into.first = e.time;
    if (into.last === undefined || e.time > into.last) into.last = e.time;
  }
}

/** A window bound: an ISO time, or a duration back from `now` (30m, 24h, 7d, 2w). */
export function parseTimeBound(value: string, now: number): number | undefined {
  const m = /^(\d+)\s*([mhdw])$/.exec(value.trim());
  if (m) return now - Number(m[1]) * { m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 }[m[2] as 'm' | 'h' | 'd' | 'w'];
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
