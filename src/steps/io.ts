// The small interface between a step and the front door that runs it (an action or the CLI).
import type { Annotation } from '../engine/validation/report.ts';

export type { Annotation };

export interface StepIO {
  /** The repository root: every path in a pipeline and every input path is relative to it. */
  readonly root: string;
  info(message: string): void;
  warning(message: string): void;
  annotate(annotation: Annotation): void;
}

export type StepInputs = Readonly<Record<string, string>>;

export interface StepResult {
  outputs: Record<string, string>;
  /** False when the step's verdict is negative (data failed validation, model failed its gate). */
  ok: boolean;
  /** Why, when not ok; the front door reports it. */
  failure?: string;
  /** Markdown for the job summary (and the terminal). */
  summary: string;
}

export type StepRunner = (inputs: StepInputs, io: StepIO) => Promise<StepResult>;
