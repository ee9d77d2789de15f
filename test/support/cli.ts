import { runCli } from '../../src/front/cli.ts';

/**
 * Runs the CLI in-process in `cwd`, capturing what it prints; the environment is empty (not a
 * runner's) but for MLOPS_CACHE=off, so that a test that trains twice trains twice (cliWith turns it on).
 */
export async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return cliWith({ MLOPS_CACHE: 'off' }, cwd, ...argv);
}

/** The CLI with an environment of the test's choosing. */
export async function cliWith(env: Record<string, string>, cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, env, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
