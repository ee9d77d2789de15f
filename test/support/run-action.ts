// Runs an action's committed entry (actions/<name>/index.js, which loads the committed bundle) as a
// child process, with the environment a GitHub runner gives it and nothing else, and collects what it
// wrote: outputs, job summary, workflow commands (annotations) and exit code.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands printed on stdout, e.g. { command: 'error', properties: { file, line }, message }. */
  commands: { command: string; properties: Record<string, string>; message: string }[];
}

export interface RunOptions {
  /** The checked-out repository the action works in (GITHUB_WORKSPACE and cwd). */
  workspace: string;
  inputs: Record<string, string>;
  event?: { name: string; payload: unknown };
  apiUrl?: string;
  env?: Record<string, string>;
}

/** Parses GITHUB_OUTPUT's `name<<DELIMITER` blocks (and plain name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseCommands(stdout: string): ActionRun['commands'] {
  const out: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3]!) });
  }
  return out;
}

export async function runAction(name: string, opts: RunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlops-runner-'));
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary'), env: path.join(dir, 'env'), state: path.join(dir, 'state'), event: path.join(dir, 'event.json') };
  await Promise.all([files.output, files.summary, files.env, files.state].map((f) => writeFile(f, '')));
  await writeFile(files.event, JSON.stringify(opts.event?.payload ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: opts.event?.name ?? 'push',
    GITHUB_API_URL: opts.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    GITHUB_JOB: 'test',
    GITHUB_WORKFLOW: 'test',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    ...opts.env,
  };
  for (const [key, value] of Object.entries(opts.inputs)) env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value;
  const entry = path.join(REPO_ROOT, 'actions', name, 'index.js');
  const child = spawn(process.execPath, [entry], { cwd: opts.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    commands: parseCommands(stdout),
  };
}
