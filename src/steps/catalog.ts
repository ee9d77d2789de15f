// Which function runs each step. Steps whose issue has not landed fail loudly.
import { NotImplementedError } from '../engine/errors.ts';
import type { StepName } from './specs.ts';
import type { StepRunner } from './io.ts';
import { compareToChampion } from './compare.ts';
import { publishModel } from './publish.ts';
import { deploy } from './deploy.ts';
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
  'publish-model': publishModel,
  deploy,
  'drift-report': notYet('drift-report'),
};

/** The chain that `mlops run` walks, in order; it grows as steps land. */
export const RUN_CHAIN: readonly StepName[] = ['validate-data', 'train', 'evaluate', 'compare-to-champion', 'publish-model'];

/** A chain step's inputs: the pipeline, and what earlier steps produced (evaluate scores train's model). */
export function chainInputs(name: StepName, pipeline: string, earlier: Readonly<Record<string, Record<string, string>>>): Record<string, string> {
  const model = earlier.train?.['model-path'] ?? '';
  if (name === 'evaluate') return { pipeline, model };
  if (name === 'compare-to-champion') return { pipeline, candidate: model };
  // The comparison is compare-to-champion's out/<pipeline>/comparison.json, publish-model's default.
  if (name === 'publish-model') return { pipeline, model, metrics: earlier.evaluate?.metrics ?? '' };
  return { pipeline };
}

/** Why the chain skips a step after what came before, or undefined to run it. */
export function chainSkip(name: StepName, earlier: Readonly<Record<string, Record<string, string>>>): string | undefined {
  if (name !== 'publish-model') return undefined;
  const decision = earlier['compare-to-champion']?.decision;
  return decision === 'promote' || decision === 'first-model' ? undefined : `the decision is ${decision ?? 'unknown'}, so nothing is published`;
}
