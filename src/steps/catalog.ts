// Which function runs each step.
import { stepSpec, type StepName } from './specs.ts';
import type { AnyStepRunner, StepRunner } from './io.ts';
import { compareToChampion } from './compare.ts';
import { publishModel } from './publish.ts';
import { deploy } from './deploy.ts';
import { driftReport } from './drift-report.ts';
import { evaluate } from './evaluate.ts';
import { train } from './train.ts';
import { validateData } from './validate-data.ts';
import { postComparison } from './post-comparison.ts';
import { sweep } from './sweep.ts';
import { predict } from './predict.ts';
import { exportOnnx } from './export-onnx.ts';
import { site } from './site.ts';

const RUNNERS: { [N in StepName]: StepRunner<N> } = {
  'validate-data': validateData,
  train,
  evaluate,
  'compare-to-champion': compareToChampion,
  'publish-model': publishModel,
  deploy,
  'drift-report': driftReport,
  'post-comparison': postComparison,
  sweep,
  predict,
  'export-onnx': exportOnnx,
  site,
};

/**
 * The runner of a step chosen at run time. Its inputs come from the front door, which builds them from
 * the same spec (every declared input present), so widening the input type here loses nothing.
 */
export function stepRunner(name: StepName): AnyStepRunner {
  return RUNNERS[name] as unknown as AnyStepRunner;
}

/** The chain that `mlops run` walks, in order; it grows as steps land. */
export const RUN_CHAIN: readonly StepName[] = ['validate-data', 'sweep', 'train', 'evaluate', 'compare-to-champion', 'publish-model'];

/** The flags `mlops run` passes on to every chain step that has the input (data: a new batch; params: train's). */
export const CHAIN_FLAGS = ['data', 'params'] as const;

/** A chain step's inputs: the pipeline, the chain's flags, and what earlier steps produced (evaluate scores train's model). */
export function chainInputs(name: StepName, pipeline: string, earlier: Readonly<Record<string, Record<string, string>>>, flags: Readonly<Partial<Record<(typeof CHAIN_FLAGS)[number], string>>> = {}): Record<string, string> {
  const model = earlier.train?.['model-path'] ?? '';
  const base: Record<string, string> = { pipeline };
  for (const flag of CHAIN_FLAGS) if (flags[flag] !== undefined && stepSpec(name).inputs.some((i) => i.name === flag)) base[flag] = flags[flag];
  // A sweep's best cell is the candidate: its parameters, unless the run was given its own.
  const best = earlier.sweep?.['best-params'];
  if (name === 'train' && best && flags.params === undefined) base.params = best;
  if (name === 'compare-to-champion' && best && flags.params === undefined) base['sweep-report'] = earlier.sweep?.json ?? '';
  if (name === 'evaluate') return { ...base, model };
  if (name === 'compare-to-champion') return { ...base, candidate: model };
  // The comparison is compare-to-champion's out/<pipeline>/comparison.json, publish-model's default.
  if (name === 'publish-model') return { ...base, model, metrics: earlier.evaluate?.metrics ?? '' };
  return base;
}

/** Why the chain skips a step after what came before, or undefined to run it. */
export function chainSkip(name: StepName, earlier: Readonly<Record<string, Record<string, string>>>): string | undefined {
  if (name !== 'publish-model') return undefined;
  const decision = earlier['compare-to-champion']?.decision;
  return decision === 'promote' || decision === 'first-model' ? undefined : `the decision is ${decision ?? 'unknown'}, so nothing is published`;
}
