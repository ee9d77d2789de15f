// Checking commands the docs show against the CLI, without running them: `--help` with their flags.
import { runCli } from '../../src/front/cli.ts';
import { REPO_ROOT } from './run-action.ts';

/** A shell command line split into words, quotes honoured (enough for the commands the docs show). */
export function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/**
 * The CLI's exit code and stderr for the command's help with its flags: 0 when the command and flags
 * exist. With `bareFlags`, a last flag written without its value (prose: `mlops serve --log`) is given one.
 */
export async function helpExit(argv: string[], bareFlags = false): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli([...argv, '--help'], { cwd: REPO_ROOT, env: {}, out: () => {}, err: (t) => (err += t) });
  if (bareFlags && code === 2 && /needs a value/.test(err)) return helpExit([...argv, 'x']);
  return { code, err };
}
