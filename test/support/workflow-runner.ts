// A small stand-in for the Actions runner, enough to run this repository's workflows as GitHub would:
// a caller's jobs, each `if:` and `with:` evaluated by GitHub's own expression engine
// (@actions/expressions), reusable workflows called with their inputs and secrets, `needs` in order,
// and each step of this suite run as its committed bundle (runAction) with the step's inputs, the
// job's outputs passed on. Third-party actions have stand-ins (checkout: the workspace is the
// checkout); one without a stand-in fails the run, so nothing is skipped silently.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { parse } from 'yaml';
import { parseCommands, parseOutputFile, runAction, type ActionRun } from './run-action.ts';
import { SUITE_REPO } from './workflow-policy.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SimulatedEvent {
  name: string;
  payload: Obj;
}

export interface StepRecord {
  job: string;
  id: string;
  uses: string;
  inputs: Record<string, string>;
  run: ActionRun | undefined;
  outcome: 'success' | 'failure' | 'skipped';
}

export interface JobRecord {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
}

export interface WorkflowRun {
  jobs: Record<string, JobRecord>;
  steps: StepRecord[];
  outputs: Record<string, string>;
}

export interface RunnerOptions {
  /** This repository: where ./.github/workflows/ and the suite's actions are read from. */
  repoRoot: string;
  /** The checkout the jobs work in. */
  workspace: string;
  apiUrl: string;
  /** The commit the event is about (GITHUB_SHA) and the ref (GITHUB_REF). */
  sha: string;
  ref: string;
  /** The runner's own environment (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, …). */
  env?: Record<string, string>;
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  /** Put first on PATH for run: steps (a test's stand-ins for gh and the like). */
  binPath?: string;
  /** A test's own stand-in for a third-party action, by its name before the @. */
  standIns?: Record<string, (inputs: Record<string, string>) => Promise<Record<string, string>>>;
}

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

const STATUS_FUNCTIONS = ['success', 'always', 'failure', 'cancelled'].map((name) => ({ name, minArgs: 0, maxArgs: 0 }));

/** Evaluates one expression (without ${{ }}) against the contexts; status functions see the job's state. */
export function evaluate(expr: string, contexts: Obj, failed = false): data.ExpressionData {
  const lexed = new Lexer(expr).lex();
  const tree = new Parser(lexed.tokens, Object.keys(contexts), STATUS_FUNCTIONS).parse();
  const functions = new Map(
    STATUS_FUNCTIONS.map((f) => [f.name, { ...f, call: () => new data.BooleanData(f.name === 'always' || (f.name === 'success' ? !failed : f.name === 'failure' ? failed : false)) }]),
  );
  return new Evaluator(tree, new data.Dictionary(...Object.entries(contexts).map(([key, value]) => ({ key, value: toData(value) }))), functions).evaluate();
}

/** A value with ${{ }} templates in it, as GitHub interpolates `with:`, `env:` and outputs. */
export function interpolate(value: unknown, contexts: Obj): string {
  if (typeof value !== 'string') return value === undefined || value === null ? '' : String(value);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => {
    const v = evaluate(expr.trim(), contexts);
    return v.kind === data.Kind.Null ? '' : v.coerceString();
  });
}

