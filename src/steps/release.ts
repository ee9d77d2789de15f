// What publish-model puts in a release beside the model: its record (release.json), the ONNX model
// when the forest can be exported, and the step's outputs and summary, published or refused.
import type { PipelineConfig } from '../engine/config/pipeline.ts';
import type { ModelPackage } from '../engine/model/package.ts';
import { exportForest, unexportableColumns } from '../engine/onnx/export-forest.ts';
import { ONNX_ASSET, RELEASE_FORMAT, tagOf, type ReleaseFile, type ReleaseRecord } from '../engine/registry/contract.ts';
import { escapeMarkdown } from '../engine/text/escape.ts';
import { TOOL } from '../engine/version.ts';
import type { PublishedVersion, Registry, StepIO, StepResult } from './io.ts';
import type { OutputsOf } from './specs.ts';

export function outputsOf(v: PublishedVersion, modelSha: string): OutputsOf<'publish-model'> {
  return { version: String(v.version), tag: v.tag, 'release-url': v.url, 'model-digest': `sha256:${modelSha}` };
}

export function summary(cfg: PipelineConfig, v: PublishedVersion, modelSha: string, registry: Registry, note: string): string {
  return [`### publish-model: ${escapeMarkdown(cfg.name)} v${v.version}`, '', `${note} Tag \`${v.tag}\` in ${escapeMarkdown(registry.where)}: ${escapeMarkdown(v.url, 300)}.`, '', `Model package sha256: \`${modelSha}\`.`, ''].join('\n');
}

export async function record(cfg: PipelineConfig, io: StepIO, version: number, modelSha: string, decision: string, reasons: string[], rollbackOf: number | null, previous: { version?: number | undefined; sha256: string } | undefined, primaryValue: number | null): Promise<ReleaseRecord> {
  const prov = await io.provenance();
  return {
    format: RELEASE_FORMAT,
    pipeline: cfg.name,
    version,
    tag: tagOf(cfg.name, version),
    model_sha256: modelSha,
    decision,
    reasons,
    // The commit's time (or SOURCE_DATE_EPOCH), so that a re-run makes the same bytes and keeps the
    // assets already uploaded; the clock only where neither is known.
    published_at: prov.createdAt ?? new Date().toISOString(),
    commit: prov.commit,
    rollback_of: rollbackOf,
    previous: previous ? { version: previous.version ?? 0, sha256: previous.sha256 } : null,
    primary: { metric: cfg.gates.primary, value: primaryValue },
  };
}

/** The release's ONNX model: a team's own as the suite runs it, or the forest when it can be exported (not with text features yet). */
export function onnxAsset(pkg: ModelPackage, version: number, modelSha: string): ReleaseFile[] {
  if (pkg.onnx) return [{ name: ONNX_ASSET, bytes: Buffer.from(pkg.onnx.bytes) }];
  if (unexportableColumns(pkg).length > 0) return [];
  return [{ name: ONNX_ASSET, bytes: Buffer.from(exportForest(pkg, { digest: `sha256:${modelSha}`, version, tool: TOOL })) }];
}

/** The refusal when another publish got in first (exit 1: run the comparison again). */
export function notPublished(cfg: PipelineConfig, modelSha: string, failure: string): StepResult<'publish-model'> {
  return { ok: false, failure, outputs: { version: '', tag: '', 'release-url': '', 'model-digest': `sha256:${modelSha}` }, summary: `### publish-model: ${escapeMarkdown(cfg.name)}\n\nNot published: the champion changed since the comparison.\n` };
}
