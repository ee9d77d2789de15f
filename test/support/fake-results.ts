// A local stand-in for the Actions results service that @actions/artifact and @actions/cache (v2)
// talk to: Twirp JSON calls for artifacts and cache entries, and a blob store for the signed URLs
// they return (Azure Blob's PUT block / block list / single-shot upload, HEAD, ranged GET).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TwirpCall {
  service: string;
  method: string;
  body: Record<string, unknown>;
}

const TWIRP = '/twirp/github.actions.results.api.v1.';

/** A runtime token as the runner gives it: a JWT whose scp claim names the run and job. */
export function runtimeToken(): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: 'Actions.GenericRead:1 Actions.Results:11111111-2222-3333-4444-555555555555:66666666-7777-8888-9999-000000000000' })}.sig`;
}

export class FakeResults {
  readonly calls: TwirpCall[] = [];
  readonly violations: string[] = [];
  readonly blobs = new Map<string, Buffer>();
  private readonly blocks = new Map<string, Buffer>();
  private readonly cache = new Map<string, string>(); // key -> blob path, once finalized
  private readonly pendingCache = new Map<string, string>();
  /** Twirp methods ("ArtifactService/CreateArtifact") that answer this error, every time they are called. */
  readonly failing = new Map<string, { status: number; code: string; msg: string }>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname.startsWith(TWIRP)) return this.twirp(req, res, url, body);
    if (url.pathname.startsWith('/blob/')) return this.blob(req, res, url, body);
    this.violations.push(`${req.method} ${url.pathname}: not a results-service route`);
    this.json(res, 404, { msg: 'not found' });
  }

  private twirp(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): void {
    const [service, method] = url.pathname.slice(TWIRP.length).split('/') as [string, string];
    if (req.method !== 'POST') this.violations.push(`${service}/${method}: Twirp calls are POST`);
    if (!/^Bearer .+\..+\..+$/.test(req.headers.authorization ?? '')) this.violations.push(`${service}/${method}: no bearer runtime token`);
    const body = JSON.parse(raw.toString() || '{}') as Record<string, unknown>;
    this.calls.push({ service, method, body });
    const blobUrl = (p: string) => `${this.url}/blob/${p}?sv=2025-01-05&sig=fake`;
    const failure = this.failing.get(`${service}/${method}`);
    if (failure) return this.json(res, failure.status, { code: failure.code, msg: failure.msg });
    switch (`${service}/${method}`) {
      case 'ArtifactService/CreateArtifact':
        return this.json(res, 200, { ok: true, signedUploadUrl: blobUrl(`artifacts/${encodeURIComponent(String(body.name))}`) });
      case 'ArtifactService/FinalizeArtifact':
        return this.json(res, 200, { ok: true, artifactId: '4242' });
      case 'CacheService/GetCacheEntryDownloadURL': {
        const key = String(body.key);
        const blob = this.cache.get(`${key}|${String(body.version)}`);
        return this.json(res, 200, blob ? { ok: true, signedDownloadUrl: blobUrl(blob), matchedKey: key } : { ok: false, signedDownloadUrl: '', matchedKey: '' });
      }
      case 'CacheService/CreateCacheEntry': {
        const id = `cache/${this.pendingCache.size + this.cache.size + 1}`;
        this.pendingCache.set(`${String(body.key)}|${String(body.version)}`, id);
        return this.json(res, 200, { ok: true, signedUploadUrl: blobUrl(id) });
      }
      case 'CacheService/FinalizeCacheEntryUpload': {
        const k = `${String(body.key)}|${String(body.version)}`;
        const id = this.pendingCache.get(k);
        if (!id) return this.json(res, 404, { code: 'not_found', msg: 'no such entry' });
        this.pendingCache.delete(k);
        this.cache.set(k, id);
        return this.json(res, 200, { ok: true, entryId: '7' });
      }
      default:
        this.violations.push(`${service}/${method}: not faked`);
        return this.json(res, 404, { code: 'bad_route', msg: 'not faked' });
    }
  }

  private blob(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    const name = decodeURIComponent(url.pathname.slice('/blob/'.length));
    const headers = { etag: '"0x8D0000000000001"', 'last-modified': new Date(0).toUTCString(), 'x-ms-request-id': '00000000-0000-0000-0000-000000000000', 'x-ms-version': '2025-01-05' };
    if (req.method === 'PUT') {
      const comp = url.searchParams.get('comp');
      if (comp === 'block') this.blocks.set(`${name}|${url.searchParams.get('blockid')}`, body);
      else if (comp === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]!);
        this.blobs.set(name, Buffer.concat(ids.map((id) => this.blocks.get(`${name}|${id}`) ?? Buffer.alloc(0))));
      } else this.blobs.set(name, body);
      res.writeHead(201, { ...headers, 'x-ms-request-server-encrypted': 'true', 'content-length': '0' });
      return void res.end();
    }
    const blob = this.blobs.get(name);
    if (!blob) {
      res.writeHead(404, { ...headers, 'x-ms-error-code': 'BlobNotFound' });
      return void res.end();
    }
    // rsct: the SAS parameter that sets the response's content type (GitHub's artifact links say application/zip).
    const common = { ...headers, 'content-type': url.searchParams.get('rsct') ?? 'application/octet-stream', 'x-ms-blob-type': 'BlockBlob', 'accept-ranges': 'bytes' };
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...common, 'content-length': String(blob.length) });
      return void res.end();
    }
    const range = /bytes=(\d+)-(\d*)/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), blob.length - 1) : blob.length - 1;
      res.writeHead(206, { ...common, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${blob.length}` });
      return void res.end(blob.subarray(start, end + 1));
    }
    res.writeHead(200, { ...common, 'content-length': String(blob.length) });
    res.end(blob);
  }
}
