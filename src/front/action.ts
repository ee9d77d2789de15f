// The Actions front door: read inputs, run the step, set outputs, write the job summary. @actions/core
// is loaded here only, so the CLI never pays for it.
import type * as CoreModule from '@actions/core';
import { InputError, UserError } from '../engine/errors.ts';
import { actionsArtifactStore, actionsModelCache } from '../adapters/actions-storage.ts';
import { STEP_RUNNERS } from '../steps/catalog.ts';
import type { StepIO } from '../steps/io.ts';
import { stepSpec, type StepName } from '../steps/specs.ts';

type Core = typeof CoreModule;

function readInputs(core: Core, name: StepName): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const input of stepSpec(name).inputs) {
    let value = core.getInput(input.name);
    // The runner fills in action.yml defaults; a runner-less start (tests, `act`) may not.
    if (value === '' && input.default !== undefined && !input.default.includes('${{')) value = input.default;
    if (input.required && value === '') throw new InputError(input.name, 'is required');
    inputs[input.name] = value;
  }
  return inputs;
}

async function actionsIO(core: Core, name: StepName): Promise<StepIO> {
  // Only train keeps a cache; asking for it elsewhere would load @actions/cache for nothing.
  const cache = name === 'train' ? await actionsModelCache() : undefined;
  return {
    root: process.env.GITHUB_WORKSPACE || process.cwd(),
    cache,
    artifacts: actionsArtifactStore(),
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    annotate: (a) => {
      const props = { ...(a.title ? { title: a.title } : {}), ...(a.file ? { file: a.file } : {}), ...(a.line !== undefined ? { startLine: a.line } : {}) };
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    },
  };
}

export async function runAction(name: StepName): Promise<void> {
  const core = await import('@actions/core');
  try {
    const result = await STEP_RUNNERS[name](readInputs(core, name), await actionsIO(core, name));
    for (const [key, value] of Object.entries(result.outputs)) core.setOutput(key, value);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary).write();
    if (!result.ok) core.setFailed(`${name}: ${result.failure ?? 'failed'}`);
  } catch (err) {
    core.setFailed(`${name}: ${err instanceof UserError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
