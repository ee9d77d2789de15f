// `mlops serve`: a prediction server for one model, on node:http, in the protocols serving platforms
// speak: MLflow's scoring protocol and the Open Inference Protocol (KServe v2). Each request takes the
// model slot as it is when the request starts, so a hot swap (PUT /admin/model) never mixes two models
// in one answer and never fails a request in flight; a model that fails its checks is refused and the
// old one keeps serving. Errors are JSON with a message that names the problem, never a stack.
//
// It is built to face the public: every request gets an answer and none can take the process down. A
// body is bounded in bytes and its shape in rows and columns before anything is expanded; a body past
// `inlineMaxBytes` is worked on by the prediction thread, so /ping answers while it runs; connections
// are capped and slow clients timed out; the request log is best effort.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseModel, type ModelPackage } from '../engine/model/package.ts';
import { RequestError } from '../engine/serving/request-table.ts';
import { parseTimeBound } from '../engine/serving/log-table.ts';
import { sharedView } from '../engine/shared-memory.ts';
import { TOOL } from '../engine/version.ts';
import { answer, predictParsed, type PredictAnswer, type Protocol, type ServingModel } from './answer.ts';
import { ConnectionGuard } from './connections.ts';
import { decodeCursor, logPage, PAGE_LINES } from './log-pages.ts';
import { ServeMetrics } from './metrics.ts';
import { PredictThreads, type PredictThreadOptions } from './predict-thread.ts';
import type { RequestLog } from './request-log.ts';
import { decodeSegment, targetPath } from './target.ts';

export interface ModelSlot extends ServingModel {
  pkg: ModelPackage;
}

export interface ServeOptions {
  host: string;
  port: number;
  maxBodyBytes: number;
  maxRows: number;
  /** The most columns one request may name (the model's and extra ones). */
  maxColumns: number;
  /** The largest package PUT /admin/model takes. */
  maxModelBytes: number;
  /** The time a client has to send a whole request, headers and body. */
  timeoutMs: number;
  /** The time a client has to send its headers. */
  headersTimeoutMs: number;
  /** A connection with no request in progress is closed after this long. */
  idleTimeoutMs: number;
  maxConnections: number;
  /** Bodies larger than this are parsed and predicted on the prediction thread. */
  inlineMaxBytes: number;
  thread?: Partial<PredictThreadOptions> | undefined;
  /** The bearer token of PUT /admin/model; without one the route does not exist. */
  adminToken?: string | undefined;
  /** The read-only bearer token of GET /admin/requests (the log); without one the route does not exist. */
  logToken?: string | undefined;
  log?: RequestLog | undefined;
  onError?: (err: unknown) => void;
}

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 5000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRows: 10_000,
  maxColumns: 10_000,
  maxModelBytes: 512 * 1024 * 1024,
  timeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  maxConnections: 1_000,
  inlineMaxBytes: 64 * 1024,
};

/** The shortest admin token serve takes: a guessable one would hand the model slot to anyone. */
export const MIN_ADMIN_TOKEN_CHARS = 32;

/** Loads and checks a package for serving: parsed, compiled, and its stored examples predicted as recorded. */
export async function loadSlot(bytes: Buffer, source: string, version: string): Promise<ModelSlot> {
  const pkg = await parseModel(source, bytes);
  // The forest (or a team's ONNX bytes) in shared memory: the prediction thread reads it without a copy.
  const compiled = pkg.forest;
  const forest = compiled ? { ...compiled, trees: compiled.trees.map((t) => ({ feature: sharedView(t.feature), value: sharedView(t.value), right: sharedView(t.right) })) } : null;
  const onnx = pkg.onnx ? { bytes: sharedView(pkg.onnx.bytes), sha256: pkg.onnx.sha256, interface: pkg.onnx.interface } : null;
  const slot: ModelSlot = {
    pkg: { ...pkg, forest },
    pipeline: pkg.pipeline,
    task: pkg.task,
    target: pkg.target,
    encoding: pkg.encoding,
    forest,
    onnx,
    inputs: pkg.encoding.columns.map((c) => c.name),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    version,
  };
  await smokeTest(slot, source);
  return slot;
}

