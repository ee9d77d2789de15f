// The publish-model step: a winning candidate becomes the next version of the pipeline's model in the
// registry (a GitHub release, or models/ locally), with its model card and checksums. A loser changes
// nothing. It re-reads the champion just before publishing, so that a comparison made against a
// champion that has since moved is refused (the workflow compares again). It can also roll back: make
// an earlier version the champion again, as a new version that carries its files.
import { readFile } from 'node:fs/promises';
import { LOWER_IS_BETTER } from '../engine/compare/gates.ts';
import { loadPipeline, type PipelineConfig } from '../engine/config/pipeline.ts';
import { sha256Hex } from '../engine/digest.ts';
import { ChampionChangedError, InputError, UserError } from '../engine/errors.ts';
import { parseModel, readModelFile } from '../engine/model/package.ts';
import { gzippedPackage } from '../engine/model/package-writer.ts';
import { CARD_ASSET, COMPARISON_ASSET, METRICS_ASSET, MODEL_ASSET, ONNX_ASSET, modelFile, nextVersion, parseVersionArg, RECORD_ASSET, tagOf, withSums, type ReleaseFile, type ReleaseRecord } from '../engine/registry/contract.ts';
import { notPublished, onnxAsset, outputsOf, record, summary } from './release.ts';
import { cardMetrics, modelCard, type CardComparison } from '../engine/registry/model-card.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { COMPARISON_FORMAT } from '../engine/compare/record.ts';
import { METRICS_FORMAT } from './evaluate.ts';
import { booleanInput, optionalInput, userPath } from './inputs.ts';
import type { PublishedVersion, Registry, StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';
import { assertBelongs } from './scoring.ts';

const PROMOTABLE = new Set(['promote', 'first-model']);

async function readJson(file: { abs: string; shown: string }, what: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file.abs, 'utf8');
  } catch (err) {
    throw new UserError(`${file.shown}: cannot read ${what} (${(err as NodeJS.ErrnoException).code ?? String(err)}); run ${what === 'the comparison' ? 'compare-to-champion' : 'evaluate'} first`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`${file.shown}: ${what} is not JSON (${(err as Error).message})`);
  }
}

function parseVersion(cfg: PipelineConfig, raw: string): number {
  const version = parseVersionArg(cfg.name, raw);
  if (version === undefined) throw new InputError('rollback-to', `${JSON.stringify(raw)} is not a version of "${cfg.name}" (write 3, v3 or ${cfg.name}-v3)`);
  return version;
}

/**
 * The champion a rollback replaces, as far as it can be read. A rollback is most needed when the
 * champion is damaged, so a champion that fails its checks is warned about, never a blocker: the
 * record of the highest version (if readable) still says which model it was.
 */
async function championForRollback(cfg: PipelineConfig, io: StepIO, registry: Registry, versions: readonly PublishedVersion[]): Promise<{ version?: number | undefined; sha256: string } | undefined> {
  try {
    return await registry.find(cfg.name);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const top = versions[versions.length - 1];
    io.warning(`the champion cannot be verified (${err.message}); the rollback goes on, as it reads only the version it restores`);
    return top ? { version: top.version, sha256: top.record?.model_sha256 ?? 'unknown (damaged)' } : undefined;
  }
}

/** Publishes, or reports the refusal when another publish took the version first (exit 1, not 2). */
async function publishOrRefuse(registry: Registry, cfg: PipelineConfig, release: ReleaseFile[], rec: ReleaseRecord, modelSha: string): Promise<PublishedVersion | StepResult<'publish-model'>> {
  try {
    return await registry.publish(cfg.name, release, rec);
  } catch (err) {
    if (!(err instanceof ChampionChangedError)) throw err;
    return notPublished(cfg, modelSha, err.message);
  }
}

