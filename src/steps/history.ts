// `mlops history`: every published version of a pipeline's model, with its primary metric, when and
// why it was published, and which one is the champion (the highest version).
import { loadPipeline } from '../engine/config/pipeline.ts';
import { InputError } from '../engine/errors.ts';
import type { StepIO } from './io.ts';

export interface HistoryEntry {
  version: number;
  tag: string;
  champion: boolean;
  published_at: string | null;
  decision: string | null;
  reason: string | null;
  rollback_of: number | null;
  metric: string | null;
  value: number | null;
  model_sha256: string | null;
  url: string;
  /** Why the version's record cannot be trusted, when it cannot. */
  damaged: string | null;
}

export async function history(pipelineFile: string, io: StepIO): Promise<{ json: HistoryEntry[]; text: string }> {
  const cfg = await loadPipeline(pipelineFile, io.root, io.cwd);
  if (!io.registry) throw new InputError('token', 'no registry to read');
  const versions = await io.registry.versions(cfg.name);
  const top = versions[versions.length - 1]?.version;
  const json: HistoryEntry[] = versions.map((v) => ({
    version: v.version,
    tag: v.tag,
    champion: v.version === top,
    published_at: v.record?.published_at ?? null,
    decision: v.record?.decision ?? null,
    reason: v.record?.reasons[0] ?? null,
    rollback_of: v.record?.rollback_of ?? null,
    metric: v.record?.primary.metric ?? null,
    value: v.record?.primary.value ?? null,
    model_sha256: v.record?.model_sha256 ?? null,
    url: v.url,
    damaged: v.damaged ?? null,
  }));
  if (json.length === 0) return { json, text: `${cfg.name}: no published version in ${io.registry.where}\n` };
  const lines = [`${cfg.name}: ${json.length} version${json.length === 1 ? '' : 's'} in ${io.registry.where}; the champion is v${top}`, ''];
  for (const h of [...json].reverse()) {
    const metric = h.metric ? `${h.metric} ${h.value === null ? 'n/a' : h.value.toFixed(4)}` : '';
    lines.push(`${h.champion ? '*' : ' '} v${String(h.version).padEnd(4)} ${(h.published_at ?? 'unknown time').padEnd(24)} ${(h.damaged ? 'damaged' : (h.decision ?? '')).padEnd(12)} ${metric.padEnd(18)} ${h.model_sha256 ? h.model_sha256.slice(0, 12) : ''}`);
    if (h.damaged) lines.push(`        DAMAGED: ${h.damaged}`);
    else if (h.reason) lines.push(`        ${h.reason}`);
  }
  return { json, text: `${lines.join('\n')}\n` };
}
