// The request log that drift-report reads: JSON lines of inputs and predictions, sampled at a rate and
// rotated by size (file → file.1 → file.2 …, keeping `keep` old files).
//
// Logging is best effort: predictions are served whatever happens to the file. One writer drains a
// queue in order, so a rotation (which happens between two writes) never loses or repeats a line. A
// failed open or write (the disk is full, the path became a folder) is counted, warned at most once a
// minute, and the file is opened again on the next write after a pause; a file deleted or replaced
// under the server is noticed within a second and the path opened anew. Lines that cannot be written
// are dropped and counted, and what waits in memory is bounded.
import { mkdir, open, rename, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface RequestLogOptions {
  file: string;
  /** The share of requests logged, from 0 to 1. */
  sample: number;
  /** The size at which the file is rotated. */
  maxBytes: number;
  keep?: number;
  random?: () => number;
  /** Told of failures, at most once per `warnEveryMs`. */
  warn?: (message: string) => void;
  /** How long after a failure the file is opened again. */
  retryMs?: number;
  /** How often the path is checked for being the file still open. */
  checkMs?: number;
  warnEveryMs?: number;
  /** The most bytes of lines that wait to be written; more are dropped. */
  maxQueuedBytes?: number;
  now?: () => number;
}

type Options = Required<RequestLogOptions>;

export class RequestLog {
  private fh: FileHandle | undefined;
  private ino = -1;
  private size = 0;
  private queue: string[] = [];
  private queuedBytes = 0;
  private pumping: Promise<void> | undefined;
  private retryAt = 0;
  private checkedAt = 0;
  private lastWarn = Number.NEGATIVE_INFINITY;
  private unwarned = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Failed opens, writes and rotations. */
  errors = 0;
  /** Lines that were never written. */
  dropped = 0;
  private readonly opts: Options;

  constructor(opts: RequestLogOptions) {
    this.opts = { keep: 3, random: Math.random, warn: () => {}, retryMs: 1_000, checkMs: 1_000, warnEveryMs: 60_000, maxQueuedBytes: 16 * 1024 * 1024, now: Date.now, ...opts };
  }

  /** The log's path and how many rotated files it keeps (GET /admin/requests reads them). */
  get file(): string {
    return this.opts.file;
  }
  get keep(): number {
    return this.opts.keep;
  }

  /** Opens the file at start, where a path that cannot be a log is the operator's mistake to hear of. */
  async open(): Promise<void> {
    await mkdir(path.dirname(this.opts.file), { recursive: true });
    await this.reopen();
  }

  /** Whether this request is logged (the sample's draw). */
  sampled(): boolean {
    return !this.closed && this.opts.random() < this.opts.sample;
  }

  /** Queues one line (with its newline); it is written in order, as soon as the file takes it. */
  writeLine(line: string): void {
    if (this.closed) return;
    const bytes = Buffer.byteLength(line);
    if (this.queuedBytes + bytes > this.opts.maxQueuedBytes) {
      this.dropped++;
      this.fail(new Error(`more than ${this.opts.maxQueuedBytes} bytes of lines wait to be written; a line was dropped`));
      return;
    }
    this.queue.push(line);
    this.queuedBytes += bytes;
    this.pump();
  }

  private pump(): void {
    this.pumping ??= this.drain().finally(() => {
      this.pumping = undefined;
      // Lines that came while the last write finished.
      if (this.queue.length > 0 && this.fh && !this.closed) this.pump();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const fh = await this.ready();
      if (!fh) return;
      if (this.size >= this.opts.maxBytes) {
        await this.rotate();
        continue;
      }
      const lines = this.queue;
      const bytes = this.queuedBytes;
      this.queue = [];
      this.queuedBytes = 0;
      try {
        await fh.write(lines.join(''));
        this.size += bytes;
      } catch (err) {
        this.dropped += lines.length;
        await this.lose(err);
        return;
      }
    }
  }

  /** A file to write to: the one open, unless the path no longer names it; else opened again. None while it cannot be. */
  private async ready(): Promise<FileHandle | undefined> {
    const now = this.opts.now();
    if (this.fh && now - this.checkedAt >= this.opts.checkMs) {
      this.checkedAt = now;
      const at = await stat(this.opts.file).then((s) => (s.isFile() ? s.ino : -2), () => -1);
      if (at !== this.ino) await this.closeFile();
    }
    if (this.fh) return this.fh;
    if (now < this.retryAt) {
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = undefined;
        this.pump();
      }, this.retryAt - now).unref();
      return undefined;
    }
    try {
      return await this.reopen();
    } catch (err) {
      await this.lose(err);
      return undefined;
    }
  }

  private async reopen(): Promise<FileHandle> {
    const fh = await open(this.opts.file, 'a');
    try {
      const s = await fh.stat();
      if (!s.isFile() && !s.isCharacterDevice()) throw Object.assign(new Error(`${this.opts.file} is not a file`), { code: 'EISDIR' });
      this.fh = fh;
      this.ino = s.isFile() ? s.ino : -2;
      this.size = s.size;
      this.checkedAt = this.opts.now();
      return fh;
    } catch (err) {
      await fh.close().catch(() => {});
      throw err;
    }
  }

  private async rotate(): Promise<void> {
    await this.closeFile();
    try {
      for (let i = this.opts.keep - 1; i >= 1; i--) await rename(`${this.opts.file}.${i}`, `${this.opts.file}.${i + 1}`).catch(() => {});
      await rename(this.opts.file, `${this.opts.file}.1`);
    } catch (err) {
      // The file went away under us: nothing to keep, the next open starts a new one.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.fail(err);
    }
    this.size = 0;
  }

  private async closeFile(): Promise<void> {
    const fh = this.fh;
    this.fh = undefined;
    this.ino = -1;
    await fh?.close().catch(() => {});
  }

  /** A failure: counted, warned, the file closed, and opened again after a pause. */
  private async lose(err: unknown): Promise<void> {
    this.fail(err);
    await this.closeFile();
    this.retryAt = this.opts.now() + this.opts.retryMs;
    if (this.queue.length > 0) {
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = undefined;
        this.pump();
      }, this.opts.retryMs).unref();
    }
  }

  private fail(err: unknown): void {
    this.errors++;
    this.unwarned++;
    const now = this.opts.now();
    if (now - this.lastWarn < this.opts.warnEveryMs) return;
    this.lastWarn = now;
    const code = (err as NodeJS.ErrnoException).code;
    this.opts.warn(`the request log ${this.opts.file} cannot be written (${code ?? (err as Error).message}); predictions are still served. ${this.unwarned} failure${this.unwarned === 1 ? '' : 's'} since the last warning, ${this.dropped} line${this.dropped === 1 ? '' : 's'} lost so far; it is opened again every ${this.opts.retryMs / 1000} s`);
    this.unwarned = 0;
  }

  /** Writes what is queued (as far as the file takes it), then closes. */
  async close(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryAt = 0;
    while (this.pumping) await this.pumping;
    this.closed = true;
    await this.closeFile();
  }
}
