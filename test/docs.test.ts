// What the docs tell users to paste: every `uses:` line in the README and docs/ names an action or a
// reusable workflow that exists in this repository, by the suite's one spelled-out name and its major
// tag; and every workflow snippet passes GitHub's parser and the policy.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { REPO_ROOT } from './support/run-action.ts';
import { checkWorkflow, SUITE_REPO } from './support/workflow-policy.ts';

const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (f: string) => readFileSync(path.join(REPO_ROOT, f), 'utf8');

/** Every `uses:` target in a file's text (code blocks and inline code alike). */
export function usesTargets(markdown: string): string[] {
  return [...markdown.matchAll(/uses:\s*['"]?([^\s'"`#]+)/g)].map((m) => m[1]!);
}

/** Why a target does not exist here, or undefined when it does. */
export function missingTarget(target: string): string | undefined {
  if (/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/.test(target)) return undefined; // a pinned third-party action
  if (target.startsWith('./')) return existsSync(path.join(REPO_ROOT, target)) ? undefined : `${target} does not exist here`;
  const m = /^([\w.-]+\/[\w.-]+)\/(.+)@([^@]+)$/.exec(target);
  if (!m) return `${target} is not owner/repo/path@ref`;
  if (m[1] !== SUITE_REPO) return `${target} names ${m[1]}, not this suite (${SUITE_REPO}, package.json's repository)`;
  if (m[3] !== 'v1') return `${target} pins ${m[3]}, not the major tag v1`;
  const action = /^actions\/([a-z-]+)$/.exec(m[2]!)?.[1];
  if (action) return existsSync(path.join(REPO_ROOT, 'actions', action, 'action.yml')) ? undefined : `${target}: no action ${action}`;
  const workflow = /^\.github\/workflows\/([\w.-]+\.yml)$/.exec(m[2]!)?.[1];
  if (!workflow || !existsSync(path.join(REPO_ROOT, '.github/workflows', workflow))) return `${target}: no such workflow`;
  const doc = parse(text(`.github/workflows/${workflow}`)) as { on: Record<string, unknown> };
  return 'workflow_call' in doc.on ? undefined : `${target} is not a reusable workflow (no on: workflow_call)`;
}

test.each(DOCS)('%s: every uses: names an action or reusable workflow of this repository, @v1', (file) => {
  const targets = usesTargets(text(file));
  if (file === 'README.md' || file === 'docs/getting-started.md') expect(targets.length).toBeGreaterThanOrEqual(3);
  expect(targets.map((t) => missingTarget(t)).filter(Boolean)).toEqual([]);
  expect(text(file)).not.toMatch(/\bOWNER\/mlops-actions/);
});

test('the check is live: a missing action, another owner, another tag and a non-reusable workflow are named', () => {
  expect(missingTarget(`${SUITE_REPO}/actions/train@v1`)).toBeUndefined();
  expect(missingTarget(`${SUITE_REPO}/actions/trian@v1`)).toMatch(/no action trian/);
  expect(missingTarget('someone/mlops-actions/actions/train@v1')).toMatch(/not this suite/);
  expect(missingTarget(`${SUITE_REPO}/actions/train@main`)).toMatch(/not the major tag v1/);
  expect(missingTarget(`${SUITE_REPO}/.github/workflows/ci.yml@v1`)).toMatch(/not a reusable workflow/);
  expect(missingTarget('actions/checkout@v4')).toMatch(/not owner\/repo\/path@ref/);
});

test.each(DOCS)('%s: every workflow snippet passes GitHub\'s parser and the policy', (file) => {
  // A block may be indented (inside a list item): its lines lose the fence's indentation.
  const blocks = [...text(file).matchAll(/^( *)```(?:yaml|sh)\n([\s\S]*?)^\1```$/gm)].map((m) => m[2]!.replace(new RegExp(`^${m[1]!}`, 'gm'), ''));
  // A snippet is a workflow (a sh block holds it in a heredoc).
  const workflows = blocks.flatMap((b) => [...b.matchAll(/(?:^|<<'EOF'\n)((?:#[^\n]*\n)*name: [\s\S]*?\njobs:\n[\s\S]*?)(?=\nEOF\n|$)/g)].map((m) => m[1]!));
  for (const w of workflows) {
    expect(parseWorkflow({ name: file, content: w }, new NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(checkWorkflow(file, w, REPO_ROOT)).toEqual([]);
  }
  expect(workflows.length).toBeGreaterThanOrEqual(file === 'README.md' ? 1 : file === 'docs/getting-started.md' || file === 'docs/workflows.md' ? 2 : 0);
});

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/<[^>]*>/g, '').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Every relative link of a Markdown file (outside code) that does not resolve: a file, or a heading in it. */
export function brokenLinks(file: string, read: (f: string) => string | undefined): string[] {
  const source = read(file) ?? '';
  const prose = source.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  const broken: string[] = [];
  for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/i.test(target)) continue;
    const [rel = '', anchor] = target.split('#');
    const goal = rel === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), rel));
    const text = read(goal);
    if (text === undefined) {
      broken.push(`${file}: ${target} (no file ${goal})`);
      continue;
    }
    if (anchor === undefined || !goal.endsWith('.md')) continue;
    const anchors = new Set([...text.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/^#{1,6} (.+)$/gm)].map((h) => anchorOf(h[1]!)));
    if (!anchors.has(anchor)) broken.push(`${file}: ${target} (no heading #${anchor} in ${goal})`);
  }
  return broken;
}

const readRepo = (f: string): string | undefined => {
  const abs = path.join(REPO_ROOT, f);
  if (!existsSync(abs)) return undefined;
  return statSync(abs).isDirectory() ? '' : readFileSync(abs, 'utf8');
};

test.each(DOCS)('%s: every relative link resolves, to a file and to a heading in it', (file) => {
  expect(brokenLinks(file, readRepo)).toEqual([]);
});

test('the link check is live: a missing file and a missing heading are named', () => {
  const pages: Record<string, string> = { 'a.md': '# Top\n[x](b.md#nope) [y](c.md) [z](#top) [w](https://example.com/x)\n', 'b.md': '## Some heading\n' };
  expect(brokenLinks('a.md', (f) => pages[f])).toEqual(['a.md: b.md#nope (no heading #nope in b.md)', 'a.md: c.md (no file c.md)']);
  expect(anchorOf('Files, limits and bad input')).toBe('files-limits-and-bad-input');
  expect(anchorOf('The scam-call story')).toBe('the-scam-call-story');
});

test('the README is short enough to read in five minutes', () => {
  expect(text('README.md').split('\n').length).toBeLessThanOrEqual(250);
});
