// Release helper for this suite: `node scripts/release.mjs check vX.Y.Z` fails unless the tag is a
// plain semantic version that package.json and src/version.ts both state, and prints the moving major
// tag (v1) that users pin. The release workflow runs it after the bundle freshness check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The major tag of a release tag, or an error message. */
export function checkReleaseTag(tag, pkgVersion, codeVersion) {
  const m = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(tag ?? '');
  if (!m) return { error: `${JSON.stringify(tag ?? '')} is not a release tag vX.Y.Z` };
  if (tag !== `v${pkgVersion}`) return { error: `the tag ${tag} is not package.json's version ${pkgVersion}: bump it, commit, and tag that commit` };
  if (codeVersion !== pkgVersion) return { error: `src/version.ts says ${codeVersion}, package.json ${pkgVersion}` };
  return { major: `v${m[1]}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, tag] = process.argv.slice(2);
  if (command !== 'check') {
    console.error('usage: node scripts/release.mjs check vX.Y.Z');
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const code = /VERSION = '([^']+)'/.exec(readFileSync(path.join(root, 'src/version.ts'), 'utf8'))?.[1];
  const result = checkReleaseTag(tag, pkg.version, code);
  if (result.error) {
    console.error(`release: ${result.error}`);
    process.exit(1);
  }
  console.log(result.major);
}
