// The prediction thread: large request bodies are parsed and predicted here, off the thread that
// answers HTTP, so /ping and small requests keep being answered while a 10 MB body is worked on. The
// model's forest is in shared memory, so a thread costs no copy of it. The thread's heap is capped: a
// request that would need more fails alone (413) and the thread is started again, where on the main
// thread it would take the process down. A body is moved to the thread, never cloned. The thread runs
// at a lower priority than the one answering HTTP. Idle for 2 s, the thread collects its garbage as V8
// does when memory runs out (that also unmaps the pages V8 keeps for reuse, which ending the thread
// alone leaves mapped: measured, 177 MB of them after a minute of 10 MB bodies); idle 10 s more, it is
// ended. Each body's buffer comes back from the thread with the answer, for the next large body (see
// body-buffers.ts).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { RequestError } from '../engine/serving/request-table.ts';
import { answer, type PredictAnswer, type PredictJob, type ServingModel } from './answer.ts';
import { BodyBuffers } from './body-buffers.ts';

export interface PredictThreadOptions {
  /** The heap the thread may use, in MB (V8's old generation). */
  heapMb: number;
  /** Trim the thread (collect its garbage, give memory back) after this long without work. */
  idleMs: number;
  /** End it after this long more: a steady trickle of large requests keeps one thread instead of starting one for each. */
  endMs: number;
  /** The body bytes that may wait for the thread at once; past that a request is answered 503. */
  maxQueuedBytes: number;
  /** The largest body: the largest buffer kept for bodies. */
  maxBodyBytes: number;
  /** The most bytes of free body buffers kept for the next bodies. */
  maxPooledBytes: number;
}

export const PREDICT_THREAD_DEFAULTS: PredictThreadOptions = { heapMb: 1024, idleMs: 2_000, endMs: 10_000, maxQueuedBytes: 256 * 1024 * 1024, maxBodyBytes: 10 * 1024 * 1024, maxPooledBytes: 64 * 1024 * 1024 };

interface Pending {
  job: PredictJob;
  resolve: (a: PredictAnswer) => void;
  reject: (e: Error) => void;
}

/** The thread's answer to a job, with the body's buffer given back (moved, not copied). */
type Reply = ({ id: number; answer: PredictAnswer } | { id: number; error: { status: number; message: string } }) & { body?: ArrayBuffer };
/** Sent to an idle thread, and answered when it has given its memory back. */
const TRIM = 'trim';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor?: 'last-resort' }) => void;

/** One thread for one model: jobs run in the order they came. */
class ModelThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private idle: NodeJS.Timeout | undefined;
  private nextId = 0;
  private readonly model: ServingModel;
  private readonly opts: PredictThreadOptions;
  private readonly onEmpty: () => void;
  /** Called with what the thread could not handle itself (a crash of ours). */
  private readonly onError: (err: Error) => void;
  private readonly bodies: BodyBuffers;

  constructor(model: ServingModel, opts: PredictThreadOptions, bodies: BodyBuffers, onEmpty: () => void, onError: (err: Error) => void) {
    this.model = model;
    this.opts = opts;
    this.bodies = bodies;
    this.onEmpty = onEmpty;
    this.onError = onError;
  }

  get queued(): number {
    return this.pending.size;
  }

  run(job: PredictJob): Promise<PredictAnswer> {
    clearTimeout(this.idle);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { job, resolve, reject });
      this.send(id, job);
    });
  }

  private start(): Worker {
    exposeGc();
    // The thread imports this very module (the .ts source in tests, the bundle in production).
    const entry = `import(${JSON.stringify(import.meta.url)}).then((m) => m.predictWorkerMain());`;
    const worker = new Worker(entry, { eval: true, workerData: { model: this.model }, resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb } });
    worker.unref();
    worker.on('message', (reply: Reply | typeof TRIM) => (reply === TRIM ? collectHere() : this.settle(reply)));
    worker.on('error', (err) => this.failed(worker, err));
    worker.on('exit', (code) => this.failed(worker, new Error(`the prediction thread exited with code ${code}`)));
    return worker;
  }

  private send(id: number, job: PredictJob): void {
    this.worker ??= this.start();
    // The body is moved to the thread, not cloned: cloning (or copying) 10 MB holds this thread up for
    // some 25 ms, measured. A body read into a buffer of its own (or one of the pool's) is moved as it is.
    const own = job.body.byteOffset === 0 && job.body.buffer instanceof ArrayBuffer && (job.body.buffer.byteLength === job.body.byteLength || this.bodies.owns(job.body.buffer));
    const body = own ? job.body : new Uint8Array(job.body);
    this.worker.postMessage({ id, job: { ...job, body } }, [body.buffer as ArrayBuffer]);
  }

  private settle(reply: Reply): void {
    const p = this.pending.get(reply.id);
    if (reply.body) this.bodies.give(reply.body);
    if (!p) return;
    this.pending.delete(reply.id);
    if ('answer' in reply) p.resolve(reply.answer);
    else if (reply.error.status >= 500) p.reject(new Error(reply.error.message));
    else p.reject(new RequestError(reply.error.status, reply.error.message));
    if (this.pending.size === 0) this.idle = setTimeout(() => this.trim(), this.opts.idleMs).unref();
  }

  /** The thread died: the request it was on is refused, the ones after it go to a new thread. */
  private failed(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    const waiting = [...this.pending.entries()].sort(([a], [b]) => a - b);
    this.pending.clear();
    const [running, ...queued] = waiting.map(([, p]) => p);
    if (!running) return this.onEmpty();
    const p = running;
    const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (outOfMemory) p.reject(new RequestError(413, `the request needs more than the ${this.opts.heapMb} MB of memory the server gives a request; send fewer rows or columns`));
    else {
      this.onError(err);
      p.reject(err);
    }
    // The requests queued behind it were not started, but their bodies went with the thread: each is
    // answered 503, to be sent again.
    for (const q of queued) q.reject(new RequestError(503, 'the prediction thread was restarted while the request waited for it; send it again'));
    this.onEmpty();
  }

  /** Idle: the thread gives back what it took (and this one collects the bodies it sent); ended after endMs more. */
  private trim(): void {
    const w = this.worker;
    if (!w) return;
    this.bodies.clear();
    w.postMessage(TRIM);
    this.idle = setTimeout(() => this.end(), this.opts.endMs).unref();
  }

  end(): void {
    clearTimeout(this.idle);
    // Its memory was given back when it was trimmed; the main thread collected then too.
    void this.worker?.terminate();
    this.worker = undefined;
    this.onEmpty();
  }
}