/** What the prediction thread gets of a slot: no profile, no schema, the forest shared. */
function servingModel(slot: ModelSlot): ServingModel {
  const { pipeline, task, target, encoding, forest, onnx, inputs, sha256, version } = slot;
  return { pipeline, task, target, encoding, forest, onnx, inputs, sha256, version };
}

/** The rows stored in the package must predict as train recorded them. */
async function smokeTest(slot: ModelSlot, source: string): Promise<void> {
  const ex = slot.pkg.examples;
  if (!ex || ex.rows.length === 0) throw new RequestError(422, `${source} has no example rows to check it with (train it again with this version of mlops)`);
  const columns = new Map<string, unknown[]>(slot.inputs.map((name) => [name, ex.rows.map((r) => r[name] ?? null)]));
  const got = (await predictParsed(slot, { columns, rows: ex.rows.length, extra: [], extraCount: 0 })).labels;
  got.forEach((p, i) => {
    if (p !== ex.predictions[i]) throw new RequestError(422, `${source} fails its smoke test: example row ${i} predicts ${JSON.stringify(p)}, the package recorded ${JSON.stringify(ex.predictions[i])}`);
  });
}

/**
 * The body's bytes. With a content-length above `directAbove`, each chunk is copied into a buffer of that size as it
 * arrives: a 10 MB body costs 160 small copies between other requests, where one concatenation at the
 * end held this thread up for some 25 ms, measured. `take` gives that buffer (a used one, for bodies
 * the prediction thread hands back).
 */
function readBody(req: IncomingMessage, limit: number, directAbove = 64 * 1024, take: (size: number) => Buffer = Buffer.allocUnsafeSlow): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) return reject(new RequestError(413, `the body is ${declared} bytes; the limit is ${limit}`));
    // Not from the shared pool: the prediction thread may be handed this buffer whole. A small body
    // is gathered and joined from the pool, which is cheaper per request.
    const direct = Number.isSafeInteger(declared) && declared > directAbove ? take(declared) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      if (size + c.length > limit) {
        req.off('data', onData);
        reject(new RequestError(413, `the body is larger than the limit of ${limit} bytes`));
        return;
      }
      // The HTTP parser stops a body at its content-length, so a direct body never overflows.
      const length = c.length;
      if (direct) {
        c.copy(direct, size);
        release(c);
      } else chunks.push(c);
      size += length;
    };
    req.on('data', onData);
    req.on('end', () => resolve(direct ? (size === direct.length ? direct : direct.subarray(0, size)) : Buffer.concat(chunks, size)));
    req.on('error', () => reject(new RequestError(400, 'the body was cut off')));
    req.on('aborted', () => reject(new RequestError(400, 'the body was cut off')));
  });
}

/**
 * Frees a body chunk's memory now, once it is copied, rather than at the next collection. Each chunk
 * is a small allocation of its own; a 10 MB body leaves 160 of them to the collector, and freed in
 * bulk between other allocations they fragmented the allocator's heap, which then kept the memory:
 * measured, 94 MB above idle after a minute of mixed traffic. A chunk that shares its memory is left alone.
 */
function release(chunk: Buffer): void {
  const buffer = chunk.buffer;
  if (chunk.byteOffset === 0 && buffer instanceof ArrayBuffer && buffer.byteLength === chunk.byteLength) buffer.transfer(0);
}

const bearerMatches = (header: string | undefined, token: string) => {
  // Compared as digests: constant time, whatever the lengths.
  const given = createHash('sha256').update(header?.startsWith('Bearer ') ? header.slice(7) : '').digest();
  return timingSafeEqual(given, createHash('sha256').update(token).digest());
};

type Route = { route: string; method: string; run: (req: IncomingMessage, res: ServerResponse) => Promise<number> };

