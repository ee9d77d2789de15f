// drift-report's summaries on GitHub: assets drift-<time>.json of the champion's release, the newest
// DRIFT_KEPT on each release. The history outlives the artifacts of the runs (which expire) and moves
// on with the champion: a new champion's release starts a new run of summaries, and the site reads
// them from every release of the pipeline.
import { sha256Hex } from '../engine/digest.ts';
import { ModelFormatError } from '../engine/errors.ts';
import { DRIFT_ASSET, DRIFT_KEPT, driftAssetStamp } from '../engine/registry/contract.ts';
import type { DriftHistory } from '../steps/drift-history-port.ts';
import { downloadAsset, pipelineReleases, type Octokit, type Release } from './github-releases.ts';

export function githubDriftHistory(octokit: Octokit, owner: string, repo: string): DriftHistory {
  /** The pipeline's published releases, oldest version first. */
  async function published(pipeline: string): Promise<Release[]> {
    return [...(await pipelineReleases(octokit, owner, repo, pipeline))].filter(([, r]) => !r.draft).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  }
  const driftAssets = (r: Release) =>
    r.assets.flatMap((a) => {
      const stamp = a.state === 'uploaded' ? driftAssetStamp(a.name) : undefined;
      return stamp === undefined ? [] : [{ stamp, asset: a }];
    });

  return {
    async record(pipeline, stamp, bytes) {
      const champion = (await published(pipeline)).at(-1);
      if (!champion) return `not kept: ${owner}/${repo} has no published release of ${pipeline} to keep it on`;
      const name = DRIFT_ASSET(stamp);
      const origin = champion.upload_url.replace(/\/repos\/.*$/, '');
      await octokit.rest.repos.uploadReleaseAsset({ owner, repo, release_id: champion.id, name, data: bytes as unknown as string, baseUrl: origin, headers: { 'content-type': 'application/octet-stream', 'content-length': bytes.length } });
      const kept = [...driftAssets(champion), { stamp, asset: undefined }].sort((a, b) => a.stamp.localeCompare(b.stamp));
      for (const old of kept.slice(0, Math.max(0, kept.length - DRIFT_KEPT))) if (old.asset) await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: old.asset.id });
      return `the release ${champion.tag_name} (${name})`;
    },
    async list(pipeline) {
      const all = (await published(pipeline)).flatMap((r) => driftAssets(r).map((d) => ({ ...d, tag: r.tag_name })));
      const newest = all.sort((a, b) => a.stamp.localeCompare(b.stamp)).slice(-DRIFT_KEPT);
      return Promise.all(
        newest.map(async ({ stamp, asset, tag }) => {
          const bytes = await downloadAsset(octokit, owner, repo, asset);
          // GitHub's digest of the upload, where it gives one: a summary changed since is not read.
          if (asset.digest?.startsWith('sha256:') && asset.digest.slice(7) !== sha256Hex(bytes)) throw new ModelFormatError(`release ${tag} ${asset.name}`, `has sha256 ${sha256Hex(bytes)}, but GitHub recorded ${asset.digest.slice(7)} at upload`);
          return { stamp, bytes };
        }),
      );
    },
  };
}