let gcExposed = false;
/**
 * V8's flags are the process's: a thread started after this has gc(), and a new context of this
 * thread has one (this thread's global was made before, so nothing changes there).
 */
function exposeGc(): void {
  if (gcExposed) return;
  v8.setFlagsFromString('--expose-gc');
  gcExposed = true;
}

let mainCollect: Collect | undefined;
/**
 * One full collection of this (the main) thread's heap, once the idle thread has trimmed: the bodies it was
 * sent are garbage here, and in idle nothing else would collect them. gc() is reached through a new
 * context, as the flag came after this thread's global was made.
 */
function collectHere(): void {
  if (!mainCollect) {
    exposeGc();
    mainCollect = runInNewContext('gc') as Collect;
  }
  mainCollect({ type: 'major', execution: 'sync' });
}

/** The prediction threads of a server: one per model in use (a hot swap briefly has two). */
export class PredictThreads {
  private readonly threads = new Map<ServingModel, ModelThread>();
  private queuedBytes = 0;
  private readonly opts: PredictThreadOptions;
  private readonly onError: (err: Error) => void;
  private readonly bodies: BodyBuffers;

  constructor(opts: Partial<PredictThreadOptions> = {}, onError: (err: Error) => void = () => {}) {
    this.opts = { ...PREDICT_THREAD_DEFAULTS, ...opts };
    this.onError = onError;
    this.bodies = new BodyBuffers(this.opts.maxBodyBytes, this.opts.maxPooledBytes);
  }

  /** A buffer to gather a large body in, for `run`: one the thread gave back when there is one. */
  bodyBuffer(size: number): Buffer {
    return this.bodies.take(size);
  }

  /** The bytes of free body buffers kept now. */
  get pooledBytes(): number {
    return this.bodies.pooled;
  }

  async run(model: ServingModel, job: PredictJob): Promise<PredictAnswer> {
    const bytes = job.body.byteLength;
    if (this.queuedBytes + bytes > this.opts.maxQueuedBytes) throw new RequestError(503, `the server is busy with ${this.queuedBytes} bytes of large requests; send it again shortly`);
    let thread = this.threads.get(model);
    if (!thread) {
      const t: ModelThread = new ModelThread(model, this.opts, this.bodies, () => {
        if (t.queued === 0 && this.threads.get(model) === t) this.threads.delete(model);
      }, this.onError);
      this.threads.set(model, (thread = t));
    }
    this.queuedBytes += bytes;
    try {
      return await thread.run(job);
    } finally {
      this.queuedBytes -= bytes;
    }
  }

  close(): void {
    for (const t of this.threads.values()) t.end();
    this.threads.clear();
    this.bodies.clear();
  }
}

/**
 * On Linux a thread has its own nice value: this one yields the cores to the thread answering HTTP, so
 * on a busy machine a 10 MB body waits for /ping and small requests rather than the other way round.
 * Elsewhere (or without /proc) it runs as it is.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or no /proc: the thread keeps the process's priority.
  }
}

/** The thread's side: answers each job it is sent, in order. */
export function predictWorkerMain(): void {
  lowerPriority();
  const model = (workerData as { model: ServingModel }).model;
  const port = parentPort;
  if (!port) throw new Error('predictWorkerMain runs only on a prediction thread');
  port.on('message', async (message: { id: number; job: PredictJob } | typeof TRIM) => {
    if (message === TRIM) {
      (globalThis as { gc?: Collect }).gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      port.postMessage(TRIM);
      return;
    }
    const { id, job } = message;
    let reply: Reply;
    try {
      reply = { id, answer: await answer(model, job) };
    } catch (err) {
      reply = { id, error: err instanceof RequestError ? { status: err.status, message: err.message } : { status: 500, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } };
    }
    const values = 'answer' in reply ? reply.answer.stats.values : null;
    // The body is parsed into values of its own by now: its buffer goes back for the next body.
    const body = job.body.buffer as ArrayBuffer;
    port.postMessage({ ...reply, body }, values ? [values.buffer as ArrayBuffer, body] : [body]);
  });
}
