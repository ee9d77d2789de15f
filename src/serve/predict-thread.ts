// The prediction thread: large request bodies are parsed and predicted here, off the thread that
// answers HTTP, so /ping and small requests keep being answered while a 10 MB body is worked on. The
// model's forest is in shared memory, so a thread costs no copy of it. The thread's heap is capped: a
// request that would need more fails alone (413) and the thread is started again, where on the main
// thread it would take the process down. A thread left idle is ended, so the memory a large request
// took goes back to the system.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { RequestError } from '../engine/serving/request-table.ts';
import { answer, type PredictAnswer, type PredictJob, type ServingModel } from './answer.ts';

export interface PredictThreadOptions {
  /** The heap the thread may use, in MB (V8's old generation). */
  heapMb: number;
  /** End the thread after this long without work. */
  idleMs: number;
  /** The body bytes that may wait for the thread at once; past that a request is answered 503. */
  maxQueuedBytes: number;
}

export const PREDICT_THREAD_DEFAULTS: PredictThreadOptions = { heapMb: 1024, idleMs: 2_000, maxQueuedBytes: 256 * 1024 * 1024 };

interface Pending {
  job: PredictJob;
  resolve: (a: PredictAnswer) => void;
  reject: (e: Error) => void;
}

type Reply = { id: number; answer: PredictAnswer } | { id: number; error: { status: number; message: string } };

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

  constructor(model: ServingModel, opts: PredictThreadOptions, onEmpty: () => void, onError: (err: Error) => void) {
    this.model = model;
    this.opts = opts;
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
    // The thread imports this very module (the .ts source in tests, the bundle in production).
    const entry = `import(${JSON.stringify(import.meta.url)}).then((m) => m.predictWorkerMain());`;
    const worker = new Worker(entry, { eval: true, workerData: { model: this.model }, resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb } });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (err) => this.failed(worker, err));
    worker.on('exit', (code) => this.failed(worker, new Error(`the prediction thread exited with code ${code}`)));
    return worker;
  }

  private send(id: number, job: PredictJob): void {
    this.worker ??= this.start();
    // Cloned, not transferred: the bytes stay here until the answer, to be sent again should the
    // thread die on an earlier request.
    this.worker.postMessage({ id, job });
  }

  private settle(reply: Reply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if ('answer' in reply) p.resolve(reply.answer);
    else if (reply.error.status >= 500) p.reject(new Error(reply.error.message));
    else p.reject(new RequestError(reply.error.status, reply.error.message));
    if (this.pending.size === 0) this.idle = setTimeout(() => this.end(), this.opts.idleMs).unref();
  }

  /** The thread died: the request it was on is refused, the ones after it go to a new thread. */
  private failed(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    const ids = [...this.pending.keys()].sort((a, b) => a - b);
    const first = ids[0];
    if (first === undefined) return this.onEmpty();
    const p = this.pending.get(first)!;
    this.pending.delete(first);
    const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (outOfMemory) p.reject(new RequestError(413, `the request needs more than the ${this.opts.heapMb} MB of memory the server gives a request; send fewer rows or columns`));
    else {
      this.onError(err);
      p.reject(err);
    }
    // The requests queued behind it were not started: they go to a new thread.
    for (const id of ids.slice(1)) this.send(id, this.pending.get(id)!.job);
    if (this.pending.size === 0) this.onEmpty();
  }

  end(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    this.onEmpty();
  }
}

/** The prediction threads of a server: one per model in use (a hot swap briefly has two). */
export class PredictThreads {
  private readonly threads = new Map<ServingModel, ModelThread>();
  private queuedBytes = 0;
  private readonly opts: PredictThreadOptions;
  private readonly onError: (err: Error) => void;

  constructor(opts: Partial<PredictThreadOptions> = {}, onError: (err: Error) => void = () => {}) {
    this.opts = { ...PREDICT_THREAD_DEFAULTS, ...opts };
    this.onError = onError;
  }

  async run(model: ServingModel, job: PredictJob): Promise<PredictAnswer> {
    const bytes = job.body.byteLength;
    if (this.queuedBytes + bytes > this.opts.maxQueuedBytes) throw new RequestError(503, `the server is busy with ${this.queuedBytes} bytes of large requests; send it again shortly`);
    let thread = this.threads.get(model);
    if (!thread) {
      const t: ModelThread = new ModelThread(model, this.opts, () => {
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
  }
}

/** The thread's side: answers each job it is sent, in order. */
export function predictWorkerMain(): void {
  const model = (workerData as { model: ServingModel }).model;
  const port = parentPort!;
  port.on('message', ({ id, job }: { id: number; job: PredictJob }) => {
    let reply: Reply;
    try {
      reply = { id, answer: answer(model, job) };
    } catch (err) {
      reply = { id, error: err instanceof RequestError ? { status: err.status, message: err.message } : { status: 500, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } };
    }
    const values = 'answer' in reply ? reply.answer.stats.values : null;
    port.postMessage(reply, values ? [values.buffer as ArrayBuffer] : []);
  });
}
