// The Actions front door: read inputs, build the ports the step's spec declares, run the step, set
// outputs, write the job summary. @actions/core is loaded here only, so the CLI never pays for it.
import { tmpdir } from 'node:os';
import type * as CoreModule from '@actions/core';
import { asUserError, ConfigError, DataFileError, FileError, InputError, UserError } from '../engine/errors.ts';
import { actionsArtifactStore, actionsModelCache } from '../adapters/actions-storage.ts';
import { githubDeployments, octokitFor, pullRequestComments, pullRequestContext, pullRequestPoster, type Octokit, type PullRequestContext } from '../adapters/github.ts';
import { mergedPullRequestModels, ownWorkflowPath } from '../adapters/github-artifacts.ts';
import { trainerProcess } from '../adapters/trainer-process.ts';
import { githubRegistry } from '../adapters/github-registry.ts';
import { githubDriftHistory } from '../adapters/github-drift-history.ts';
import { httpLogPuller } from '../adapters/http-log-puller.ts';
import { attestation } from '../adapters/attest.ts';
import { githubDispatcher, githubDriftIssues } from '../adapters/github-drift.ts';
import { provenance } from '../adapters/git.ts';
import { DRIFT_LABEL } from '../steps/drift-report.ts';
import { stepRunner } from '../steps/catalog.ts';
import type { Registry, StepIO } from '../steps/io.ts';
import { stepSpec, type PortName, type StepName } from '../steps/specs.ts';

type Core = typeof CoreModule;

function readInputs(core: Core, name: StepName): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const input of stepSpec(name).inputs) {
    let value = core.getInput(input.name);
    // The runner fills in action.yml defaults; a runner-less start (tests, `act`) may not. An input given
    // as empty stays empty: for some it means "none" (retrain-workflow: '' starts nothing).
    const given = process.env[`INPUT_${input.name.replace(/ /g, '_').toUpperCase()}`] !== undefined;
    if (!given && input.default !== undefined && !input.default.includes('${{')) value = input.default;
    if (input.required && value === '') throw new InputError(input.name, 'is required');
    inputs[input.name] = value;
  }
  return inputs;
}

/** What every port builder may draw on; the GitHub client and registry are made once, when first asked for. */
interface PortContext {
  name: StepName;
  core: Core;
  inputs: Readonly<Record<string, string>>;
  io: StepIO;
  ctx: PullRequestContext;
  env: NodeJS.ProcessEnv;
  token: string;
  octokit(): Promise<Octokit>;
  registry(): Promise<Registry>;
}

/**
 * How this front door builds each port. Without a token there is no GitHub port: no champion source is
 * then not "no champion", and the step that needs one refuses unless told otherwise.
 */
const PORTS: { [P in PortName]: (c: PortContext) => Promise<StepIO[P]> } = {
  cache: () => actionsModelCache(),
  // Artifacts need the runner's results service; without it (a local runner), there are none.
  artifacts: async ({ env }) => (env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL ? actionsArtifactStore() : undefined),
  earlierModels: async (c) => {
    // Only reuse needs GitHub; a plain train never loads its client.
    if (!c.inputs.reuse || !c.token) return undefined;
    const workflowPath = c.inputs['candidate-workflow'] || ownWorkflowPath(c.env.GITHUB_WORKFLOW_REF) || '';
    return mergedPullRequestModels(await c.octokit(), { owner: c.ctx.owner, repo: c.ctx.repo, workflowPath }, c.env.GITHUB_SHA ?? '', c.token);
  },
  champions: async (c) => (c.token ? c.registry() : undefined),
  registry: async (c) => (c.token ? c.registry() : undefined),
  logPuller: async () => httpLogPuller(),
  driftHistory: async (c) => (c.token ? githubDriftHistory(await c.octokit(), c.ctx.owner, c.ctx.repo) : undefined),
  attest: async (c) => (c.token ? attestation(c.core, c.token) : undefined),
  deployments: async (c) => (c.token ? githubDeployments(await c.octokit(), c.ctx.owner, c.ctx.repo) : undefined),
  comments: async (c) => {
    if (!c.token || c.ctx.number === undefined) return undefined;
    if (c.ctx.fromFork) {
      c.core.notice(`${c.name}: a pull request from a fork gets a read-only token; the comment is skipped, the report is in the job summary and the mlops-comparison artifact (post it from a workflow_run workflow)`);
      return undefined;
    }
    return pullRequestComments(await c.octokit(), { ...c.ctx, number: c.ctx.number });
  },
  pullRequests: async (c) => (c.token ? pullRequestPoster(await c.octokit(), c.ctx) : undefined),
  driftIssues: async (c) => (c.token ? githubDriftIssues(await c.octokit(), c.ctx.owner, c.ctx.repo, DRIFT_LABEL) : undefined),
  // The retrain runs on the branch this run is on (a schedule runs on the default branch).
  trainer: async (c) => trainerProcess(c.env, c.env.GITHUB_EVENT_NAME),
  dispatcher: async (c) => (c.token ? githubDispatcher(await c.octokit(), c.ctx.owner, c.ctx.repo, c.env.GITHUB_REF_NAME || c.ctx.defaultBranch || 'main') : undefined),
};

