// The registry contract, shared by both adapters (GitHub Releases and the local models/ folder): how a
// version is named, which files it holds, how they are checksummed, and which version is the champion.
// Every version is immutable; the champion is the highest published version. A rollback publishes a
// new version that carries an earlier version's files, so the rule never changes and history keeps
// every step.
import { sha256Hex } from '../digest.ts';
import { ModelFormatError } from '../errors.ts';

export const RELEASE_FORMAT = 'mlops-release/1';

/** The files of a version, in the order SHA256SUMS lists them. */
export const MODEL_ASSET = (pipeline: string) => `${pipeline}-model.json.gz`;
/** The plain package an earlier format published; still read, never written. */
export const LEGACY_MODEL_ASSET = (pipeline: string) => `${pipeline}-model.json`;
export const METRICS_ASSET = 'metrics.json';
export const CARD_ASSET = 'model-card.md';
export const COMPARISON_ASSET = 'comparison.json';
export const RECORD_ASSET = 'release.json';
/** The forest as ONNX (export-forest.ts), in every release whose model can be exported. */
export const ONNX_ASSET = 'model.onnx';
export const SUMS_ASSET = 'SHA256SUMS';

/**
 * drift-report's JSON summaries kept in the registry, the site's drift history: locally
 * models/<pipeline>/drift/<time>.json, on GitHub assets drift-<time>.json of the champion's release.
 * They are monitoring records, not part of the version, so SHA256SUMS does not list them.
 */
export const DRIFT_KEPT = 100;
const DRIFT_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/;
/** A UTC time as a file name can hold it (no colons, which Windows refuses): 2026-12-06T01-24-40.592Z. */
export const driftStamp = (at: Date) => at.toISOString().replace(/:/g, '-');
export const DRIFT_ASSET = (stamp: string) => `drift-${stamp}.json`;
/** The stamp of a drift asset's name, or undefined when the name is not one. */
export function driftAssetStamp(name: string): string | undefined {
  const m = /^drift-(.+)\.json$/.exec(name);
  return m && DRIFT_STAMP.test(m[1] ?? '') ? m[1] : undefined;
}
export const isDriftStamp = (stamp: string) => DRIFT_STAMP.test(stamp);
/** The ISO time a stamp names. */
export const stampTime = (stamp: string) => `${stamp.slice(0, 10)}${stamp.slice(10, 19).replace(/-/g, ':')}${stamp.slice(19)}`;

export function tagOf(pipeline: string, version: number): string {
  return `${pipeline}-v${version}`;
}

/** The version a tag names for this pipeline, or undefined (another pipeline's, or not ours). */
export function versionOfTag(pipeline: string, tag: string): number | undefined {
  const prefix = `${pipeline}-v`;
  if (!tag.startsWith(prefix)) return undefined;
  const rest = tag.slice(prefix.length);
  return /^[1-9]\d{0,8}$/.test(rest) ? Number(rest) : undefined;
}

/** A version as a user writes it (3, v3 or <pipeline>-v3), or undefined when it is none of those. */
export function parseVersionArg(pipeline: string, raw: string): number | undefined {
  const text = raw.trim();
  const bare = /^v?([1-9]\d{0,8})$/.exec(text);
  return bare ? Number(bare[1]) : versionOfTag(pipeline, text);
}

export function nextVersion(existing: readonly number[]): number {
  return existing.reduce((a, b) => Math.max(a, b), 0) + 1;
}

/** Why and when a version was published: release.json. */
export interface ReleaseRecord {
  format: typeof RELEASE_FORMAT;
  pipeline: string;
  version: number;
  tag: string;
  /** sha256 (hex) of the model asset's bytes. */
  model_sha256: string;
  decision: string;
  reasons: string[];
  published_at: string;
  commit: string | null;
  /** The version this one restores, for a rollback. */
  rollback_of: number | null;
  /** The champion it replaced. */
  previous: { version: number; sha256: string } | null;
  /** The primary metric and its value on the test rows. */
  primary: { metric: string; value: number | null };
}

export interface ReleaseFile {
  name: string;
  bytes: Buffer;
}

/** SHA256SUMS in the coreutils format (`<hex>  <name>`), one line per file. */
export function formatSums(files: readonly ReleaseFile[]): string {
  return files.map((f) => `${sha256Hex(f.bytes)}  ${f.name}\n`).join('');
}

export function parseSums(source: string, text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const [, sum, name] = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim()) ?? [];
    if (sum === undefined || name === undefined) throw new ModelFormatError(source, `SHA256SUMS line ${i + 1} is not "<sha256>  <name>"`);
    sums.set(name, sum);
  }
  return sums;
}

/** One file of a version checked against the version's SHA256SUMS; undefined when it lists no such file. */
export function verifyAsset(source: string, name: string, sumsText: string, read: () => Buffer | undefined): Buffer | undefined {
  const want = parseSums(`${source} ${SUMS_ASSET}`, sumsText).get(name);
  if (!want) return undefined;
  const bytes = read();
  if (!bytes) throw new ModelFormatError(source, `${SUMS_ASSET} lists ${JSON.stringify(name)}, which is missing: the version is damaged`);
  const got = sha256Hex(bytes);
  if (got !== want) throw new ModelFormatError(source, `checksum mismatch: ${name} has sha256 ${got}, but ${SUMS_ASSET} lists ${want}`);
  return bytes;
}

