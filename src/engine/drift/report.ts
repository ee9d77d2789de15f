// The drift report for people: Markdown (the job summary and the drift issue, with Mermaid charts that
// GitHub renders) and a self-contained HTML page (the artifact: no scripts, no fonts, no outside
// requests). Every name and value from data is escaped on its way in.
import { escapeMarkdown, truncate } from '../text/escape.ts';
import { escapeHtml, renderPage } from '../html/page.ts';
import type { AccuracyEstimate } from './calibration.ts';
import { TEST_KIND, TEST_TITLE, type ColumnDrift, type DatasetDrift } from './detect.ts';

/** GitHub refuses an issue body over 65,536 characters. */
export const MAX_ISSUE_CHARS = 60000;

export type Performance =
  | { kind: 'estimated'; metric: 'accuracy'; estimate: AccuracyEstimate; reference: number | null }
  | { kind: 'measured'; metric: string; value: number; interval: [number, number] | null; rows: number; reference: number | null; lowerIsBetter: boolean };

export interface DriftView {
  pipeline: string;
  marker: string;
  result: DatasetDrift;
  prediction: ColumnDrift | null;
  performance: Performance | null;
  /** Why there is no performance figure, when there is none. */
  performanceNote: string | null;
  reference: string;
  current: string;
  /** Current columns the model does not know. */
  unknownColumns: string[];
  notes: string[];
  runUrl: string | null;
}

export function driftMarker(pipeline: string): string {
  // Pipeline names are [a-z0-9-]+ (the config checks it), so the marker is always well-formed.
  return `<!-- mlops-actions:drift-report:${pipeline} -->`;
}

const fmt = (v: number | null | undefined, digits = 4) => (v === null || v === undefined || Number.isNaN(v) ? '–' : !Number.isFinite(v) ? '∞' : Math.abs(v) !== 0 && Math.abs(v) < 1e-4 ? v.toExponential(2) : v.toFixed(digits));
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(4)}`;

/** The verdict in one line (Markdown-safe: feature names are escaped). */
export function verdictLine(view: DriftView): string {
  const r = view.result;
  if (r.verdict === 'not-enough-data') return `⚪ **Not enough data**: ${r.currentRows.toLocaleString('en-US')} current rows; at least ${r.minRows.toLocaleString('en-US')} are needed for a verdict (drift.min_rows).`;
  const names = r.drifted.slice(0, 8).map((n) => `\`${escapeMarkdown(n, 40)}\``).join(', ') + (r.drifted.length > 8 ? ` and ${r.drifted.length - 8} more` : '');
  const of = `${r.drifted.length} of ${r.columns.length} features drifted`;
  const share = `${pct(r.share)}${r.weighted ? ' of the importance' : ''}`;
  const perf = performanceClause(view.performance);
  if (r.drift) return `🔴 **Drift**: ${of} (${share}, threshold ${pct(r.threshold)}): ${names}.${perf}`;
  return `🟢 **No drift**: ${of} (${share}, threshold ${pct(r.threshold)})${r.drifted.length ? `: ${names}` : ''}.${perf}`;
}

function performanceClause(p: Performance | null): string {
  if (!p) return '';
  if (p.kind === 'estimated') {
    const change = p.reference === null ? '' : ` (${signed(p.estimate.accuracy - p.reference)} against ${fmt(p.reference)} on the test split)`;
    return ` Estimated accuracy without labels: **${fmt(p.estimate.accuracy)}**${change}.`;
  }
  const change = p.reference === null ? '' : ` (${signed(p.value - p.reference)} against ${fmt(p.reference)} on the test split)`;
  return ` Measured ${p.metric}: **${fmt(p.value)}**${change}.`;
}

