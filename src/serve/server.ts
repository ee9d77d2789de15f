// `mlops serve`: a prediction server for one model, on node:http, in the protocols serving platforms
// speak: MLflow's scoring protocol and the Open Inference Protocol (KServe v2). Each request takes the
// model slot as it is when the request starts, so a hot swap (PUT /admin/model) never mixes two models
// in one answer and never fails a request in flight; a model that fails its checks is refused and the
// old one keeps serving. Errors are JSON with a message that names the problem, never a stack.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyEncoding } from '../engine/features/encode.ts';
import { predictCompiled, type CompiledForest } from '../engine/forest/compiled.ts';
import { parseModel, type ModelPackage } from '../engine/model/package.ts';
import { parseMlflow, parseV2, type ParsedRequest } from '../engine/serving/protocols.ts';
import { RequestError, tableFromColumns } from '../engine/serving/request-table.ts';
import { TOOL } from '../version.ts';
import { ServeMetrics } from './metrics.ts';
import type { RequestLog } from './request-log.ts';

export interface ModelSlot {
  pkg: ModelPackage;
  /** The columns the model reads, in its order. */
  inputs: string[];
  compiled: CompiledForest;
  /** sha256 (hex) of the package's bytes as they were loaded. */
  sha256: string;
  version: string;
}

export interface ServeOptions {
  host: string;
  port: number;
  maxBodyBytes: number;
  maxRows: number;
  /** The largest package PUT /admin/model takes. */
  maxModelBytes: number;
  timeoutMs: number;
  /** The bearer token of PUT /admin/model; without one the route does not exist. */
  adminToken?: string | undefined;
  log?: RequestLog | undefined;
  onError?: (err: unknown) => void;
}

export const SERVE_DEFAULTS = { host: '127.0.0.1', port: 5000, maxBodyBytes: 10 * 1024 * 1024, maxRows: 10_000, maxModelBytes: 512 * 1024 * 1024, timeoutMs: 30_000 };

/** Loads and checks a package for serving: parsed, compiled, and its stored examples predicted as recorded. */
export async function loadSlot(bytes: Buffer, source: string, version: string): Promise<ModelSlot> {
  const pkg = await parseModel(source, bytes);
  const compiled = pkg.forest;
  const slot = { pkg, inputs: pkg.encoding.columns.map((c) => c.name), compiled, sha256: createHash('sha256').update(bytes).digest('hex'), version };
  smokeTest(slot, source);
  return slot;
}

/** The rows stored in the package must predict as train recorded them. */
function smokeTest(slot: ModelSlot, source: string): void {
  const ex = slot.pkg.examples;
  if (!ex || ex.rows.length === 0) throw new RequestError(422, `${source} has no example rows to check it with (train it again with this version of mlops)`);
  const columns = new Map<string, unknown[]>(slot.pkg.encoding.columns.map((c) => [c.name, ex.rows.map((r) => r[c.name] ?? null)]));
  const got = predictRows(slot, { columns, rows: ex.rows.length }).labels;
  got.forEach((p, i) => {
    if (p !== ex.predictions[i]) throw new RequestError(422, `${source} fails its smoke test: example row ${i} predicts ${JSON.stringify(p)}, the package recorded ${JSON.stringify(ex.predictions[i])}`);
  });
}

interface Prediction {
  labels: (string | number)[];
  shares: Float64Array | null;
  missing: number[];
  extra: string[];
}

