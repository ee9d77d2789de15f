// The fake GitHub's memory of workflow runs, their artifacts and pull requests, as the Actions REST API
// shows them: which pull request a commit merged, the runs on a head commit, a run's artifacts, and
// an artifact's download (a 302 to the results service's blob, as GitHub answers). Every answer is
// built from GitHub's own example for the operation, so the fake's response check holds.
import type { FakeGitHub } from './fake-github.ts';
import type { FakeResults } from './fake-results.ts';

export interface FakePull {
  number: number;
  headSha: string;
  mergeCommitSha: string | null;
  mergedAt: string | null;
}

export interface FakeRun {
  id: number;
  headSha: string;
  event: string;
  name: string;
  /** The workflow file that ran (GitHub's workflow_run.path). */
  path: string;
  /** The repository whose code ran: a fork's for a pull request from a fork. */
  headRepo: string;
  /** digest: what the results service was told at finalize ("sha256:…"), as GitHub lists it. */
  artifacts: { id: number; name: string; expired: boolean; digest: string | null }[];
}

/** The repository every runAction runs in (GITHUB_REPOSITORY). */
const SELF = 'octo-org/octo-repo';

export class FakeRuns {
  readonly pulls: FakePull[] = [];
  readonly runs: FakeRun[] = [];
  private nextArtifact = 9000;
  private seenUploads = 0;
  private readonly results: FakeResults;

  constructor(gh: FakeGitHub, results: FakeResults) {
    this.results = results;
    const pull = (p: FakePull) => {
      const base = gh.example('pulls/get');
      const head = base.head as Record<string, unknown>;
      return { ...base, requested_teams: [], requested_reviewers: [], number: p.number, merge_commit_sha: p.mergeCommitSha, merged_at: p.mergedAt, merged: p.mergedAt !== null, state: p.mergedAt ? 'closed' : 'open', head: { ...head, sha: p.headSha } };
    };
    gh.on('repos/list-pull-requests-associated-with-commit', (_req, params) => {
      const sha = params.commit_sha;
      const item = gh.example('repos/list-pull-requests-associated-with-commit') as unknown as Record<string, unknown>[];
      const template = (Array.isArray(item) ? item[0] : item) as Record<string, unknown>;
      const found = this.pulls.filter((p) => p.mergeCommitSha === sha || p.headSha === sha);
      return { status: 200, body: found.map((p) => ({ ...template, ...pull(p), head: { ...(template.head as object), sha: p.headSha } })) };
    });
    gh.on('pulls/get', (_req, params) => {
      const p = this.pulls.find((x) => x.number === Number(params.pull_number));
      return p ? { status: 200, body: pull(p) } : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    });
    gh.on('actions/list-workflow-runs-for-repo', (req) => {
      const base = gh.example('actions/list-workflow-runs-for-repo');
      const template = (base.workflow_runs as Record<string, unknown>[])[0]!;
      const sha = req.query.get('head_sha');
      const event = req.query.get('event');
      const runs = this.runs.filter((r) => (!sha || r.headSha === sha) && (!event || r.event === event));
      return { status: 200, body: { total_count: runs.length, workflow_runs: runs.map((r) => ({ ...template, id: r.id, head_sha: r.headSha, event: r.event, name: r.name, path: r.path, head_repository: { ...(template.head_repository as object), full_name: r.headRepo }, repository: { ...(template.repository as object), full_name: SELF } })) } };
    });
    gh.on('actions/list-workflow-run-artifacts', (_req, params) => {
      const base = gh.example('actions/list-workflow-run-artifacts');
      const template = (base.artifacts as Record<string, unknown>[])[0]!;
      const run = this.runs.find((r) => r.id === Number(params.run_id));
      const artifacts = run?.artifacts ?? [];
      return { status: 200, body: { total_count: artifacts.length, artifacts: artifacts.map((a) => ({ ...template, id: a.id, name: a.name, expired: a.expired, digest: a.digest, workflow_run: { ...(template.workflow_run as object), id: run!.id, head_sha: run!.headSha } })) } };
    });
    gh.on('actions/download-artifact', (_req, params) => {
      const artifact = this.runs.flatMap((r) => r.artifacts).find((a) => a.id === Number(params.artifact_id));
      if (!artifact || artifact.expired) return { status: 410, body: { message: 'Artifact has expired', documentation_url: 'https://docs.github.com/rest' } };
      return { status: 302, headers: { location: `${this.results.url}/blob/artifacts/${encodeURIComponent(artifact.name)}?sv=2025-01-05&rsct=application%2Fzip&sig=fake` } };
    });
  }

  /** Records a finished run: the artifacts it uploaded are those the results service took since the last one. */
  recordRun(id: number, name: string, event: string, headSha: string, where: { path?: string; headRepo?: string } = {}): FakeRun {
    const created = this.results.calls.filter((c) => c.method === 'CreateArtifact').slice(this.seenUploads);
    this.seenUploads += created.length;
    const finalized = this.results.calls.filter((c) => c.method === 'FinalizeArtifact');
    const digest = (artifact: string) => {
      const hash = finalized.findLast((c) => c.body.name === artifact)?.body.hash;
      return typeof hash === 'string' ? hash : null;
    };
    const artifacts = created.map((c) => ({ id: this.nextArtifact++, name: String(c.body.name), expired: false, digest: digest(String(c.body.name)) }));
    const run: FakeRun = { id, name, event, headSha, path: where.path ?? `.github/workflows/${name}.yml`, headRepo: where.headRepo ?? SELF, artifacts };
    this.runs.push(run);
    return run;
  }
}
