// What validate-data tells people: the JSON report (for machines), the Markdown summary (for the job
// summary and the terminal), and the annotations (for the diff view). Data values are escaped here.
import { placeWord } from '../data/table.ts';
import { escapeMarkdown } from '../text/escape.ts';
import type { Finding } from './findings.ts';
import type { CheckResult, ValidationResult } from './validate.ts';

export const REPORT_FORMAT = 'mlops-validation-report/1';
/** GitHub shows at most 10 error annotations per step in the checks view; 50 keeps the log readable too. */
export const MAX_ANNOTATIONS = 50;
const FINDINGS_IN_REPORT = 100;
const FINDINGS_IN_SUMMARY = 10;

export interface ReportContext {
  pipeline: string;
  pipelineFile: string;
  files: string[];
  rows: number;
  columns: { name: string; type: string }[];
  /** Where expectations came from. */
  reference: 'schema' | 'training-data' | 'none';
  referenceSource: string | undefined;
  testFiles: string[];
}

export interface ValidationReport extends ReportContext {
  format: typeof REPORT_FORMAT;
  passed: boolean;
  errors: number;
  warnings: number;
  checks: CheckResult[];
}

export function buildReport(ctx: ReportContext, result: ValidationResult): ValidationReport {
  const errors = result.checks.filter((c) => c.status === 'failed').reduce((a, c) => a + c.count, 0);
  const warnings = result.checks.filter((c) => c.status === 'warned').reduce((a, c) => a + c.count, 0);
  return {
    format: REPORT_FORMAT,
    ...ctx,
    passed: result.passed,
    errors,
    warnings,
    checks: result.checks.map((c) => ({ ...c, findings: c.findings.slice(0, FINDINGS_IN_REPORT) })),
  };
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
}

/** Where a finding is, as people read it: `data/x.csv line 812, column "age"`. */
export function locate(f: Finding): string {
  const parts = [f.file && f.line !== undefined ? `${f.file} ${placeWord(f.file)} ${f.line}` : f.file, f.column !== undefined ? `column ${JSON.stringify(f.column)}` : undefined];
  return parts.filter(Boolean).join(', ');
}

/** One annotation per row-level problem, errors first, at most MAX_ANNOTATIONS, then a count of the rest. */
export function annotations(report: ValidationReport): Annotation[] {
  const rowLevel: Annotation[] = [];
  let total = 0;
  const ordered = [...report.checks.filter((c) => c.status === 'failed'), ...report.checks.filter((c) => c.status === 'warned')];
  for (const check of ordered) {
    const level = check.status === 'failed' ? 'error' : 'warning';
    const located = check.findings.flatMap((f) => (f.file !== undefined && f.line !== undefined ? [{ ...f, file: f.file, line: f.line }] : []));
    // Counted problems beyond the kept findings are row-level too when the kept ones are.
    total += located.length === check.findings.length && located.length > 0 ? check.count : located.length;
    for (const f of located) {
      if (rowLevel.length < MAX_ANNOTATIONS) {
        rowLevel.push({ level, title: `validate-data: ${check.id}`, file: f.file, line: f.line, message: `${f.column !== undefined ? `column ${JSON.stringify(f.column)}: ` : ''}${f.message}` });
      }
    }
  }
  if (total > rowLevel.length) {
    rowLevel.push({ level: 'notice', title: 'validate-data', message: `${total - rowLevel.length} more row-level problems are not annotated; see the validation report` });
  }
  return rowLevel;
}

const STATUS_MARK: Record<CheckResult['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  warned: '⚠️ warning',
  skipped: '➖ skipped',
  off: '➖ off',
};

function code(text: string): string {
  // Inline code cannot hold escapes, so data goes in as escaped text inside <code>.
  return `<code>${escapeMarkdown(text, 80)}</code>`;
}

export function renderMarkdown(report: ValidationReport): string {
  const out: string[] = [];
  const verdict = report.passed ? '✅ passed' : '❌ failed';
  out.push(`### validate-data: ${escapeMarkdown(report.pipeline)} ${verdict}`, '');
  const files = report.files.map(code).join(', ');
  const ref =
    report.reference === 'schema'
      ? `against the schema ${code(report.referenceSource ?? '')}`
      : report.reference === 'training-data'
        ? `against the training data ${code(report.referenceSource ?? '')}`
        : 'against its own inferred types (no schema file)';
  out.push(`${files}: ${report.rows.toLocaleString('en-US')} rows, ${report.columns.length} columns, checked ${ref}.`);
  out.push(`${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}.`, '');
  out.push('| Check | Severity | Result | Problems |', '|---|---|---|---:|');
  for (const c of report.checks) out.push(`| \`${c.id}\` | ${c.severity} | ${STATUS_MARK[c.status]}${c.note ? ` (${escapeMarkdown(c.note)})` : ''} | ${c.count} |`);
  const shown = report.checks.filter((c) => (c.status === 'failed' || c.status === 'warned') && c.findings.length > 0);
  for (const c of shown) {
    out.push('', `#### \`${c.id}\` (${c.count})`, '');
    for (const f of c.findings.slice(0, FINDINGS_IN_SUMMARY)) {
      const where = locate(f);
      out.push(`- ${where ? `${escapeMarkdown(where, 200)}: ` : ''}${escapeMarkdown(f.message, 300)}`);
    }
    if (c.count > FINDINGS_IN_SUMMARY) out.push(`- … and ${c.count - FINDINGS_IN_SUMMARY} more (see the report)`);
  }
  return `${out.join('\n')}\n`;
}

/** One line per failing check with its first problems, for stderr and the step's failure message. */
export function failureLines(report: ValidationReport, perCheck = 3): string[] {
  const lines: string[] = [];
  for (const c of report.checks.filter((x) => x.status === 'failed')) {
    lines.push(`${c.id}: ${c.count} problem${c.count === 1 ? '' : 's'}`);
    for (const f of c.findings.slice(0, perCheck)) {
      const where = locate(f);
      lines.push(`  ${where ? `${where}: ` : ''}${f.message}`);
    }
    if (c.count > perCheck) lines.push(`  … and ${c.count - perCheck} more`);
  }
  return lines;
}