/** The model asset among a version's files (the current name, or the earlier format's). */
export function modelFile(source: string, pipeline: string, files: readonly ReleaseFile[]): ReleaseFile {
  const model = files.find((f) => f.name === MODEL_ASSET(pipeline)) ?? files.find((f) => f.name === LEGACY_MODEL_ASSET(pipeline));
  if (!model) throw new ModelFormatError(source, `has no ${MODEL_ASSET(pipeline)}`);
  return model;
}

/** A champion as a store hands it over must be the bytes it was published with. */
export function checkPublished(found: { source: string; bytes: Uint8Array; sha256: string }): void {
  const actual = sha256Hex(found.bytes);
  if (actual !== found.sha256) throw new ModelFormatError(found.source, `checksum mismatch: the champion's sha256 is ${actual}, but it was published as ${found.sha256}`);
}

/**
 * Checks a version's files: each against SHA256SUMS (which must list each), every file SHA256SUMS lists
 * present, and the model the one release.json records. Returns the model asset.
 */
export function verifyFiles(source: string, pipeline: string, files: readonly ReleaseFile[]): ReleaseFile {
  const sumsFile = files.find((f) => f.name === SUMS_ASSET);
  if (!sumsFile) throw new ModelFormatError(source, `has no ${SUMS_ASSET}; it cannot be verified`);
  const sums = parseSums(`${source} ${SUMS_ASSET}`, sumsFile.bytes.toString('utf8'));
  for (const f of files) {
    if (f.name === SUMS_ASSET) continue;
    const want = sums.get(f.name);
    if (!want) throw new ModelFormatError(source, `${f.name} is not listed in ${SUMS_ASSET}`);
    const got = sha256Hex(f.bytes);
    if (got !== want) throw new ModelFormatError(source, `checksum mismatch: ${f.name} has sha256 ${got}, but ${SUMS_ASSET} lists ${want}`);
  }
  const names = new Set(files.map((f) => f.name));
  const absent = [...sums.keys()].filter((n) => !names.has(n));
  if (absent.length > 0) throw new ModelFormatError(source, `${SUMS_ASSET} lists ${absent.map((n) => JSON.stringify(n)).join(', ')}, which ${absent.length === 1 ? 'is' : 'are'} missing: the version is damaged`);
  const model = modelFile(source, pipeline, files);
  const recordFile = files.find((f) => f.name === RECORD_ASSET);
  if (recordFile) {
    const record = parseRecord(source, recordFile.bytes);
    const sha = sha256Hex(model.bytes);
    if (record.model_sha256 !== sha) throw new ModelFormatError(source, `${model.name} has sha256 ${sha}, but ${RECORD_ASSET} records ${record.model_sha256}: the version is damaged`);
  }
  return model;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const nullOr = (v: unknown, check: (x: unknown) => boolean) => v === null || check(v);

/** release.json, checked field by field: a hand-edited record is damaged, not half-trusted. */
export function parseRecord(source: string, bytes: Buffer): ReleaseRecord {
  const where = `${source} ${RECORD_ASSET}`;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ModelFormatError(where, `not JSON (${(err as Error).message})`);
  }
  if (!isObject(value) || value.format !== RELEASE_FORMAT) throw new ModelFormatError(where, `not a ${RELEASE_FORMAT} record`);
  const r = value;
  const bad = (field: string, what: string) => new ModelFormatError(where, `"${field}" ${what}: the record is damaged`);
  if (!Number.isSafeInteger(r.version) || (r.version as number) < 1) throw bad('version', 'is not a version number');
  if (typeof r.model_sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(r.model_sha256)) throw bad('model_sha256', 'is not 64 hex digits');
  for (const k of ['pipeline', 'tag', 'decision', 'published_at'] as const) if (typeof r[k] !== 'string') throw bad(k, 'is not text');
  if (!Array.isArray(r.reasons) || !r.reasons.every((x) => typeof x === 'string')) throw bad('reasons', 'is not a list of text');
  if (!nullOr(r.commit, (x) => typeof x === 'string')) throw bad('commit', 'is not text or null');
  if (!nullOr(r.rollback_of, isCount)) throw bad('rollback_of', 'is not a version or null');
  if (!nullOr(r.previous, (x) => isObject(x) && isCount(x.version) && typeof x.sha256 === 'string')) throw bad('previous', 'is not {version, sha256} or null');
  if (!isObject(r.primary) || typeof r.primary.metric !== 'string' || !nullOr(r.primary.value, (x) => typeof x === 'number' && Number.isFinite(x))) throw bad('primary', 'is not {metric, value}');
  return r as unknown as ReleaseRecord;
}

/** The files of a version, SHA256SUMS last. */
export function withSums(files: ReleaseFile[]): ReleaseFile[] {
  return [...files, { name: SUMS_ASSET, bytes: Buffer.from(formatSums(files)) }];
}
