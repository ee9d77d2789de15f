// Runs the checks and decides: a check fails when its severity is `error` and it found anything.
import { CHECKS, type CheckId, type Severity } from './checks-catalog.ts';
import { CHECK_RUNNERS, type CheckInput } from './checks.ts';
import { columnByName } from '../data/table.ts';
import { FindingSink, type Finding } from './findings.ts';

export type CheckStatus = 'passed' | 'failed' | 'warned' | 'skipped' | 'off';

export interface CheckResult {
  id: CheckId;
  description: string;
  severity: Severity;
  status: CheckStatus;
  /** Why a check was skipped, when it was. */
  note?: string;
  /** All problems found, including those not kept in `findings`. */
  count: number;
  findings: Finding[];
}

export interface ValidationResult {
  passed: boolean;
  checks: CheckResult[];
}

/** Checks that cannot apply to this input say why (the note), rather than pass. */
function skippedBecause(id: CheckId, input: CheckInput): string | undefined {
  const noTarget = !columnByName(input.table, input.target);
  switch (id) {
    case 'leakage':
      return input.test === undefined ? 'no test data' : undefined;
    case 'class_size':
      return input.task !== 'classification' ? 'regression' : noTarget ? 'no target column' : undefined;
    case 'label_missing':
    case 'label_classes':
    case 'conflicting_labels':
      return noTarget ? 'no target column' : undefined;
    case 'unexpected_column':
    case 'range':
    case 'new_category':
      return input.reference === undefined ? 'no schema' : undefined;
    default:
      return undefined;
  }
}

export function runChecks(input: CheckInput, severity: Record<CheckId, Severity>): ValidationResult {
  const sink = new FindingSink();
  for (const runner of CHECK_RUNNERS) {
    if (runner.ids.some((id) => severity[id] !== 'off')) runner.run(input, sink);
  }
  const checks = CHECKS.map((c): CheckResult => {
    const level = severity[c.id];
    const count = sink.count(c.id);
    let status: CheckStatus;
    const skipped = skippedBecause(c.id, input);
    if (level === 'off') status = 'off';
    else if (skipped !== undefined) status = 'skipped';
    else if (count === 0) status = 'passed';
    else status = level === 'error' ? 'failed' : 'warned';
    return { id: c.id, description: c.description, severity: level, status, ...(status === 'skipped' ? { note: skipped } : {}), count: level === 'off' || status === 'skipped' ? 0 : count, findings: level === 'off' || status === 'skipped' ? [] : sink.findings(c.id) };
  });
  return { passed: checks.every((c) => c.status !== 'failed'), checks };
}
