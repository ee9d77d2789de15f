// A pipeline's GitHub releases as the registry and the drift history read them: version N is the
// release tagged <pipeline>-vN; pre-releases are never versions.
import { versionOfTag } from '../engine/registry/contract.ts';
import type { octokitFor } from './github.ts';

export type Octokit = Awaited<ReturnType<typeof octokitFor>>;

export interface Asset {
  id: number;
  name: string;
  size: number;
  state: string;
  digest?: string | null;
}

export interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
  upload_url: string;
  body?: string | null;
  assets: Asset[];
}

/** This pipeline's releases by version, drafts included. */
export async function pipelineReleases(octokit: Octokit, owner: string, repo: string, pipeline: string): Promise<Map<number, Release>> {
  const out = new Map<number, Release>();
  for await (const page of octokit.paginate.iterator(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 })) {
    for (const r of page.data as unknown as Release[]) {
      const v = versionOfTag(pipeline, r.tag_name);
      if (v !== undefined && !r.prerelease) out.set(v, r);
    }
  }
  return out;
}

/** One asset's bytes. */
export async function downloadAsset(octokit: Octokit, owner: string, repo: string, asset: Pick<Asset, 'id'>): Promise<Buffer> {
  const res = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id, headers: { accept: 'application/octet-stream' } });
  return Buffer.from(res.data as unknown as ArrayBuffer);
}
