// docs/other-ci.md's examples cannot run here (no GitLab, Jenkins, Airflow or Docker): each is parsed
// in its own language, and every mlops command in them must be one the CLI takes, flags included.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { helpExit, words } from './support/cli-help.ts';
import { REPO_ROOT } from './support/run-action.ts';

const page = readFileSync(path.join(REPO_ROOT, 'docs/other-ci.md'), 'utf8');
const blocks = (lang: string) => [...page.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]!);

/** Every `mlops …` command in a text, up to the end of its line, an && or a quote that closes it. */
export function mlopsCommands(text: string): string[][] {
  return [...text.matchAll(/(?:npx |\.bin\/)mlops ([^\n&"]+)/g)].map((m) => words(m[1]!.trim()));
}

const DOCKER_INSTRUCTIONS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

test('the GitLab CI file is YAML with a job that runs mlops', () => {
  const [gitlab] = blocks('yaml');
  const doc = parse(gitlab!) as Record<string, { script?: string[]; image?: string }>;
  const jobs = Object.values(doc).filter((j) => Array.isArray(j.script));
  expect(jobs.length).toBeGreaterThan(0);
  expect(jobs.flatMap((j) => j.script!).some((line) => /npx mlops run /.test(line))).toBe(true);
});

test('the Dockerfile is instructions Docker knows, FROM first, and its CMD is an exec-form list', () => {
  const [dockerfile] = blocks('dockerfile');
  const lines = dockerfile!.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const instructions = lines.map((l) => l.split(/\s+/)[0]!);
  expect(instructions[0]).toBe('FROM');
  expect(instructions.filter((i) => !DOCKER_INSTRUCTIONS.has(i))).toEqual([]);
  const cmd = JSON.parse(lines.find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
  expect(cmd.slice(0, 2)).toEqual(['node_modules/.bin/mlops', 'serve']);
});

test('the Jenkins pipeline\'s brackets and quotes balance', () => {
  const [jenkins] = blocks('groovy');
  // Every quote closes on its line: with each quoted string taken out, no quote is left.
  const stripped = jenkins!.replace(/'[^'\n]*'/g, '');
  expect(stripped).not.toContain("'");
  const depth = [...stripped].reduce((d, c) => (d < 0 ? d : c === '{' || c === '(' ? d + 1 : c === '}' || c === ')' ? d - 1 : d), 0);
  expect(depth).toBe(0);
});

test('the Airflow DAG is Python that parses', () => {
  const [dag] = blocks('python');
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const r = spawnSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: dag!, encoding: 'utf8' });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
});

test('every mlops command in the examples is one the CLI takes, with its flags', async () => {
  const commands = [...blocks('yaml'), ...blocks('groovy'), ...blocks('python')].flatMap(mlopsCommands);
  const [dockerfile] = blocks('dockerfile');
  const cmd = JSON.parse(dockerfile!.split('\n').find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
  commands.push(cmd.slice(1));
  expect(commands.length).toBeGreaterThanOrEqual(5);
  for (const argv of commands) expect({ argv, ...(await helpExit(argv)) }).toEqual({ argv, code: 0, err: '' });
});

test('the command check is live: an unknown command or flag is refused', async () => {
  expect((await helpExit(['run', '--pipeline', 'p.yml', '--nope', 'x'])).code).toBe(2);
  expect((await helpExit(['rnu', '--pipeline', 'p.yml'])).code).toBe(2);
  expect(mlopsCommands(`bash_command="git pull && npx mlops drift-report --pipeline p.yml --data 'd/*.csv' && npx mlops run --pipeline p.yml",`)).toEqual([
    ['drift-report', '--pipeline', 'p.yml', '--data', 'd/*.csv'],
    ['run', '--pipeline', 'p.yml'],
  ]);
});
