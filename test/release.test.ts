// The release workflow's tag check: a plain vX.Y.Z that package.json and the bundle's version state.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { checkReleaseTag } from '../scripts/release.mjs';
import { VERSION } from '../src/version.ts';
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
  ['v1.4.2', '1.4.2', '1.4.1', /src\/version\.ts says 1\.4\.1, package\.json 1\.4\.2/],
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
