// docs/getting-started.md, followed literally as a new user would: every `sh` block, in order, in one
// shell, in a fresh folder with its own HOME and npm cache, offline. GitHub cannot be reached here, so
// `curl` on PATH is a stand-in that serves the two addresses the page downloads (the release's npm
// tarball, and a raw file of this repository) from this checkout, and refuses any other address.
// Then the workflows the page wrote must pass GitHub's parser and the policy.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { REPO_ROOT } from './support/run-action.ts';
import { tempDir } from './support/tmp.ts';
import { checkWorkflow, SUITE_REPO } from './support/workflow-policy.ts';

const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The page's shell blocks, in order. */
export function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const CURL = `#!/usr/bin/env node
// curl for the test: -f -s -S -L, -O (the address's last part) or -o FILE; two addresses only.
const fs = require('node:fs');
const args = process.argv.slice(2);
let out; let url;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '-o' || (a.startsWith('-') && !a.startsWith('--') && a.endsWith('o'))) out = args[++i];
  else if (a.startsWith('-') && a.includes('O')) out = '';
  else if (!a.startsWith('-')) url = a;
}
const map = JSON.parse(process.env.CURL_MAP);
let file;
for (const [prefix, local] of Object.entries(map)) if (url.startsWith(prefix)) file = local.endsWith('/') ? local + url.slice(prefix.length) : (url === prefix ? local : undefined);
if (!file || !fs.existsSync(file)) { process.stderr.write('curl: (22) The requested URL returned error: 404 (' + url + ')\\n'); process.exit(22); }
if (out === '') out = url.split('/').pop();
fs.copyFileSync(file, out);
`;

test('the page as written: an empty folder to a first champion, offline, with the CLI as its only install', async () => {
  const work = await tempDir('mlops-getting-started-');
  const packed = await tempDir('mlops-pack-');
  execFileSync('npm', ['pack', '--silent', '--pack-destination', packed], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = path.join(packed, `mlops-actions-${VERSION}.tgz`);
  expect(existsSync(tarball)).toBe(true);
  const bin = path.join(work, '.bin');
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(path.join(bin, 'curl'), CURL);
  chmodSync(path.join(bin, 'curl'), 0o755);

  const page = readFileSync(path.join(REPO_ROOT, 'docs/getting-started.md'), 'utf8');
  const blocks = shellBlocks(page);
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  const script = ['set -euo pipefail', ...blocks].join('\n');
  const result = spawnSync('bash', ['-c', script], {
    cwd: work,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${path.join(REPO_ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
      HOME: work,
      npm_config_cache: path.join(work, '.npm'),
      // Nothing may come from the registry: the CLI has no runtime dependency to fetch.
      npm_config_offline: 'true',
      GIT_AUTHOR_NAME: 'New User',
      GIT_AUTHOR_EMAIL: 'new@example.com',
      GIT_COMMITTER_NAME: 'New User',
      GIT_COMMITTER_EMAIL: 'new@example.com',
      CURL_MAP: JSON.stringify({
        [`https://github.com/${SUITE_REPO}/releases/download/v${VERSION}/mlops-actions-${VERSION}.tgz`]: tarball,
        [`https://raw.githubusercontent.com/${SUITE_REPO}/v1/`]: `${REPO_ROOT}/`,
      }),
    },
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`the page's commands failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  expect(result.stdout).toContain(`mlops ${VERSION}`);
  expect(result.stdout).toMatch(/spam: 1 version in models\/; the champion is v1/);

  const repo = path.join(work, 'my-model');
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  // The CLI and nothing else: no dependency of its own (node@24 included) comes with it.
  expect(Object.keys(lock.packages).filter((k) => k !== '')).toEqual(['node_modules/mlops-actions']);
  expect(JSON.parse(readFileSync(path.join(repo, 'models/spam/champion.json'), 'utf8'))).toMatchObject({ version: 1 });
  expect(execFileSync('git', ['-C', repo, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');

  for (const file of readdirSync(path.join(repo, '.github/workflows'))) {
    const text = readFileSync(path.join(repo, '.github/workflows', file), 'utf8');
    expect(parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(checkWorkflow(file, text, REPO_ROOT)).toEqual([]);
  }
}, 400_000);
