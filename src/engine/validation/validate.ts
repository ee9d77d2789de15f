// Runs the checks and decides: a check fails when its severity is `error` and it found anything.
import { CHECKS, type CheckId, type Severity } from './checks-catalog.ts';
import { CHECK_RUNNERS, type CheckInput } from './checks.ts';
import { FindingSink, type Finding } from './findings.ts';

export type CheckStatus = 'passed' | 'failed' | 'warned' | 'skipped' | 'off';

export interface CheckResult {
  id: CheckId;
  description: string;
  severity: Severity;
  status: CheckStatus;
  /** All problems found, including those not kept in `findings`. */
  count: number;
  findings: Finding[];
}

export interface ValidationResult {
  passed: boolean;
  checks: CheckResult[];
}

/** Checks that cannot apply to this input say so, rather than pass. */
function applies(id: CheckId, input: CheckInput): boolean {
  switch (id) {
    case 'leakage':
      return input.test !== undefined;
    case 'class_size':
      return input.task === 'classification';
    case 'unexpected_column':
    case 'range':
    case 'new_category':
      return input.reference !== undefined;
    default:
      return true;
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
    if (level === 'off') status = 'off';
    else if (!applies(c.id, input)) status = 'skipped';
    else if (count === 0) status = 'passed';
    else status = level === 'error' ? 'failed' : 'warned';
    return { id: c.id, description: c.description, severity: level, status, count: level === 'off' ? 0 : count, findings: level === 'off' ? [] : sink.findings(c.id) };
  });
  return { passed: checks.every((c) => c.status !== 'failed'), checks };
}
