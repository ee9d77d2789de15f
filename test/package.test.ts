// What the package ships: a self-contained CLI (no runtime dependency: the bundle carries them) with the
// licenses of everything it bundles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support/run-action.ts';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies: Record<string, string>; files: string[] };

test('installing the package fetches nothing: it has no runtime dependencies', () => {
  expect(pkg.dependencies ?? {}).toEqual({});
  expect(pkg.files).toEqual(expect.arrayContaining(['bin/', 'dist/']));
});

test('the bundle ships the license of every package it carries', () => {
  const licenses = readFileSync(path.join(REPO_ROOT, 'dist/licenses.txt'), 'utf8');
  // ncc writes each bundled package's name, its license id, and its license text.
  for (const name of ['yaml', 'ajv', '@actions/core', '@octokit/plugin-retry']) expect(licenses).toMatch(new RegExp(`^${name.replace('/', '\\/')}\\n[A-Za-z0-9.-]+`, 'm'));
});
