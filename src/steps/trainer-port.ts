// train's port to a pipeline's own trainer command (the adapter: adapters/trainer-process.ts).
/** How a trainer command ended. */
export interface TrainerRun {
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** It ran past its timeout, and its whole process group was ended. */
  timedOut: boolean;
  /** The last lines of its standard error (at most TRAINER_STDERR_LINES). */
  stderrTail: string[];
  seconds: number;
}

/** The last lines of a failed trainer's standard error that its message shows. */
export const TRAINER_STDERR_LINES = 50;

/**
 * Runs a pipeline's own trainer: a user's shell command, from the repository root, with `env` added
 * to an environment that holds none of the suite's tokens. User code: the front door refuses it in a
 * job that holds write tokens while running a pull request's code (workflow_run, pull_request_target).
 */
export interface TrainerRunner {
  run(command: string, options: { cwd: string; env: Readonly<Record<string, string>>; timeoutMs: number }): Promise<TrainerRun>;
}