export class PredictionServer {
  /** The slot and its serving form, swapped together. */
  private current!: { slot: ModelSlot; model: ServingModel };
  readonly metrics = new ServeMetrics();
  private server: Server | undefined;
  private guard: ConnectionGuard | undefined;
  private readonly threads: PredictThreads;
  private readonly opts: ServeOptions;
  url = '';

  constructor(slot: ModelSlot, opts: Partial<ServeOptions> & Pick<ServeOptions, 'host' | 'port'>) {
    this.slot = slot;
    this.opts = { ...SERVE_DEFAULTS, ...opts };
    this.threads = new PredictThreads({ maxBodyBytes: this.opts.maxBodyBytes, ...this.opts.thread }, (err) => this.opts.onError?.(err));
    this.showModel();
  }

  private showModel(): void {
    this.metrics.model.reset();
    this.metrics.model.set({ pipeline: this.slot.pipeline, version: this.slot.version, digest: `sha256:${this.slot.sha256}` }, 1);
  }

  get slot(): ModelSlot {
    return this.current.slot;
  }

  set slot(slot: ModelSlot) {
    this.current = { slot, model: servingModel(slot) };
  }

  async start(): Promise<this> {
    const o = this.opts;
    const server = createServer({ requestTimeout: o.timeoutMs, headersTimeout: Math.min(o.headersTimeoutMs, o.timeoutMs), keepAliveTimeout: Math.min(5_000, o.idleTimeoutMs), connectionsCheckingInterval: Math.min(1_000, o.headersTimeoutMs) }, (req, res) => void this.handle(req, res));
    this.server = server;
    this.guard = new ConnectionGuard(server, o.maxConnections, o.idleTimeoutMs);
    this.metrics.loop.enable();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, resolve);
    });
    const a = server.address() as AddressInfo;
    this.url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.threads.close();
    this.metrics.loop.disable();
    const server = this.server;
    if (server) {
      server.closeIdleConnections();
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      // Connections still busy after a grace period (a client that never finishes) are cut.
      const cut = setTimeout(() => server.closeAllConnections(), 5_000).unref();
      await closing;
      clearTimeout(cut);
    }
    await this.opts.log?.close();
  }

  private send(res: ServerResponse, status: number, body: unknown, type = 'application/json', extra: Record<string, string> = {}): void {
    const text = type === 'application/json' && typeof body !== 'string' ? JSON.stringify(body) : String(body);
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...extra });
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    let route = 'other';
    let status = 500;
    try {
      const p = targetPath(req.url);
      const method = req.method ?? 'GET';
      const found = this.route(p);
      if (!found) {
        if (p.startsWith('/v2/models/')) throw new RequestError(404, `no model ${JSON.stringify(decodeSegment(p.split('/')[3] ?? '').slice(0, 60))} here; this server serves "${this.slot.pipeline}"`);
        throw new RequestError(404, `no route ${method} ${p.slice(0, 100)}`);
      }
      route = found.route;
      if (method !== found.method) throw new RequestError(405, `${p.slice(0, 100)} takes ${found.method}`);
      status = await found.run(req, res);
    } catch (err) {
      status = err instanceof RequestError ? err.status : 500;
      if (!(err instanceof RequestError)) this.opts.onError?.(err);
      const unread = !req.readableEnded;
      if (!res.headersSent && !res.destroyed) {
        // A body refused before it was read whole is not drained: the connection closes after the answer.
        this.send(res, status, { error: err instanceof RequestError ? err.message : 'internal error' }, 'application/json', unread ? { connection: 'close' } : {});
      }
      if (unread) res.once('finish', () => req.destroy());
      if (!(err instanceof RequestError)) res.destroy();
    } finally {
      const labels = { route, code: String(status) };
      this.metrics.requests.inc(labels);
      if (status >= 400) this.metrics.errors.inc(labels);
      this.metrics.latency.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /** The routes: what each path takes and answers. */
  private route(p: string): Route | undefined {
    const name = this.slot.pipeline;
    const get = (route: string, body: () => unknown, type?: string): Route => ({ route, method: 'GET', run: async (_req, res) => (this.send(res, 200, body(), type), 200) });
    if (p === '/ping' || p === '/health') return get(p, () => ({ status: 'ok' }));
    if (p === '/version') return get(p, () => this.version());
    if (p === '/metrics') return get(p, () => this.renderMetrics(), 'text/plain; version=0.0.4; charset=utf-8');
    if (p === '/v2/health/live') return get(p, () => ({ live: true }));
    if (p === '/v2/health/ready') return get(p, () => ({ ready: true }));
    if (p === `/v2/models/${name}`) return get('/v2/models/{name}', () => this.v2Metadata());
    if (p === `/v2/models/${name}/ready`) return get('/v2/models/{name}/ready', () => ({ name, ready: true }));
    if (p === '/invocations') return { route: p, method: 'POST', run: (req, res) => this.predict(req, res, 'mlflow') };
    if (p === `/v2/models/${name}/infer`) return { route: '/v2/models/{name}/infer', method: 'POST', run: (req, res) => this.predict(req, res, 'v2') };
    const token = this.opts.adminToken;
    if (p === '/admin/model' && token !== undefined) return { route: p, method: 'PUT', run: (req, res) => this.swap(req, res, token) };
    const logToken = this.opts.logToken;
    const log = this.opts.log;
    if (p === '/admin/requests' && logToken !== undefined && log) return { route: p, method: 'GET', run: (req, res) => this.requests(req, res, logToken, log) };
    return undefined;
  }

  /** GET /admin/requests: a page of the request log (log-pages.ts), for the monitor on another machine. */
  private async requests(req: IncomingMessage, res: ServerResponse, token: string, log: RequestLog): Promise<number> {
    if (!bearerMatches(req.headers.authorization, token)) {
      this.send(res, 401, { error: 'the log token is missing or wrong' }, 'application/json', { 'www-authenticate': 'Bearer realm="mlops request log"' });
      return 401;
    }
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    for (const key of query.keys()) if (!['since', 'until', 'cursor', 'limit'].includes(key)) throw new RequestError(400, `unknown parameter ${JSON.stringify(key.slice(0, 40))}; this route takes since, until, cursor and limit`);
    const bound = (name: 'since' | 'until') => {
      const raw = query.get(name);
      if (raw === null) return null;
      const t = parseTimeBound(raw, Date.now());
      if (t === undefined) throw new RequestError(400, `${name}: ${JSON.stringify(raw.slice(0, 40))} is neither an ISO time nor a duration such as 24h`);
      return t;
    };
    const rawLimit = query.get('limit');
    const limit = rawLimit === null ? PAGE_LINES : Number(rawLimit);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > PAGE_LINES) throw new RequestError(400, `limit: give a whole number from 1 to ${PAGE_LINES}`);
    const cursor = query.get('cursor');
    const page = await logPage(log.file, log.keep, cursor !== null ? decodeCursor(cursor) : { since: bound('since'), until: bound('until') }, limit);
    this.send(res, 200, page.body, 'application/x-ndjson; charset=utf-8', { 'cache-control': 'no-store', 'x-mlops-lines': String(page.lines), ...(page.next ? { 'x-mlops-next-cursor': page.next } : {}) });
    return 200;
  }

  private renderMetrics(): string {
    const log = this.opts.log;
    this.metrics.logErrors.set({}, log?.errors ?? 0);
    this.metrics.logDropped.set({}, log?.dropped ?? 0);
    this.metrics.connections.set({}, this.guard?.open ?? 0);
    this.metrics.connectionsEvicted.set({}, this.guard?.evicted ?? 0);
    this.metrics.connectionsRefused.set({}, this.guard?.refused ?? 0);
    return this.metrics.render();
  }

  private version(): Record<string, unknown> {
    return { pipeline: this.slot.pipeline, version: this.slot.version, model_digest: `sha256:${this.slot.sha256}`, task: this.slot.task, tool: TOOL };
  }

  private async predict(req: IncomingMessage, res: ServerResponse, protocol: Protocol): Promise<number> {
    // The slot as it is now: a swap while the body arrives does not change this request's model.
    const model = this.current.model;
    const body = await readBody(req, this.opts.maxBodyBytes, this.opts.inlineMaxBytes, (size) => this.threads.bodyBuffer(size));
    const log = this.opts.log;
    const job = { protocol, body, contentType: String(req.headers['content-type'] ?? ''), limits: { maxRows: this.opts.maxRows, maxColumns: this.opts.maxColumns }, logTime: log?.sampled() ? new Date().toISOString() : null };
    const out = body.length > this.opts.inlineMaxBytes ? await this.threads.run(model, job) : await answer(model, job);
    this.count(model, out);
    if (log && out.logLine) log.writeLine(out.logLine);
    this.send(res, 200, out.text);
    return 200;
  }

  private count(model: ServingModel, out: PredictAnswer): void {
    const m = this.metrics;
    const s = out.stats;
    m.rows.observe({}, s.rows);
    m.rowsTotal.inc({}, s.rows);
    m.countMissing(model.inputs, s.missing, s.rows);
    if (s.extraCount) m.extra.inc({}, s.extraCount);
    const classes = model.target.classes;
    if (classes && s.classCounts) s.classCounts.forEach((n, k) => n > 0 && m.predictions.inc({ class: classes[k]! }, n));
    if (s.values) for (const v of s.values) m.values.observe({}, v);
  }

  private v2Metadata(): Record<string, unknown> {
    const pkg = this.slot.pkg;
    const datatype = (kind: string) => (kind === 'numeric' ? 'FP64' : kind === 'boolean' ? 'BOOL' : 'BYTES');
    const outputs = [{ name: 'predict', datatype: pkg.task === 'classification' ? 'BYTES' : 'FP64', shape: [-1] }];
    if (pkg.target.classes) outputs.push({ name: 'predict_proba', datatype: 'FP64', shape: [-1, pkg.target.classes.length] });
    return { name: pkg.pipeline, versions: [this.slot.version], platform: 'mlops-actions', inputs: pkg.encoding.columns.map((c) => ({ name: c.name, datatype: datatype(c.kind), shape: [-1] })), outputs, parameters: { classes: pkg.target.classes, model_digest: `sha256:${this.slot.sha256}` } };
  }

  private async swap(req: IncomingMessage, res: ServerResponse, token: string): Promise<number> {
    if (!bearerMatches(req.headers.authorization, token)) throw new RequestError(401, 'a valid bearer token is required');
    const expected = String(req.headers['x-model-sha256'] ?? '').replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(expected)) throw new RequestError(400, 'the header x-model-sha256 must give the package\'s sha256');
    const bytes = await readBody(req, this.opts.maxModelBytes);
    const actual = createHash('sha256').update(bytes).digest('hex');
    try {
      if (actual !== expected) throw new RequestError(400, `the package's sha256 is ${actual}, not ${expected}`);
      let next: ModelSlot;
      try {
        next = await loadSlot(bytes, 'the package', String(req.headers['x-model-version'] ?? 'unversioned').slice(0, 64));
      } catch (err) {
        throw err instanceof RequestError ? err : new RequestError(422, (err as Error).message);
      }
      const cur = this.slot;
      if (next.pipeline !== cur.pipeline || next.task !== cur.task || next.target.name !== cur.target.name) throw new RequestError(409, `the package is a model of "${next.pipeline}" (${next.task}); this server serves "${cur.pipeline}" (${cur.task})`);
      // The swap itself: one assignment. Requests in flight keep the slot they started with.
      this.slot = next;
      this.showModel();
      this.metrics.swaps.inc({ result: 'swapped' });
      this.send(res, 200, this.version());
      return 200;
    } catch (err) {
      this.metrics.swaps.inc({ result: 'refused' });
      throw err;
    }
  }
}
