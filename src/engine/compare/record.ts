// The comparison record (comparison.json): what compare-to-champion measured, as numbers and names,
// never as rendered Markdown. A fork's candidate run writes it into an artifact, and the privileged
// workflow that comments on the fork's pull request renders the comment from it, so reading it is
// reading a stranger's claims: every field is checked for type, range and consistency, and every
// text is defanged before it reaches the renderer's escaping.
import { ArtifactRecordError } from '../errors.ts';
import { CLASSIFICATION_METRICS, REGRESSION_METRICS, type Task } from '../config/pipeline.ts';
import { LOWER_IS_BETTER } from './gates.ts';
import { commentMarker, type ComparisonView, type MetricRow } from './report.ts';
import { present } from '../present.ts';

export const COMPARISON_FORMAT = 'mlops-comparison/2';

/** A metric's paired comparison as measured (the report's row without what the reader derives): null where it does not apply. */
export type RecordedMetric = Omit<MetricRow, 'significant' | 'lowerIsBetter'>;

export interface ComparisonRecord {
  format: typeof COMPARISON_FORMAT;
  pipeline: string;
  marker: string;
  task: Task;
  /** The run's own verdict, for publish-model and the model card; post-comparison recomputes it. */
  primary: string;
  decision: string;
  promote: boolean;
  reasons: string[];
  compared_rows: number;
  candidate_test_rows: number;
  labelled_rows: number;
  new_rows_since_champion: number | null;
  /** Regression: test rows whose label is 0 (MAPE's caveat). */
  zero_labels: number;
  metrics: RecordedMetric[];
  evidence: { unscorable_champion: boolean; identical: boolean; too_few_rows: boolean };
  classes: string[] | null;
  confusion: { champion: number[][] | null; candidate: number[][] } | null;
  slices: { column: string; value: string; rows: number; champion: number | null; candidate: number | null }[];
  importances: [string, number][];
  data_files: string[];
  data_sha256: string;
  candidate: { path: string; sha256: string };
  candidate_sha256: string;
  champion: { source: string; sha256: string } | null;
  pull_request: number | null;
  head_sha: string | null;
}

/** The range of a metric the record names (checked against the known metrics before). */
const rangeOf = (metric: string): [number, number] => present(RANGE[metric], `the range of the metric ${JSON.stringify(metric)}`);

/** Where each metric's values may lie; a value outside is not a measurement of ours. */
const RANGE: Record<string, [number, number]> = {
  accuracy: [0, 1],
  balanced_accuracy: [0, 1],
  precision_macro: [0, 1],
  recall_macro: [0, 1],
  f1_macro: [0, 1],
  f1_weighted: [0, 1],
  roc_auc: [0, 1],
  pr_auc: [0, 1],
  // Multi-class Brier sums over the classes: at most 2.
  brier: [0, 2],
  // Probabilities are clipped at 1e-15, so a row costs at most -ln(1e-15) ≈ 34.5.
  log_loss: [0, 40],
  r2: [-Number.MAX_VALUE, 1],
  rmse: [0, Number.MAX_VALUE],
  mae: [0, Number.MAX_VALUE],
  mape: [0, Number.MAX_VALUE],
  median_ae: [0, Number.MAX_VALUE],
};

const LIMITS = { classes: 1000, confusionClasses: 100, slices: 1000, importances: 50, files: 1000, text: 300, reasons: 200 };

/**
 * Breaks what GitHub would turn into a link even from escaped text: its autolinker runs on the text
 * after entities are decoded, so `https&#58;//x` still links. A zero-width space inside `://`, after
 * `www` and after `@` leaves the text readable and unlinked.
 */
