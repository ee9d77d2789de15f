// A trainer command as the train step will run it: the MLOPS_* variables in, the suite's tokens out,
// the tail of its standard error kept, its whole process group ended at the timeout, and refused in
// the events whose jobs hold write tokens on a pull request's code.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { trainerProcess } from '../src/adapters/trainer-process.ts';
import { tempDir } from './support/tmp.ts';

const quiet = () => {};
const base = { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'ghs_secret', ACTIONS_RUNTIME_TOKEN: 'rt', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x', INPUT_TOKEN: 'ghs_input', GITHUB_REPOSITORY: 'o/r' };

test('the command gets the MLOPS_* variables and the runner\'s others, but none of the tokens', async () => {
  const dir = await tempDir();
  const r = await trainerProcess(base, 'push', quiet).run('env > env.txt', { cwd: dir, env: { MLOPS_TARGET: 'type', MLOPS_SEED: '7' }, timeoutMs: 10_000 });
  expect(r).toMatchObject({ code: 0, timedOut: false });
  const env = await readFile(path.join(dir, 'env.txt'), 'utf8');
  expect(env).toContain('MLOPS_TARGET=type\n');
  expect(env).toContain('MLOPS_SEED=7\n');
  expect(env).toContain('GITHUB_REPOSITORY=o/r\n');
  expect(env).not.toMatch(/secret|ghs_input|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN/);
});

test('a failing command: its exit code and the last 50 lines of its standard error', async () => {
  const dir = await tempDir();
  const echoed: Buffer[] = [];
  const r = await trainerProcess(base, undefined, (c) => echoed.push(c)).run('for i in $(seq 1 200); do echo "line $i" >&2; done; echo out; exit 3', { cwd: dir, env: {}, timeoutMs: 10_000 });
  expect(r.code).toBe(3);
  expect(r.stderrTail).toHaveLength(50);
  expect(r.stderrTail[0]).toBe('line 151');
  expect(r.stderrTail.at(-1)).toBe('line 200');
  // Everything it printed was passed on, standard output included.
  expect(Buffer.concat(echoed).toString()).toContain('line 1\n');
  expect(Buffer.concat(echoed).toString()).toContain('out\n');
});

test('past its timeout, the command and everything it started are ended', async () => {
  const dir = await tempDir();
  const r = await trainerProcess(base, undefined, quiet).run('sh -c \'echo $$ > child.pid; sleep 60\' & sleep 60; wait', { cwd: dir, env: {}, timeoutMs: 1_000 });
  expect(r.timedOut).toBe(true);
  expect(r.seconds).toBeLessThan(30);
  const pid = Number(await readFile(path.join(dir, 'child.pid'), 'utf8'));
  // The grandchild is gone (its group got the signal), not left running: no such process, or a zombie
  // that nothing here reaps (a container's first process may not).
  await new Promise((res) => setTimeout(res, 200));
  const state = await readFile(`/proc/${pid}/stat`, 'utf8').then((t) => t.slice(t.lastIndexOf(')') + 2, t.lastIndexOf(')') + 3), () => 'gone');
  expect(['gone', 'Z']).toContain(state);
}, 30_000);

test.each(['workflow_run', 'pull_request_target'])('a %s job never runs a trainer', async (event) => {
  const dir = await tempDir();
  await expect(trainerProcess(base, event, quiet).run('touch ran', { cwd: dir, env: {}, timeoutMs: 10_000 })).rejects.toThrow(`mlops never runs it in a ${event} job`);
  await expect(readFile(path.join(dir, 'ran'))).rejects.toThrow();
});