function performanceLines(view: DriftView): string[] {
  const p = view.performance;
  if (!p) return view.performanceNote ? ['', `**Performance**: ${escapeMarkdown(view.performanceNote, 300)}`] : [];
  if (p.kind === 'estimated') {
    const e = p.estimate;
    return [
      '',
      `**Performance (estimated, no labels)**: accuracy **${fmt(e.accuracy)}** (95% interval ${fmt(e.interval[0])} – ${fmt(e.interval[1])}) on ${e.rows.toLocaleString('en-US')} rows${p.reference === null ? '' : `, against **${fmt(p.reference)}** on the champion's test split: **${signed(e.accuracy - p.reference)}**`}.`,
      '',
      '_Estimated from the champion\'s own confidence: its vote shares, calibrated (isotonic) on its test split, averaged over the current rows, as NannyML\'s CBPE does. It assumes the relation between features and label is unchanged; a new kind of case the model has never seen can still fool it. Labels, when they arrive, give the measured figure._',
    ];
  }
  return [
    '',
    `**Performance (measured, with labels)**: ${escapeMarkdown(p.metric, 40)} **${fmt(p.value)}**${p.interval ? ` (95% CI ${fmt(p.interval[0])} – ${fmt(p.interval[1])})` : ''} on ${p.rows.toLocaleString('en-US')} labelled rows${p.reference === null ? '' : `, against **${fmt(p.reference)}** on the champion's test split: **${signed(p.value - p.reference)}**${p.lowerIsBetter ? ' (lower is better)' : ''}`}.`,
  ];
}

function scoreCell(c: ColumnDrift): string {
  if (Number.isNaN(c.score)) return '–';
  return `${fmt(c.score)} ${TEST_KIND[c.test] === 'p-value' ? '(p)' : ''}`.trim();
}

function missingCell(c: ColumnDrift): string {
  const { reference, current } = c.missingShare;
  if (reference === 0 && current === 0) return '–';
  return `${pct(reference)} → ${pct(current)}`;
}

/** A Mermaid bar chart of a column's reference and current shares. Labels are reduced to safe characters. */
function chart(c: ColumnDrift): string[] {
  if (c.bins.labels.length === 0) return [];
  const safe = (s: string) => truncate(s.replace(/[^\p{L}\p{N} .,:/+%=-]/gu, '_'), 18);
  const top = Math.max(...c.bins.reference, ...c.bins.current, 0.01);
  const series = (v: number[]) => `[${v.map((x) => Number((x * 100).toFixed(2))).join(', ')}]`;
  return [
    '',
    '```mermaid',
    'xychart-beta',
    `  title "${safe(c.column)}: reference (first bar) and current, % of rows"`,
    `  x-axis [${c.bins.labels.map((l) => `"${safe(l)}"`).join(', ')}]`,
    `  y-axis "% of rows" 0 --> ${Math.ceil(top * 100)}`,
    `  bar ${series(c.bins.reference)}`,
    `  bar ${series(c.bins.current)}`,
    '```',
  ];
}

