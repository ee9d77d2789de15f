import { runCli } from '../../src/front/cli.ts';

/** Runs the CLI in-process in `cwd`, capturing what it prints; the environment is empty (not a runner's). */
export async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, env: {}, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
