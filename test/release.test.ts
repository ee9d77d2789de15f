// The release workflow's tag check: a plain vX.Y.Z that package.json and the bundle's version state.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { symlink, writeFile } from 'node:fs/promises';
import { checkReleaseTag, isPrivileged, pinSuiteActions, suitePins } from '../scripts/release.mjs';
import { tempDir } from './support/tmp.ts';
import { VERSION } from '../src/engine/version.ts';
import { REPO_ROOT } from './support/run-action.ts';

test('a tag that is the version gives the major tag users pin', () => {
  expect(checkReleaseTag('v1.4.2', '1.4.2', '1.4.2')).toEqual({ major: 'v1' });
  expect(checkReleaseTag('v0.1.0', '0.1.0', '0.1.0')).toEqual({ major: 'v0' });
});

test.each([
  ['v1.4', '1.4.0', '1.4.0', /is not a release tag vX\.Y\.Z/],
  ['v1.4.2-rc.1', '1.4.2', '1.4.2', /is not a release tag/],
  ['1.4.2', '1.4.2', '1.4.2', /is not a release tag/],
  ['v1.4.3', '1.4.2', '1.4.2', /the tag v1\.4\.3 is not package\.json's version 1\.4\.2/],
  ['v1.4.2', '1.4.2', '1.4.1', /src\/engine\/version\.ts says 1\.4\.1, package\.json 1\.4\.2/],
])('%s refused', (tag, pkg, code, message) => {
  expect(checkReleaseTag(tag, pkg, code).error).toMatch(message);
});

test('the script itself, on this checkout: the current version passes, another fails with exit 1', () => {
  const run = (tag: string) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/release.mjs'), 'check', tag], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (err) {
      return { code: (err as { status: number }).status, out: String((err as { stderr: string }).stderr) };
    }
  };
  expect(run(`v${VERSION}`)).toEqual({ code: 0, out: `v${VERSION.split('.')[0]}\n` });
  expect(run('v99.0.0')).toMatchObject({ code: 1 });
});

test('privileged: a write beyond a pull request comment, or workflow_run; a pull request\'s own run is not', () => {
  const job = (perms: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n${perms}\n    steps: []\n`;
  expect(isPrivileged(job('      contents: write'))).toBe(true);
  expect(isPrivileged(job('      issues: write'))).toBe(true);
  expect(isPrivileged(job('      contents: read\n      pull-requests: write'))).toBe(false);
  expect(isPrivileged(`on:\n  workflow_run:\n    workflows: [x]\njobs: {}\n`)).toBe(true);
});

test('pins rewrite every use of the suite\'s actions, and nothing else', () => {
  const text = '    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n      - id: t\n        uses: mlops-actions/mlops-actions/actions/train@v1\n      - uses: mlops-actions/mlops-actions/actions/evaluate@0123456789abcdef0123456789abcdef01234567 # v0.9.0\n';
  const sha = 'ab'.repeat(20);
  const pinned = pinSuiteActions(text, sha, 'v1.2.3');
  expect(suitePins(pinned)).toEqual([{ line: 4, ref: sha }, { line: 5, ref: sha }]);
  expect(pinned).toContain(`actions/train@${sha} # v1.2.3\n`);
  expect(pinned).toContain('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2');
  expect(() => pinSuiteActions(text, 'v1', 'x')).toThrow(/not a full commit SHA/);
});

test('prepare, on a clone: a release commit that pins its parent, tagged; check-pins holds, and fails once the commit changes code', async () => {
  const dir = await tempDir('mlops-release-');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim();
  execFileSync('git', ['clone', '-q', REPO_ROOT, dir]);
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const script = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [path.join(dir, 'scripts/release.mjs'), ...args], { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }) };
    } catch (err) {
      return { code: (err as { status: number }).status, out: String((err as { stderr: string }).stderr) };
    }
  };
  const parent = git('rev-parse', 'HEAD');
  const prepared = script('prepare', `v${VERSION}`);
  expect(prepared).toMatchObject({ code: 0 });
  expect(git('rev-parse', 'HEAD^')).toBe(parent);
  expect(git('describe', '--exact-match', '--tags', 'HEAD')).toBe(`v${VERSION}`);
  const changed = git('diff', '--name-only', 'HEAD^', 'HEAD').split('\n').sort();
  expect(changed).toEqual(expect.arrayContaining(['.github/workflows/mlops-fork-comment.yml', '.github/workflows/mlops-monitor.yml', '.github/workflows/mlops-promote.yml']));
  for (const f of changed) for (const pin of suitePins(execFileSync('git', ['show', `HEAD:${f}`], { cwd: dir, encoding: 'utf8' }))) expect(pin.ref).toBe(parent);
  expect(script('check-pins')).toMatchObject({ code: 0 });
  // A release commit that also changes action code is not a pin commit.
  await writeFile(path.join(dir, 'src/engine/version.ts'), `${execFileSync('git', ['show', 'HEAD:src/engine/version.ts'], { cwd: dir, encoding: 'utf8' })}// changed\n`);
  git('commit', '-q', '--amend', '-a', '--no-edit');
  const bad = script('check-pins');
  expect(bad.code).toBe(1);
  expect(bad.out).toMatch(/src\/engine\/version\.ts: changed by the release commit, which may change only the pins/);
}, 60_000);