async function actionsIO(core: Core, name: StepName, inputs: Record<string, string>, env: NodeJS.ProcessEnv): Promise<StepIO> {
  // The event file, read once: the commit for artifact names, and the context of every adapter below.
  const ctx = await pullRequestContext(env);
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const io: StepIO = {
    root,
    // Typed paths resolve against the working folder and may lie anywhere (RUNNER_TEMP included).
    cwd: process.cwd(),
    tmp: env.RUNNER_TEMP || tmpdir(),
    scope: env.GITHUB_JOB || undefined,
    // Artifacts are named by pipeline, job, commit and digest: a pull request's head, not its merge ref.
    commit: ctx.headSha ?? env.GITHUB_SHA ?? undefined,
    provenance: () => provenance(root, { GITHUB_SHA: env.GITHUB_SHA, SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH }),
    adminToken: env.MLOPS_ADMIN_TOKEN || undefined,
    logToken: env.MLOPS_LOG_TOKEN || undefined,
    runUrl: env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    pullRequest: ctx.number !== undefined && ctx.headSha ? { number: ctx.number, headSha: ctx.headSha } : undefined,
    triggeringRun: ctx.workflowRun,
    ...baseIO(core),
  };
  const token = inputs.token ?? '';
  let octokit: Promise<Octokit> | undefined;
  let registry: Promise<Registry> | undefined;
  const context: PortContext = {
    name,
    core,
    inputs,
    io,
    ctx,
    env,
    token,
    octokit: () => (octokit ??= octokitFor(token, io)),
    registry: () => (registry ??= context.octokit().then((o) => githubRegistry(o, ctx.owner, ctx.repo, io))),
  };
  const ports: { -readonly [P in PortName]?: StepIO[P] } = {};
  for (const port of stepSpec(name).ports) Object.assign(ports, { [port]: await PORTS[port](context) });
  return { ...io, ...ports };
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
    const result = await stepRunner(name)(inputs, await actionsIO(core, name, inputs, process.env));
    for (const [key, value] of Object.entries(result.outputs)) core.setOutput(key, value);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary).write();
    if (!result.ok) core.setFailed(`${name}: ${result.failure ?? 'failed'}`);
  } catch (caught) {
    const err = asUserError(caught);
    const message = `${name}: ${err instanceof UserError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    const where = locationOf(err);
    // setFailed's annotation has no place; a located one points at the file (and line) to change.
    if (!where) return core.setFailed(message);
    core.error(message, { title: `${name}: ${where.what}`, file: where.file, ...(where.startLine !== undefined ? { startLine: where.startLine } : {}) });
    process.exitCode = 1;
  }
}

/**
 * The file of the repository (and the line) a user error is about, for an annotation there: one file
 * inside the checkout, not a list, a glob, or a download in a temporary folder.
 */
function locationOf(err: unknown): { file: string; startLine?: number | undefined; what: string } | undefined {
  const inRepo = (file: string) => !/[,*?[]/.test(file) && !file.startsWith('..') && !file.startsWith('/');
  if (err instanceof ConfigError && inRepo(err.file)) return { file: err.file, startLine: err.line, what: 'configuration' };
  if ((err instanceof FileError || err instanceof DataFileError) && inRepo(err.file)) return { file: err.file, what: 'input file' };
  return undefined;
}