async function rollback(cfg: PipelineConfig, io: StepIO, registry: Registry, target: number): Promise<StepResult<'publish-model'>> {
  const source = `${registry.where} ${tagOf(cfg.name, target)}`;
  // files() hands over every file verified against the version's SHA256SUMS.
  const files = await registry.files(cfg.name, target);
  const model = modelFile(source, cfg.name, files);
  const modelSha = sha256Hex(model.bytes);
  const pkg = await parseModel(`${source} ${model.name}`, model.bytes);
  assertBelongs(pkg, cfg, source);
  const versions = await registry.versions(cfg.name);
  const current = await championForRollback(cfg, io, registry, versions);
  const same = versions.at(-1);
  if (same && current?.sha256 === modelSha) {
    return { ok: true, outputs: outputsOf(same, modelSha), summary: summary(cfg, same, modelSha, registry, `v${target}'s model is the champion already (v${same.version}); nothing was published.`) };
  }
  const version = nextVersion(versions.map((v) => v.version));
  const metrics = files.find((f) => f.name === METRICS_ASSET);
  const metricsJson = metrics ? (JSON.parse(metrics.bytes.toString('utf8')) as Record<string, unknown>) : {};
  const primaryValue = typeof metricsJson[cfg.gates.primary] === 'number' ? (metricsJson[cfg.gates.primary] as number) : null;
  const rec = await record(cfg, io, version, modelSha, 'rollback', [`rollback to v${target}: its model becomes the champion again`], target, current, primaryValue);
  const onnx = onnxAsset(pkg, version, modelSha);
  const card = modelCard(pkg, rec, cardMetrics(metricsJson), null, (m) => LOWER_IS_BETTER.has(m), onnx.length > 0 ? ONNX_ASSET : null);
  const carried = files.filter((f) => f.name === METRICS_ASSET || f.name === COMPARISON_ASSET);
  const release = withSums([{ name: MODEL_ASSET(cfg.name), bytes: model.bytes }, ...carried, ...onnx, { name: CARD_ASSET, bytes: Buffer.from(card) }, { name: RECORD_ASSET, bytes: Buffer.from(`${JSON.stringify(rec, null, 2)}\n`) }]);
  const published = await publishOrRefuse(registry, cfg, release, rec, modelSha);
  if (!('tag' in published)) return published;
  return { ok: true, outputs: outputsOf(published, modelSha), summary: summary(cfg, published, modelSha, registry, `Rolled back: v${published.version} carries v${target}'s model and is the champion.`) };
}

