// The GitHub edge: an Octokit with retries and throttling, the champion as the newest release of a
// pipeline, and the one pull request comment per pipeline, found by its marker and updated in place.
import { readFile } from 'node:fs/promises';
import { UserError } from '../engine/errors.ts';
import type { DeploymentTracker, PullRequestPoster, ReportSink, StepIO } from '../steps/io.ts';

/** The champion could not be looked up (no access, the API unreachable): never read as "no champion". */
export class ChampionLookupError extends UserError {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'ChampionLookupError';
    this.status = status;
  }
}

export interface PullRequestContext {
  owner: string;
  repo: string;
  number: number | undefined;
  /** The pull request's head commit. */
  headSha: string | undefined;
  fromFork: boolean;
  /** The repository's default branch, when the event says it. */
  defaultBranch: string | undefined;
  /** On a workflow_run event: the run's head commit and web address. */
  workflowRun: { headSha: string | undefined; url: string | undefined } | undefined;
}

/** The repository and pull request this run is about, from the runner's environment and event file. */
export async function pullRequestContext(env: NodeJS.ProcessEnv = process.env): Promise<PullRequestContext> {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let event: { repository?: { default_branch?: string }; pull_request?: { number?: number; head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null }; base?: { repo?: { full_name?: string } } }; workflow_run?: { head_sha?: string; html_url?: string } } = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      event = {};
    }
  }
  const pr = event.pull_request;
  const head = pr?.head?.repo;
  const fromFork = pr !== undefined && (head === null || head?.fork === true || (head?.full_name !== undefined && head.full_name !== pr.base?.repo?.full_name));
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { owner, repo, number: pr?.number, headSha: str(pr?.head?.sha), fromFork, defaultBranch: str(event.repository?.default_branch), workflowRun: event.workflow_run ? { headSha: str(event.workflow_run.head_sha), url: str(event.workflow_run.html_url) } : undefined };
}

export type Octokit = Awaited<ReturnType<typeof octokitFor>>;

/** How long one request may take before it is abandoned (and retried): a minute, plus a second a 100 KB of body. */
export function requestTimeoutMs(bodyBytes: number, base = 60_000): number {
  return base + Math.ceil(bodyBytes / 100_000) * 1000;
}

const DEADLINE = Symbol('deadline');
/** Answers that carry no body (the Response constructor refuses one for them). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A fetch whose every call is abandoned after requestTimeoutMs of its body, headers and answer alike. The
 * answer is read whole inside the deadline: Octokit reads a body that breaks off as an empty one, and an
 * empty list of releases read as "no champion" would publish over the real one.
 */
export function withDeadline(fetch: typeof globalThis.fetch, base?: number): typeof globalThis.fetch {
  return Object.assign(async (url: Parameters<typeof globalThis.fetch>[0], init: RequestInit = {}) => {
    const body = init.body;
    const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : body instanceof ArrayBuffer ? body.byteLength : 0;
    const deadline = AbortSignal.timeout(requestTimeoutMs(bytes, base));
    const response = await fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, deadline]) : deadline });
    const whole = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
    const copy = new Response(whole, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  }, { [DEADLINE]: true });
}

export interface OctokitOptions {
  /** The base of requestTimeoutMs (tests shorten it). */
  timeoutMs?: number;
  /** Retries of a server error or a timeout (3). */
  retries?: number;
  /** The fetch to use instead of @actions/github's proxy-aware one (tests use the global fetch, which nock intercepts). */
  fetch?: typeof globalThis.fetch;
}

/**
 * An Octokit for GITHUB_API_URL that retries server errors and waits out rate limits (a few times), and
 * abandons a request that hangs (GitHub stops answering mid-upload) instead of waiting for the job's timeout.
 */
