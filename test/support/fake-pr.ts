// A repository as the fake GitHub serves it: a pull request's comments, releases (drafts included) with
// their assets, and deployments, paged the way the REST API pages them (per_page, page, Link). Every
// object starts from GitHub's own example response (so the fake's answers pass the OpenAPI response
// check) with the fields a test cares about set on top.
import { createHash } from 'node:crypto';
import type { FakeGitHub, FakeRequest, FakeResponse } from './fake-github.ts';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

export interface FakeAsset {
  id: number;
  name: string;
  bytes: Buffer;
  /** 'open' is an upload that never finished. */
  state: 'uploaded' | 'open';
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  target_commitish: string;
  assets: FakeAsset[];
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  state_reason: string | null;
  comments: string[];
}

export interface FakeDeployment {
  id: number;
  ref: string;
  environment: string;
  payload: unknown;
  statuses: { state: string; environment_url?: string; description?: string }[];
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export class FakePullRequest {
  comments: FakeComment[] = [];
  private nextId = 1000;
  /** Status codes to answer, one per call, before the normal answer (e.g. [502]). */
  failNext: Partial<Record<string, number[]>> = {};
  /** Fails the n-th call (1-based) of an operation with a status, and only that call. */
  failOnCall: Partial<Record<string, { call: number; status: number }>> = {};
  private readonly calls = new Map<string, number>();
  /** Calls that do their work but answer 502, as when the response is lost on the way back. */
  loseResponses: Partial<Record<string, number>> = {};
  /** Creates that succeed but answer 502 (the comment create; kept for the comment tests). */
  loseCreateResponses = 0;
  releases: FakeRelease[] = [];
  deployments: FakeDeployment[] = [];
  issues: FakeIssue[] = [];
  /** workflow_dispatch calls: the workflow, the ref and the inputs. */
  dispatches: { workflow: string; ref: string; inputs: Record<string, string> }[] = [];

  readonly gh: FakeGitHub;

  constructor(gh: FakeGitHub) {
    this.gh = gh;
    const fail = (op: string): FakeResponse | undefined => {
      const n = (this.calls.get(op) ?? 0) + 1;
      this.calls.set(op, n);
      const at = this.failOnCall[op];
      if (at && at.call === n) return { status: at.status, body: { message: 'Validation Failed' } };
      const status = this.failNext[op]?.shift();
      return status === undefined ? undefined : { status, body: { message: status === 403 ? 'Resource not accessible by integration' : status === 422 ? 'Validation Failed' : 'Bad Gateway' } };
    };
    const lost = (op: string, done: FakeResponse): FakeResponse => {
      if ((this.loseResponses[op] ?? 0) > 0) {
        this.loseResponses[op]!--;
        return { status: 502, body: { message: 'Bad Gateway' } };
      }
      return done;
    };
    const on = (op: string, handler: (req: FakeRequest, params: Record<string, string>) => FakeResponse) => gh.on(op, (req, params) => fail(op) ?? handler(req, params));

    on('issues/list-comments', (req) => this.page(req, this.comments.map((c) => this.comment(c))));
    on('issues/create-comment', (req, params) => {
      const c: FakeComment = { id: this.nextId++, body: (req.body as { body: string }).body, user: { login: 'github-actions[bot]', type: 'Bot' } };
      const issue = this.issues.find((x) => x.number === Number(params.issue_number));
      if (issue) issue.comments.push(c.body);
      else this.comments.push(c);
      if (this.loseCreateResponses > 0) {
        this.loseCreateResponses--;
        return { status: 502, body: { message: 'Bad Gateway' } };
      }
      return { status: 201, body: this.comment(c) };
    });
    on('issues/update-comment', (req, params) => {
      const c = this.comments.find((x) => x.id === Number(params.comment_id));
      if (!c) return { status: 404, body: { message: 'Not Found' } };
      c.body = (req.body as { body: string }).body;
      return { status: 200, body: this.comment(c) };
    });

    on('repos/list-releases', (req) => this.page(req, [...this.releases].reverse().map((r) => this.release(r))));
    on('repos/get-release', (_req, params) => {
      const r = this.releases.find((x) => x.id === Number(params.release_id));
      return r ? { status: 200, body: this.release(r) } : { status: 404, body: { message: 'Not Found' } };
    });
    on('repos/create-release', (req) => {
      const b = req.body as { tag_name: string; name?: string; body?: string; draft?: boolean; target_commitish?: string };
      if (this.releases.some((r) => r.tag_name === b.tag_name && !r.draft)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] } };
      const r: FakeRelease = { id: this.nextId++, tag_name: b.tag_name, name: b.name ?? null, body: b.body ?? null, draft: b.draft ?? false, prerelease: false, target_commitish: b.target_commitish ?? 'main', assets: [] };
      this.releases.push(r);
      return lost('repos/create-release', { status: 201, body: this.release(r) });
    });
    on('repos/update-release', (req, params) => {
      const r = this.releases.find((x) => x.id === Number(params.release_id));
      if (!r) return { status: 404, body: { message: 'Not Found' } };
      const b = req.body as Partial<FakeRelease>;
      if (b.draft !== undefined) r.draft = b.draft;
      if (b.body !== undefined) r.body = b.body;
      if (b.name !== undefined) r.name = b.name;
      return lost('repos/update-release', { status: 200, body: this.release(r) });
    });
    on('repos/delete-release', (_req, params) => {
      this.releases = this.releases.filter((x) => x.id !== Number(params.release_id));
      return { status: 204 };
    });
    on('repos/upload-release-asset', (req, params) => {
      const r = this.releases.find((x) => x.id === Number(params.release_id));
      const name = req.query.get('name') ?? '';
      if (!r) return { status: 404, body: { message: 'Not Found' } };
      if (r.assets.some((a) => a.name === name)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] } };
      const a: FakeAsset = { id: this.nextId++, name, bytes: req.body as Buffer, state: 'uploaded' };
      r.assets.push(a);
      return lost('repos/upload-release-asset', { status: 201, body: this.asset(a) });
    });
    on('repos/delete-release-asset', (_req, params) => {
      for (const r of this.releases) r.assets = r.assets.filter((a) => a.id !== Number(params.asset_id));
      return { status: 204 };
    });
    on('repos/get-release-asset', (req, params) => {
      const a = this.releases.flatMap((r) => r.assets).find((x) => x.id === Number(params.asset_id));
      if (!a) return { status: 404, body: { message: 'Not Found' } };
      return String(req.headers.accept).includes('octet-stream') ? { status: 200, body: a.bytes } : { status: 200, body: this.asset(a) };
    });

    on('issues/list-for-repo', (req) => {
      const labels = (req.query.get('labels') ?? '').split(',').filter(Boolean);
      const state = req.query.get('state') ?? 'open';
      const found = this.issues.filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)));
      return this.page(req, [...found].reverse().map((i) => this.issue(i)));
    });
    on('issues/create', (req) => {
      const b = req.body as { title: string; body?: string; labels?: string[] };
      const i: FakeIssue = { number: this.issues.length + 1, title: b.title, body: b.body ?? '', labels: b.labels ?? [], state: 'open', state_reason: null, comments: [] };
      this.issues.push(i);
      return lost('issues/create', { status: 201, body: this.issue(i) });
    });
    on('issues/update', (req, params) => {
      const i = this.issues.find((x) => x.number === Number(params.issue_number));
      if (!i) return { status: 404, body: { message: 'Not Found' } };
      const b = req.body as { title?: string; body?: string; state?: 'open' | 'closed'; state_reason?: string };
      if (b.title !== undefined) i.title = b.title;
      if (b.body !== undefined) i.body = b.body;
      if (b.state !== undefined) i.state = b.state;
      if (b.state_reason !== undefined) i.state_reason = b.state_reason;
      return { status: 200, body: this.issue(i) };
    });
    on('actions/create-workflow-dispatch', (req, params) => {
      const b = req.body as { ref: string; inputs?: Record<string, string> };
      this.dispatches.push({ workflow: params.workflow_id!, ref: b.ref, inputs: b.inputs ?? {} });
      return { status: 204 };
    });

    on('repos/create-deployment', (req) => {
      const b = req.body as { ref: string; environment?: string; payload?: unknown };
      const d: FakeDeployment = { id: this.nextId++, ref: b.ref, environment: b.environment ?? 'production', payload: b.payload ?? {}, statuses: [] };
      this.deployments.push(d);
      return { status: 201, body: { ...gh.example('repos/create-deployment', 201), id: d.id, ref: d.ref, environment: d.environment, payload: d.payload } };
    });
    on('repos/create-deployment-status', (req, params) => {
      const d = this.deployments.find((x) => x.id === Number(params.deployment_id));
      if (!d) return { status: 404, body: { message: 'Not Found' } };
      const b = req.body as FakeDeployment['statuses'][number];
      d.statuses.push(b);
      return { status: 201, body: { ...gh.example('repos/create-deployment-status', 201), id: this.nextId++, state: b.state, environment_url: b.environment_url ?? '' } };
    });
  }

  private issue(i: FakeIssue): Record<string, unknown> {
    const { pull_request: _, ...base } = this.gh.example('issues/update', 200);
    const label = (base.labels as Record<string, unknown>[] | undefined)?.[0] ?? {};
    return { ...base, number: i.number, title: i.title, body: i.body, state: i.state, state_reason: i.state_reason, labels: i.labels.map((name) => ({ ...(label as object), name })), comments: i.comments.length };
  }

  private comment(c: FakeComment): Record<string, unknown> {
    const base = this.gh.example('issues/create-comment', 201);
    return { ...base, id: c.id, body: c.body, user: { ...(base.user as object), login: c.user.login, type: c.user.type } };
  }

  private asset(a: FakeAsset): Record<string, unknown> {
    const base = (this.gh.example('repos/get-release', 200).assets as Record<string, unknown>[])[0]!;
    return { ...base, id: a.id, name: a.name, size: a.bytes.length, state: a.state, content_type: 'application/octet-stream', digest: a.state === 'uploaded' ? `sha256:${sha(a.bytes)}` : null };
  }

  private release(r: FakeRelease): Record<string, unknown> {
    const base = this.gh.example('repos/get-release', 200);
    return {
      ...base,
      id: r.id,
      tag_name: r.tag_name,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      target_commitish: r.target_commitish,
      html_url: `https://github.com/octo-org/octo-repo/releases/tag/${r.tag_name}`,
      upload_url: `${this.gh.url}/repos/octo-org/octo-repo/releases/${r.id}/assets{?name,label}`,
      published_at: r.draft ? null : base.published_at,
      assets: r.assets.map((a) => this.asset(a)),
    };
  }

  private page(req: FakeRequest, items: unknown[]): FakeResponse {
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

  /** A published release with the given files (the first as the model), as an earlier format published it. */
  publishChampion(pipeline: string, bytes: Buffer, tamper = false, version = this.releases.length + 1): void {
    const model: FakeAsset = { id: this.nextId++, name: `${pipeline}-model.json`, bytes, state: 'uploaded' };
    const sums: FakeAsset = { id: this.nextId++, name: 'SHA256SUMS', bytes: Buffer.from(`${tamper ? '0'.repeat(64) : sha(bytes)}  ${pipeline}-model.json\n`), state: 'uploaded' };
    this.releases.push({ id: this.nextId++, tag_name: `${pipeline}-v${version}`, name: null, body: null, draft: false, prerelease: false, target_commitish: 'main', assets: [model, sums] });
  }
}
