// Fails when a committed bundle, action.yml or action stub differs from a fresh build, or when a
// source map is committed. Rebuilds in place, as CI does on a clean clone.
import { execFileSync } from 'node:child_process';
import { build } from './build.mjs';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' });
build();
const changed = git('status', '--porcelain', '--untracked-files=all', '--', 'dist', 'actions').trim();
const maps = git('ls-files', '*.map').trim();
if (changed || maps) {
  if (changed) console.error(`The committed build is stale; run npm run build and commit:\n${changed}`);
  if (maps) console.error(`Source maps are committed (remove them):\n${maps}`);
  process.exit(1);
}
console.log('bundles are fresh: dist/ and actions/ match a new build');
