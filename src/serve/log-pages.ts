// GET /admin/requests: the request log handed out in pages, so that a monitor on another machine can
// pull what the server saw. A page is at most PAGE_LINES lines (and PAGE_BYTES) of the same JSON lines
// the file holds, oldest first, whose time is in the window asked for. When more remain, the answer
// carries an opaque cursor: the file's inode and the byte after the page's last line, with the window.
// An inode stays with its file when the log rotates (file → file.1), so a cursor survives rotation; a
// cursor whose file was rotated away altogether is refused (410), never silently restarted.
import { open, type FileHandle } from 'node:fs/promises';
import { RequestError } from '../engine/serving/request-table.ts';

export const PAGE_LINES = 10_000;
export const PAGE_BYTES = 16 * 1024 * 1024;
const READ_BYTES = 1024 * 1024;
const MAX_LINE_BYTES = 256 * 1024 * 1024;

export interface LogWindow {
  since: number | null;
  until: number | null;
}

interface Cursor extends LogWindow {
  ino: number;
  offset: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.ino, c.offset, c.since, c.until])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  const ok = Array.isArray(v) && v.length === 4 && v.slice(0, 2).every((n) => Number.isSafeInteger(n) && n >= 0) && v.slice(2).every((n) => n === null || Number.isFinite(n));
  if (!ok) throw new RequestError(400, 'the cursor is not one this server gave');
  const [ino, offset, since, until] = v as [number, number, number | null, number | null];
  return { ino, offset, since, until };
}

interface LogFile {
  fh: FileHandle;
  ino: number;
  size: number;
}

/** The log's files, oldest first (file.keep … file.1, file), each opened so a rotation cannot move it away mid-read. */
async function openFiles(file: string, keep: number): Promise<LogFile[]> {
  const paths = [...Array.from({ length: keep }, (_, i) => `${file}.${keep - i}`), file];
  const out: LogFile[] = [];
  for (const p of paths) {
    const fh = await open(p, 'r').catch(() => undefined);
    if (!fh) continue;
    const s = await fh.stat();
    // A rotation between two opens can show one file under two names: it is read once.
    if (out.some((f) => f.ino === s.ino)) await fh.close();
    else out.push({ fh, ino: s.ino, size: s.size });
  }
  return out;
}

const TIME = /^\{"time":"([^"]{1,40})"/;

/** One page of the log from the cursor (or the oldest line), with the cursor of what remains. */
export async function logPage(file: string, keep: number, from: Cursor | LogWindow, limit = PAGE_LINES): Promise<{ body: string; lines: number; next: string | undefined }> {
  const files = await openFiles(file, keep);
  try {
    let start = 0;
    let offset = 0;
    if ('ino' in from) {
      start = files.findIndex((f) => f.ino === from.ino);
      if (start < 0) throw new RequestError(410, 'the cursor\'s part of the log was rotated away; pull again with since');
      offset = from.offset;
    }
    const window: LogWindow = { since: from.since, until: from.until };
    const parts: string[] = [];
    let lines = 0;
    let bytes = 0;
    for (let i = start; i < files.length; i++) {
      const f = files[i];
      if (!f) continue;
      let pos = i === start ? offset : 0;
      let carry = Buffer.alloc(0);
      // Only what the file held when the page began, and only whole lines: a line being written is left
      // for the next page. Lines are cut on bytes, so a character split between two reads stays whole.
      while (pos < f.size) {
        const chunk = Buffer.alloc(Math.min(READ_BYTES, f.size - pos));
        const { bytesRead } = await f.fh.read(chunk, 0, chunk.length, pos);
        if (bytesRead === 0) break;
        const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
        const dataStart = pos - carry.length;
        let lineStart = 0;
        let nl = data.indexOf(10, lineStart);
        while (nl >= 0) {
          const line = data.toString('utf8', lineStart, nl + 1);
          const t = TIME.exec(line)?.[1];
          const time = t === undefined ? Number.NaN : Date.parse(t);
          if (!Number.isNaN(time) && (window.since === null || time >= window.since) && (window.until === null || time < window.until)) {
            parts.push(line);
            lines++;
            bytes += nl + 1 - lineStart;
          }
          lineStart = nl + 1;
          if (lines >= limit || bytes >= PAGE_BYTES) {
            const after = dataStart + lineStart;
            const more = after < f.size || i < files.length - 1;
            return { body: parts.join(''), lines, next: more ? encodeCursor({ ino: f.ino, offset: after, ...window }) : undefined };
          }
          nl = data.indexOf(10, lineStart);
        }
        // A "line" longer than any request could write is not a log line: it is skipped, not held.
        carry = data.length - lineStart > MAX_LINE_BYTES ? Buffer.alloc(0) : Buffer.from(data.subarray(lineStart));
        pos += bytesRead;
      }
    }
    return { body: parts.join(''), lines, next: undefined };
  } finally {
    await Promise.all(files.map((f) => f.fh.close()));
  }
}
