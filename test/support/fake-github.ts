// A local stand-in for api.github.com on 127.0.0.1. Tests register handlers by operationId; every
// request is first checked against GitHub's OpenAPI description, and any mismatch is recorded as a
// violation (and answered 422), so a test that makes a request GitHub would refuse cannot pass.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiContract, type MatchedOperation } from './openapi.ts';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  operation: MatchedOperation | undefined;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (req: FakeRequest, params: Record<string, string>) => FakeResponse | Promise<FakeResponse>;

export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  readonly violations: string[] = [];
  private readonly handlers = new Map<string, FakeHandler>();
  private readonly contract = OpenApiContract.load();
  private server: Server | undefined;
  url = '';

  /** Answers the operation (by its OpenAPI operationId, e.g. "issues/create-comment"). */
  on(operationId: string, handler: FakeHandler): this {
    this.handlers.set(operationId, handler);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void this.handle(req, Buffer.concat(chunks)).then(({ status, body, headers }) => {
          if (Buffer.isBuffer(body)) {
            res.writeHead(status, { 'content-type': 'application/octet-stream', ...headers });
            return res.end(body);
          }
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
          res.end(body === undefined ? '' : JSON.stringify(body));
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** GitHub's example response for an operation, to build a fake answer that passes the response check. */
  example(operationId: string, status = 200): Record<string, unknown> {
    return this.contract.example(operationId, status);
  }

  private async handle(req: IncomingMessage, raw: Buffer): Promise<FakeResponse> {
    const response = await this.answer(req, raw);
    // The fake's own answers are checked too: a test passes only against responses GitHub could give.
    const op = this.requests[this.requests.length - 1]?.operation;
    if (op) this.violations.push(...this.contract.checkResponse(op.operationId, response.status, response.body));
    return response;
  }

  private async answer(req: IncomingMessage, raw: Buffer): Promise<FakeResponse> {
    const url = new URL(req.url ?? '/', this.url);
    let body: unknown;
    const type = req.headers['content-type'] ?? '';
    if (raw.length > 0 && !type.includes('json')) body = raw;
    else if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        this.violations.push(`${req.method} ${url.pathname}: the body is not JSON`);
        return { status: 400, body: { message: 'Problems parsing JSON' } };
      }
    }
    const { operation, violations } = this.contract.check(req.method ?? 'GET', url, body, req.headers['content-type']);
    const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, operation };
    this.requests.push(request);
    if (violations.length > 0) {
      this.violations.push(...violations);
      return { status: 422, body: { message: 'Validation Failed (fake GitHub: the request does not match the OpenAPI description)', errors: violations } };
    }
    const handler = operation && this.handlers.get(operation.operationId);
    if (!handler) {
      this.violations.push(`${req.method} ${url.pathname} (${operation?.operationId}): the test registered no handler for it`);
      return { status: 404, body: { message: 'Not Found' } };
    }
    return handler(request, operation.params);
  }
}