export function renderDriftMarkdown(view: DriftView, max = Infinity): string {
  const e = (s: string, n = 80) => escapeMarkdown(s, n);
  const r = view.result;
  const out = [view.marker, `## mlops · drift · ${e(view.pipeline)}`, '', verdictLine(view)];
  out.push(...performanceLines(view));
  if (view.prediction) {
    const p = view.prediction;
    out.push('', `**Prediction drift**: ${p.drifted ? '🔴 the champion\'s predictions drifted' : '🟢 the champion\'s predictions did not drift'} (${TEST_TITLE[p.test]}, ${scoreCell(p)}, threshold ${fmt(p.threshold)}).`);
  }
  if (r.columns.length > 0) {
    out.push('', '| Feature | Type | Test | Score | Threshold | Drift | PSI | Missing (ref → cur) |', '|---|---|---|---:|---:|---|---:|---|');
    for (const c of r.columns) out.push(`| ${e(c.column, 60)} | ${c.kind} | ${TEST_TITLE[c.test]} | ${scoreCell(c)} | ${fmt(c.threshold, 3)} | ${c.drifted ? '🔴 yes' : 'no'} | ${fmt(c.psi, 3)} | ${missingCell(c)} |`);
    const notes = r.columns.flatMap((c) => (c.note ? [`- ${e(c.column, 60)}: ${e(c.note, 200)}`] : []));
    if (notes.length) out.push('', ...notes);
  }
  const fresh = r.columns.filter((c) => c.newCategories.length > 0);
  if (fresh.length) {
    out.push('', '**New categories** (never seen in the reference)', '');
    for (const c of fresh) out.push(`- ${e(c.column, 60)}: ${c.newCategories.slice(0, 10).map(([k, n]) => `${e(k, 40)} (${n.toLocaleString('en-US')})`).join(', ')}${c.newCategories.length > 10 ? ` and ${c.newCategories.length - 10} more` : ''}`);
  }
  const texts = r.columns.filter((c) => c.words && (c.words.rose.length > 0 || c.words.fell.length > 0));
  if (texts.length) {
    out.push('', '**Words** (share of a text column\'s words, reference → now; words in fewer than 20 training rows are counted only in hashed buckets)', '');
    for (const c of texts) out.push(`- ${e(c.column, 60)}: ${wordLine(c, (w) => e(w, 40))}`);
  }
  const missing = r.columns.filter((c) => c.missingShare.current > c.missingShare.reference + 0.01);
  if (missing.length) {
    out.push('', '**Newly missing values**', '');
    for (const c of missing) out.push(`- ${e(c.column, 60)}: ${pct(c.missingShare.reference)} missing in the reference, ${pct(c.missingShare.current)} now${c.missingShare.reference === 0 ? ' (never missing before)' : ''}`);
  }
  if (view.unknownColumns.length) out.push('', `Columns the model does not use (not tested): ${view.unknownColumns.slice(0, 20).map((n) => e(n, 40)).join(', ')}${view.unknownColumns.length > 20 ? ` and ${view.unknownColumns.length - 20} more` : ''}.`);
  const charted = r.columns.filter((c) => c.bins.labels.length > 0).slice(0, 3);
  if (charted.length) out.push('', `**The most drifted features** (${charted.length})`, ...charted.flatMap(chart));
  for (const note of view.notes) out.push('', `> ${e(note, 400)}`);
  out.push('', '**Data**', '', `- reference: ${e(view.reference, 300)}`, `- current: ${e(view.current, 300)}`);
  if (view.runUrl) out.push('', `[Workflow run](${view.runUrl})`);
  const text = `${out.join('\n')}\n`;
  if (text.length <= max) return text;
  const tail = '\n\n_Cut to fit an issue. The whole report is in the job summary and the drift-report artifact._\n';
  return `${text.slice(0, max - tail.length)}${tail}`;
}

const html = escapeHtml;

function svgChart(c: ColumnDrift): string {
  const n = c.bins.labels.length;
  const width = 640;
  const height = 220;
  const pad = 36;
  const top = Math.max(...c.bins.reference, ...c.bins.current, 0.01);
  const slot = (width - pad * 2) / n;
  const bar = Math.max(2, slot / 2 - 2);
  const y = (v: number) => height - pad - (v / top) * (height - pad * 2);
  const parts: string[] = [];
  c.bins.labels.forEach((label, i) => {
    const x = pad + i * slot;
    const r = c.bins.reference[i]!;
    const cur = c.bins.current[i]!;
    parts.push(`<rect x="${x.toFixed(1)}" y="${y(r).toFixed(1)}" width="${bar.toFixed(1)}" height="${(height - pad - y(r)).toFixed(1)}" class="ref"><title>${html(label)}: reference ${pct(r)}</title></rect>`);
    parts.push(`<rect x="${(x + bar + 1).toFixed(1)}" y="${y(cur).toFixed(1)}" width="${bar.toFixed(1)}" height="${(height - pad - y(cur)).toFixed(1)}" class="cur"><title>${html(label)}: current ${pct(cur)}</title></rect>`);
    if (n <= 16) parts.push(`<text x="${(x + bar).toFixed(1)}" y="${height - pad + 14}" text-anchor="middle">${html(truncate(label, 10))}</text>`);
  });
  parts.push(`<text x="${pad}" y="${pad - 12}">${pct(top)}</text>`, `<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" class="axis"/>`);
  return `<figure><figcaption>${html(c.column)} (${html(TEST_TITLE[c.test])}: ${html(scoreCell(c))})</figcaption><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${html(c.column)}: reference and current distributions">${parts.join('')}</svg></figure>`;
}