function predictRows(slot: ModelSlot, req: ParsedRequest): Prediction {
  const { table, missing, extra } = tableFromColumns(slot.pkg, req.columns, req.rows);
  const { yPred, shares } = predictCompiled(slot.compiled, applyEncoding(table, slot.pkg.encoding));
  const classes = slot.pkg.target.classes;
  return { labels: Array.from(yPred, (v) => (classes ? classes[v]! : v)), shares, missing, extra };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) return reject(new RequestError(413, `the body is ${declared} bytes; the limit is ${limit}`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new RequestError(413, `the body is larger than the limit of ${limit} bytes`));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const bearerMatches = (header: string | undefined, token: string) => {
  // Compared as digests: constant time, whatever the lengths.
  const given = createHash('sha256').update(header?.startsWith('Bearer ') ? header.slice(7) : '').digest();
  return timingSafeEqual(given, createHash('sha256').update(token).digest());
};

export class PredictionServer {
  slot: ModelSlot;
  readonly metrics = new ServeMetrics();
  private server: Server | undefined;
  private readonly opts: ServeOptions;
  url = '';

  constructor(slot: ModelSlot, opts: ServeOptions) {
    this.slot = slot;
    this.opts = opts;
    this.showModel();
  }

  private showModel(): void {
    this.metrics.model.reset();
    this.metrics.model.set({ pipeline: this.slot.pkg.pipeline, version: this.slot.version, digest: `sha256:${this.slot.sha256}` }, 1);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.requestTimeout = this.opts.timeoutMs;
    this.server.headersTimeout = Math.min(this.opts.timeoutMs, 60_000);
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.opts.port, this.opts.host, resolve);
    });
    const a = this.server.address() as AddressInfo;
    this.url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeIdleConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    await this.opts.log?.close();
  }

  private send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
    const text = type === 'application/json' ? JSON.stringify(body) : String(body);
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://serve.invalid');
    const name = this.slot.pkg.pipeline;
    let route = 'other';
    let status = 500;
    try {
      const p = url.pathname;
      const method = req.method ?? 'GET';
      const found = this.route(p, name);
      if (!found) {
        if (p.startsWith('/v2/models/')) throw new RequestError(404, `no model ${JSON.stringify(decodeURIComponent(p.split('/')[3] ?? '').slice(0, 60))} here; this server serves "${name}"`);
        throw new RequestError(404, `no route ${method} ${p.slice(0, 100)}`);
      }
      route = found.route;
      if (method !== found.method) throw new RequestError(405, `${p} takes ${found.method}`);
      status = await found.run(req, res);
    } catch (err) {
      status = err instanceof RequestError ? err.status : 500;
      if (!(err instanceof RequestError)) this.opts.onError?.(err);
      // A body not read yet (refused before reading) is drained, so the client is not left waiting.
      if (!req.readableEnded) req.resume();
      if (!res.headersSent) this.send(res, status, { error: err instanceof RequestError ? err.message : 'internal error' });
      if (!(err instanceof RequestError)) res.destroy();
    } finally {
      const labels = { route, code: String(status) };
      this.metrics.requests.inc(labels);
      if (status >= 400) this.metrics.errors.inc(labels);
      this.metrics.latency.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /** The routes: what each path takes and answers. */
  private route(p: string, name: string): { route: string; method: string; run: (req: IncomingMessage, res: ServerResponse) => Promise<number> } | undefined {
    const get = (route: string, body: () => unknown, type?: string) => ({ route, method: 'GET', run: async (_req: IncomingMessage, res: ServerResponse) => (this.send(res, 200, body(), type), 200) });
    if (p === '/ping' || p === '/health') return get(p, () => ({ status: 'ok' }));
    if (p === '/version') return get(p, () => this.version());
    if (p === '/metrics') return get(p, () => this.metrics.render(), 'text/plain; version=0.0.4; charset=utf-8');
    if (p === '/v2/health/live') return get(p, () => ({ live: true }));
    if (p === '/v2/health/ready') return get(p, () => ({ ready: true }));
    if (p === `/v2/models/${name}`) return get('/v2/models/{name}', () => this.v2Metadata());
    if (p === `/v2/models/${name}/ready`) return get('/v2/models/{name}/ready', () => ({ name, ready: true }));
    if (p === '/invocations') return { route: p, method: 'POST', run: (req, res) => this.invocations(req, res) };
    if (p === `/v2/models/${name}/infer`) return { route: '/v2/models/{name}/infer', method: 'POST', run: (req, res) => this.v2Infer(req, res) };
    if (p === '/admin/model' && this.opts.adminToken !== undefined) return { route: p, method: 'PUT', run: (req, res) => this.swap(req, res) };
    return undefined;
  }

  private version(): Record<string, unknown> {
    return { pipeline: this.slot.pkg.pipeline, version: this.slot.version, model_digest: `sha256:${this.slot.sha256}`, task: this.slot.pkg.task, tool: TOOL };
  }

  private predict(slot: ModelSlot, parsed: ParsedRequest): Prediction {
    if (parsed.rows > this.opts.maxRows) throw new RequestError(413, `${parsed.rows} rows; the limit is ${this.opts.maxRows} per request`);
    if (parsed.rows === 0) throw new RequestError(400, 'no rows to predict');
    const out = predictRows(slot, parsed);
    const m = this.metrics;
    m.rows.observe({}, parsed.rows);
    m.rowsTotal.inc({}, parsed.rows);
    m.countMissing(slot.inputs, out.missing, parsed.rows);
    if (out.extra.length) m.extra.inc({}, out.extra.length);
    for (const l of out.labels) {
      if (typeof l === 'string') m.predictions.inc({ class: l });
      else m.values.observe({}, l);
    }
    if (this.opts.log) {
      const inputs = Object.fromEntries(slot.inputs.map((k) => [k, parsed.columns.get(k)]));
      this.opts.log.write({ time: new Date().toISOString(), pipeline: slot.pkg.pipeline, version: slot.version, model_digest: `sha256:${slot.sha256}`, inputs, predictions: out.labels });
    }
    return out;
  }

  private async invocations(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const slot = this.slot;
    const body = await readBody(req, this.opts.maxBodyBytes);
    const out = this.predict(slot, parseMlflow(body, String(req.headers['content-type'] ?? ''), slot.inputs));
    const classes = slot.pkg.target.classes;
    const answer: Record<string, unknown> = { predictions: out.labels };
    if (classes && out.shares) answer.probabilities = out.labels.map((_, i) => Object.fromEntries(classes.map((c, k) => [c, out.shares![i * classes.length + k]])));
    if (out.extra.length) answer.ignored_columns = out.extra.slice(0, 20);
    this.send(res, 200, answer);
    return 200;
  }

  private v2Metadata(): Record<string, unknown> {
    const pkg = this.slot.pkg;
    const datatype = (kind: string) => (kind === 'numeric' ? 'FP64' : kind === 'boolean' ? 'BOOL' : 'BYTES');
    const outputs = [{ name: 'predict', datatype: pkg.task === 'classification' ? 'BYTES' : 'FP64', shape: [-1] }];
    if (pkg.target.classes) outputs.push({ name: 'predict_proba', datatype: 'FP64', shape: [-1, pkg.target.classes.length] });
    return { name: pkg.pipeline, versions: [this.slot.version], platform: 'mlops-actions', inputs: pkg.encoding.columns.map((c) => ({ name: c.name, datatype: datatype(c.kind), shape: [-1] })), outputs, parameters: { classes: pkg.target.classes, model_digest: `sha256:${this.slot.sha256}` } };
  }

  private async v2Infer(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const slot = this.slot;
    const body = await readBody(req, this.opts.maxBodyBytes);
    const parsed = parseV2(body, slot.inputs);
    const out = this.predict(slot, parsed);
    const classes = slot.pkg.target.classes;
    const wanted = parsed.outputs.length > 0 ? parsed.outputs : ['predict'];
    if (wanted.includes('predict_proba') && !classes) throw new RequestError(400, 'predict_proba exists only for a classifier');
    const outputs: Record<string, unknown>[] = [];
    if (wanted.includes('predict')) outputs.push({ name: 'predict', datatype: classes ? 'BYTES' : 'FP64', shape: [parsed.rows], data: out.labels });
    if (wanted.includes('predict_proba')) outputs.push({ name: 'predict_proba', datatype: 'FP64', shape: [parsed.rows, classes!.length], data: Array.from(out.shares!) });
    this.send(res, 200, { model_name: slot.pkg.pipeline, model_version: slot.version, ...(parsed.id ? { id: parsed.id } : {}), outputs });
    return 200;
  }

  private async swap(req: IncomingMessage, res: ServerResponse): Promise<number> {
    if (!bearerMatches(req.headers.authorization, this.opts.adminToken!)) throw new RequestError(401, 'a valid bearer token is required');
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
      const cur = this.slot.pkg;
      if (next.pkg.pipeline !== cur.pipeline || next.pkg.task !== cur.task || next.pkg.target.name !== cur.target.name) throw new RequestError(409, `the package is a model of "${next.pkg.pipeline}" (${next.pkg.task}); this server serves "${cur.pipeline}" (${cur.task})`);
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
