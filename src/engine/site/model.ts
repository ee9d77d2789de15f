// What the registry site shows, gathered from what the registry keeps: each version's release.json and
// metrics.json, and drift-report's summaries. Everything here came from files anyone with write access
// could have edited, so it is read field by field and a bad file becomes a note, never a broken page.
import type { ReleaseRecord } from '../registry/contract.ts';

export type Interval = readonly [number, number];

export interface SiteMetric {
  name: string;
  value: number;
  interval: Interval | null;
}

export interface SiteVersion {
  version: number;
  tag: string;
  /** The release page (GitHub) or folder (local), as a link from the site. */
  href: string | null;
  publishedAt: string | null;
  commit: string | null;
  decision: string | null;
  reasons: readonly string[];
  rollbackOf: number | null;
  forced: boolean;
  sha256: string | null;
  primary: { value: number | null; interval: Interval | null };
  metrics: readonly SiteMetric[];
  assets: readonly { name: string; href: string }[];
  /** Why the version's files cannot be trusted, when they cannot. */
  damaged: string | null;
  /** The sha256 of the SHA256SUMS it was read from: a later site reuses the entry while it is the same. */
  sumsSha256: string | null;
}

export interface SiteDrift {
  at: string;
  verdict: string;
  share: number | null;
  drifted: readonly string[];
  features: number;
  rows: number | null;
  performance: { kind: 'measured' | 'estimated'; metric: string; value: number; interval: Interval | null } | null;
  referenceAccuracy: number | null;
  champion: string | null;
}

export interface SitePipeline {
  name: string;
  /** The pipeline file, as the repository names it. */
  file: string;
  task: string;
  primary: string;
  lowerIsBetter: boolean;
  where: string;
  versions: readonly SiteVersion[];
  drift: readonly SiteDrift[];
  /** Files that could not be read (a damaged record, a hand-edited summary), said on the page. */
  problems: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function interval(v: unknown): Interval | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const lo = finite(v[0]);
  const hi = finite(v[1]);
  return lo === null || hi === null || lo > hi ? null : [lo, hi];
}

/** evaluate's metrics.json: every top-level number, with its 95% interval where `ci` has one. */
export function readMetrics(bytes: Buffer | undefined): SiteMetric[] {
  if (!bytes) return [];
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return [];
  }
  if (!isObject(value)) return [];
  const ci = isObject(value.ci) ? value.ci : {};
  return Object.entries(value).flatMap(([name, v]) => {
    const n = finite(v);
    return n === null ? [] : [{ name, value: n, interval: interval(ci[name]) }];
  });
}

/** A version as the site shows it, from its listing, its record and its metrics. */
export function siteVersion(v: { version: number; tag: string; href: string | null; record: ReleaseRecord | null; damaged: string | null; sumsSha256: string | null }, primary: string, metrics: readonly SiteMetric[], assets: readonly { name: string; href: string }[]): SiteVersion {
  const r = v.record;
  const own = metrics.find((m) => m.name === primary);
  return {
    version: v.version,
    tag: v.tag,
    href: v.href,
    publishedAt: r?.published_at ?? null,
    commit: r?.commit ?? null,
    decision: r?.decision ?? null,
    reasons: r?.reasons ?? [],
    rollbackOf: r?.rollback_of ?? null,
    forced: (r?.decision ?? '').startsWith('forced'),
    sha256: r?.model_sha256 ?? null,
    primary: { value: own?.value ?? (r?.primary.metric === primary ? r.primary.value : null), interval: own?.interval ?? null },
    metrics,
    assets,
    damaged: v.damaged,
    sumsSha256: v.sumsSha256,
  };
}

/** drift-report's JSON summary (mlops-drift/1); undefined when it is not one. */
export function readDriftSummary(stampTime: string, bytes: Buffer): SiteDrift | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.format !== 'mlops-drift/1' || typeof value.verdict !== 'string') return undefined;
  const perf = isObject(value.performance) ? value.performance : {};
  const measured = isObject(perf.measured) ? perf.measured : undefined;
  const estimated = isObject(perf.estimated) ? perf.estimated : undefined;
  let performance: SiteDrift['performance'] = null;
  if (measured && finite(measured.value) !== null) performance = { kind: 'measured', metric: text(measured.metric) ?? 'accuracy', value: finite(measured.value) ?? 0, interval: interval(measured.interval) };
  else if (estimated && finite(estimated.accuracy) !== null) performance = { kind: 'estimated', metric: 'accuracy', value: finite(estimated.accuracy) ?? 0, interval: interval(estimated.interval) };
  const champion = isObject(value.champion) ? value.champion : undefined;
  return {
    at: text(value.at) ?? stampTime,
    verdict: value.verdict,
    share: finite(value.share),
    drifted: Array.isArray(value.drifted_features) ? value.drifted_features.filter((f): f is string => typeof f === 'string') : [],
    features: Array.isArray(value.columns) ? value.columns.length : 0,
    rows: finite(value.current_rows),
    performance,
    referenceAccuracy: finite(perf.reference_accuracy),
    champion: champion ? (finite(champion.version) !== null ? `v${finite(champion.version)}` : text(champion.source)) : null,
  };
}
