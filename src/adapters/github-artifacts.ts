// The merged pull request's candidate, for promote's train (reuse: pull-request): which pull request
// this push merged, its candidate run on the pull request's head commit, and that run's model
// artifact, downloaded by @actions/artifact (loaded only here). Promote holds a writing token, so the
// artifact is taken only from a run this suite's candidate workflow made on the base repository
// itself: any other workflow, event or a fork could have uploaded a model of its own making.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readComparisonRecord } from '../engine/compare/record.ts';
import type { EarlierModels } from '../steps/io.ts';
import type { Octokit } from './github.ts';

/** A comparison record is a few kB; a larger file in the artifact is not one. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** What promote trusts: pull_request runs of one workflow file, on this repository, not a fork's. */
export interface CandidateRunRule {
  owner: string;
  repo: string;
  /** The workflow file whose runs made candidates, for example .github/workflows/spam-detector.yml. */
  workflowPath: string;
}

export interface RunFacts {
  id: number;
  event: string;
  path?: string | undefined;
  head_repository?: { full_name?: string | undefined } | null | undefined;
  repository?: { full_name?: string | undefined } | null | undefined;
}

/** Why a run's artifacts are not taken, or undefined when they may be. */
export function untrustedRun(run: RunFacts, rule: CandidateRunRule): string | undefined {
  const self = `${rule.owner}/${rule.repo}`.toLowerCase();
  if (run.event !== 'pull_request') return `run ${run.id} was a ${run.event} run, not a pull_request run`;
  // A run's path may carry the ref it ran (dynamic runs: "path@ref"); the file is what counts.
  const file = (run.path ?? '').replace(/@.*$/, '');
  if (file !== rule.workflowPath) return `run ${run.id} was made by ${file || 'an unknown workflow'}, not the candidate workflow ${rule.workflowPath}`;
  const head = run.head_repository?.full_name?.toLowerCase();
  if (head !== self || (run.repository?.full_name ?? self).toLowerCase() !== self) return `run ${run.id} ran the code of ${head ?? 'an unknown repository'}, not of ${self} (a fork's run trains with its own code)`;
  return undefined;
}

/** The workflow file of this run, from GITHUB_WORKFLOW_REF ("owner/repo/.github/workflows/x.yml@ref"). */
export function ownWorkflowPath(workflowRef: string | undefined): string | undefined {
  const m = /^[^/]+\/[^/]+\/(.+?)@/.exec(workflowRef ?? '');
  return m?.[1];
}

export function mergedPullRequestModels(octokit: Octokit, rule: CandidateRunRule, sha: string, token: string): EarlierModels {
  const { owner, repo } = rule;
  return {
    async fetchMergedPullRequestModel(pipeline, dir) {
      if (!/^[0-9a-f]{40}$/.test(sha)) return { missing: `GITHUB_SHA ${JSON.stringify(sha)} is not a commit` };
      if (!rule.workflowPath) return { missing: 'the candidate workflow is unknown (no candidate-workflow input, and GITHUB_WORKFLOW_REF names no workflow file)' };
      const pulls = (await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha })).data;
      // The pull request this commit merged (a merge, squash or rebase commit records it as merge_commit_sha).
      const pr = pulls.find((p) => p.merged_at && p.merge_commit_sha === sha) ?? pulls.find((p) => p.merged_at);
      if (!pr) return { missing: `commit ${sha.slice(0, 12)} merged no pull request` };
      const runs = (await octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: pr.head.sha, event: 'pull_request', per_page: 100 })).data.workflow_runs;
      const modelPrefix = `model-${pipeline}-`;
      const recordPrefix = `mlops-comparison-${pipeline}-`;
      const skipped: string[] = [];
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const download = async (artifact: { id: number; name: string; digest?: string | null }, runId: number, into: string): Promise<string[]> => {
        const got = await client.downloadArtifact(artifact.id, { path: into, findBy: { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo }, ...(artifact.digest ? { expectedHash: artifact.digest } : {}) });
        if (got.digestMismatch) throw new Error(`the artifact ${artifact.name} does not match the digest GitHub recorded for it`);
        return (await readdir(into, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
      };
      // Newest run first: a re-run of the candidate replaces what an earlier attempt uploaded.
      for (const run of [...runs].sort((a, b) => b.id - a.id)) {
        const why = untrustedRun(run, rule);
        if (why) {
          skipped.push(why);
          continue;
        }
        const artifacts = (await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, per_page: 100 })).data.artifacts;
        const model = artifacts.find((a) => a.name.startsWith(modelPrefix) && !a.expired);
        if (!model) continue;
        const record = artifacts.find((a) => a.name.startsWith(recordPrefix) && !a.expired);
        if (!record) {
          skipped.push(`run ${run.id} recorded no comparison (${recordPrefix}* artifact), so the digest of the model it compared is unknown`);
          continue;
        }
        const recordFile = (await download(record, run.id, path.join(dir, 'comparison'))).find((f) => path.basename(f) === 'comparison.json');
        const size = recordFile ? (await lstat(recordFile)).size : 0;
        if (!recordFile || size > MAX_RECORD_BYTES) {
          skipped.push(`run ${run.id}'s ${record.name} holds no comparison.json of at most ${MAX_RECORD_BYTES} bytes`);
          continue;
        }
        const recorded = readComparisonRecord(`run ${run.id}'s ${record.name}/comparison.json`, await readFile(recordFile, 'utf8'));
        if (recorded.pipeline !== pipeline) {
          skipped.push(`run ${run.id}'s comparison is of "${recorded.pipeline}", not "${pipeline}"`);
          continue;
        }
        const files = await download(model, run.id, path.join(dir, 'model'));
        return { pullRequest: pr.number, files, recordedSha256: recorded.candidate_sha256, run: run.id };
      }
      const why = skipped.length > 0 ? ` (not taken: ${skipped.join('; ')})` : '';
      return { missing: `pull request #${pr.number}'s candidate runs on ${pr.head.sha.slice(0, 12)} left no unexpired ${modelPrefix}* artifact this workflow trusts${why}` };
    },
  };
}
