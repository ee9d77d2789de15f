// train's inputs that touch the configuration: save-config (the run's params and data written into the
// pipeline file, comments kept) and the number of threads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import { InputError } from '../engine/errors.ts';
import { defaultThreads } from '../engine/forest/pool.ts';
import { writeFileAtomic } from '../engine/write-atomic.ts';
import { optionalInput } from './inputs.ts';
import type { StepIO } from './io.ts';
import type { InputsOf } from './specs.ts';

export function threadsInput(inputs: InputsOf<'train'>): number {
  const raw = optionalInput(inputs, 'threads');
  if (raw === undefined) return defaultThreads();
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new InputError('threads', `${JSON.stringify(raw)} is not a whole number of at least 1`);
  return Number(raw);
}

/** save-config: the params and data of this run written into the pipeline file, so that a commit carries them. */
export async function saveConfigFile(cfg: PipelineConfig, paramsJson: string | undefined, dataInput: string | undefined, io: StepIO): Promise<void> {
  // Nothing to write: the file stays as it is, byte for byte (a rewrite would restyle it).
  if (paramsJson === undefined && dataInput === undefined) return io.info(`save-config: no params or data given, so ${cfg.file} stays as it is`);
  const file = path.resolve(cfg.root, cfg.file);
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (paramsJson !== undefined) for (const [key, value] of Object.entries(parseYaml(paramsJson) as Record<string, unknown>)) doc.setIn(['model', key], value);
  if (dataInput !== undefined) {
    const rel = path.relative(cfg.root, path.resolve(io.cwd, dataInput));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new InputError('data', `${JSON.stringify(dataInput)} lies outside the repository, so the pipeline file cannot name it`);
    doc.setIn(['data', 'train'], rel.split(path.sep).join('/'));
  }
  await writeFileAtomic(file, doc.toString());
  io.info(`save-config: wrote ${[paramsJson !== undefined ? 'model parameters' : '', dataInput !== undefined ? 'data.train' : ''].filter(Boolean).join(' and ')} into ${cfg.file}`);
}

