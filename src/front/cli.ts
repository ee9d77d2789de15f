// The CLI front door: `mlops <step> --<input> value ...`. Every action is a subcommand and its inputs
// are the flags. Exit codes: 0 success, 1 a negative verdict (data failed validation, model failed its
// gate), 2 a usage or configuration error, 3 a bug of ours.
import { access } from 'node:fs/promises';
import { loadPipeline } from '../engine/config/pipeline.ts';
import { UserError } from '../engine/errors.ts';
import { formatSchema, inferSchema } from '../engine/schema/data-schema.ts';
import { writeFileAtomic } from '../adapters/files.ts';
import { localChampionStore } from '../adapters/local-registry.ts';
import { chainInputs, RUN_CHAIN, STEP_RUNNERS } from '../steps/catalog.ts';
import { readPipelineData } from '../steps/data-source.ts';
import { optionalInput, repoPath } from '../steps/inputs.ts';
import type { StepIO, StepResult } from '../steps/io.ts';
import { STEP_NAMES, STEP_SPECS, stepSpec, type StepName, type StepSpec } from '../steps/specs.ts';

export class UsageError extends UserError {
  constructor(message: string) {
    super(`${message} (see mlops help)`);
    this.name = 'UsageError';
  }
}

export interface CliStreams {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

const defaultStreams = (): CliStreams => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});

interface Parsed {
  flags: Record<string, string>;
  switches: Set<string>;
}

const SWITCHES = new Set(['json', 'force', 'help']);

/** `--name value`, `--name=value`; switches (--json, --force, --help) take no value. */
export function parseFlags(args: readonly string[], allowed: readonly string[], command: string): Parsed {
  const flags: Record<string, string> = {};
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(arg)}; flags look like --pipeline FILE`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (SWITCHES.has(name) && eq < 0) {
      switches.add(name);
      continue;
    }
    if (!allowed.includes(name)) throw new UsageError(`${command}: unknown flag --${name} (flags: ${allowed.map((a) => `--${a}`).join(', ')})`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${command}: the flag --${name} needs a value`);
      value = next;
      i++;
    }
    if (Object.hasOwn(flags, name)) throw new UsageError(`${command}: the flag --${name} is given twice`);
    flags[name] = value;
  }
  return { flags, switches };
}

function stepInputs(spec: StepSpec, flags: Record<string, string>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const input of spec.inputs) {
    const given = flags[input.name];
    if (input.required && (given === undefined || given === '')) throw new UsageError(`${spec.name}: the flag --${input.name} is required: ${input.description}`);
    // Defaults that are workflow expressions (the token) mean nothing outside Actions.
    inputs[input.name] = given ?? (input.default?.includes('${{') ? '' : (input.default ?? ''));
  }
  return inputs;
}

function cliIO(streams: CliStreams): StepIO {
  return {
    root: streams.cwd,
    champions: localChampionStore(streams.cwd),
    info: (m) => streams.err(`${m}\n`),
    warning: (m) => streams.err(`warning: ${m}\n`),
    annotate: (a) => {
      const where = a.file ? `${a.file}${a.line !== undefined ? `:${a.line}` : ''}: ` : '';
      streams.err(`${a.level}: ${where}${a.message}\n`);
    },
  };
}

function help(): string {
  const lines = ['usage: mlops <command> [--flag value ...] [--json]', '', 'commands:'];
  for (const spec of STEP_SPECS) {
    lines.push(`  ${spec.name.padEnd(22)}${spec.description}`);
    for (const input of spec.inputs as readonly { name: string; required?: boolean; description: string }[]) lines.push(`      --${input.name}${input.required ? ' (required)' : ''}: ${input.description}`);
  }
  lines.push(`  ${'run'.padEnd(22)}Runs the whole chain (${RUN_CHAIN.join(' → ')}) for one pipeline.`, '      --pipeline (required)');
  lines.push(`  ${'schema infer'.padEnd(22)}Writes a data schema inferred from the data, to review and commit.`, '      --pipeline (required), --data, --output (default pipelines/<name>.schema.yml), --force');
  lines.push('', '--json prints the outputs as one JSON object on stdout.', 'exit codes: 0 success, 1 data failed validation or model failed its gate, 2 usage or configuration error, 3 internal error');
  return `${lines.join('\n')}\n`;
}

