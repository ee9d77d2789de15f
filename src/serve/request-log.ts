// The request log that drift-report reads: JSON lines of inputs and predictions, sampled at a rate and
// rotated by size (file → file.1 → file.2 …, keeping `keep` old files). Writes are appended through one
// stream; a rotation waits for the stream to finish before renaming.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

export interface RequestLogOptions {
  file: string;
  /** The share of requests logged, from 0 to 1. */
  sample: number;
  /** The size at which the file is rotated. */
  maxBytes: number;
  keep?: number;
  random?: () => number;
}

export class RequestLog {
  private stream: WriteStream | undefined;
  private size = 0;
  private rotating: Promise<void> | undefined;
  /** Lines written while the file rotates; the new file gets them first. */
  private pending: string[] = [];
  private readonly opts: Required<RequestLogOptions>;

  constructor(opts: RequestLogOptions) {
    this.opts = { keep: 3, random: Math.random, ...opts };
  }

  async open(): Promise<void> {
    await mkdir(path.dirname(this.opts.file), { recursive: true });
    this.size = await stat(this.opts.file).then((s) => s.size, () => 0);
    this.stream = createWriteStream(this.opts.file, { flags: 'a' });
  }

  /** Logs one request (when the sample takes it). */
  write(entry: Record<string, unknown>): void {
    if ((!this.stream && !this.rotating) || this.opts.random() >= this.opts.sample) return;
    const line = `${JSON.stringify(entry)}\n`;
    if (!this.stream) {
      this.pending.push(line);
      return;
    }
    this.stream.write(line);
    this.size += Buffer.byteLength(line);
    if (this.size >= this.opts.maxBytes && !this.rotating) this.rotating = this.rotate().finally(() => (this.rotating = undefined));
  }

  private async rotate(): Promise<void> {
    const old = this.stream!;
    this.stream = undefined;
    await new Promise<void>((resolve) => old.end(resolve));
    for (let i = this.opts.keep - 1; i >= 1; i--) await rename(`${this.opts.file}.${i}`, `${this.opts.file}.${i + 1}`).catch(() => {});
    await rename(this.opts.file, `${this.opts.file}.1`);
    this.stream = createWriteStream(this.opts.file, { flags: 'a' });
    const queued = this.pending.join('');
    this.pending = [];
    this.size = Buffer.byteLength(queued);
    if (queued) this.stream.write(queued);
  }

  async close(): Promise<void> {
    await this.rotating;
    const s = this.stream;
    this.stream = undefined;
    if (s) await new Promise<void>((resolve) => s.end(resolve));
  }
}
