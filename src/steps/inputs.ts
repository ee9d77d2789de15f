// Reading step inputs the same way from either front door. Paths that a user types (a flag, an action
// input) are the user's to choose: they resolve against the current folder and may lie anywhere.
// Paths that come from a pipeline file or a registry pointer are data from the repository (a pull
// request can write them) and must stay inside it; data-source.ts and the adapters enforce that.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../engine/errors.ts';
import type { StepIO } from './io.ts';

export function booleanInput(inputs: Readonly<Record<string, string>>, name: string): boolean {
  const raw = (inputs[name] ?? '').trim().toLowerCase();
  if (raw === 'true') return true;
  if (raw === 'false' || (raw === '' && inputs[name] === undefined)) return false;
  throw new InputError(name, `${JSON.stringify(inputs[name] ?? '')} is not true or false`);
}

/** An optional input ('' means absent). */
export function optionalInput(inputs: Readonly<Record<string, string>>, name: string): string | undefined {
  const v = (inputs[name] ?? '').trim();
  return v === '' ? undefined : v;
}

/** A resolved path: absolute, and as messages show it (relative to the repository when inside it). */
export interface ResolvedPath {
  abs: string;
  shown: string;
}

/** How a path is shown: relative to the root when inside it, else as it is. */
export function shownPath(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

/**
 * A file to read that the user typed: relative to the current folder, or, when nothing is there, to the
 * repository root (so that `--pipeline pipelines/x.yml` works from any sub-folder, as the docs show it).
 */
export function typedInputPath(io: Pick<StepIO, 'root' | 'cwd'>, typed: string): string {
  const here = path.resolve(io.cwd, typed);
  if (path.isAbsolute(typed) || existsSync(here)) return here;
  const fromRoot = path.resolve(io.root, typed);
  return existsSync(fromRoot) ? fromRoot : here;
}

/**
 * A path the user typed, or the default (relative to the repository root). A file to read falls back to
 * the root as typedInputPath says; an output is always relative to the current folder. A required input
 * with no value is an error that names it.
 */
export function userPath(io: Pick<StepIO, 'root' | 'cwd'>, inputs: Readonly<Record<string, string>>, name: string, fallback?: string, read = fallback === undefined): ResolvedPath {
  const given = optionalInput(inputs, name);
  if (given === undefined && fallback === undefined) throw new InputError(name, 'is required');
  const abs = given === undefined ? path.resolve(io.root, fallback!) : read ? typedInputPath(io, given) : path.resolve(io.cwd, given);
  return { abs, shown: shownPath(io.root, abs) };
}
