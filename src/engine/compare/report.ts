// The comparison as people read it: one Markdown document for the pull request comment and the job
// summary. Everything from data or config is escaped; the marker cannot be forged by data, because
// data never reaches the comment unescaped.
import { escapeMarkdown } from '../text/escape.ts';
import type { Verdict } from './gates.ts';

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
  data: { files: string[]; testRows: number; labelledRows: number; newRowsSinceChampion: number | null; sha256: string };
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
  'first-model': '🆕 **first model**: there is no champion yet',
};

function chart(view: ComparisonView): string[] {
  // Bars for the metrics on a 0..1 scale (classification), or the error metrics (regression).
  const rows = view.metrics.filter((m) => m.candidate !== null && (view.classes ? !m.lowerIsBetter && m.candidate >= 0 && m.candidate <= 1 : m.lowerIsBetter));
  if (rows.length === 0) return [];
  const values = rows.flatMap((m) => [m.candidate ?? 0, m.champion ?? 0]);
  const top = view.classes ? 1 : Math.max(...values) * 1.1 || 1;
  const series = (pick: (m: MetricRow) => number | null) => `[${rows.map((m) => Number((pick(m) ?? 0).toFixed(4))).join(', ')}]`;
  const out = ['```mermaid', 'xychart-beta', `  title "${view.pipeline}: ${view.champion ? 'champion (first bar) and candidate' : 'candidate'}"`, `  x-axis [${rows.map((m) => m.name).join(', ')}]`, `  y-axis "${view.classes ? 'score' : 'error'}" 0 --> ${Number(top.toFixed(4))}`];
  if (view.champion) out.push(`  bar ${series((m) => m.champion)}`);
  out.push(`  bar ${series((m) => m.candidate)}`, '```');
  return out;
}

export function renderComparison(view: ComparisonView): string {
  const e = (s: string, max = 80) => escapeMarkdown(s, max);
  const out: string[] = [view.marker, `## mlops · ${e(view.pipeline)}`, '', VERDICT[view.verdict.decision], ''];
  for (const r of view.verdict.reasons) out.push(`- ${e(r, 300)}`);
  out.push('', `Scored on the same **${view.data.testRows.toLocaleString('en-US')}** test rows; primary metric **${e(view.primary)}**.`, '');
  out.push('| Metric | Champion | Candidate | Change | 95% CI of change | Significant? |', '|---|---:|---:|---:|---|---|');
  for (const m of view.metrics) {
    const sig = m.significant === null ? '–' : m.significant ? `yes (p = ${m.p!.toPrecision(2)})` : `no (p = ${m.p!.toPrecision(2)})`;
    const name = `${m.name === view.primary ? '**' : ''}${m.name}${m.lowerIsBetter ? ' ↓' : ''}${m.name === view.primary ? '**' : ''}`;
    out.push(`| ${name} | ${num(m.champion)} | ${num(m.candidate)} | ${signed(m.diff)} | ${m.ci ? `${signed(m.ci[0])} … ${signed(m.ci[1])}` : '–'} | ${sig} |`);
  }
  out.push('', ...chart(view));
  if (view.confusion && view.classes) {
    const matrix = (title: string, cm: number[][]) => {
      out.push('', `**${title}** (rows: true, columns: predicted)`, '', `| | ${view.classes!.map((c) => e(c, 40)).join(' | ')} |`, `|---|${view.classes!.map(() => '---:').join('|')}|`);
      cm.forEach((row, k) => out.push(`| **${e(view.classes![k]!, 40)}** | ${row.join(' | ')} |`));
    };
    if (view.confusion.champion) matrix('Champion', view.confusion.champion);
    matrix('Candidate', view.confusion.candidate);
  }
  if (view.slices.length > 0) {
    out.push('', `**Slices** (${e(view.primary)})`, '', '| Column | Value | Rows | Champion | Candidate |', '|---|---|---:|---:|---:|');
    for (const s of view.slices) out.push(`| ${e(s.column, 40)} | ${e(s.value, 60)} | ${s.rows} | ${num(s.champion)} | ${num(s.candidate)} |`);
  }
  if (view.importances.length > 0) {
    out.push('', '**Top features** (candidate, impurity importance)', '', '| Feature | Importance |', '|---|---:|');
    for (const [name, v] of view.importances) out.push(`| ${e(name, 60)} | ${v.toFixed(4)} |`);
  }
  out.push('', '**Data**', '');
  out.push(`- files: ${view.data.files.map((f) => `<code>${e(f, 120)}</code>`).join(', ')} (sha256 ${view.data.sha256.slice(0, 12)}…)`);
  out.push(`- labelled rows: ${view.data.labelledRows.toLocaleString('en-US')}${view.data.newRowsSinceChampion === null ? '' : `, ${view.data.newRowsSinceChampion >= 0 ? '+' : ''}${view.data.newRowsSinceChampion.toLocaleString('en-US')} since the champion was trained`}`);
  out.push(`- candidate: <code>${e(view.candidate.path, 120)}</code> (sha256 ${view.candidate.sha256.slice(0, 12)}…)`);
  if (view.champion) out.push(`- champion: ${e(view.champion.source, 160)} (sha256 ${view.champion.sha256.slice(0, 12)}…, checksum verified)`);
  if (view.links.run) out.push('', `[Workflow run](${view.links.run})${view.links.artifacts ? ` · [artifacts](${view.links.artifacts})` : ''}`);
  return `${out.join('\n')}\n`;
}