async function runStep(name: StepName, flags: Record<string, string>, streams: CliStreams): Promise<StepResult> {
  return STEP_RUNNERS[name](stepInputs(stepSpec(name), flags), cliIO(streams));
}

async function schemaInfer(args: readonly string[], streams: CliStreams): Promise<number> {
  const { flags, switches } = parseFlags(args, ['pipeline', 'data', 'output'], 'schema infer');
  if (!flags.pipeline) throw new UsageError('schema infer: the flag --pipeline is required');
  const cfg = await loadPipeline(flags.pipeline, streams.cwd);
  const target = repoPath(streams.cwd, flags, 'output', `pipelines/${cfg.name}.schema.yml`);
  if (!switches.has('force')) {
    const exists = await access(target.abs).then(
      () => true,
      () => false,
    );
    if (exists) throw new UsageError(`schema infer: ${target.rel} exists; pass --force to replace it`);
  }
  // The pipeline's own schema is not read: this is how it comes to exist, or is renewed.
  const data = optionalInput(flags, 'data');
  const table = await readPipelineData(cfg, data ?? cfg.data.train, data === undefined ? 'data.train' : 'the data flag', undefined);
  const schema = inferSchema(table, cfg.validation.maxMissingRate);
  const comment = `Data schema for the pipeline "${cfg.name}", inferred by \`mlops schema infer\` from ${table.files.join(', ')} (${table.rowCount} rows).\nReview it (types, ranges, categories, max_missing) before you commit it; validate-data checks data against it.`;
  await writeFileAtomic(target.abs, formatSchema(schema, comment));
  if (switches.has('json')) streams.out(`${JSON.stringify({ schema: target.rel, columns: table.columns.length })}\n`);
  else streams.out(`wrote ${target.rel} (${table.columns.length} columns)\n`);
  return 0;
}

async function runChain(args: readonly string[], streams: CliStreams): Promise<number> {
  const { flags, switches } = parseFlags(args, ['pipeline'], 'run');
  if (!flags.pipeline) throw new UsageError('run: the flag --pipeline is required');
  const all: Record<string, Record<string, string>> = {};
  for (const name of RUN_CHAIN) {
    streams.err(`── ${name}\n`);
    const result = await runStep(name, chainInputs(name, flags.pipeline, all), streams);
    all[name] = result.outputs;
    if (!switches.has('json')) streams.out(result.summary);
    if (!result.ok) {
      streams.err(`${name}: ${result.failure ?? 'failed'}\n`);
      if (switches.has('json')) streams.out(`${JSON.stringify(all)}\n`);
      return 1;
    }
  }
  if (switches.has('json')) streams.out(`${JSON.stringify(all)}\n`);
  return 0;
}

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams = defaultStreams()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      streams.out(help());
      return command === undefined ? 2 : 0;
    }
    if (command === 'run') return await runChain(rest, streams);
    if (command === 'schema') {
      const [sub, ...args] = rest;
      if (sub !== 'infer') throw new UsageError(`schema: unknown subcommand ${JSON.stringify(sub ?? '')}; try "schema infer"`);
      return await schemaInfer(args, streams);
    }
    if (!(STEP_NAMES as readonly string[]).includes(command)) throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: ${[...STEP_NAMES, 'run', 'schema infer'].join(', ')})`);
    const name = command as StepName;
    const { flags, switches } = parseFlags(rest, stepSpec(name).inputs.map((i) => i.name), name);
    if (switches.has('help')) {
      streams.out(help());
      return 0;
    }
    const result = await runStep(name, flags, streams);
    if (switches.has('json')) streams.out(`${JSON.stringify(result.outputs)}\n`);
    else streams.out(result.summary);
    if (!result.ok) streams.err(`${name}: ${result.failure ?? 'failed'}\n`);
    return result.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof UserError) {
      streams.err(`mlops: ${err.message}\n`);
      return 2;
    }
    streams.err(`mlops: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 3;
  }
}

