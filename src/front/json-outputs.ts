// `--json`: a step's outputs as typed JSON. Action outputs must be strings (GitHub's rule); the CLI
// prints each as its declared type, so that a script reads `promote` as a boolean, not as "false".
import type { StepSpec } from '../steps/specs.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The outputs typed by their spec: '' is null for numbers and JSON; paths and strings stay strings. */
export function typedOutputs(spec: Pick<StepSpec, 'outputs'>, outputs: Readonly<Record<string, string>>): Record<string, JsonValue> {
  const typed: Record<string, JsonValue> = {};
  for (const [name, raw] of Object.entries(outputs)) {
    const type = spec.outputs.find((o) => o.name === name)?.type ?? 'string';
    if (type === 'boolean') typed[name] = raw === 'true';
    else if (type === 'number') typed[name] = raw === '' ? null : Number(raw);
    else if (type === 'json') typed[name] = raw === '' ? null : (JSON.parse(raw) as JsonValue);
    else typed[name] = raw;
  }
  return typed;
}
