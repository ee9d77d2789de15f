// The security and operations policy every workflow in this repository (and every snippet users copy)
// keeps. Each rule has an id; test/fixtures/workflow-plants/ holds one planted violation per rule,
// and the policy test fails unless each plant is caught by its own rule and nothing else.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SUITE_REPO } from '../../scripts/docs.mjs';
import { isPrivileged, suitePins } from '../../scripts/release.mjs';

export { SUITE_REPO };

export type RuleId =
  | 'top-permissions'
  | 'job-permissions'
  | 'pull-request-target'
  | 'expression-in-run'
  | 'unpinned-action'
  | 'checkout-credentials'
  | 'secrets-inherit'
  | 'timeout'
  | 'pr-concurrency'
  | 'promote-concurrency'
  | 'reusable-concurrency'
  | 'deploy-environment'
  | 'reusable-local-ref'
  | 'privileged-pin';

export interface Violation {
  rule: RuleId;
  where: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What each step needs beyond contents: read; a job may ask for nothing that none of its steps needs. */
type Need = 'read' | 'write' | 'may-write';

function stepNeeds(step: Obj): Record<string, Need> {
  const uses = typeof step.uses === 'string' ? step.uses : '';
  const w = isObj(step.with) ? step.with : {};
  const action = new RegExp(`^${SUITE_REPO}/actions/([a-z-]+)@`).exec(uses)?.[1] ?? /^\.\/actions\/([a-z-]+)$/.exec(uses)?.[1];
  switch (action) {
    case 'compare-to-champion':
      // It comments when the run is for a pull request: allowed, not required (promote runs it on a push).
      return { 'pull-requests': 'may-write' };
    case 'post-comparison':
      return { 'pull-requests': 'write' };
    case 'publish-model':
      return { contents: 'write', 'id-token': 'write', attestations: 'write' };
    case 'deploy':
      return { deployments: 'write' };
    case 'drift-report':
      // It keeps its summary on the champion's release unless history is false: allowed, not required.
      return { issues: 'write', actions: 'write', contents: 'may-write' };
    case 'train':
      return w.reuse === 'pull-request' ? { actions: 'read', 'pull-requests': 'read' } : {};
  }
  if (uses.startsWith('actions/download-artifact@') && 'run-id' in w) return { actions: 'read' };
  if (uses.startsWith('actions/deploy-pages@')) return { pages: 'write', 'id-token': 'write' };
  const run = typeof step.run === 'string' ? step.run : '';
  const needs: Record<string, Need> = {};
  if (/\bgit\b[^\n]*\bpush\b/.test(run) || /\bgh release (create|upload)\b/.test(run)) needs.contents = 'write';
  if (/\bgh pr (create|merge|comment|edit)\b/.test(run)) needs['pull-requests'] = 'write';
  return needs;
}

// may-write: granting write is justified, granting nothing is too.
const LEVEL = { none: 0, read: 1, 'may-write': 1.5, write: 2 } as const;
const REQUIRED = { read: 1, 'may-write': 0, write: 2 } as const;
const ALLOWED = { read: 1, 'may-write': 2, write: 2 } as const;

function merge(into: Record<string, Need>, more: Record<string, Need>): void {
  for (const [k, v] of Object.entries(more)) if (!into[k] || LEVEL[v] > LEVEL[into[k]]) into[k] = v;
}

/** The permissions a called workflow's jobs need, for a caller job's check (union over its jobs). */
function calledNeeds(uses: string, repoRoot: string): Record<string, Need> | undefined {
  const local = /^\.\/(\.github\/workflows\/[^@]+)$/.exec(uses)?.[1] ?? new RegExp(`^${SUITE_REPO}/(\\.github/workflows/[^@]+)@`).exec(uses)?.[1];
  if (!local || !existsSync(path.join(repoRoot, local))) return undefined;
  const doc = parse(readFileSync(path.join(repoRoot, local), 'utf8')) as Obj;
  const needs: Record<string, Need> = {};
  for (const job of Object.values(isObj(doc.jobs) ? doc.jobs : {})) if (isObj(job)) merge(needs, jobNeeds(job, repoRoot));
  return needs;
}

function jobNeeds(job: Obj, repoRoot: string): Record<string, Need> {
  const needs: Record<string, Need> = {};
  if (typeof job.uses === 'string') merge(needs, calledNeeds(job.uses, repoRoot) ?? {});
  for (const step of Array.isArray(job.steps) ? job.steps : []) if (isObj(step)) merge(needs, stepNeeds(step));
  return needs;
}

function triggers(doc: Obj): string[] {
  const on = doc.on ?? doc.true; // YAML 1.1 reads a bare `on` as true in some parsers; `yaml` keeps "on".
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return isObj(on) ? Object.keys(on) : [];
}

/** Checks one workflow file's text. `repoRoot` resolves called workflows and this suite's actions. */
export function checkWorkflow(file: string, text: string, repoRoot: string): Violation[] {
  const out: Violation[] = [];
  const add = (rule: RuleId, where: string, message: string) => out.push({ rule, where: `${file}${where ? ` ${where}` : ''}`, message });
  const doc = parse(text) as Obj;
  const on = triggers(doc);
  const reusable = on.includes('workflow_call');
  const jobs = isObj(doc.jobs) ? doc.jobs : {};

  const top = doc.permissions;
  const topOk = (isObj(top) && Object.keys(top).length === 0) || (isObj(top) && Object.keys(top).length === 1 && top.contents === 'read');
  if (!topOk) add('top-permissions', 'permissions', `top-level permissions must be {} or {contents: read}, not ${JSON.stringify(top ?? 'the default (write to most scopes)')}`);
  if (on.includes('pull_request_target')) add('pull-request-target', 'on', 'pull_request_target runs a fork\'s changes with a writing token: use pull_request, and a workflow_run workflow to comment');
  if (reusable && doc.concurrency !== undefined) add('reusable-concurrency', 'concurrency', 'a called workflow sees the caller\'s github.workflow: set concurrency in the caller');

  // Pins are checked on the text: the version comment is not in the parsed document.
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s*)?uses:\s*(['"]?)([^'"\s#]+)\1\s*(#.*)?$/.exec(line);
    if (!m) return;
    const ref = m[2]!;
    if (ref.startsWith('./') || ref.startsWith('docker://') || ref.startsWith(`${SUITE_REPO}/`)) return;
    if (!/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(ref) || !/^#\s*v\d/.test(m[3] ?? '')) add('unpinned-action', `line ${i + 1}`, `${ref}: pin a third-party action to a full commit SHA, with its version in a comment (uses: owner/repo@<sha> # v1.2.3)`);
  });

  // A token that publishes, pushes, opens issues or comments for a stranger's run must not run code
  // that a moved tag could change: the suite's own actions by full SHA, as the release commit writes them.
  if (isPrivileged(text)) {
    for (const pin of suitePins(text)) {
      const comment = text.split('\n')[pin.line - 1]!.split('#')[1] ?? '';
      if (!/^[0-9a-f]{40}$/.test(pin.ref) || !/^\s*v\d/.test(comment)) add('privileged-pin', `line ${pin.line}`, `${SUITE_REPO} actions at ${pin.ref}: a privileged workflow calls this suite's actions by full commit SHA with its release in a comment (node scripts/release.mjs prepare writes them)`);
    }
  }

  for (const [id, raw] of Object.entries(jobs)) {
    if (!isObj(raw)) continue;
    const job = raw;
    const where = `jobs.${id}`;
    const calls = typeof job.uses === 'string' ? job.uses : undefined;
    const steps = (Array.isArray(job.steps) ? job.steps : []).filter(isObj);

    if (job.secrets === 'inherit') add('secrets-inherit', `${where}.secrets`, 'secrets: inherit hands every secret to the called workflow: name the ones it needs');
    if (!calls && job['timeout-minutes'] === undefined) add('timeout', where, 'every job needs timeout-minutes (the default is 6 hours)');

    // Permissions: declared per job, and each scope beyond contents: read needed by one of its steps.
    const perms = job.permissions;
    if (!isObj(perms)) add('job-permissions', `${where}.permissions`, `declare the job's permissions (got ${JSON.stringify(perms ?? 'none: the workflow\'s')})`);
    else {
      const needs = jobNeeds(job, repoRoot);
      for (const [scope, level] of Object.entries(perms)) {
        if (level === 'none' || (scope === 'contents' && level === 'read')) continue;
        const needed = needs[scope];
        const asked = level === 'write' ? 2 : 1;
        if (!needed || ALLOWED[needed] < asked) add('job-permissions', `${where}.permissions.${scope}`, `${scope}: ${String(level)} is more than any step of this job needs (${needed ?? 'nothing'})`);
      }
      for (const [scope, level] of Object.entries(needs)) {
        const given = perms[scope];
        const has = given === 'write' ? 2 : given === 'read' ? 1 : 0;
        if (has < REQUIRED[level]) add('job-permissions', `${where}.permissions.${scope}`, `a step needs ${scope}: ${level}, which the job does not grant`);
      }
    }

    // Concurrency: candidates cancel older runs of the same ref; promotion and deployment queue.
    const conc = isObj(job.concurrency) ? job.concurrency : undefined;
    const isCandidateCall = calls !== undefined && /mlops-candidate\.yml/.test(calls);
    const promotes = (calls !== undefined && /mlops-promote\.yml/.test(calls)) || (!reusable && steps.some((s) => /actions\/(publish-model|deploy)(@|$)/.test(String(s.uses ?? ''))));
    if (isCandidateCall && on.includes('pull_request')) {
      const group = String(conc?.group ?? '');
      if (!conc || conc['cancel-in-progress'] !== true || !/github\.ref|pull_request\.number|github\.head_ref/.test(group)) add('pr-concurrency', `${where}.concurrency`, 'a pull request\'s candidate needs a concurrency group per ref with cancel-in-progress: true');
    }
    if (promotes && (!conc || conc['cancel-in-progress'] !== false || /github\.ref/.test(String(conc.group ?? '')))) add('promote-concurrency', `${where}.concurrency`, 'promote and deploy need a concurrency group per pipeline and environment with cancel-in-progress: false (a cancelled release is half-made)');

    for (const [i, step] of steps.entries()) {
      const at = `${where}.steps[${i}]`;
      const uses = typeof step.uses === 'string' ? step.uses : '';
      if (typeof step.run === 'string' && /\$\{\{/.test(step.run)) add('expression-in-run', `${at}.run`, 'an expression inside run: is pasted into the script before it runs (a branch name or title can inject code): pass it through env:');
      if (uses.startsWith('actions/checkout@') && (!isObj(step.with) || step.with['persist-credentials'] !== false)) add('checkout-credentials', at, 'actions/checkout needs persist-credentials: false, so that later steps do not find the token in .git/config');
      if (/actions\/deploy(@|$)/.test(uses) && job.environment === undefined) add('deploy-environment', where, 'a deploying job needs environment: so that required reviewers can guard it');
      if (reusable && uses.startsWith('./')) add('reusable-local-ref', at, `${uses}: in a called workflow ./ is the caller's checkout; use ${SUITE_REPO}/actions/<name>@<ref>`);
      const own = new RegExp(`^${SUITE_REPO}/actions/([a-z-]+)@`).exec(uses);
      if (own && !existsSync(path.join(repoRoot, 'actions', own[1]!, 'action.yml'))) add('reusable-local-ref', at, `${uses}: this suite has no action ${own[1]}`);
    }
  }
  return out;
}