export async function publishModel(inputs: InputsOf<'publish-model'>, io: StepIO): Promise<StepResult<'publish-model'>> {
  const cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  const registry = io.registry;
  if (!registry) throw new InputError('token', 'no token, so there is no registry to publish to; pass a token with contents: write');
  const rollbackTo = optionalInput(inputs, 'rollback-to');
  if (rollbackTo !== undefined) return rollback(cfg, io, registry, parseVersion(cfg, rollbackTo));

  const force = booleanInput(inputs, 'force');
  const modelPath = userPath(io, inputs, 'model', `out/${cfg.name}/model.json`, true);
  const raw = await readModelFile(modelPath.abs, modelPath.shown);
  // The asset is always gzipped (packages of large data are hundreds of MB as JSON); gzip has no clock
  // here. It is compressed on zlib's threads while this one reads the package.
  const [pkg, asset] = await Promise.all([parseModel(modelPath.shown, raw), gzippedPackage(raw)]);
  assertBelongs(pkg, cfg, modelPath.shown);
  const rawSha = sha256Hex(raw);
  const modelSha = sha256Hex(asset);

  const comparisonPath = userPath(io, inputs, 'comparison', `out/${cfg.name}/comparison.json`, true);
  const comparison = await readJson(comparisonPath, 'the comparison');
  if (comparison.format !== COMPARISON_FORMAT || comparison.pipeline !== cfg.name) throw new UserError(`${comparisonPath.shown}: not a ${COMPARISON_FORMAT} comparison of "${cfg.name}"`);
  if (comparison.candidate_sha256 !== rawSha) throw new UserError(`${comparisonPath.shown} compares another model (sha256 ${String(comparison.candidate_sha256).slice(0, 12)}…), not ${modelPath.shown} (${rawSha.slice(0, 12)}…); compare this model first`);
  const decision = String(comparison.decision);
  const reasons = (Array.isArray(comparison.reasons) ? comparison.reasons : []).map(String);
  if (!PROMOTABLE.has(decision) && !force) {
    return { ok: false, failure: `the comparison decided "${decision}", so nothing is published (force: true publishes anyway): ${reasons.join('; ')}`, outputs: { version: '', tag: '', 'release-url': '', 'model-digest': `sha256:${modelSha}` }, summary: `### publish-model: ${escapeMarkdown(cfg.name)}\n\nNot published: the comparison decided **${escapeMarkdown(decision)}**.\n` };
  }
  const metricsPath = userPath(io, inputs, 'metrics', `out/${cfg.name}/metrics.json`, true);
  const metrics = await readJson(metricsPath, 'the metrics');
  if (metrics.format !== METRICS_FORMAT || (metrics.model as { digest?: string } | undefined)?.digest !== `sha256:${rawSha}`) throw new UserError(`${metricsPath.shown} is not evaluate's metrics of ${modelPath.shown}; run evaluate on this model first`);

  // Race-safe: the champion now must be the one the comparison was made against. The versions are
  // listed before the champion is found, so that a version published between the two reads shows as
  // a champion newer than the listing (refused below), never as a listing that skips past it.
  const versions = await registry.versions(cfg.name);
  const current = await registry.find(cfg.name);
  if (current && current.sha256 === modelSha) {
    const same = versions[versions.length - 1] ?? { version: current.version ?? 0, tag: tagOf(cfg.name, current.version ?? 0), url: current.source, record: null };
    return { ok: true, outputs: outputsOf(same, modelSha), summary: summary(cfg, same, modelSha, registry, 'This model is the champion already (a re-run); nothing more was published.') };
  }
  const compared = (comparison.champion as { sha256?: string } | null | undefined)?.sha256 ?? null;
  if ((current?.sha256 ?? null) !== compared) {
    const was = compared ? `${compared.slice(0, 12)}…` : 'none';
    const now = current ? `${current.source} (${current.sha256.slice(0, 12)}…)` : 'none';
    return notPublished(cfg, modelSha, `the champion changed since the comparison (it was ${was}, it is now ${now}); nothing is published. Compare the candidate again against the champion as it is now`);
  }
  const listedTop = versions.at(-1)?.version;
  if (current?.version !== undefined && listedTop !== undefined && current.version !== listedTop) {
    return notPublished(cfg, modelSha, `the champion changed: v${current.version} was published meanwhile; nothing is published. Compare the candidate again against the champion as it is now`);
  }

  const version = nextVersion(versions.map((v) => v.version));
  const primaryValue = typeof metrics[cfg.gates.primary] === 'number' ? (metrics[cfg.gates.primary] as number) : null;
  const rec = await record(cfg, io, version, modelSha, force && !PROMOTABLE.has(decision) ? `forced (${decision})` : decision, reasons, null, current, primaryValue);
  const onnx = onnxAsset(pkg, version, modelSha);
  const card = modelCard(pkg, rec, cardMetrics(metrics), comparison as unknown as CardComparison, (m) => LOWER_IS_BETTER.has(m), onnx.length > 0 ? ONNX_ASSET : null);
  const release = withSums([
    { name: MODEL_ASSET(cfg.name), bytes: asset },
    ...onnx,
    { name: METRICS_ASSET, bytes: await readFile(metricsPath.abs) },
    { name: CARD_ASSET, bytes: Buffer.from(card) },
    { name: COMPARISON_ASSET, bytes: await readFile(comparisonPath.abs) },
    { name: RECORD_ASSET, bytes: Buffer.from(`${JSON.stringify(rec, null, 2)}\n`) },
  ]);
  const published = await publishOrRefuse(registry, cfg, release, rec, modelSha);
  if (!('tag' in published)) return published;
  if (io.attest) await io.attest(MODEL_ASSET(cfg.name), modelSha);
  return { ok: true, outputs: outputsOf(published, modelSha), summary: `${summary(cfg, published, modelSha, registry, `Published v${published.version}: the champion now.`)}\n${card.slice(card.indexOf('\n# '))}` };
}
