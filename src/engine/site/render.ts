// The registry site's pages: an index of pipelines, and per pipeline its champion, every version, the
// primary metric over versions, and the drift history. Plain HTML and inline SVG (no script), readable
// on a phone (tables scroll inside their own region), every chart described in words and its values in
// a table; every value from the registry escaped.
import { escapeHtml as h, renderPage, safeHref } from '../html/page.ts';
import { lineChart, type ChartPoint } from './chart.ts';
import type { Interval, SitePipeline, SiteVersion } from './model.ts';

export const SITE_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --bad: #cf222e; --warn: #9a6700; --good: #1a7f37; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 0 1rem 3rem; }
a { color: var(--accent); } a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .25rem .5rem; }
header { border-bottom: 1px solid var(--line); margin-bottom: 1rem; } nav { font-size: .9rem; padding-top: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.muted, .empty { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; } th { white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } code { font-size: .85em; overflow-wrap: anywhere; }
tr.champion td, tr.champion th { background: #ddf4ff; } tr.rollback td:first-child { border-left: 4px solid var(--warn); } tr.forced td:first-child { border-left: 4px solid var(--bad); } tr.drift td { background: #ffebe9; }
.tag { display: inline-block; border-radius: 1em; padding: 0 .5em; font-size: .8rem; border: 1px solid currentColor; }
.tag.champion { color: var(--accent); } .tag.rollback { color: var(--warn); } .tag.forced, .tag.drift, .tag.damaged { color: var(--bad); } .tag.ok { color: var(--good); }
svg.chart { width: 100%; height: auto; max-width: 720px; display: block; }
svg .band { fill: #0969da; fill-opacity: .15; } svg .whisker { stroke: #0969da; stroke-opacity: .4; stroke-width: 3; }
svg .line { fill: none; stroke: #0969da; stroke-width: 1.5; } svg .axis { stroke: #59636e; } svg .grid { stroke: #d1d9e0; stroke-dasharray: 2 3; }
svg .reference { stroke: #59636e; stroke-dasharray: 6 4; } svg .tick, svg .mark { font-size: 11px; fill: #59636e; } svg .mark { fill: #0969da; font-weight: 600; }
svg .point { fill: #0969da; } svg .point.champion { fill: #fff; stroke: #0969da; stroke-width: 3; } svg .point.rollback { fill: #9a6700; } svg .point.forced { fill: #cf222e; }
svg .point.drift { fill: #cf222e; } svg .point.estimated { fill-opacity: .55; }
.legend { font-size: .85rem; color: var(--muted); }
ul.assets { margin: 0; padding-left: 1.1rem; }
@media (max-width: 600px) { body { font-size: 14px; } dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .5rem; } }
`;

/** Drifted features named per report; the rest are counted (the report itself lists them all). */
const SHOWN_FEATURES = 8;
const pad2 = (n: number) => String(n).padStart(2, '0');
const fmt = (v: number | null, digits = 4) => (v === null ? '—' : v.toFixed(digits));
const ci = (i: Interval | null) => (i ? `${i[0].toFixed(4)} – ${i[1].toFixed(4)}` : '');
const withCi = (v: number | null, i: Interval | null) => (v === null ? '—' : `${v.toFixed(4)}${i ? ` <span class="muted">(${ci(i)})</span>` : ''}`);
/** A UTC time as people read it: 2026-12-06 01:24 UTC. */
export function when(iso: string | null): string {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())} UTC`;
}
const link = (href: string | null, text: string) => {
  const safe = href === null ? undefined : safeHref(href);
  return safe === undefined ? h(text) : `<a href="${h(safe)}">${h(text)}</a>`;
};
/** A file name for a pipeline's page (pipeline names are checked by the config, but not trusted here). */
export const pageOf = (pipeline: string) => `${encodeURIComponent(pipeline).replace(/%/g, '_')}.html`;

function champion(p: SitePipeline): SiteVersion | undefined {
  return p.versions[p.versions.length - 1];
}

function tags(v: SiteVersion, top: number): string {
  const out: string[] = [];
  if (v.version === top) out.push('<span class="tag champion">champion</span>');
  if (v.rollbackOf !== null) out.push(`<span class="tag rollback">rollback to v${v.rollbackOf}</span>`);
  if (v.forced) out.push('<span class="tag forced">forced</span>');
  if (v.damaged) out.push('<span class="tag damaged">damaged</span>');
  return out.join(' ');
}

function shell(title: string, crumbs: string, body: string, description: string): string {
  return renderPage({
    title,
    css: SITE_CSS,
    description,
    body: `<a class="skip" href="#main">Skip to the content</a>
<header><nav aria-label="Breadcrumb">${crumbs}</nav><h1>${h(title)}</h1></header>
<main id="main">
${body}
</main>
<footer><p class="muted">Made by mlops site from the registry; a static page with no scripts.</p></footer>`,
  });
}

export function renderIndex(pipelines: readonly SitePipeline[], where: string, generatedAt: string): string {
  const rows = pipelines.map((p) => {
    const c = champion(p);
    const last = p.drift[p.drift.length - 1];
    return `<tr><th scope="row"><a href="${h(pageOf(p.name))}">${h(p.name)}</a></th><td>${c ? `v${c.version}` : '—'}</td><td>${h(p.primary)}</td><td class="n">${c ? withCi(c.primary.value, c.primary.interval) : '—'}</td><td>${c ? h(when(c.publishedAt)) : '—'}</td><td class="n">${p.versions.length}</td><td>${last ? `<span class="tag ${last.verdict === 'drift' ? 'drift' : 'ok'}">${h(last.verdict)}</span> ${h(when(last.at))}` : '<span class="muted">no report</span>'}</td></tr>`;
  });
  const body = `<p>${pipelines.length} pipeline${pipelines.length === 1 ? '' : 's'} in ${h(where)}, as of ${h(when(generatedAt))}.</p>
<div class="scroll" role="region" aria-label="Pipelines" tabindex="0"><table>
<caption class="muted">Each pipeline's champion (its highest published version) and its latest drift report</caption>
<thead><tr><th scope="col">Pipeline</th><th scope="col">Champion</th><th scope="col">Primary metric</th><th scope="col">Value (95% interval)</th><th scope="col">Published</th><th scope="col">Versions</th><th scope="col">Latest drift report</th></tr></thead>
<tbody>
${rows.join('\n') || '<tr><td colspan="7" class="empty">No pipeline found.</td></tr>'}
</tbody></table></div>`;
  return shell('Model registry', '<span aria-current="page">Registry</span>', body, `The model registry: ${pipelines.length} pipeline${pipelines.length === 1 ? '' : 's'}`);
}

function versionChart(p: SitePipeline, top: number): string {
  const points: ChartPoint[] = p.versions.map((v) => ({
    x: v.version,
    y: v.primary.value,
    interval: v.primary.interval,
    kinds: [...(v.version === top ? ['champion'] : []), ...(v.rollbackOf !== null ? ['rollback'] : []), ...(v.forced ? ['forced'] : [])],
    note: `v${v.version}: ${p.primary} ${fmt(v.primary.value)}${v.primary.interval ? ` (95% interval ${ci(v.primary.interval)})` : ''}${v.version === top ? ', champion' : ''}${v.rollbackOf !== null ? `, rollback to v${v.rollbackOf}` : ''}${v.forced ? ', forced' : ''}`,
  }));
  const c = p.versions.find((v) => v.version === top);
  const description = `${p.primary} of ${p.versions.length} versions, from v${p.versions[0]?.version ?? '?'} to v${top}, ${p.lowerIsBetter ? 'lower' : 'higher'} is better. The champion, v${top}, has ${fmt(c?.primary.value ?? null)}. ${p.versions.filter((v) => v.rollbackOf !== null).length} rollbacks. Every value is in the table of versions below.`;
  return `${lineChart({ id: 'metric-chart', title: `${p.primary} by version`, description, yLabel: `${p.primary} (${p.lowerIsBetter ? 'lower' : 'higher'} is better)`, points, xLabel: (x) => `v${x}`, labelled: { kind: 'champion', text: `champion v${top}` } })}
<p class="legend">Band: the 95% interval on the test rows. Ringed: the champion. Amber: a rollback. Red: published by force.</p>`;
}

function driftSection(p: SitePipeline): string {
  if (p.drift.length === 0) return '<p class="empty">No drift report is kept yet: drift-report keeps one here each time it runs.</p>';
  const times = p.drift.map((d) => Date.parse(d.at));
  const ok = times.every((t) => Number.isFinite(t));
  const points: ChartPoint[] = p.drift.map((d, i) => ({
    x: ok ? (times[i] ?? i) : i,
    y: d.performance?.value ?? null,
    interval: d.performance?.interval ?? null,
    kinds: [...(d.verdict === 'drift' ? ['drift'] : []), ...(d.performance?.kind === 'estimated' ? ['estimated'] : [])],
    note: `${when(d.at)}: ${d.verdict}${d.performance ? `, ${d.performance.kind} ${d.performance.metric} ${fmt(d.performance.value)}` : ''}${d.drifted.length ? `; drifted: ${d.drifted.slice(0, 5).join(', ')}` : ''}`,
  }));
  const reference = p.drift.map((d) => d.referenceAccuracy).filter((r): r is number => r !== null).at(-1);
  const drifts = p.drift.filter((d) => d.verdict === 'drift').length;
  const chart = points.some((pt) => pt.y !== null)
    ? `${lineChart({
        id: 'drift-chart',
        title: 'Accuracy on fresh data over time',
        description: `${p.drift.length} drift reports from ${when(p.drift[0]?.at ?? null)} to ${when(p.drift[p.drift.length - 1]?.at ?? null)}; ${drifts} found drift. Each point is the accuracy measured on labelled fresh data, or estimated without labels (paler).${reference !== undefined ? ` The dashed line is the accuracy on the test rows, ${reference.toFixed(4)}.` : ''} Every value is in the table below.`,
        yLabel: 'accuracy',
        points,
        xLabel: (x) => (ok ? when(new Date(x).toISOString()).slice(0, 10) : `#${x + 1}`),
        reference: reference === undefined ? undefined : { y: reference, label: `accuracy on the test rows: ${reference.toFixed(4)}` },
      })}
<p class="legend">Red: a report that found drift. Pale: estimated without labels. Band: the 95% interval. Dashed: the accuracy on the test rows.</p>`
    : '<p class="empty">The reports carry no accuracy (a regression model, or no champion to score).</p>';
  const rows = [...p.drift].reverse().map((d) => `<tr class="${d.verdict === 'drift' ? 'drift' : ''}"><td>${h(when(d.at))}</td><td><span class="tag ${d.verdict === 'drift' ? 'drift' : 'ok'}">${h(d.verdict)}</span></td><td class="n">${d.share === null ? '—' : `${(d.share * 100).toFixed(0)}%`}</td><td>${d.drifted.length ? `${h(d.drifted.slice(0, SHOWN_FEATURES).join(', '))}${d.drifted.length > SHOWN_FEATURES ? ` <span class="muted">and ${d.drifted.length - SHOWN_FEATURES} more</span>` : ''}` : '<span class="muted">none</span>'}</td><td class="n">${d.performance ? withCi(d.performance.value, d.performance.interval) : '—'}</td><td>${d.performance ? h(d.performance.kind) : ''}</td><td class="n">${d.rows === null ? '—' : d.rows.toLocaleString('en-US')}</td><td>${h(d.champion ?? '')}</td></tr>`);
  return `${chart}
<div class="scroll" role="region" aria-label="Drift reports" tabindex="0"><table id="drift-table">
<caption class="muted">Every kept drift report, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Verdict</th><th scope="col">Drifted share</th><th scope="col">Drifted features</th><th scope="col">Accuracy (95% interval)</th><th scope="col">How</th><th scope="col">Rows</th><th scope="col">Champion</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

export function renderPipeline(p: SitePipeline, generatedAt: string): string {
  const c = champion(p);
  const top = c?.version ?? 0;
  const crumbs = `<a href="index.html">Registry</a> › <span aria-current="page">${h(p.name)}</span>`;
  if (!c) return shell(p.name, crumbs, `<p class="empty">No version of ${h(p.name)} is published in ${h(p.where)} yet.</p>${p.problems.map((x) => `<p>${h(x)}</p>`).join('')}`, `${p.name}: no version yet`);
  const key = c.metrics.filter((m) => m.interval !== null);
  const champ = `<section aria-labelledby="champion-h"><h2 id="champion-h">Champion: v${c.version}</h2>
<dl class="facts">
<dt>Version</dt><dd>${link(c.href, c.tag)} ${tags(c, top)}</dd>
<dt>Model digest</dt><dd><code>${c.sha256 ? `sha256:${h(c.sha256)}` : '—'}</code></dd>
<dt>Published</dt><dd>${h(when(c.publishedAt))}${c.commit ? `, from commit <code>${h(c.commit.slice(0, 12))}</code>` : ''}</dd>
<dt>Why</dt><dd>${h(c.decision ?? 'unknown')}${c.reasons.length ? `: ${h(c.reasons.join('; '))}` : ''}</dd>
<dt>Files</dt><dd>${c.assets.length ? `<ul class="assets">${c.assets.map((a) => `<li>${link(a.href, a.name)}</li>`).join('')}</ul>` : '—'}</dd>
</dl>
${key.length ? `<div class="scroll" role="region" aria-label="Champion's metrics" tabindex="0"><table id="champion-metrics"><caption class="muted">On its test rows, with 95% intervals</caption><thead><tr><th scope="col">Metric</th><th scope="col">Value</th><th scope="col">95% interval</th></tr></thead><tbody>
${key.map((m) => `<tr${m.name === p.primary ? ' class="champion"' : ''}><th scope="row">${h(m.name)}${m.name === p.primary ? ' <span class="muted">(primary)</span>' : ''}</th><td class="n">${m.value.toFixed(4)}</td><td class="n">${ci(m.interval)}</td></tr>`).join('\n')}
</tbody></table></div>` : ''}
</section>`;
  const rows = [...p.versions].reverse().map((v) => {
    const cls = [v.version === top ? 'champion' : '', v.rollbackOf !== null ? 'rollback' : '', v.forced ? 'forced' : ''].filter(Boolean).join(' ');
    const card = v.assets.find((a) => a.name === 'model-card.md');
    return `<tr${cls ? ` class="${cls}"` : ''} id="v${v.version}"><th scope="row">${link(v.href, `v${v.version}`)}</th><td>${h(when(v.publishedAt))}</td><td>${v.commit ? `<code>${h(v.commit.slice(0, 7))}</code>` : '—'}</td><td class="n">${withCi(v.primary.value, v.primary.interval)}</td><td>${h(v.decision ?? (v.damaged ? 'unreadable record' : '—'))} ${tags(v, top)}${v.damaged ? `<br><span class="muted">${h(v.damaged)}</span>` : ''}</td><td>${card ? link(card.href, 'model card') : ''}</td></tr>`;
  });
  const body = `<p>${h(p.task)} model; primary metric <strong>${h(p.primary)}</strong> (${p.lowerIsBetter ? 'lower' : 'higher'} is better); ${p.versions.length} version${p.versions.length === 1 ? '' : 's'} in ${h(p.where)}; pipeline <code>${h(p.file)}</code>.</p>
${p.problems.length ? `<div role="note">${p.problems.map((x) => `<p class="tag damaged">${h(x)}</p>`).join('')}</div>` : ''}
${champ}
<section aria-labelledby="metric-h"><h2 id="metric-h">${h(p.primary)} by version</h2>
${versionChart(p, top)}
</section>
<section aria-labelledby="versions-h"><h2 id="versions-h">Versions</h2>
<div class="scroll" role="region" aria-label="Versions" tabindex="0"><table id="versions">
<caption class="muted">Every published version, newest first; the champion is the highest</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Published</th><th scope="col">Commit</th><th scope="col">${h(p.primary)} (95% interval)</th><th scope="col">Decision</th><th scope="col">Card</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>
<section aria-labelledby="drift-h"><h2 id="drift-h">Drift history</h2>
${driftSection(p)}
</section>
<p class="muted">As of ${h(when(generatedAt))}.</p>`;
  return shell(p.name, crumbs, body, `${p.name}: champion v${top} of ${p.versions.length} version${p.versions.length === 1 ? '' : 's'}`);
}

