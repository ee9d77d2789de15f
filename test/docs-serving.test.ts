// docs/serving.md's requests and answers, run as written: the page's sh blocks in order in one shell
// (the server in the background, as the page starts it), and each request's output compared with the
// JSON block the page shows under it. A model digest on the page stands for any digest (it depends on
// the commit the model was trained at).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './support/run-action.ts';
import { exampleWorkspace } from './support/tmp.ts';

interface Example {
  command: string;
  answer?: unknown;
}

/** The page's examples from `heading` on, up to the next level-2 heading: each sh block, with the json block after it. */
export function examples(markdown: string, heading: string): Example[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const end = markdown.indexOf('\n## ', start + heading.length + 2);
  const part = markdown.slice(start, end < 0 ? undefined : end);
  const out: Example[] = [];
  for (const m of part.matchAll(/^```(sh|json)\n([\s\S]*?)^```$/gm)) {
    if (m[1] === 'sh') out.push({ command: m[2]! });
    else {
      const last = out.at(-1);
      if (!last || last.answer !== undefined) throw new Error('a json block with no sh block before it');
      last.answer = JSON.parse(m[2]!);
    }
  }
  return out;
}

/** The page's value with every sha256 digest replaced by the one served, where the served one is a digest. */
function digestsAsServed(page: unknown, served: unknown): unknown {
  if (typeof page === 'string' && /^sha256:[0-9a-f]{64}$/.test(page) && typeof served === 'string' && /^sha256:[0-9a-f]{64}$/.test(served)) return served;
  if (Array.isArray(page) && Array.isArray(served)) return page.map((v, i) => digestsAsServed(v, served[i]));
  if (page && served && typeof page === 'object' && typeof served === 'object') return Object.fromEntries(Object.entries(page).map(([k, v]) => [k, digestsAsServed(v, (served as Record<string, unknown>)[k])]));
  return page;
}

test('every request on the serving page gets the answer the page shows', async () => {
  const page = readFileSync(path.join(REPO_ROOT, 'docs/serving.md'), 'utf8');
  const steps = examples(page, '## Requests and answers');
  expect(steps.filter((s) => s.answer !== undefined).length).toBeGreaterThanOrEqual(7);
  expect(steps.some((s) => s.command.includes('/invocations')) && steps.some((s) => s.command.includes('/v2/models/'))).toBe(true);
  const ws = await exampleWorkspace();
  mkdirSync(path.join(ws, 'node_modules/.bin'), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'bin/mlops.js'), path.join(ws, 'node_modules/.bin/mlops'));
  // One shell: the server started by the first block answers the others; each answer goes to a file.
  const script = ['set -e', ...steps.map((s, i) => (s.answer === undefined ? s.command : `{\n${s.command}} > answer-${i}.json`))].join('\n');
  const run = spawnSync('bash', ['-c', script], { cwd: ws, encoding: 'utf8', timeout: 120_000, env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: ws, MLOPS_CACHE: 'off' } });
  expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
  steps.forEach((s, i) => {
    if (s.answer === undefined) return;
    const served = JSON.parse(readFileSync(path.join(ws, `answer-${i}.json`), 'utf8')) as unknown;
    expect({ request: s.command.trim(), answer: served }).toEqual({ request: s.command.trim(), answer: digestsAsServed(s.answer, served) });
  });
}, 180_000);

test('the page parser pairs each answer with its request', () => {
  const md = '# Page\n\n## Requests and answers\n\n```sh\nstart\n```\n\n```sh\ncurl a\n```\n\n```json\n{"x": 1}\n```\n\n## next\n\n```sh\nnot this\n```\n';
  expect(examples(md, '## Requests and answers')).toEqual([{ command: 'start\n' }, { command: 'curl a\n', answer: { x: 1 } }]);
});
