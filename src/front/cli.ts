// The CLI front door: `mlops <step> --<input> value ...`. Every action is a subcommand and its inputs
// are the flags. Exit codes: 0 success, 1 a negative verdict (data failed validation, model failed its
// gate), 2 a usage or configuration error, 3 a bug of ours.
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { conventionSchemaPath, loadPipeline } from '../engine/config/pipeline.ts';
import { asUserError, UserError } from '../engine/errors.ts';
import { formatSchema, inferSchema } from '../engine/schema/data-schema.ts';
import { localRegistry } from '../adapters/local-registry.ts';
import { localDriftHistory } from '../adapters/local-drift-history.ts';
import { httpLogPuller } from '../adapters/http-log-puller.ts';
import { trainerProcess } from '../adapters/trainer-process.ts';
import { localModelCache } from '../adapters/local-cache.ts';
import { provenance } from '../adapters/git.ts';
import { CHAIN_FLAGS, chainInputs, chainSkip, RUN_CHAIN, stepRunner } from '../steps/catalog.ts';
import { history } from '../steps/history.ts';
import { SERVE_FLAGS, startServe } from '../serve/command.ts';
import { readPipelineData, resolveOptions } from '../steps/data-source.ts';
import { optionalInput, userPath } from '../steps/inputs.ts';
import type { Annotation } from '../engine/validation/report.ts';
import type { StepIO } from '../steps/io.ts';
import { runInputs, writeOutputs } from '../steps/outputs.ts';
import { STEP_NAMES, STEP_SPECS, stepSpec, type PortName, type StepName, type StepSpec } from '../steps/specs.ts';
import { toTerminal } from '../engine/text/terminal.ts';
import { VERSION } from '../engine/version.ts';
import { typedOutputs } from './json-outputs.ts';

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
  env?: NodeJS.ProcessEnv;
}

const defaultStreams = (): CliStreams => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});

/** The repository: GITHUB_WORKSPACE in Actions, else the nearest folder up from `cwd` with a .git, else `cwd`. */
export async function findRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKSPACE) return path.resolve(env.GITHUB_WORKSPACE);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (await stat(path.join(dir, '.git')).then(() => true, () => false)) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

interface Parsed {
  flags: Record<string, string>;
  switches: Set<string>;
}

/** Switches every command takes: --json, --help, and --overwrite (with --force as its older name). */
const SWITCHES = new Set(['json', 'help', 'overwrite']);
const BOOLEAN_VALUES = new Set(['true', 'false']);

/** The inputs a step reads as true or false (their default says so): bare flags there mean true. */
export function booleanFlags(spec: StepSpec): string[] {
  return spec.inputs.filter((i) => i.default === 'true' || i.default === 'false').map((i) => i.name);
}

/**
 * `--name value`, `--name=value`. Boolean flags and switches also stand bare (meaning true) or take
 * true or false (`--force`, `--force true`, `--force=false`). `--force` is the step's own input where
 * the step has one (publish-model), else the older name of --overwrite.
 */