export function defang(text: string): string {
  return text.replace(/:\/\//g, ':\u200b//').replace(/www\./gi, (m) => `${m.slice(0, 3)}\u200b.`).replace(/@/g, '@\u200b');
}

class Checker {
  private readonly file: string;
  constructor(file: string) {
    this.file = file;
  }
  bad(what: string): ArtifactRecordError {
    return new ArtifactRecordError(this.file, what);
  }
  object(v: unknown, what: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw this.bad(`${what} is not a JSON object`);
    return v as Record<string, unknown>;
  }
  array(v: unknown, what: string, max: number): unknown[] {
    if (!Array.isArray(v)) throw this.bad(`${what} is not a list`);
    if (v.length > max) throw this.bad(`${what} has ${v.length} entries; at most ${max}`);
    return v;
  }
  count(v: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number {
    if (!Number.isSafeInteger(v) || (v as number) < 0 || (v as number) > max) throw this.bad(`${what} is ${JSON.stringify(v)}, not a count${max < Number.MAX_SAFE_INTEGER ? ` of at most ${max}` : ''}`);
    return v as number;
  }
  number(v: unknown, what: string, [lo, hi]: [number, number]): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.bad(`${what} is ${JSON.stringify(v)}, not a finite number`);
    if (v < lo || v > hi) throw this.bad(`${what} is ${v}, outside ${lo}…${hi}`);
    return v;
  }
  nullable<T>(v: unknown, read: (v: unknown) => T): T | null {
    return v === null ? null : read(v);
  }
  text(v: unknown, what: string, max = LIMITS.text): string {
    if (typeof v !== 'string') throw this.bad(`${what} is not a string`);
    if (v.length > max) throw this.bad(`${what} has ${v.length} characters; at most ${max}`);
    return defang(v);
  }
  boolean(v: unknown, what: string): boolean {
    if (typeof v !== 'boolean') throw this.bad(`${what} is not true or false`);
    return v;
  }
  sha256(v: unknown, what: string): string {
    if (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v)) throw this.bad(`${what} is not a sha256 of 64 hex digits`);
    return v;
  }
  matrix(v: unknown, what: string, k: number, total: number): number[][] {
    const rows = this.array(v, what, k);
    if (rows.length !== k) throw this.bad(`${what} has ${rows.length} rows, not one per class (${k})`);
    let sum = 0;
    const out = rows.map((row, i) => {
      const cells = this.array(row, `${what} row ${i + 1}`, k);
      if (cells.length !== k) throw this.bad(`${what} row ${i + 1} has ${cells.length} cells, not ${k}`);
      return cells.map((c, j) => {
        const n = this.count(c, `${what} cell ${i + 1},${j + 1}`, total);
        sum += n;
        return n;
      });
    });
    if (sum !== total) throw this.bad(`${what} counts ${sum} rows, not the ${total} compared rows`);
    return out;
  }
}

/**
 * Reads a record written by another run: JSON, the schema, every number finite and in its range,
 * metric names from the task's set, counts that agree with each other. Text values come back defanged.
 */
