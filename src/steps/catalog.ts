// Which function runs each step. Steps whose issue has not landed fail loudly.
import { NotImplementedError } from '../engine/errors.ts';
import type { StepName } from './specs.ts';
import type { StepRunner } from './io.ts';
import { compareToChampion } from './compare.ts';
import { evaluate } from './evaluate.ts';
import { train } from './train.ts';
import { validateData } from './validate-data.ts';

const notYet =
  (name: StepName): StepRunner =>
  async () => {
    throw new NotImplementedError(name);
  };

export const STEP_RUNNERS: Record<StepName, StepRunner> = {
  'validate-data': validateData,
  train,
  evaluate,
  'compare-to-champion': compareToChampion,
  'publish-model': notYet('publish-model'),
  deploy: notYet('deploy'),
  'drift-report': notYet('drift-report'),
};

/** The chain that `mlops run` walks, in order; it grows as steps land. */
export const RUN_CHAIN: readonly StepName[] = ['validate-data', 'train', 'evaluate', 'compare-to-champion'];

/** A chain step's inputs: the pipeline, and what earlier steps produced (evaluate scores train's model). */
export function chainInputs(name: StepName, pipeline: string, earlier: Readonly<Record<string, Record<string, string>>>): Record<string, string> {
  if (name === 'evaluate') return { pipeline, model: earlier.train?.['model-path'] ?? '' };
  if (name === 'compare-to-champion') return { pipeline, candidate: earlier.train?.['model-path'] ?? '' };
  return { pipeline };
}