export function parseFlags(args: readonly string[], allowed: readonly string[], command: string, booleans: readonly string[] = []): Parsed {
  const flags: Record<string, string> = Object.create(null);
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h') {
      switches.add('help');
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(arg)}; flags look like --pipeline FILE`);
    const eq = arg.indexOf('=');
    let name = arg.slice(2, eq < 0 ? undefined : eq);
    if (name === 'force' && !allowed.includes('force')) name = 'overwrite';
    const isSwitch = SWITCHES.has(name);
    const isBoolean = isSwitch || booleans.includes(name);
    if (!isSwitch && !allowed.includes(name)) throw new UsageError(`${command}: unknown flag --${name} (flags: ${allowed.map((a) => `--${a}`).join(', ')})`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (isBoolean) {
      // A boolean takes the next word only when it is true or false: `--force --json` is two switches.
      const next = args[i + 1];
      if (next !== undefined && BOOLEAN_VALUES.has(next.toLowerCase())) {
        value = next;
        i++;
      } else value = 'true';
    } else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${command}: the flag --${name} needs a value`);
      value = next;
      i++;
    }
    if (isBoolean && !BOOLEAN_VALUES.has(value.trim().toLowerCase())) throw new UsageError(`${command}: the flag --${name} is true or false, not ${JSON.stringify(value)}`);
    if (isSwitch) {
      if (value.trim().toLowerCase() === 'true') switches.add(name);
      else switches.delete(name);
      continue;
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

/** Row-level findings up to this many are printed one by one; more are one line with the count. */
const LISTED_ROWS = 10;

type CliIO = StepIO & {
  /** Prints the row-level findings held back during a step: each check's as one line when there are many. */
  flushRows(report: string | undefined): void;
};

/**
 * The ports the CLI has: the local registry and model cache. Everything else (artifacts, comments,
 * deployments, issues) exists only in Actions, and a step without it says so or does without.
 */
const PORTS: { [P in PortName]: (root: string, env: NodeJS.ProcessEnv) => StepIO[P] } = {
  cache: (root, env) => localModelCache(root, env),
  champions: (root) => localRegistry(root),
  registry: (root) => localRegistry(root),
  artifacts: () => undefined,
  earlierModels: () => undefined,
  attest: () => undefined,
  deployments: () => undefined,
  comments: () => undefined,
  pullRequests: () => undefined,
  driftIssues: () => undefined,
  dispatcher: () => undefined,
  driftHistory: (root) => localDriftHistory(root),
  logPuller: () => httpLogPuller(),
  // Inside an Actions job the CLI is as careful as the action: no trainer in a workflow_run job.
  trainer: (_root, env) => trainerProcess(env, env.GITHUB_ACTIONS === 'true' ? env.GITHUB_EVENT_NAME : undefined),
};

function cliIO(streams: CliStreams, root: string, overwrite: boolean, ports: readonly PortName[]): CliIO {
  const env = streams.env ?? process.env;
  const held: Annotation[] = [];
  const built: { -readonly [P in PortName]?: StepIO[P] } = {};
  for (const port of ports) Object.assign(built, { [port]: PORTS[port](root, env) });
  const print = (a: Annotation) => {
    const where = a.file ? `${a.file}${a.line !== undefined ? `:${a.line}` : ''}: ` : '';
    streams.err(`${a.level}: ${where}${a.message}\n`);
  };
  return {
    root,
    cwd: streams.cwd,
    overwrite,
    tmp: tmpdir(),
    // A shell's stray GITHUB_SHA is not this checkout's commit: only inside an Actions job does it count.
    provenance: () => provenance(root, { GITHUB_SHA: env.GITHUB_ACTIONS === 'true' ? env.GITHUB_SHA : undefined, SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH }),
    adminToken: env.MLOPS_ADMIN_TOKEN || undefined,
    logToken: env.MLOPS_LOG_TOKEN || undefined,
    ...built,
    info: (m) => streams.err(`${m}\n`),
    warning: (m) => streams.err(`warning: ${m}\n`),
    // A finding on a row of the data waits for the step's end: fifty repeated rows are one line in a
    // terminal, and the report the step wrote lists them all.
    annotate: (a) => void held.push(a),
    flushRows(report) {
      const all = held.splice(0);
      const groups = new Map<string, Annotation[]>();
      for (const a of all.filter((x) => x.file !== undefined && x.line !== undefined)) {
        const key = `${a.level}\0${a.title ?? ''}`;
        groups.set(key, [...(groups.get(key) ?? []), a]);
      }
      // The engine annotates a bounded number of rows and adds a notice for the rest: its count joins
      // the last check shown as one line.
      const rest = all.filter((x) => x.file === undefined || x.line === undefined);
      const long = [...groups.values()].filter((rows) => rows.length > LISTED_ROWS);
      const beyond = rest.findIndex((x) => x.level === 'notice' && /^\d+ more row-level problems/.test(x.message));
      const notice = beyond >= 0 && long.length > 0 ? rest.splice(beyond, 1)[0] : undefined;
      const more = notice ? Number(/^\d+/.exec(notice.message)?.[0] ?? 0) : 0;
      for (const rows of groups.values()) {
        if (rows.length <= LISTED_ROWS) {
          rows.forEach(print);
          continue;
        }
        const first = rows[0]!;
        const extra = rows === long[long.length - 1] && more > 0 ? ` and ${more.toLocaleString('en-US')} more row-level findings` : '';
        streams.err(`${first.level}: ${first.title ?? 'finding'}: ${rows.length} rows${extra}, the first ${first.file}:${first.line} (${first.message})${report ? `; every one is in ${report}` : ''}\n`);
      }
      rest.forEach(print);
    },
  };
}

function stepHelp(spec: StepSpec): string[] {
  const lines = [`  ${spec.name.padEnd(22)}${spec.description}`];
  for (const input of spec.inputs) lines.push(`      --${input.name}${input.required ? ' (required)' : ''}: ${input.description}`);
  lines.push(`      outputs (--json): ${spec.outputs.map((o) => `${o.name} (${o.type})`).join(', ')}`);
  return lines;
}

const COMMON = ['', '--json prints the outputs as one JSON object on stdout, typed: booleans, numbers, lists and objects as JSON values.', '--overwrite replaces an existing output file that mlops did not write (--force is its older name, except on publish-model, where --force is the step\'s own input).', 'Boolean flags stand bare (meaning true) or take true or false: --fail-on-error, --fail-on-error false, --fail-on-error=false.', 'Paths you type are relative to the current folder; paths in a pipeline file are relative to the repository (the git root).', 'exit codes: 0 success, 1 data failed validation or the model failed its gate, 2 usage or configuration error, 3 internal error'];

/** The commands that are not steps, each with its help lines. */
const OTHER_COMMANDS: Record<'run' | 'schema infer' | 'history' | 'serve' | 'version', () => string[]> = {
  run: () => [`  ${'run'.padEnd(22)}Runs the whole chain (${RUN_CHAIN.join(' → ')}) for one pipeline.`, '      --pipeline (required), --data (a CSV path or glob for every step, e.g. new batches), --params (train\'s), --json'],
  'schema infer': () => [`  ${'schema infer'.padEnd(22)}Writes a data schema inferred from the data, to review and commit; used by the pipeline without editing it.`, '      --pipeline (required), --data, --output (default <name>.schema.yml beside the pipeline), --overwrite'],
  history: () => [`  ${'history'.padEnd(22)}Lists every published version of a pipeline's model, with its metrics, when and why it was published, and the champion.`, '      --pipeline (required), --json'],
  serve: () => [`  ${'serve'.padEnd(22)}Serves a model over HTTP: MLflow's /invocations and KServe v2, /metrics, and PUT /admin/model (bearer token from $MLOPS_ADMIN_TOKEN).`, `      --pipeline FILE (its champion) or --model PACKAGE; ${SERVE_FLAGS.slice(2).map((f) => `--${f}`).join(', ')}`],
  version: () => [`  ${'version'.padEnd(22)}Prints the version (also --version).`],
};

/** Every command in one line each (usage, what it does): the README's and the reference's CLI table. */
export function cliCommands(): { usage: string; what: string }[] {
  const steps = (STEP_SPECS as readonly StepSpec[]).map((s) => ({ usage: `mlops ${s.name} ${s.inputs.filter((i) => i.required).map((i) => `--${i.name} …`).join(' ')}`.trim(), what: s.description }));
  const others = Object.entries(OTHER_COMMANDS).map(([name, lines]) => {
    const [first = '', flags = ''] = lines();
    const required = /--pipeline \(required\)/.test(flags) ? ' --pipeline …' : name === 'serve' ? ' --pipeline … | --model …' : '';
    return { usage: `mlops ${name}${required}`, what: first.trim().slice(name.length).trim() };
  });
  return [...steps, ...others];
}

/** The whole help, or one command's: a step's spec, or one of the other commands by name. */
function help(only?: StepSpec | keyof typeof OTHER_COMMANDS): string {
  if (typeof only === 'string') return `${[`usage: mlops ${only} [--flag value ...]${only === 'version' ? '' : ' [--json] [--overwrite]'}`, '', ...OTHER_COMMANDS[only](), ...COMMON].join('\n')}\n`;
  if (only) return `${[`usage: mlops ${only.name} [--flag value ...] [--json] [--overwrite]`, '', ...stepHelp(only), ...COMMON].join('\n')}\n`;
  const lines = ['usage: mlops <command> [--flag value ...] [--json] [--overwrite]', '', 'commands:'];
  for (const spec of STEP_SPECS) lines.push(...stepHelp(spec));
  for (const command of Object.values(OTHER_COMMANDS)) lines.push(...command());
  lines.push(...COMMON);
  return `${lines.join('\n')}\n`;
}

async function schemaInfer(args: readonly string[], streams: CliStreams, root: string): Promise<number> {
  const { flags, switches } = parseFlags(args, ['pipeline', 'data', 'output'], 'schema infer');
  if (switches.has('help')) {
    streams.out(help('schema infer'));
    return 0;
  }
  if (!flags.pipeline) throw new UsageError('schema infer: the flag --pipeline is required');
  const cfg = await loadPipeline(flags.pipeline, root, streams.cwd);
  const io = { root, cwd: streams.cwd, overwrite: switches.has('overwrite') };
  const convention = conventionSchemaPath(cfg.file, cfg.name);
  const given = { output: flags.output ?? '', data: flags.data ?? '' };
  const target = userPath(io, given, 'output', convention);
  // The pipeline's own schema is not read: this is how it comes to exist, or is renewed.
  const data = optionalInput(given, 'data');
  const table = await readPipelineData(cfg, data ?? cfg.data.train, data === undefined ? 'data.train' : 'the data flag', undefined, resolveOptions(io, data !== undefined));
  if (table.rowCount === 0) throw new UserError(`${table.files.join(', ')}: no rows to infer a schema from; a schema of nothing would let any data pass`);
  const schema = inferSchema(table, cfg.validation.maxMissingRate);
  const comment = `Data schema for the pipeline "${cfg.name}", inferred by \`mlops schema infer\` from ${table.files.join(', ')} (${table.rowCount} rows).\nReview it (types, ranges, categories, max_missing) before you commit it; validate-data checks data against it.`;
  if (!switches.has('overwrite') && (await stat(target.abs).then(() => true, () => false))) throw new UsageError(`schema infer: ${target.shown} exists; pass --overwrite to replace it`);
  await writeOutputs(io, [[target, formatSchema(schema, comment)]], runInputs(cfg, table).filter((f) => f !== path.resolve(root, cfg.schema ?? '\0')));
  const used =
    cfg.schema !== undefined && cfg.schemaSource === 'key' && path.resolve(root, cfg.schema) === target.abs
      ? `the pipeline's schema key names it, so ${cfg.file} uses it`
      : target.shown === convention && cfg.schemaSource !== 'key'
        ? `${cfg.file} uses it without any change: a schema named <name>.schema.yml beside the pipeline is found by name`
        : `${cfg.file} does not use it yet: set schema: ${target.shown} there${cfg.schemaSource === 'key' ? ` (it names ${cfg.schema} now)` : ''}`;
  if (switches.has('json')) streams.out(`${JSON.stringify({ schema: target.shown, columns: table.columns.length, used: used.startsWith(`${cfg.file} does not`) ? false : true })}\n`);
  else streams.out(`wrote ${target.shown} (${table.columns.length} columns); ${used}\n`);
  return 0;
}

async function runStep(name: StepName, flags: Record<string, string>, streams: CliStreams, root: string, overwrite: boolean) {
  const io = cliIO(streams, root, overwrite, stepSpec(name).ports);
  return stepRunner(name)(stepInputs(stepSpec(name), flags), io).then(
    (result) => {
      io.flushRows(result.outputs.report);
      return result;
    },
    (err: unknown) => {
      io.flushRows(undefined);
      throw err;
    },
  );
}

async function runChain(args: readonly string[], streams: CliStreams, root: string): Promise<number> {
  const { flags, switches } = parseFlags(args, ['pipeline', ...CHAIN_FLAGS], 'run');
  if (switches.has('help')) {
    streams.out(help('run'));
    return 0;
  }
  if (!flags.pipeline) throw new UsageError('run: the flag --pipeline is required');
  const all: Record<string, Record<string, string>> = {};
  const typed: Record<string, Record<string, unknown>> = {};
  for (const name of RUN_CHAIN) {
    streams.err(`── ${name}\n`);
    const skip = chainSkip(name, all);
    if (skip !== undefined) {
      streams.err(`${name}: skipped: ${skip}\n`);
      continue;
    }
    const result = await runStep(name, chainInputs(name, flags.pipeline, all, flags), streams, root, switches.has('overwrite'));
    all[name] = result.outputs;
    typed[name] = typedOutputs(stepSpec(name), result.outputs);
    if (!switches.has('json')) streams.out(toTerminal(result.summary));
    if (!result.ok) {
      streams.err(`${name}: ${result.failure ?? 'failed'}\n`);
      if (switches.has('json')) streams.out(`${JSON.stringify(typed)}\n`);
      return 1;
    }
  }
  if (switches.has('json')) streams.out(`${JSON.stringify(typed)}\n`);
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
    if (command === '--version' || command === '-V' || command === 'version') {
      streams.out(`mlops ${VERSION}\n`);
      return 0;
    }
    const root = await findRoot(streams.cwd, streams.env);
    if (command === 'run') return await runChain(rest, streams, root);
    if (command === 'serve') {
      const { flags, switches } = parseFlags(rest, SERVE_FLAGS, 'serve');
      if (switches.has('help')) {
        streams.out(help('serve'));
        return 0;
      }
      const server = await startServe(flags, { root, cwd: streams.cwd }, streams.env ?? process.env, (m) => streams.err(`${m}\n`));
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.stop();
      return 0;
    }
    if (command === 'history') {
      const { flags, switches } = parseFlags(rest, ['pipeline'], 'history');
      if (switches.has('help')) {
        streams.out(help('history'));
        return 0;
      }
      if (!flags.pipeline) throw new UsageError('history: the flag --pipeline is required');
      const out = await history(flags.pipeline, cliIO(streams, root, false, ['registry']));
      streams.out(switches.has('json') ? `${JSON.stringify(out.json)}\n` : out.text);
      return 0;
    }
    if (command === 'schema') {
      const [sub, ...args] = rest;
      if (sub !== 'infer') throw new UsageError(`schema: unknown subcommand ${JSON.stringify(sub ?? '')}; try "schema infer"`);
      return await schemaInfer(args, streams, root);
    }
    if (!(STEP_NAMES as readonly string[]).includes(command)) throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: ${[...STEP_NAMES, 'run', 'serve', 'history', 'schema infer', 'version'].join(', ')})`);
    const name = command as StepName;
    const spec = stepSpec(name);
    const { flags, switches } = parseFlags(rest, spec.inputs.map((i) => i.name), name, booleanFlags(spec));
    if (switches.has('help')) {
      streams.out(help(spec));
      return 0;
    }
    const result = await runStep(name, flags, streams, root, switches.has('overwrite'));
    if (switches.has('json')) streams.out(`${JSON.stringify(typedOutputs(spec, result.outputs))}\n`);
    else streams.out(toTerminal(result.summary));
    if (!result.ok) streams.err(`${name}: ${result.failure ?? 'failed'}\n`);
    return result.ok ? 0 : 1;
  } catch (caught) {
    const err = asUserError(caught);
    if (err instanceof UserError) {
      streams.err(`mlops: ${err.message}\n`);
      return 2;
    }
    streams.err(`mlops: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 3;
  }
}