export async function octokitFor(token: string, io: Pick<StepIO, 'warning'>, options: OctokitOptions = {}) {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([import('@actions/github'), import('@octokit/plugin-retry'), import('@octokit/plugin-throttling')]);
  const octokit = getOctokit(
    token,
    {
      baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retries: options.retries ?? 3 },
      throttle: {
        onRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
          io.warning(`GitHub rate limit: retrying after ${after} s`);
          return count < 2;
        },
        onSecondaryRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
          io.warning(`GitHub secondary rate limit: retrying after ${after} s`);
          return count < 2;
        },
      },
    },
    retry,
    throttling,
  );
  // Each attempt (a retry is a new one) gets its own deadline, inside the fetch that makes it, so that a
  // wait for a rate limit or between retries never counts against it. The options object is this
  // call's own (hooks pass it along by reference), so the fetch is replaced on it, not on the defaults.
  octokit.hook.before('request', (opts) => {
    const fetch = (opts.request?.fetch as typeof globalThis.fetch | undefined) ?? globalThis.fetch;
    if (!(DEADLINE in fetch)) opts.request = { ...opts.request, fetch: withDeadline(fetch, options.timeoutMs) };
  });
  return octokit;
}

/** The pull request comment that carries `marker`: updated in place, else created; a 403 is a notice. */
export function pullRequestComments(octokit: Octokit, ctx: PullRequestContext & { number: number }): ReportSink {
  /** Updates our comment if there is one; returns its id, or undefined. */
  const updateExisting = async (marker: string, body: string): Promise<number | undefined> => {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: ctx.owner, repo: ctx.repo, issue_number: ctx.number, per_page: 100 })) {
      // Ours: it starts with the marker and a bot wrote it (data cannot put a marker at the start).
      const mine = page.data.find((c) => (c.body ?? '').startsWith(marker) && c.user?.type === 'Bot');
      if (mine) {
        await octokit.rest.issues.updateComment({ owner: ctx.owner, repo: ctx.repo, comment_id: mine.id, body });
        return mine.id;
      }
    }
    return undefined;
  };
  return {
    async upsert(marker, body) {
      try {
        const updated = await updateExisting(marker, body);
        if (updated !== undefined) return `updated the pull request comment ${updated}`;
        // A create is never retried blindly: its response may be lost after GitHub stored it. After a
        // failure, look again and update what is there; create only when there is still nothing.
        for (let attempt = 1; ; attempt++) {
          try {
            const created = await octokit.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: ctx.number, body, request: { retries: 0 } });
            return `created the pull request comment ${created.data.id}`;
          } catch (err) {
            const status = (err as { status?: number }).status ?? 0;
            if (attempt >= 3 || (status !== 0 && status < 500)) throw err;
            const found = await updateExisting(marker, body);
            if (found !== undefined) return `updated the pull request comment ${found} (its creation had answered ${status || 'no response'})`;
          }
        }
      } catch (err) {
        if ((err as { status?: number }).status === 403) return 'the token cannot write comments here (403, as on a pull request from a fork): the report is in the job summary and the mlops-comparison artifact';
        throw err;
      }
    },
  };
}

/** post-comparison's pull requests: GitHub's record of each one's head, and its comment. */
export function pullRequestPoster(octokit: Octokit, ctx: PullRequestContext): PullRequestPoster {
  return {
    async headSha(number) {
      try {
        return (await octokit.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: number })).data.head.sha;
      } catch (err) {
        if ((err as { status?: number }).status === 404) return undefined;
        throw err;
      }
    },
    comments: (number) => pullRequestComments(octokit, { ...ctx, number }),
  };
}

/** GitHub Deployments: one per release and environment (no auto-merge, no required contexts). */
export function githubDeployments(octokit: Octokit, owner: string, repo: string): DeploymentTracker {
  return {
    async start(ref, environment, payload, description) {
      const res = await octokit.rest.repos.createDeployment({ owner, repo, ref, environment, auto_merge: false, required_contexts: [], payload: JSON.stringify(payload), description, production_environment: environment === 'production' });
      const id = (res.data as { id?: number }).id;
      if (id === undefined) throw new UserError(`GitHub did not create the deployment of ${ref}: ${(res.data as { message?: string }).message ?? 'no reason given'}`);
      return id;
    },
    async status(id, state, environmentUrl, description) {
      await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state, environment_url: environmentUrl, description: description.slice(0, 140), auto_inactive: state === 'success' });
    },
  };
}