export function readComparisonRecord(file: string, text: string): ComparisonRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ArtifactRecordError(file, `is not JSON (${(err as Error).message})`);
  }
  const c = new Checker(file);
  const r = c.object(parsed, 'the record');
  if (r.format !== COMPARISON_FORMAT) throw c.bad(`has format ${JSON.stringify(r.format)}, not "${COMPARISON_FORMAT}"`);
  if (typeof r.pipeline !== 'string' || !/^[a-z0-9-]{1,100}$/.test(r.pipeline)) throw c.bad('has no valid pipeline name (a-z, 0-9 and -)');
  const marker = commentMarker(r.pipeline);
  if (r.marker !== marker) throw c.bad(`has the marker ${JSON.stringify(r.marker)}, not ${JSON.stringify(marker)}`);
  if (r.task !== 'classification' && r.task !== 'regression') throw c.bad(`has the task ${JSON.stringify(r.task)}`);
  const task = r.task;
  const known: readonly string[] = task === 'classification' ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
  if (typeof r.primary !== 'string' || !known.includes(r.primary)) throw c.bad(`has the primary metric ${JSON.stringify(r.primary)}, not one of ${known.join(', ')}`);
  if (typeof r.decision !== 'string' || !['promote', 'reject', 'first-model', 'no-change'].includes(r.decision)) throw c.bad(`has the decision ${JSON.stringify(r.decision)}`);
  if (r.pull_request !== null && (!Number.isSafeInteger(r.pull_request) || (r.pull_request as number) < 1)) throw c.bad('has a pull_request that is not a positive integer');
  if (r.head_sha !== null && (typeof r.head_sha !== 'string' || !/^[0-9a-f]{40}$/.test(r.head_sha))) throw c.bad('has no head_sha of 40 hex digits');

  const compared = c.count(r.compared_rows, 'compared_rows');
  const candidateTest = c.count(r.candidate_test_rows, 'candidate_test_rows');
  const labelled = c.count(r.labelled_rows, 'labelled_rows');
  if (compared > candidateTest || candidateTest > labelled) throw c.bad(`counts ${compared} compared rows, ${candidateTest} test rows and ${labelled} labelled rows: each must be at most the next`);
  const champion = c.nullable(r.champion, (v) => {
    const o = c.object(v, 'champion');
    return { source: c.text(o.source, 'champion.source'), sha256: c.sha256(o.sha256, 'champion.sha256') };
  });
  const evidence = c.object(r.evidence, 'evidence');
  const metricsSeen = new Set<string>();
  const metrics = c.array(r.metrics, 'metrics', known.length).map((v, i): RecordedMetric => {
    const m = c.object(v, `metrics[${i}]`);
    if (typeof m.name !== 'string' || !known.includes(m.name)) throw c.bad(`metrics[${i}] is ${JSON.stringify(m.name)}, not one of the ${task} metrics (${known.join(', ')})`);
    if (metricsSeen.has(m.name)) throw c.bad(`lists the metric ${m.name} twice`);
    metricsSeen.add(m.name);
    const range = rangeOf(m.name);
    const width = range[1] - range[0];
    const span: [number, number] = Number.isFinite(width) ? [-width, width] : [-Number.MAX_VALUE, Number.MAX_VALUE];
    const read = (key: string, r2: [number, number]) => c.nullable(m[key], (x) => c.number(x, `${m.name}.${key}`, r2));
    const ci = c.nullable(m.ci, (x) => {
      const pair = c.array(x, `${m.name}.ci`, 2);
      if (pair.length !== 2) throw c.bad(`${m.name}.ci is not a pair`);
      const lo = c.number(pair[0], `${m.name}.ci[0]`, span);
      const hi = c.number(pair[1], `${m.name}.ci[1]`, span);
      if (lo > hi) throw c.bad(`${m.name}.ci runs from ${lo} down to ${hi}`);
      return [lo, hi] as [number, number];
    });
    const out: RecordedMetric = { name: m.name, champion: read('champion', range), candidate: read('candidate', range), diff: read('diff', span), ci, p: read('p', [0, 1]) };
    if (!champion && (out.champion !== null || out.diff !== null || out.p !== null)) throw c.bad(`has no champion, yet ${m.name} has a champion value or a paired test`);
    return out;
  });
  const classes = c.nullable(r.classes, (v) => {
    const list = c.array(v, 'classes', LIMITS.classes).map((x, i) => c.text(x, `classes[${i}]`, 200));
    if (new Set(list).size !== list.length) throw c.bad('lists a class twice');
    return list;
  });
  if (task === 'classification' && (!classes || classes.length < 2)) throw c.bad('is a classification without its classes');
  const confusion = c.nullable(r.confusion, (v) => {
    const o = c.object(v, 'confusion');
    const k = classes?.length ?? 0;
    if (k === 0 || k > LIMITS.confusionClasses) throw c.bad(`has confusion matrices for ${k} classes; they are recorded for 2 to ${LIMITS.confusionClasses}`);
    return { champion: c.nullable(o.champion, (x) => c.matrix(x, 'confusion.champion', k, compared)), candidate: c.matrix(o.candidate, 'confusion.candidate', k, compared) };
  });
  return {
    format: COMPARISON_FORMAT,
    pipeline: r.pipeline,
    marker,
    task,
    primary: r.primary,
    decision: r.decision,
    promote: c.boolean(r.promote, 'promote'),
    reasons: c.array(r.reasons, 'reasons', LIMITS.reasons).map((x, i) => c.text(x, `reasons[${i}]`, 2000)),
    compared_rows: compared,
    candidate_test_rows: candidateTest,
    labelled_rows: labelled,
    new_rows_since_champion: c.nullable(r.new_rows_since_champion, (v) => c.number(v, 'new_rows_since_champion', [-labelled, labelled])),
    zero_labels: c.count(r.zero_labels, 'zero_labels', compared),
    metrics,
    evidence: { unscorable_champion: c.boolean(evidence.unscorable_champion, 'evidence.unscorable_champion'), identical: c.boolean(evidence.identical, 'evidence.identical'), too_few_rows: c.boolean(evidence.too_few_rows, 'evidence.too_few_rows') },
    classes,
    confusion,
    slices: c.array(r.slices, 'slices', LIMITS.slices).map((v, i) => {
      const s = c.object(v, `slices[${i}]`);
      const cell = (key: string) => c.nullable(s[key], (x) => c.number(x, `slices[${i}].${key}`, rangeOf(String(r.primary))));
      return { column: c.text(s.column, `slices[${i}].column`, 200), value: c.text(s.value, `slices[${i}].value`, 200), rows: c.count(s.rows, `slices[${i}].rows`, compared), champion: cell('champion'), candidate: cell('candidate') };
    }),
    importances: c.array(r.importances, 'importances', LIMITS.importances).map((v, i) => {
      const pair = c.array(v, `importances[${i}]`, 2);
      return [c.text(pair[0], `importances[${i}] name`, 200), c.number(pair[1], `importances[${i}] value`, [0, 1])] as [string, number];
    }),
    data_files: c.array(r.data_files, 'data_files', LIMITS.files).map((x, i) => c.text(x, `data_files[${i}]`, 1000)),
    data_sha256: c.sha256(r.data_sha256, 'data_sha256'),
    candidate: (() => {
      const o = c.object(r.candidate, 'candidate');
      return { path: c.text(o.path, 'candidate.path', 1000), sha256: c.sha256(o.sha256, 'candidate.sha256') };
    })(),
    candidate_sha256: c.sha256(r.candidate_sha256, 'candidate_sha256'),
    champion,
    pull_request: r.pull_request as number | null,
    head_sha: r.head_sha as string | null,
  };
}

