// A pipeline's own trainer as a child process: run through the platform's shell from the repository
// root, in a process group of its own so that a timeout ends everything it started, its output passed
// to our standard error (standard output is the CLI's --json), its environment stripped of the tokens
// the suite holds.
import { spawn, spawnSync } from 'node:child_process';
import { UserError } from '../engine/errors.ts';
import { TRAINER_STDERR_LINES, type TrainerRun, type TrainerRunner } from '../steps/trainer-port.ts';

/** Variables that carry the suite's credentials: never handed to user code. */
const SECRET = /^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|MLOPS_ADMIN_TOKEN|INPUT_.*)$/i;
/** Events whose jobs run with write tokens and secrets on a pull request's code: no user code there. */
const REFUSED_EVENTS = new Set(['workflow_run', 'pull_request_target']);
/** After the timeout's SIGTERM, the group gets this long to end before SIGKILL. */
const GRACE_MS = 5_000;
/** Standard error kept for the message: the tail of at most this many bytes. */
const TAIL_BYTES = 256 * 1024;

export function trainerEnvironment(base: NodeJS.ProcessEnv, added: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !SECRET.test(k)) env[k] = v;
  return { ...env, ...added };
}

/** `event` is the Actions event that started the job (GITHUB_EVENT_NAME), undefined outside Actions. */
export function trainerProcess(base: NodeJS.ProcessEnv, event: string | undefined, echo: (chunk: Buffer) => void = (c) => void process.stderr.write(c)): TrainerRunner {
  return {
    run(command, { cwd, env, timeoutMs }) {
      if (event && REFUSED_EVENTS.has(event)) {
        return Promise.reject(new UserError(`a trainer is the repository's own code, and mlops never runs it in a ${event} job (such jobs hold write tokens and secrets while the code may come from a pull request); run train with a trainer in a pull_request, push, schedule or workflow_dispatch job`));
      }
      const started = performance.now();
      return new Promise<TrainerRun>((resolve, reject) => {
        const child = spawn(command, { cwd, env: trainerEnvironment(base, env), shell: true, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
        let tail = Buffer.alloc(0);
        let timedOut = false;
        child.stdout.on('data', echo);
        child.stderr.on('data', (c: Buffer) => {
          echo(c);
          tail = Buffer.concat([tail, c]);
          if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
        });
        const signalGroup = (signal: NodeJS.Signals) => {
          if (child.pid === undefined) return;
          // Windows has no process groups: taskkill /T ends the tree the shell started.
          if (process.platform === 'win32') return void spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
          try {
            // The negative pid is the group: the shell and everything the command started.
            process.kill(-child.pid, signal);
          } catch {
            // Already gone.
          }
        };
        let kill: NodeJS.Timeout | undefined;
        const timer = setTimeout(() => {
          timedOut = true;
          signalGroup('SIGTERM');
          kill = setTimeout(() => signalGroup('SIGKILL'), GRACE_MS);
        }, timeoutMs);
        child.on('error', (err) => {
          clearTimeout(timer);
          clearTimeout(kill);
          reject(new UserError(`the trainer command could not be started (${(err as NodeJS.ErrnoException).code ?? err.message}): ${command}`));
        });
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          clearTimeout(kill);
          // Whatever it left running in its group (a stray background job) ends with it.
          signalGroup('SIGKILL');
          const lines = tail.toString('utf8').split(/\r?\n/);
          if (lines.at(-1) === '') lines.pop();
          resolve({ code, signal, timedOut, stderrTail: lines.slice(-TRAINER_STDERR_LINES), seconds: (performance.now() - started) / 1000 });
        });
      });
    },
  };
}
