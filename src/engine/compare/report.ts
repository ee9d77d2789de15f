// The comparison as people read it: one Markdown document for the pull request comment and the job
// summary. Everything from data or config is escaped; the marker cannot be forged by data, because
// data never reaches the comment unescaped.
import { escapeMarkdown } from '../text/escape.ts';
import type { Verdict } from './gates.ts';
import { formatP } from './p-value.ts';

/** GitHub refuses a comment longer than 65,536 characters; the report stays below this. */
export const MAX_COMMENT_CHARS = 60000;

export interface MetricRow {
  name: string;
  champion: number | null;
  candidate: number | null;
  diff: number | null;
  ci: [number, number] | null;
  p: number | null;
  significant: boolean | null;
  lowerIsBetter: boolean;
}

export interface ComparisonView {
  pipeline: string;
  marker: string;
  verdict: Verdict;
  primary: string;
  metrics: MetricRow[];
  classes: string[] | null;
  confusion: { champion: number[][] | null; candidate: number[][] } | null;
  slices: { column: string; value: string; rows: number; champion: number | null; candidate: number | null }[];
  importances: [string, number][];
  /** testRows: the rows both models were scored on; candidateTestRows: the candidate's own test rows. */
  data: { files: string[]; testRows: number; candidateTestRows: number; labelledRows: number; newRowsSinceChampion: number | null; sha256: string };
  /** Caveats about the numbers (a MAPE over zero labels), shown under the table. */
  notes: string[];
  /** The sweep the candidate won, as its report renders it (escaped Markdown), or null. */
  sweep?: string | null;
  /** Metrics kept out of the charts (and why, in `notes`). */
  unchartable: string[];
  /** Where the whole report is when the comment is shortened. */
  fullReport: string;
  candidate: { path: string; sha256: string };
  champion: { source: string; sha256: string } | null;
  links: { run: string | null; artifacts: string | null };
}

export function commentMarker(pipeline: string): string {
  // The pipeline name is [a-z0-9-]+ (the config checks it), so the marker is always well-formed.
  return `<!-- mlops-actions:compare-to-champion:${pipeline} -->`;
}

const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));
const signed = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : `${v > 0 ? '+' : ''}${num(v)}`);

const VERDICT: Record<Verdict['decision'], string> = {
  promote: '✅ **promote**: the candidate beats the champion under the gates',
  reject: '❌ **reject**: the candidate does not pass the gates',
  'first-model': '🆕 **first model**: there is no champion yet, and the candidate passes the absolute thresholds',
  'no-change': '⏸️ **no change**: the candidate predicts exactly what the champion predicts, so there is nothing to promote',
};

/** Metric groups drawn on one chart each: one axis never mixes scales (a 0–1 score and an error in units). */
const CHART_GROUPS: { title: string; axis: string; metrics: readonly string[]; unitRange?: boolean }[] = [
  { title: 'scores (higher is better)', axis: 'score', metrics: ['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc', 'pr_auc'], unitRange: true },
  { title: 'losses (lower is better)', axis: 'loss', metrics: ['log_loss', 'brier'] },
  { title: 'errors in the target\'s units (lower is better)', axis: 'error', metrics: ['rmse', 'mae', 'median_ae'] },
];

function charts(view: ComparisonView): string[] {
  const out: string[] = [];
  for (const group of CHART_GROUPS) {
    const rows = view.metrics.filter((m) => group.metrics.includes(m.name) && !view.unchartable.includes(m.name) && m.candidate !== null && Number.isFinite(m.candidate));
    if (rows.length === 0) continue;
    const values = rows.flatMap((m) => [m.candidate ?? 0, m.champion ?? 0]).filter(Number.isFinite);
    const top = group.unitRange ? 1 : Math.max(...values) * 1.1 || 1;
    const series = (pick: (m: MetricRow) => number | null) => `[${rows.map((m) => Number((pick(m) ?? 0).toFixed(4))).join(', ')}]`;
    out.push('', '```mermaid', 'xychart-beta', `  title "${view.pipeline}: ${group.title}${view.champion ? ', champion (first bar) and candidate' : ''}"`, `  x-axis [${rows.map((m) => m.name).join(', ')}]`, `  y-axis "${group.axis}" 0 --> ${Number(top.toFixed(4))}`);
    if (view.champion && rows.some((m) => m.champion !== null)) out.push(`  bar ${series((m) => m.champion)}`);
    out.push(`  bar ${series((m) => m.candidate)}`, '```');
  }
  return out;
}

type Part = 'slices' | 'confusion' | 'importances';

