// The Actions front door: read inputs, run the step, set outputs, write the job summary. @actions/core
// is loaded here only, so the CLI never pays for it.
import type * as CoreModule from '@actions/core';
import { asUserError, InputError, UserError } from '../engine/errors.ts';
import { actionsArtifactStore, actionsModelCache } from '../adapters/actions-storage.ts';
import { githubDeployments, octokitFor, pullRequestComments, pullRequestContext, pullRequestPoster } from '../adapters/github.ts';
import { mergedPullRequestModels, ownWorkflowPath } from '../adapters/github-artifacts.ts';
import { githubRegistry } from '../adapters/github-registry.ts';
import { attestation } from '../adapters/attest.ts';
import { githubDispatcher, githubDriftIssues } from '../adapters/github-drift.ts';
import { DRIFT_LABEL } from '../steps/drift-report.ts';
import { STEP_RUNNERS } from '../steps/catalog.ts';
import type { StepIO } from '../steps/io.ts';
import { stepSpec, type StepName } from '../steps/specs.ts';

type Core = typeof CoreModule;

function readInputs(core: Core, name: StepName): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const input of stepSpec(name).inputs) {
    let value = core.getInput(input.name);
    // The runner fills in action.yml defaults; a runner-less start (tests, `act`) may not.
    if (value === '' && input.default !== undefined && !input.default.includes('${{')) value = input.default;
    if (input.required && value === '') throw new InputError(input.name, 'is required');
    inputs[input.name] = value;
  }
  return inputs;
}

async function actionsIO(core: Core, name: StepName, inputs: Record<string, string>): Promise<StepIO> {
  // Only train keeps a cache; asking for it elsewhere would load @actions/cache for nothing.
  const cache = name === 'train' ? await actionsModelCache() : undefined;
  // Artifacts need the runner's results service; without it (a local runner), there are none.
  const artifacts = process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL ? actionsArtifactStore() : undefined;
  // Typed paths resolve against the working folder and may lie anywhere (RUNNER_TEMP included).
  // Artifacts are named by pipeline, job, commit and digest: a pull request's head, not its merge ref.
  // The event file, read once: the commit for artifact names, and the context of every adapter below.
  const ctx = await pullRequestContext();
  const commit = ctx.headSha ?? process.env.GITHUB_SHA ?? undefined;
  const io: StepIO = { root: process.env.GITHUB_WORKSPACE || process.cwd(), cwd: process.cwd(), scope: process.env.GITHUB_JOB || undefined, commit, cache, artifacts, ...baseIO(core) };
  if (name !== 'compare-to-champion' && name !== 'publish-model' && name !== 'deploy' && name !== 'drift-report' && name !== 'post-comparison' && name !== 'train') return io;
  const token = inputs.token ?? '';
  if (name === 'train') {
    // Only reuse needs GitHub; a plain train never loads its client.
    if (!inputs.reuse || !token) return io;
    const workflowPath = inputs['candidate-workflow'] || ownWorkflowPath(process.env.GITHUB_WORKFLOW_REF) || '';
    return { ...io, earlierModels: mergedPullRequestModels(await octokitFor(token, io), { owner: ctx.owner, repo: ctx.repo, workflowPath }, process.env.GITHUB_SHA ?? '', token) };
  }
  // Without a token there is no champion source (io.champions stays undefined): the step refuses to
  // decide unless allow-first-model says so. That is not "no champion".
  if (!token) return io;
  const octokit = await octokitFor(token, io);
  if (name === 'post-comparison') return { ...io, pullRequests: pullRequestPoster(octokit, ctx), runHeadSha: ctx.workflowRun?.headSha, runUrl: ctx.workflowRun?.url };
  const registry = githubRegistry(octokit, ctx.owner, ctx.repo, io);
  if (name === 'publish-model') return { ...io, champions: registry, registry, attest: attestation(core, token) };
  if (name === 'deploy') return { ...io, registry, deployments: githubDeployments(octokit, ctx.owner, ctx.repo) };
  if (name === 'drift-report') {
    const env = process.env;
    const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    // The retrain runs on the branch this run is on (a schedule runs on the default branch).
    const ref = env.GITHUB_REF_NAME || ctx.defaultBranch || 'main';
    return { ...io, champions: registry, driftIssues: githubDriftIssues(octokit, ctx.owner, ctx.repo, DRIFT_LABEL), dispatcher: githubDispatcher(octokit, ctx.owner, ctx.repo, ref), runUrl };
  }
  let comments: StepIO['comments'];
  if (ctx.number !== undefined && ctx.fromFork) core.notice(`${name}: a pull request from a fork gets a read-only token; the comment is skipped, the report is in the job summary and the mlops-comparison artifact (post it from a workflow_run workflow)`);
  else if (ctx.number !== undefined) comments = pullRequestComments(octokit, { ...ctx, number: ctx.number });
  const pullRequest = ctx.number !== undefined && ctx.headSha ? { number: ctx.number, headSha: ctx.headSha } : undefined;
  return { ...io, champions: registry, comments, pullRequest };
}

function baseIO(core: Core): Pick<StepIO, 'info' | 'warning' | 'annotate'> {
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    annotate: (a) => {
      const props = { ...(a.title ? { title: a.title } : {}), ...(a.file ? { file: a.file } : {}), ...(a.line !== undefined ? { startLine: a.line } : {}) };
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    },
  };
}

export async function runAction(name: StepName): Promise<void> {
  const core = await import('@actions/core');
  try {
    const inputs = readInputs(core, name);
    const result = await STEP_RUNNERS[name](inputs, await actionsIO(core, name, inputs));
    for (const [key, value] of Object.entries(result.outputs)) core.setOutput(key, value);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary).write();
    if (!result.ok) core.setFailed(`${name}: ${result.failure ?? 'failed'}`);
  } catch (caught) {
    const err = asUserError(caught);
    core.setFailed(`${name}: ${err instanceof UserError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
