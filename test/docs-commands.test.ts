// Every mlops command the docs show is one the CLI takes, with flags it takes: `mlops <command> …
// --help` exits 0 for each. (getting-started.md and serving.md's examples also run whole, in their own
// tests; other-ci.md's are checked with their files' syntax.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { helpExit, words } from './support/cli-help.ts';
import { REPO_ROOT } from './support/run-action.ts';

const PAGES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The mlops commands in a page's code (blocks and inline), without placeholders; each up to a pipe, a redirect, && or a comment. */
export function commandsOf(markdown: string): string[][] {
  const code = [...markdown.matchAll(/^ *```([a-z]*)\n([\s\S]*?)^ *```$/gm)].filter((m) => m[1] !== 'mermaid').map((m) => m[2]!).join('\n') + '\n' + [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!).join('\n');
  const out: string[][] = [];
  for (const m of code.matchAll(/(?:^|[\s(="'`])(?:npx (?:--no-install )?|node_modules\/\.bin\/|node bin\/mlops\.js |\$\(npm bin\)\/)?mlops ([a-z][^\n|>&#;`]*)/g)) {
    const argv = words(m[1]!.trim());
    if (argv.some((w) => /[<…]|^\.\.\.$|^\[|\|/.test(w))) continue; // a placeholder, not a command
    if (argv[0] === 'schema' && argv[1] !== 'infer') continue;
    out.push(argv);
  }
  return out;
}

test.each(PAGES)('%s: every mlops command is one the CLI takes, with its flags', async (page) => {
  const commands = commandsOf(readFileSync(path.join(REPO_ROOT, page), 'utf8'));
  for (const argv of commands) expect({ argv, ...(await helpExit(argv, true)) }).toEqual({ argv, code: 0, err: '' });
});

test('the pages show commands at all, and the check refuses a wrong one', async () => {
  expect(PAGES.flatMap((p) => commandsOf(readFileSync(path.join(REPO_ROOT, p), 'utf8'))).length).toBeGreaterThan(20);
  expect(commandsOf('```sh\nnpx mlops train --pipeline p.yml --parms x\n```\n`mlops <command> --help`')).toEqual([['train', '--pipeline', 'p.yml', '--parms', 'x']]);
  expect((await helpExit(['train', '--pipeline', 'p.yml', '--parms', 'x'])).code).toBe(2);
});
