// A line chart as inline SVG: a value per point with its 95% interval drawn as a band, points marked
// by kind (champion, rollback, drift), and a dashed reference line. Colours come from the page's style
// sheet through classes. The chart's title and description are its text alternative; the table beside
// it on the page holds every value.
import { escapeHtml } from '../html/page.ts';

export interface ChartPoint {
  x: number;
  y: number | null;
  interval: readonly [number, number] | null;
  /** Classes beside "point": champion, rollback, forced, drift, estimated. */
  kinds: readonly string[];
  /** What the point's tooltip says. */
  note: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  yLabel: string;
  points: readonly ChartPoint[];
  xLabel: (x: number) => string;
  reference?: { y: number; label: string } | undefined;
  /** A label drawn beside the point of this kind (the champion). */
  labelled?: { kind: string; text: string } | undefined;
}

const W = 720;
const H = 260;
const PAD = { left: 56, right: 16, top: 20, bottom: 36 };

const f1 = (n: number) => n.toFixed(1);

export function lineChart(spec: ChartSpec): string {
  const pts = spec.points;
  const ys = pts.flatMap((p) => [p.y, ...(p.interval ?? [])]).filter((v): v is number => v !== null);
  if (spec.reference) ys.push(spec.reference.y);
  if (pts.length === 0 || ys.length === 0) return `<p class="empty">${escapeHtml(spec.title)}: nothing to draw yet.</p>`;
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (hi - lo < 1e-9) [lo, hi] = [lo - 0.01, hi + 0.01];
  const margin = (hi - lo) * 0.06;
  lo -= margin;
  hi += margin;
  const x0 = pts[0]?.x ?? 0;
  const x1 = pts[pts.length - 1]?.x ?? 1;
  const sx = (x: number) => PAD.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => PAD.top + (1 - (y - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [];
  // The interval band, one polygon per run of points that have an interval.
  let run: ChartPoint[] = [];
  const flush = () => {
    if (run.length > 1) {
      const upper = run.map((p) => `${f1(sx(p.x))},${f1(sy(p.interval?.[1] ?? 0))}`);
      const lower = [...run].reverse().map((p) => `${f1(sx(p.x))},${f1(sy(p.interval?.[0] ?? 0))}`);
      parts.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`);
    } else if (run.length === 1 && run[0]) {
      const p = run[0];
      parts.push(`<line class="whisker" x1="${f1(sx(p.x))}" x2="${f1(sx(p.x))}" y1="${f1(sy(p.interval?.[0] ?? 0))}" y2="${f1(sy(p.interval?.[1] ?? 0))}"/>`);
    }
    run = [];
  };
  for (const p of pts) {
    if (p.interval) run.push(p);
    else flush();
  }
  flush();
  // Axes and ticks.
  parts.push(`<line class="axis" x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}"/>`, `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}"/>`);
  for (let i = 0; i <= 4; i++) {
    const v = lo + ((hi - lo) * i) / 4;
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f1(sy(v))}" y2="${f1(sy(v))}"/><text class="tick" x="${PAD.left - 6}" y="${f1(sy(v) + 4)}" text-anchor="end">${v.toFixed(3)}</text>`);
  }
  const ticks = [...new Set([0, Math.round((pts.length - 1) / 2), pts.length - 1])].filter((i) => i >= 0 && i < pts.length);
  for (const i of ticks) {
    const p = pts[i];
    const anchor = i === 0 ? 'start' : i === pts.length - 1 ? 'end' : 'middle';
    if (p) parts.push(`<text class="tick" x="${f1(sx(p.x))}" y="${H - PAD.bottom + 16}" text-anchor="${anchor}">${escapeHtml(spec.xLabel(p.x))}</text>`);
  }
  parts.push(`<text class="tick" x="${PAD.left}" y="${PAD.top - 6}">${escapeHtml(spec.yLabel)}</text>`);
  if (spec.reference) {
    const y = f1(sy(spec.reference.y));
    parts.push(`<line class="reference" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}"><title>${escapeHtml(spec.reference.label)}</title></line>`);
  }
  // The line, broken where a value is missing.
  const segments: string[] = [];
  let seg: string[] = [];
  for (const p of pts) {
    if (p.y === null) {
      if (seg.length > 1) segments.push(seg.join(' '));
      seg = [];
    } else seg.push(`${f1(sx(p.x))},${f1(sy(p.y))}`);
  }
  if (seg.length > 1) segments.push(seg.join(' '));
  for (const s of segments) parts.push(`<polyline class="line" points="${s}"/>`);
  // One point per value, drawn last so they sit on top.
  for (const p of pts) {
    if (p.y === null) continue;
    const cx = f1(sx(p.x));
    const cy = f1(sy(p.y));
    const kinds = p.kinds.join(' ');
    parts.push(`<circle class="point${kinds ? ` ${kinds}` : ''}" cx="${cx}" cy="${cy}" r="${p.kinds.length ? 5 : 3.5}"><title>${escapeHtml(p.note)}</title></circle>`);
    if (spec.labelled && p.kinds.includes(spec.labelled.kind)) parts.push(`<text class="mark" x="${cx}" y="${f1(sy(p.y) - 10)}" text-anchor="end">${escapeHtml(spec.labelled.text)}</text>`);
  }
  const t = `${spec.id}-title`;
  const d = `${spec.id}-desc`;
  return `<svg class="chart" id="${spec.id}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${t} ${d}"><title id="${t}">${escapeHtml(spec.title)}</title><desc id="${d}">${escapeHtml(spec.description)}</desc>${parts.join('')}</svg>`;
}