/** A text column's words that rose and fell most: "rose: upi 0.0% → 3.1%, …; fell: bank 2.0% → 0.4%". */
export function wordLine(c: ColumnDrift, show: (word: string) => string): string {
  const list = (xs: [string, number, number][]) => xs.map(([w, a, b]) => `${show(w)} ${pct(a)} → ${pct(b)}`).join(', ');
  const parts: string[] = [];
  if (c.words?.rose.length) parts.push(`rose: ${list(c.words.rose)}`);
  if (c.words?.fell.length) parts.push(`fell: ${list(c.words.fell)}`);
  return parts.join('; ');
}

const DRIFT_CSS = `
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1f2328; }
.scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } tr.drift td { background: #ffebe9; }
.verdict { font-size: 1.15rem; } figure { margin: 1.5rem 0; } figcaption { font-weight: 600; } svg { max-width: 100%; height: auto; }
rect.ref { fill: #8c959f; } rect.cur { fill: #cf222e; } line.axis { stroke: #57606a; } svg text { font-size: 11px; fill: #57606a; }
.swatch { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; } .swatch.ref { background: #8c959f; } .swatch.cur { background: #cf222e; }
[tabindex]:focus-visible { outline: 3px solid #0969da; }
`;

/** The whole report as one HTML file with nothing outside it (no scripts, fonts or images to fetch). */
export function renderDriftHtml(view: DriftView): string {
  const r = view.result;
  const md = (s: string) => html(s.replace(/\*\*/g, '').replace(/`/g, ''));
  const verdict = verdictLine({ ...view, result: { ...r, drifted: r.drifted } }).replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const rows = r.columns
    .map((c) => `<tr class="${c.drifted ? 'drift' : ''}"><td>${html(c.column)}</td><td>${c.kind}</td><td>${html(TEST_TITLE[c.test])}</td><td class="n">${html(scoreCell(c))}</td><td class="n">${fmt(c.threshold, 3)}</td><td>${c.drifted ? 'yes' : 'no'}</td><td class="n">${fmt(c.psi, 3)}</td><td>${html(missingCell(c))}</td><td>${html(c.note ?? '')}${c.newCategories.length ? `${c.note ? '; ' : ''}new: ${html(c.newCategories.slice(0, 5).map(([k, n]) => `${k} (${n})`).join(', '))}` : ''}</td></tr>`)
    .join('\n');
  const perf = performanceLines(view).filter((l) => l !== '').map((l) => `<p>${md(l.replace(/^_|_$/g, ''))}</p>`).join('\n');
  const pred = view.prediction ? `<p>Prediction drift: ${view.prediction.drifted ? 'the champion\'s predictions drifted' : 'no drift in the champion\'s predictions'} (${html(TEST_TITLE[view.prediction.test])}, ${html(scoreCell(view.prediction))}).</p>` : '';
  const charts = r.columns.filter((c) => c.bins.labels.length > 0).slice(0, 8).map(svgChart).join('\n');
  const body = `<main>
<h1>Drift report: ${html(view.pipeline)}</h1>
<p class="verdict">${md(verdict)}</p>
${perf}
${pred}
<div class="scroll" role="region" aria-label="Features" tabindex="0"><table>
<thead><tr><th scope="col">Feature</th><th scope="col">Type</th><th scope="col">Test</th><th scope="col">Score</th><th scope="col">Threshold</th><th scope="col">Drift</th><th scope="col">PSI</th><th scope="col">Missing (ref → cur)</th><th scope="col">Notes</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
${r.columns.some((c) => c.words && (c.words.rose.length || c.words.fell.length)) ? `<h2>Words</h2>\n<p class="legend">Each text column's words whose share rose and fell most. A word found in fewer than 20 training rows is never named: it is counted in a hashed bucket (#395).</p>\n<ul class="words">${r.columns.filter((c) => c.words && (c.words.rose.length || c.words.fell.length)).map((c) => `<li><strong>${html(c.column)}</strong>: ${wordLine(c, html)}</li>`).join('')}</ul>` : ''}
<h2>Distributions</h2>
<p class="legend"><span class="swatch ref"></span>reference <span class="swatch cur"></span>current</p>
${charts}
<h2>Data</h2>
<ul><li>reference: ${html(view.reference)}</li><li>current: ${html(view.current)}</li></ul>
${view.notes.map((n) => `<p>${html(n)}</p>`).join('\n')}
</main>`;
  return renderPage({ title: `Drift report: ${view.pipeline}`, css: DRIFT_CSS, body });
}
