// Reading step inputs the same way from either front door. Paths that a user types (a flag, an action
// input) are the user's to choose: they resolve against the current folder and may lie anywhere.
// Paths that come from a pipeline file or a registry pointer are data from the repository (a pull
// request can write them) and must stay inside it; data-source.ts and the adapters enforce that.
import path from 'node:path';
import { displayName, resolveTyped } from '../engine/data/files.ts';
import { InputError } from '../engine/errors.ts';
import type { StepIO } from './io.ts';

/** A step's inputs, keyed by its spec's input names: a name the spec does not declare is a type error. */
type Inputs<K extends string> = { readonly [P in K]: string };

export function booleanInput<K extends string>(inputs: Inputs<K>, name: K): boolean {
  const raw = (inputs[name] ?? '').trim().toLowerCase();
  if (raw === 'true') return true;
  if (raw === 'false' || (raw === '' && inputs[name] === undefined)) return false;
  throw new InputError(name, `${JSON.stringify(inputs[name] ?? '')} is not true or false`);
}

/** An optional input ('' means absent). */
export function optionalInput<K extends string>(inputs: Inputs<K>, name: K): string | undefined {
  const v = (inputs[name] ?? '').trim();
  return v === '' ? undefined : v;
}

/** A resolved path: absolute, and as messages show it (relative to the repository when inside it). */
export interface ResolvedPath {
  abs: string;
  shown: string;
}

/**
 * A path the user typed, or the default (relative to the repository root). A file to read falls back to
 * the root as resolveTyped says; an output is always relative to the current folder. A required input
 * with no value is an error that names it.
 */
export function userPath<K extends string>(io: Pick<StepIO, 'root' | 'cwd'>, inputs: Inputs<K>, name: K, fallback?: string, read = fallback === undefined): ResolvedPath {
  const given = optionalInput(inputs, name);
  let abs: string;
  if (given !== undefined) abs = read ? resolveTyped(io.cwd, io.root, given) : path.resolve(io.cwd, given);
  else if (fallback !== undefined) abs = path.resolve(io.root, fallback);
  else throw new InputError(name, 'is required');
  return { abs, shown: displayName(io.root, abs) };
}
