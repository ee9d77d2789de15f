// A pull request's comments and a repository's releases, served by the fake GitHub the way the REST
// API pages them (per_page, page, Link headers).
import { createHash } from 'node:crypto';
import type { FakeGitHub, FakeRequest } from './fake-github.ts';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

export class FakePullRequest {
  comments: FakeComment[] = [];
  private nextId = 1000;
  /** Status codes to answer, one per call, before the normal answer (e.g. [502]). */
  failNext: Partial<Record<string, number[]>> = {};
  /** Creates that succeed but answer 502, as when the response is lost on the way back. */
  loseCreateResponses = 0;
  releases: unknown[] = [];
  assets = new Map<number, Buffer>();

  readonly gh: FakeGitHub;

  constructor(gh: FakeGitHub) {
    this.gh = gh;
    const fail = (op: string) => {
      const queue = this.failNext[op];
      const status = queue?.shift();
      return status === undefined ? undefined : { status, body: { message: status === 403 ? 'Resource not accessible by integration' : 'Bad Gateway' } };
    };
    gh.on('issues/list-comments', (req) => fail('issues/list-comments') ?? this.page(req, this.comments));
    gh.on('issues/create-comment', (req) => {
      const failed = fail('issues/create-comment');
      if (failed) return failed;
      const c: FakeComment = { id: this.nextId++, body: (req.body as { body: string }).body, user: { login: 'github-actions[bot]', type: 'Bot' } };
      this.comments.push(c);
      if (this.loseCreateResponses > 0) {
        this.loseCreateResponses--;
        return { status: 502, body: { message: 'Bad Gateway' } };
      }
      return { status: 201, body: c };
    });
    gh.on('issues/update-comment', (req, params) => {
      const c = this.comments.find((x) => x.id === Number(params.comment_id));
      if (!c) return { status: 404, body: { message: 'Not Found' } };
      c.body = (req.body as { body: string }).body;
      return { status: 200, body: c };
    });
    gh.on('repos/list-releases', (req) => this.page(req, this.releases));
    gh.on('repos/get-release-asset', (_req, params) => {
      const bytes = this.assets.get(Number(params.asset_id));
      return bytes ? { status: 200, body: bytes } : { status: 404, body: { message: 'Not Found' } };
    });
  }

  private page(req: FakeRequest, items: unknown[]) {
    const perPage = Number(req.query.get('per_page') ?? 30);
    const page = Number(req.query.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = page < last ? { link: `<${this.gh.url}${req.path}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.gh.url}${req.path}?per_page=${perPage}&page=${last}>; rel="last"` } : undefined;
    return { status: 200, body: slice, ...(link ? { headers: link } : {}) };
  }

  addUserComments(n: number): void {
    for (let i = 0; i < n; i++) this.comments.push({ id: this.nextId++, body: `comment ${i}`, user: { login: `user${i}`, type: 'User' } });
  }

  /** Publishes `bytes` as the champion release of `pipeline`, as publish-model will. */
  publishChampion(pipeline: string, bytes: Buffer, tamper = false): void {
    const modelId = this.nextId++;
    const sumsId = this.nextId++;
    const sha = createHash('sha256').update(bytes).digest('hex');
    this.assets.set(modelId, bytes);
    this.assets.set(sumsId, Buffer.from(`${tamper ? '0'.repeat(64) : sha}  ${pipeline}-model.json\n`));
    this.releases.unshift({ id: this.nextId++, tag_name: `${pipeline}-v1.0.0`, draft: false, prerelease: false, assets: [{ id: modelId, name: `${pipeline}-model.json` }, { id: sumsId, name: 'SHA256SUMS' }] });
  }
}
