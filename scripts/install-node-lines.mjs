// npm ci's postinstall: the older supported Node.js line (22) beside the project's own node@24, so that
// the tests run the CLI on both (test/node-lines.test.ts). Installed from the npm registry's
// node-<platform>-<arch> package into node_modules/.node-lines/22, where it shadows nothing on PATH.
// A platform without such a package skips it, and the test says so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_22 = '22.23.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const node22Dir = path.join(root, 'node_modules/.node-lines/22');
export const node22Bin = path.join(node22Dir, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'].includes(`${process.platform}-${process.arch}`)) {
    console.log(`install-node-lines: no node-${process.platform}-${process.arch} package; the Node 22 tests will be skipped`);
  } else if (!existsSync(node22Bin)) {
    mkdirSync(node22Dir, { recursive: true });
    writeFileSync(path.join(node22Dir, 'package.json'), '{"private": true}\n');
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', node22Dir, `node-${process.platform}-${process.arch}@${NODE_22}`], { stdio: 'inherit' });
  }
}
