// `mlops site`: the registry as a static site. It reads every version's record and metrics and the drift
// history through the same ports the other steps use (the local models/ folder or GitHub Releases), and
// writes the pages into a fresh folder that replaces the old one whole, so a failed run leaves the last
// good site in place.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPipeline, type PipelineConfig } from '../engine/config/pipeline.ts';
import { LOWER_IS_BETTER } from '../engine/compare/gates.ts';
import { resolveDataFiles } from '../engine/data/files.ts';
import { InputError, UserError } from '../engine/errors.ts';
import { parseRecord, parseSums, RECORD_ASSET, METRICS_ASSET, stampTime, SUMS_ASSET } from '../engine/registry/contract.ts';
import { readDriftSummary, readMetrics, siteVersion, type SiteDrift, type SitePipeline, type SiteVersion } from '../engine/site/model.ts';
import { pageOf, renderIndex, renderPipeline } from '../engine/site/render.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { sha256Hex } from '../engine/digest.ts';
import { optionalInput, userPath } from './inputs.ts';
import type { DriftHistory } from './drift-history-port.ts';
import type { PublishedVersion, Registry, StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';

export const SITE_FORMAT = 'mlops-site/1';
/** Versions read at once: enough to hide the latency of GitHub's API, few enough not to trip its limits. */
const PARALLEL = 16;

async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * A version, or one of its files, as a link from the site: the release page and its downloads on GitHub,
 * the folder and its files (relative to the site's folder) locally.
 */
function versionHref(v: PublishedVersion, siteDir: string, root: string, file?: string): string {
  if (/^https?:\/\//.test(v.url)) return file === undefined ? v.url : `${v.url.replace('/releases/tag/', '/releases/download/')}/${encodeURIComponent(file)}`;
  return path.relative(siteDir, path.join(root, v.url, file ?? '')).split(path.sep).map(encodeURIComponent).join('/');
}

async function readVersion(cfg: PipelineConfig, registry: Registry, v: PublishedVersion, siteDir: string, root: string, problems: string[]): Promise<SiteVersion> {
  let record = v.record;
  let damaged = v.damaged ?? null;
  let metrics: ReturnType<typeof readMetrics> = [];
  let names: string[] = [];
  let sumsSha256: string | null = null;
  try {
    const sums = await registry.asset(cfg.name, v.version, SUMS_ASSET);
    sumsSha256 = sums ? sha256Hex(sums) : null;
    names = sums ? [...parseSums(`${v.tag} ${SUMS_ASSET}`, sums.toString('utf8')).keys()] : [];
    // GitHub's listing carries no record: it is one of the version's files.
    if (!record && !damaged) {
      const bytes = await registry.asset(cfg.name, v.version, RECORD_ASSET);
      if (bytes) record = parseRecord(v.tag, bytes);
    }
    metrics = readMetrics(await registry.asset(cfg.name, v.version, METRICS_ASSET));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    damaged = err.message;
    problems.push(`${v.tag}: ${err.message}`);
  }
  const assets = [...names, SUMS_ASSET].map((name) => ({ name, href: versionHref(v, siteDir, root, name) }));
  return siteVersion({ version: v.version, tag: v.tag, href: versionHref(v, siteDir, root), record, damaged, sumsSha256: damaged ? null : sumsSha256 }, cfg.gates.primary, metrics, assets);
}

/**
 * An earlier site's versions by pipeline and tag, from its site.json (the previous input). A version is
 * taken from it only while the registry lists the same SHA256SUMS digest, which pins every file the
 * entry was read from: on GitHub that saves three downloads a version (the API's hourly limit).
 */
async function previousVersions(file: string | undefined, shown: string): Promise<Map<string, SiteVersion>> {
  const out = new Map<string, SiteVersion>();
  if (file === undefined) return out;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return out; // no earlier site (a first run, an expired cache): every version is read
  }
  const site = data as { format?: unknown; pipelines?: { name?: unknown; versions?: SiteVersion[] }[] };
  if (site.format !== SITE_FORMAT || !Array.isArray(site.pipelines)) throw new UserError(`${shown}: not the site.json of mlops site (${SITE_FORMAT})`);
  for (const p of site.pipelines) for (const v of Array.isArray(p.versions) ? p.versions : []) if (typeof p.name === 'string' && typeof v?.tag === 'string' && typeof v.sumsSha256 === 'string') out.set(`${p.name}\u0000${v.tag}`, v);
  return out;
}

async function readDrift(cfg: PipelineConfig, history: DriftHistory | undefined, problems: string[]): Promise<SiteDrift[]> {
  if (!history) return [];
  const out: SiteDrift[] = [];
  for (const { stamp, bytes } of await history.list(cfg.name)) {
    const d = readDriftSummary(stampTime(stamp), bytes);
    if (d) out.push(d);
    else problems.push(`the drift summary of ${stampTime(stamp)} is not an mlops-drift/1 report; left out`);
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Replaces `dir` with `fresh` whole; a folder that holds something other than a site is not replaced unless forced. */
async function replaceDir(dir: string, shown: string, fresh: string, overwrite: boolean): Promise<void> {
  const entries = await readdir(dir).catch(() => undefined);
  if (entries && entries.length > 0 && !overwrite) {
    const marker = await readFile(path.join(dir, 'site.json'), 'utf8').catch(() => '');
    if (!marker.includes(`"${SITE_FORMAT}"`)) throw new UserError(`${shown} holds files that mlops site did not write; choose another output folder, or pass --overwrite to replace it`);
  }
  const old = `${dir}.old-${randomBytes(4).toString('hex')}`;
  if (entries) await rename(dir, old);
  try {
    await rename(fresh, dir);
  } catch (err) {
    if (entries) await rename(old, dir);
    throw err;
  }
  if (entries) await rm(old, { recursive: true, force: true });
}

export async function site(inputs: InputsOf<'site'>, io: StepIO): Promise<StepResult<'site'>> {
  const registry = io.registry;
  if (!registry) throw new InputError('token', 'no token, so there is no registry to read; pass a token with contents: read');
  const pattern = inputs.pipelines || 'pipelines/*.yml';
  // A glob also matches the schema files that sit beside the pipelines (<name>.schema.yml); they are not pipelines.
  const files = (await resolveDataFiles(io.root, pattern, 'the pipelines input', { base: io.cwd, confine: true, fallbackBase: io.root })).filter((f, _, all) => all.length === 1 || !/\.schema\.ya?ml$/.test(f.name));
  const out = userPath(io, inputs, 'output', 'out/site', false);
  const previousInput = optionalInput(inputs, 'previous');
  const previous = await previousVersions(previousInput === undefined ? undefined : userPath(io, inputs, 'previous').abs, previousInput ?? '');
  let reused = 0;
  const generatedAt = new Date().toISOString();
  const pipelines: SitePipeline[] = [];
  for (const f of files) {
    const cfg = await loadPipeline(f.path, io.root, io.cwd);
    if (pipelines.some((p) => p.name === cfg.name)) throw new UserError(`${f.name}: the pipeline name ${JSON.stringify(cfg.name)} is taken by another file of the pipelines input`);
    const problems: string[] = [];
    const listed = await registry.versions(cfg.name);
    const versions = await mapLimit(listed, PARALLEL, async (v) => {
      const earlier = v.sumsSha256 === undefined ? undefined : previous.get(`${cfg.name}\u0000${v.tag}`);
      if (earlier && earlier.sumsSha256 === v.sumsSha256 && earlier.version === v.version) {
        reused++;
        return earlier;
      }
      return readVersion(cfg, registry, v, out.abs, io.root, problems);
    });
    pipelines.push({ name: cfg.name, file: f.name, task: cfg.task, primary: cfg.gates.primary, lowerIsBetter: LOWER_IS_BETTER.has(cfg.gates.primary), where: registry.where, versions, drift: await readDrift(cfg, io.driftHistory, problems), problems });
  }
  const fresh = path.join(path.dirname(out.abs), `.${path.basename(out.abs)}.${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(fresh, { recursive: true });
  try {
    await writeFile(path.join(fresh, 'index.html'), renderIndex(pipelines, registry.where, generatedAt));
    for (const p of pipelines) await writeFile(path.join(fresh, pageOf(p.name)), renderPipeline(p, generatedAt));
    await writeFile(path.join(fresh, 'site.json'), `${JSON.stringify({ format: SITE_FORMAT, generated_at: generatedAt, where: registry.where, pipelines })}\n`);
    await replaceDir(out.abs, out.shown, fresh, io.overwrite === true);
  } catch (err) {
    await rm(fresh, { recursive: true, force: true });
    throw err;
  }
  const versionCount = pipelines.reduce((n, p) => n + p.versions.length, 0);
  const lines = pipelines.map((p) => {
    const c = p.versions[p.versions.length - 1];
    return `| ${escapeMarkdown(p.name)} | ${c ? `v${c.version}` : '—'} | ${p.versions.length} | ${p.drift.length} |`;
  });
  const summary = `### mlops site\n\nWrote ${escapeMarkdown(out.shown, 300)}/index.html: ${pipelines.length} pipeline${pipelines.length === 1 ? '' : 's'}, ${versionCount} version${versionCount === 1 ? '' : 's'}, from ${escapeMarkdown(registry.where)}${reused ? ` (${reused} unchanged version${reused === 1 ? '' : 's'} taken from the previous site)` : ''}.\n\n| Pipeline | Champion | Versions | Drift reports |\n|---|---|---:|---:|\n${lines.join('\n')}\n`;
  return { ok: true, outputs: { path: out.shown, index: `${out.shown}/index.html`, pipelines: String(pipelines.length), versions: String(versionCount) }, summary };
}