/** The record of a comparison view: the numbers and names only. */
export function comparisonRecord(view: ComparisonView, task: Task, extra: { decision: string; promote: boolean; reasons: string[]; evidence: ComparisonRecord['evidence']; zeroLabels: number; pullRequest: number | null; headSha: string | null }): ComparisonRecord {
  return {
    format: COMPARISON_FORMAT,
    pipeline: view.pipeline,
    marker: view.marker,
    task,
    primary: view.primary,
    decision: extra.decision,
    promote: extra.promote,
    reasons: extra.reasons,
    compared_rows: view.data.testRows,
    candidate_test_rows: view.data.candidateTestRows,
    labelled_rows: view.data.labelledRows,
    new_rows_since_champion: view.data.newRowsSinceChampion,
    zero_labels: extra.zeroLabels,
    metrics: view.metrics.map((m) => ({ name: m.name, champion: finiteOrNull(m.champion), candidate: finiteOrNull(m.candidate), diff: finiteOrNull(m.diff), ci: m.ci && Number.isFinite(m.ci[0]) && Number.isFinite(m.ci[1]) ? m.ci : null, p: finiteOrNull(m.p) })),
    evidence: extra.evidence,
    classes: view.classes,
    // Matrices of many classes are for the full report; the record keeps what a comment shows.
    confusion: view.confusion && (view.classes?.length ?? 0) <= LIMITS.confusionClasses ? view.confusion : null,
    slices: view.slices.slice(0, LIMITS.slices),
    importances: view.importances,
    data_files: view.data.files.slice(0, LIMITS.files),
    data_sha256: view.data.sha256,
    candidate: view.candidate,
    candidate_sha256: view.candidate.sha256,
    champion: view.champion,
    pull_request: extra.pullRequest,
    head_sha: extra.headSha,
  };
}

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

/** The metric rows of a record, their significance judged at `alpha`. */
export function metricRows(rec: ComparisonRecord, alpha: number): ComparisonView['metrics'] {
  return rec.metrics.map((m) => ({ ...m, significant: m.p === null ? null : m.p < alpha, lowerIsBetter: LOWER_IS_BETTER.has(m.name) }));
}
