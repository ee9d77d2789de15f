// Reading step inputs the same way from either front door.
import path from 'node:path';
import { InputError } from '../engine/errors.ts';
import { resolveInRepo } from '../engine/config/pipeline.ts';

export function booleanInput(inputs: Readonly<Record<string, string>>, name: string): boolean {
  const raw = (inputs[name] ?? '').trim().toLowerCase();
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new InputError(name, `${JSON.stringify(inputs[name] ?? '')} is not true or false`);
}

/** An optional input ('' means absent). */
export function optionalInput(inputs: Readonly<Record<string, string>>, name: string): string | undefined {
  const v = (inputs[name] ?? '').trim();
  return v === '' ? undefined : v;
}

/** A repository-relative path given as an input (to read or to write), refusing one outside the repository. */
export function repoPath(root: string, inputs: Readonly<Record<string, string>>, name: string, fallback: string): { abs: string; rel: string } {
  const rel = optionalInput(inputs, name) ?? fallback;
  const abs = resolveInRepo(root, rel, () => new InputError(name, `${JSON.stringify(rel)} is outside the repository`));
  return { abs, rel: path.relative(root, abs).split(path.sep).join('/') };
}