/** An `if:` condition: a bare expression or a ${{ }} one; with no status function, success() is implied. */
function condition(raw: unknown, contexts: Obj, failed: boolean): boolean {
  if (raw === undefined) return !failed;
  const expr = String(raw).trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1').trim();
  const truthy = (v: data.ExpressionData) => (v.kind === data.Kind.Boolean ? (v as data.BooleanData).value : v.kind !== data.Kind.Null && v.coerceString() !== '' && v.coerceString() !== '0');
  const hasStatus = /\b(success|always|failure|cancelled)\s*\(/.test(expr);
  return (hasStatus || !failed) && truthy(evaluate(expr, contexts, failed));
}

/** Run ids are unique across runners, as GitHub's are (a retrain's branch is named by its run). */
let lastRunId = 5000;

export class WorkflowRunner {
  private readonly opts: RunnerOptions;

  constructor(opts: RunnerOptions) {
    this.opts = opts;
  }

  /** Runs a caller workflow (a file in .github/workflows) for an event, jobs in `needs` order. */
  async run(file: string, event: SimulatedEvent, inputs: Record<string, string> = {}): Promise<WorkflowRun> {
    // A dispatch gets its inputs' defaults, as GitHub fills them in; an input it does not declare is refused.
    if (event.name === 'workflow_dispatch') {
      const doc = parse(readFileSync(path.join(this.opts.repoRoot, '.github/workflows', file), 'utf8')) as Obj;
      const declared = (((doc.on as Obj).workflow_dispatch as Obj | null)?.inputs ?? {}) as Record<string, Obj>;
      for (const key of Object.keys(inputs)) if (!declared[key]) throw new Error(`${file}: workflow_dispatch has no input ${key} (GitHub answers 422)`);
      inputs = { ...Object.fromEntries(Object.entries(declared).map(([k, v]) => [k, v.default === undefined ? '' : String(v.default)])), ...inputs };
    }
    return this.runFile(file, event, inputs, {}, file, String(++lastRunId));
  }

  private async runFile(file: string, event: SimulatedEvent, inputs: Record<string, string>, secrets: Record<string, string>, caller: string, runId: string): Promise<WorkflowRun> {
    const doc = parse(readFileSync(path.join(this.opts.repoRoot, '.github/workflows', file), 'utf8')) as Obj;
    const jobs = (isObj(doc.jobs) ? doc.jobs : {}) as Record<string, Obj>;
    const run: WorkflowRun = { jobs: {}, steps: [], outputs: {} };
    const github = {
      event_name: event.name,
      event: event.payload,
      sha: this.opts.sha,
      ref: this.opts.ref,
      ref_name: this.opts.ref.replace(/^refs\/(heads|tags)\//, ''),
      repository: 'octo-org/octo-repo',
      repository_owner: 'octo-org',
      run_id: runId,
      // In a called workflow, github.workflow stays the caller's.
      workflow: caller,
      // So is github.workflow_ref: promote's reuse trusts the candidate runs of this file.
      workflow_ref: `octo-org/octo-repo/.github/workflows/${caller}@${this.opts.ref}`,
      token: 'ghs_simulated',
      server_url: 'https://github.com',
      api_url: this.opts.apiUrl,
    };
    const order = this.jobOrder(jobs);
    for (const id of order) {
      const job = jobs[id]!;
      const needs = Object.fromEntries(([] as string[]).concat((job.needs as string[] | string | undefined) ?? []).map((n) => [n, { result: run.jobs[n]?.result ?? 'skipped', outputs: run.jobs[n]?.outputs ?? {} }]));
      const anyFailed = Object.values(needs).some((n) => n.result !== 'success');
      const contexts = { github, inputs, needs, vars: this.opts.vars ?? {}, secrets, env: {} };
      if (!condition(job.if, contexts, anyFailed)) {
        run.jobs[id] = { result: 'skipped', outputs: {} };
        continue;
      }
      if (typeof job.uses === 'string') {
        const called = /^\.\/\.github\/workflows\/(.+)$/.exec(job.uses)?.[1];
        if (!called) throw new Error(`${file} jobs.${id}: the runner only calls this repository's workflows (${job.uses})`);
        const withInputs = Object.fromEntries(Object.entries(isObj(job.with) ? job.with : {}).map(([k, v]) => [k, interpolate(v, contexts)]));
        const calledDoc = parse(readFileSync(path.join(this.opts.repoRoot, '.github/workflows', called), 'utf8')) as Obj;
        const declared = ((calledDoc.on as Obj).workflow_call as Obj | null)?.inputs as Record<string, Obj> | undefined;
        for (const key of Object.keys(withInputs)) if (!declared?.[key]) throw new Error(`${file} jobs.${id}: ${called} has no input ${key}`);
        for (const [key, spec] of Object.entries(declared ?? {})) if (!(key in withInputs)) withInputs[key] = spec.default === undefined ? '' : String(spec.default);
        const passed = Object.fromEntries(Object.entries(isObj(job.secrets) ? job.secrets : {}).map(([k, v]) => [k, interpolate(v, { ...contexts, secrets: this.opts.secrets ?? {} })]));
        const inner = await this.runFile(called, event, withInputs, passed, caller, runId);
        run.steps.push(...inner.steps.map((s) => ({ ...s, job: `${id}/${s.job}` })));
        const failed = Object.values(inner.jobs).some((j) => j.result === 'failure');
        run.jobs[id] = { result: failed ? 'failure' : 'success', outputs: inner.outputs };
        continue;
      }
      run.jobs[id] = await this.runJob(file, id, job, contexts, run);
    }
    const outputs = (((doc.on as Obj | undefined)?.workflow_call as Obj | undefined)?.outputs ?? {}) as Record<string, Obj>;
    for (const [key, spec] of Object.entries(outputs)) run.outputs[key] = interpolate(spec.value, { github, inputs, jobs: run.jobs });
    return run;
  }

  /** A run: step as the runner runs it: bash --noprofile --norc -eo pipefail, in the workspace, with GITHUB_OUTPUT. */
  private runScript(script: string, stepEnv: Record<string, string>, github: Obj, job: string): ActionRun {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlops-run-step-'));
    const output = path.join(dir, 'output');
    writeFileSync(output, '');
    const env = {
      PATH: [this.opts.binPath, process.env.PATH].filter(Boolean).join(':'),
      HOME: dir,
      ...this.opts.env,
      GITHUB_OUTPUT: output,
      GITHUB_SHA: this.opts.sha,
      GITHUB_REF: this.opts.ref,
      GITHUB_REF_NAME: String(github.ref_name),
      GITHUB_REPOSITORY: String(github.repository),
      GITHUB_SERVER_URL: String(github.server_url),
      GITHUB_RUN_ID: String(github.run_id),
      GITHUB_JOB: job,
      RUNNER_TEMP: this.opts.env?.RUNNER_TEMP ?? dir,
      ...stepEnv,
    };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: this.opts.workspace, env, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: parseOutputFile(readFileSync(output, 'utf8')), summary: '', commands: parseCommands(r.stdout) };
  }

  private jobOrder(jobs: Record<string, Obj>): string[] {
    const done: string[] = [];
    const visit = (id: string, trail: string[]) => {
      if (done.includes(id)) return;
      if (trail.includes(id)) throw new Error(`needs cycle: ${[...trail, id].join(' → ')}`);
      for (const n of ([] as string[]).concat((jobs[id]?.needs as string[] | string | undefined) ?? [])) visit(n, [...trail, id]);
      done.push(id);
    };
    for (const id of Object.keys(jobs)) visit(id, []);
    return done;
  }

  private async runJob(file: string, id: string, job: Obj, contexts: Obj, run: WorkflowRun): Promise<JobRecord> {
    const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
    let failed = false;
    for (const [i, step] of ((job.steps as Obj[] | undefined) ?? []).entries()) {
      const stepId = typeof step.id === 'string' ? step.id : `step${i}`;
      const ctx = { ...contexts, steps, runner: { temp: this.opts.env?.RUNNER_TEMP ?? '/tmp', os: 'Linux' } };
      const uses = typeof step.uses === 'string' ? step.uses : `run: ${String(step.run ?? '').split('\n')[0]}`;
      const record: StepRecord = { job: id, id: stepId, uses, inputs: {}, run: undefined, outcome: 'skipped' };
      run.steps.push(record);
      if (!condition(step.if, ctx, failed)) {
        steps[stepId] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }
      record.inputs = Object.fromEntries(Object.entries(isObj(step.with) ? step.with : {}).map(([k, v]) => [k, interpolate(v, ctx)]));
      let outputs: Record<string, string> = {};
      let ok = true;
      const own = new RegExp(`^${SUITE_REPO}/actions/([a-z-]+)@`).exec(uses)?.[1];
      const standIn = this.opts.standIns?.[uses.split('@')[0]!];
      if (own) {
        const env = { ...this.opts.env, GITHUB_SHA: this.opts.sha, GITHUB_REF: this.opts.ref, GITHUB_REF_NAME: String((contexts.github as Obj).ref_name), GITHUB_JOB: id, GITHUB_RUN_ID: String((contexts.github as Obj).run_id), GITHUB_WORKFLOW: String((contexts.github as Obj).workflow), GITHUB_WORKFLOW_REF: String((contexts.github as Obj).workflow_ref) };
        // The runner fills in action.yml's defaults; runAction's entry does the same for inputs left empty.
        const result = await runAction(own, { workspace: this.opts.workspace, inputs: { token: 'ghs_simulated', ...record.inputs }, event: { name: String((contexts.github as Obj).event_name), payload: (contexts.github as Obj).event }, apiUrl: this.opts.apiUrl, env });
        record.run = result;
        outputs = result.outputs;
        ok = result.code === 0;
      } else if (standIn) {
        outputs = await standIn(record.inputs);
      } else if (typeof step.run === 'string') {
        const result = this.runScript(step.run, Object.fromEntries(Object.entries(isObj(step.env) ? step.env : {}).map(([k, v]) => [k, interpolate(v, ctx)])), contexts.github as Obj, id);
        record.run = result;
        outputs = result.outputs;
        ok = result.code === 0;
      } else if (uses.startsWith('actions/checkout@')) {
        // The workspace is the checkout of the event's commit.
      } else {
        throw new Error(`${file} jobs.${id}.steps[${i}]: no stand-in for ${uses}`);
      }
      const outcome = ok ? 'success' : 'failure';
      record.outcome = outcome;
      const conclusion = !ok && step['continue-on-error'] === true ? 'success' : outcome;
      steps[stepId] = { outputs, outcome, conclusion };
      if (conclusion === 'failure') failed = true;
    }
    const outCtx = { ...contexts, steps };
    const outputs = Object.fromEntries(Object.entries(isObj(job.outputs) ? job.outputs : {}).map(([k, v]) => [k, interpolate(v, outCtx)]));
    return { result: failed ? 'failure' : 'success', outputs };
  }
}
