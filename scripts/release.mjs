// Release helper for this suite.
//   node scripts/release.mjs check vX.Y.Z   fails unless the tag is a plain semantic version that
//                                           package.json and src/engine/version.ts both state; prints the
//                                           moving major tag (v1) that users pin.
//   node scripts/release.mjs prepare vX.Y.Z on a clean checkout of the commit to release: writes the
//                                           pins (below) into a release commit on top of it, and tags
//                                           that commit vX.Y.Z. Push the branch and the tag.
//   node scripts/release.mjs pin           the same pin commit without a tag: between releases, the
//                                           privileged workflows call the code of a commit that passed
//                                           CI (the default branch's own callers use it).
//   node scripts/release.mjs check-pins     fails unless every pin of HEAD names HEAD's parent and
//                                           HEAD changes nothing but the pinned workflows (the release
//                                           workflow runs it on the tag).
//
// Why pins: the privileged reusable workflows (those whose jobs can write more than a pull request
// comment, and the fork comment, which runs on workflow_run) hold tokens that publish releases, open
// issues, dispatch runs and push branches. Calling this suite's actions by the moving tag v1 would let
// whoever moves that tag change the code those tokens run. So they call the actions by full commit SHA.
// A commit cannot name itself, so the release commit pins its parent, whose action code is the same:
// the release commit changes nothing but the pins, and check-pins proves it.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SUITE_REPO } from './docs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKFLOWS = '.github/workflows';
/** Scopes a pull request's own run may hold; any other write makes a workflow privileged. */
const PULL_REQUEST_SCOPES = new Set(['pull-requests']);

/** The major tag of a release tag, or an error message. */
export function checkReleaseTag(tag, pkgVersion, codeVersion) {
  const m = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag ?? '');
  if (!m) return { error: `${JSON.stringify(tag ?? '')} is not a release tag vX.Y.Z` };
  if (tag !== `v${pkgVersion}`) return { error: `the tag ${tag} is not package.json's version ${pkgVersion}: bump it, commit, and tag that commit` };
  if (codeVersion !== pkgVersion) return { error: `src/engine/version.ts says ${codeVersion}, package.json ${pkgVersion}` };
  return { major: `v${m[1]}` };
}

/**
 * Whether a workflow is privileged: a job may write a scope other than a pull request's comment, or
 * it acts on workflow_run (the fork comment, which writes on behalf of a stranger's run).
 */
export function isPrivileged(text) {
  const doc = parse(text) ?? {};
  if (/github\.event\.workflow_run\b/.test(text) || JSON.stringify(doc.on ?? '').includes('workflow_run')) return true;
  const jobs = typeof doc.jobs === 'object' && doc.jobs !== null ? Object.values(doc.jobs) : [];
  return jobs.some((job) => {
    const p = job?.permissions;
    if (p === 'write-all') return true;
    return typeof p === 'object' && p !== null && Object.entries(p).some(([scope, level]) => level === 'write' && !PULL_REQUEST_SCOPES.has(scope));
  });
}

const ownUses = () => new RegExp(`^(\\s*(?:-\\s*)?uses:\\s*${SUITE_REPO.replace(/[.]/g, '\\.')}/actions/[a-z-]+)@([^\\s#]+)(\\s*#.*)?$`, 'gm');

/** Every `uses:` of this suite's own actions in a workflow's text: its line and ref. */
export function suitePins(text) {
  return [...text.matchAll(ownUses())].map((m) => ({ line: text.slice(0, m.index).split('\n').length, ref: m[2] }));
}

/** The text with every use of this suite's actions pinned to `sha`, the release named in a comment. */
export function pinSuiteActions(text, sha, label) {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`${sha} is not a full commit SHA`);
  return text.replace(ownUses(), (_all, head) => `${head}@${sha} # ${label}`);
}

/** The privileged workflow files of a checkout. */
export function privilegedWorkflows(dir = root) {
  return readdirSync(path.join(dir, WORKFLOWS))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(WORKFLOWS, f))
    .filter((f) => isPrivileged(readFileSync(path.join(dir, f), 'utf8')));
}

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function versions() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const code = /VERSION = '([^']+)'/.exec(readFileSync(path.join(root, 'src/engine/version.ts'), 'utf8'))?.[1];
  return { pkg: pkg.version, code };
}

/** Problems with HEAD as a release commit: each pin names HEAD^, and HEAD^..HEAD touches only those files. */
export function pinProblems() {
  const parent = git('rev-parse', 'HEAD^');
  const files = privilegedWorkflows();
  const problems = [];
  for (const f of files) {
    const pins = suitePins(readFileSync(path.join(root, f), 'utf8'));
    for (const p of pins) if (p.ref !== parent) problems.push(`${f} line ${p.line}: pinned to ${p.ref}, not the release commit's parent ${parent}`);
  }
  const changed = git('diff', '--name-only', 'HEAD^', 'HEAD').split('\n').filter(Boolean);
  for (const c of changed) if (!files.includes(c)) problems.push(`${c}: changed by the release commit, which may change only the pins`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, tag] = process.argv.slice(2);
  const fail = (message, code = 1) => {
    console.error(`release: ${message}`);
    process.exit(code);
  };
  if (command === 'check' || command === 'prepare' || command === 'pin') {
    const { pkg, code } = versions();
    const release = command === 'pin' ? undefined : checkReleaseTag(tag, pkg, code);
    if (release?.error) fail(release.error);
    if (command === 'check') {
      console.log(release.major);
      process.exit(0);
    }
    if (git('status', '--porcelain', '--untracked-files=no') !== '') fail('the checkout has uncommitted changes: pin a clean commit');
    const parent = git('rev-parse', 'HEAD');
    const files = privilegedWorkflows();
    const label = command === 'pin' ? `v${pkg} and after: ${parent.slice(0, 12)}, the parent of this pin commit` : `${tag} (the release commit's parent: the same action code)`;
    for (const f of files) {
      const abs = path.join(root, f);
      writeFileSync(abs, pinSuiteActions(readFileSync(abs, 'utf8'), parent, label));
    }
    git('add', '--', ...files);
    git('commit', '-q', '-m', command === 'pin' ? `Pin the privileged workflows to ${parent.slice(0, 12)} (the same action code as this commit)` : `Release ${tag}: the privileged workflows call this suite's actions at ${parent.slice(0, 12)}`);
    const problems = pinProblems();
    if (problems.length > 0) fail(problems.join('\n'));
    if (command === 'pin') {
      console.log(`the privileged workflows pin ${parent} at ${git('rev-parse', 'HEAD')}`);
      process.exit(0);
    }
    git('tag', '-a', tag, '-m', `Release ${tag}`);
    console.log(`tagged ${tag} at ${git('rev-parse', 'HEAD')}, whose privileged workflows pin ${parent}; push the branch and the tag`);
  } else if (command === 'check-pins') {
    const problems = pinProblems();
    if (problems.length > 0) fail(problems.join('\n'));
    console.log(`every privileged workflow pins ${git('rev-parse', 'HEAD^')}, and the release commit changes nothing else`);
  } else {
    fail('usage: node scripts/release.mjs check|prepare vX.Y.Z, pin, or check-pins', 2);
  }
}