function render(view: ComparisonView, omit: ReadonlySet<Part>): string {
  const e = (s: string, max = 80) => escapeMarkdown(s, max);
  const out: string[] = [view.marker, `## mlops · ${e(view.pipeline)}`, '', VERDICT[view.verdict.decision], ''];
  for (const r of view.verdict.reasons) out.push(`- ${e(r, 300)}`);
  const rows = view.data.testRows.toLocaleString('en-US');
  const scoredOn = view.champion && view.data.testRows !== view.data.candidateTestRows ? `Scored on the same **${rows}** rows: the test rows of both the champion and the candidate (the candidate alone has ${view.data.candidateTestRows.toLocaleString('en-US')})` : view.champion ? `Scored on the same **${rows}** test rows` : `Scored on **${rows}** test rows`;
  out.push('', `${scoredOn}; primary metric **${e(view.primary)}**.`, '');
  out.push('| Metric | Champion | Candidate | Change | 95% CI of change | Significant? |', '|---|---:|---:|---:|---|---|');
  for (const m of view.metrics) {
    const sig = m.significant === null || m.p === null ? '–' : `${m.significant ? 'yes' : 'no'} (${formatP(m.p)})`;
    const name = `${m.name === view.primary ? '**' : ''}${m.name}${m.lowerIsBetter ? ' ↓' : ''}${m.name === view.primary ? '**' : ''}`;
    out.push(`| ${name} | ${num(m.champion)} | ${num(m.candidate)} | ${signed(m.diff)} | ${m.ci ? `${signed(m.ci[0])} … ${signed(m.ci[1])}` : '–'} | ${sig} |`);
  }
  for (const note of view.notes) out.push('', `> ${e(note, 400)}`);
  out.push(...charts(view));
  if (view.sweep) out.push('', view.sweep.trimEnd());
  const shortened = [...omit].map((p) => ({ slices: 'the slices', confusion: 'the confusion matrices', importances: 'the top features' })[p]);
  const classes = view.classes;
  if (view.confusion && classes && !omit.has('confusion')) {
    const matrix = (title: string, cm: number[][]) => {
      out.push('', `**${title}** (rows: true, columns: predicted)`, '', `| | ${classes.map((c) => e(c, 40)).join(' | ')} |`, `|---|${classes.map(() => '---:').join('|')}|`);
      cm.forEach((row, k) => out.push(`| **${e(classes[k] ?? '', 40)}** | ${row.join(' | ')} |`));
    };
    if (view.confusion.champion) matrix('Champion', view.confusion.champion);
    matrix('Candidate', view.confusion.candidate);
  }
  if (view.slices.length > 0 && !omit.has('slices')) {
    out.push('', `**Slices** (${e(view.primary)})`, '', '| Column | Value | Rows | Champion | Candidate |', '|---|---|---:|---:|---:|');
    for (const s of view.slices) out.push(`| ${e(s.column, 40)} | ${e(s.value, 60)} | ${s.rows} | ${num(s.champion)} | ${num(s.candidate)} |`);
  }
  if (view.importances.length > 0 && !omit.has('importances')) {
    out.push('', '**Top features** (candidate, impurity importance)', '', '| Feature | Importance |', '|---|---:|');
    for (const [name, v] of view.importances) out.push(`| ${e(name, 60)} | ${v.toFixed(4)} |`);
  }
  out.push('', '**Data**', '');
  out.push(`- files: ${view.data.files.slice(0, 20).map((f) => `<code>${e(f, 120)}</code>`).join(', ')}${view.data.files.length > 20 ? ` and ${view.data.files.length - 20} more` : ''} (sha256 ${view.data.sha256.slice(0, 12)}…)`);
  out.push(`- labelled rows: ${view.data.labelledRows.toLocaleString('en-US')}${view.data.newRowsSinceChampion === null ? '' : `, ${view.data.newRowsSinceChampion >= 0 ? '+' : ''}${view.data.newRowsSinceChampion.toLocaleString('en-US')} since the champion was trained`}`);
  out.push(`- candidate: <code>${e(view.candidate.path, 120)}</code> (sha256 ${view.candidate.sha256.slice(0, 12)}…)`);
  if (view.champion) out.push(`- champion: ${e(view.champion.source, 160)} (sha256 ${view.champion.sha256.slice(0, 12)}…, checksum verified)`);
  if (shortened.length > 0) out.push('', `_Shortened to fit a comment: ${shortened.join(', ')} ${shortened.length === 1 ? 'is' : 'are'} left out. The full report is ${e(view.fullReport, 200)}._`);
  if (view.links.run) out.push('', `[Workflow run](${view.links.run})${view.links.artifacts ? ` · [artifacts](${view.links.artifacts})` : ''}`);
  return `${out.join('\n')}\n`;
}

/** The whole report, for the job summary and the artifact. */
export function renderComparison(view: ComparisonView): string {
  return render(view, new Set());
}

/**
 * The report for a pull request comment: the whole report when it fits, else without the slices, then
 * the confusion matrices, then the top features, with a line that says where the whole report is.
 */
export function renderComment(view: ComparisonView, max = MAX_COMMENT_CHARS): string {
  const omit = new Set<Part>();
  let body = render(view, omit);
  for (const part of ['slices', 'confusion', 'importances'] as const) {
    if (body.length <= max) return body;
    omit.add(part);
    body = render(view, omit);
  }
  if (body.length <= max) return body;
  // Still too long (hundreds of reasons or files): cut, and keep the pointer to the full report.
  const tail = `\n\n_Cut to fit a comment. The full report is ${escapeMarkdown(view.fullReport, 200)}._\n`;
  return `${body.slice(0, max - tail.length)}${tail}`;
}
