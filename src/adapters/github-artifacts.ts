// The merged pull request's candidate, for promote's train (reuse: pull-request): which pull request
// this push merged, its candidate run on the pull request's head commit, and that run's model
// artifact, downloaded by @actions/artifact (loaded only here).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { EarlierModels } from '../steps/io.ts';
import type { Octokit } from './github.ts';

export function mergedPullRequestModels(octokit: Octokit, owner: string, repo: string, sha: string, token: string): EarlierModels {
  return {
    async fetchMergedPullRequestModel(pipeline, dir) {
      if (!/^[0-9a-f]{40}$/.test(sha)) return { missing: `GITHUB_SHA ${JSON.stringify(sha)} is not a commit` };
      const pulls = (await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha })).data;
      // The pull request this commit merged (a merge, squash or rebase commit records it as merge_commit_sha).
      const pr = pulls.find((p) => p.merged_at && p.merge_commit_sha === sha) ?? pulls.find((p) => p.merged_at);
      if (!pr) return { missing: `commit ${sha.slice(0, 12)} merged no pull request` };
      const runs = (await octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: pr.head.sha, event: 'pull_request', per_page: 100 })).data.workflow_runs;
      const prefix = `model-${pipeline}-`;
      // Newest run first: a re-run of the candidate replaces what an earlier attempt uploaded.
      for (const run of [...runs].sort((a, b) => b.id - a.id)) {
        const artifacts = (await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, per_page: 100 })).data.artifacts;
        const artifact = artifacts.find((a) => a.name.startsWith(prefix) && !a.expired);
        if (!artifact) continue;
        const { DefaultArtifactClient } = await import('@actions/artifact');
        await new DefaultArtifactClient().downloadArtifact(artifact.id, { path: dir, findBy: { token, workflowRunId: run.id, repositoryOwner: owner, repositoryName: repo } });
        const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
        return { pullRequest: pr.number, files };
      }
      return { missing: `pull request #${pr.number}'s candidate runs on ${pr.head.sha.slice(0, 12)} left no unexpired ${prefix}* artifact` };
    },
  };
}
