// The registry on GitHub Releases: version N of a pipeline's model is the release tagged <pipeline>-vN.
// A release is created as a draft, its assets uploaded and checked against their digests, and only then
// published, so a half-made release is never taken for the champion (drafts are not published
// versions). Every call can fail or lose its answer, so publishing is idempotent: the release is found
// by its tag (drafts included) before one is created, an asset whose digest already matches is kept, a
// broken one (unfinished, or another digest) is replaced, and a release already published with this
// model is the result. There is never a second release or a duplicate asset.
import { ModelFormatError, UserError } from '../engine/errors.ts';
import { sha256Hex } from '../engine/digest.ts';
import { driftAssetStamp, LEGACY_MODEL_ASSET, MODEL_ASSET, parseSums, SUMS_ASSET, tagOf, verifyAsset, verifyFiles, type ReleaseFile } from '../engine/registry/contract.ts';
import type { PublishedVersion, Registry, StepIO } from '../steps/io.ts';
import { ChampionLookupError } from './github.ts';
import { downloadAsset, pipelineReleases, type Asset, type Octokit, type Release } from './github-releases.ts';

/** The hidden line in a release body that says which model a draft is being made for. */
const marker = (sha: string) => `<!-- mlops-actions:release model_sha256=${sha} -->`;

export function githubRegistry(octokit: Octokit, owner: string, repo: string, io: Pick<StepIO, 'info' | 'warning'>): Registry {
  const where = `the GitHub releases of ${owner}/${repo}`;

  /** This pipeline's releases by version, drafts included; pre-releases are never versions. */
  const releases = (pipeline: string) => pipelineReleases(octokit, owner, repo, pipeline);

  const download = (asset: Asset) => downloadAsset(octokit, owner, repo, asset);

  /** The sha256 of an asset: its digest where GitHub gives one, else its bytes hashed. */
  const digestOf = async (asset: Asset): Promise<string | undefined> => {
    if (asset.state !== 'uploaded') return undefined;
    if (asset.digest?.startsWith('sha256:')) return asset.digest.slice('sha256:'.length);
    return sha256Hex(await download(asset));
  };

  async function releaseFiles(r: Release): Promise<ReleaseFile[]> {
    // drift-report's summaries hang on the champion's release but are not part of the version.
    return Promise.all(r.assets.filter((a) => a.state === 'uploaded' && driftAssetStamp(a.name) === undefined).map(async (a) => ({ name: a.name, bytes: await download(a) })));
  }

  async function lookup<T>(pipeline: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof UserError) throw err;
      const status = (err as { status?: number }).status;
      const why = status === 401 ? 'the token was refused (401)' : status === 403 ? 'the token may not read releases (403; the job needs contents: read)' : status === 404 ? `the repository ${owner}/${repo} was not found (404)` : `the GitHub API did not answer after retries (${status ? `HTTP ${status}` : (err as Error).message})`;
      throw new ChampionLookupError(`cannot look up the champion of "${pipeline}" in ${where}: ${why}. Deciding without it could publish over a champion that exists, so the step stops`, status);
    }
  }

  async function publishedFiles(pipeline: string, version: number, r: Release): Promise<{ files: ReleaseFile[]; model: ReleaseFile }> {
    const files = await releaseFiles(r);
    const source = `release ${r.tag_name}`;
    const names = new Set(files.map((f) => f.name));
    if (!names.has(MODEL_ASSET(pipeline)) && !names.has(LEGACY_MODEL_ASSET(pipeline))) throw new ChampionLookupError(`${source} lacks ${MODEL_ASSET(pipeline)}; it cannot be trusted as version ${version}`);
    if (!names.has(SUMS_ASSET)) throw new ChampionLookupError(`${source} lacks ${SUMS_ASSET}; it cannot be verified`);
    return { files, model: verifyFiles(source, pipeline, files) };
  }

  const listings = new Map<string, Promise<Map<number, Release>>>();
  const sumsOf = new Map<number, Promise<string>>();

  return {
    where,
    async find(pipeline) {
      return lookup(pipeline, async () => {
        const published = [...(await releases(pipeline))].filter(([, r]) => !r.draft).sort((a, b) => b[0] - a[0]);
        const top = published[0];
        if (!top) return undefined;
        const [version, r] = top;
        // The model and SHA256SUMS only: the champion's other files are not needed to compare.
        const model = r.assets.find((a) => a.name === MODEL_ASSET(pipeline) && a.state === 'uploaded') ?? r.assets.find((a) => a.name === LEGACY_MODEL_ASSET(pipeline) && a.state === 'uploaded');
        const sums = r.assets.find((a) => a.name === SUMS_ASSET && a.state === 'uploaded');
        if (!model || !sums) throw new ChampionLookupError(`the release ${r.tag_name} lacks ${!model ? MODEL_ASSET(pipeline) : SUMS_ASSET}; it cannot be trusted as the champion`);
        const listed = parseSums(`release ${r.tag_name} ${SUMS_ASSET}`, (await download(sums)).toString('utf8')).get(model.name);
        if (!listed) throw new ChampionLookupError(`SHA256SUMS of ${r.tag_name} has no sha256 for ${model.name}`);
        return { source: `release ${r.tag_name}`, bytes: await download(model), sha256: listed, version };
      });
    },
    async versions(pipeline) {
      const all = await lookup(pipeline, () => releases(pipeline));
      return [...all]
        .filter(([, r]) => !r.draft)
        .sort((a, b) => a[0] - b[0])
        .map(([version, r]): PublishedVersion => {
          const digest = r.assets.find((a) => a.name === SUMS_ASSET && a.state === 'uploaded')?.digest;
          return { version, tag: r.tag_name, url: r.html_url, record: null, ...(digest?.startsWith('sha256:') ? { sumsSha256: digest.slice(7) } : {}) };
        });
    },
    async files(pipeline, version) {
      const r = (await releases(pipeline)).get(version);
      if (!r || r.draft) throw new UserError(`${where} have no published ${tagOf(pipeline, version)}`);
      return (await publishedFiles(pipeline, version, r)).files;
    },
    async asset(pipeline, version, name) {
      // Published versions never change, so one listing serves every call (the site reads thousands).
      let listing = listings.get(pipeline);
      if (!listing) listings.set(pipeline, (listing = lookup(pipeline, () => releases(pipeline))));
      const r = (await listing).get(version);
      if (!r || r.draft) throw new UserError(`${where} have no published ${tagOf(pipeline, version)}`);
      const sumsAsset = r.assets.find((a) => a.name === SUMS_ASSET && a.state === 'uploaded');
      if (!sumsAsset) throw new ChampionLookupError(`release ${r.tag_name} lacks ${SUMS_ASSET}; it cannot be verified`);
      let sums = sumsOf.get(r.id);
      if (!sums) sumsOf.set(r.id, (sums = download(sumsAsset).then((b) => b.toString('utf8'))));
      const text = await sums;
      if (name === SUMS_ASSET) return Buffer.from(text);
      if (!parseSums(`release ${r.tag_name} ${SUMS_ASSET}`, text).has(name)) return undefined;
      const asset = r.assets.find((a) => a.name === name && a.state === 'uploaded');
      const bytes = asset ? await download(asset) : undefined;
      return verifyAsset(`release ${r.tag_name}`, name, text, () => bytes);
    },
    async publish(pipeline, files, record) {
      const tag = record.tag;
      const card = files.find((f) => f.name === 'model-card.md')?.bytes.toString('utf8') ?? '';
      const body = `${card.length > 120000 ? `${card.slice(0, 120000)}\n…` : card}\n${marker(record.model_sha256)}\n`;
      let release = (await releases(pipeline)).get(record.version);
      if (release && !release.draft) {
        // Published already: by an earlier attempt whose answer was lost (this model), or by another run.
        const { model } = await publishedFiles(pipeline, record.version, release);
        if (sha256Hex(model.bytes) !== record.model_sha256) throw new UserError(`${tag} is published already with another model; compare again against the champion as it is now`);
        io.info(`${tag} is published already with this model (an earlier attempt); nothing more to do`);
        return { version: record.version, tag, url: release.html_url, record };
      }
      if (release && !(release.body ?? '').includes(marker(record.model_sha256))) {
        io.warning(`a draft ${tag} for another model was left by a failed run; it is deleted and made again`);
        await octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id });
        release = undefined;
      }
      if (!release) {
        try {
          const created = await octokit.rest.repos.createRelease({ owner, repo, tag_name: tag, name: `${pipeline} v${record.version}`, body, draft: true, ...(record.commit ? { target_commitish: record.commit } : {}), request: { retries: 0 } });
          release = created.data as unknown as Release;
        } catch (err) {
          // The create's answer may be lost after GitHub stored the draft: look again before anything else.
          release = (await releases(pipeline)).get(record.version);
          if (!release || !(release.body ?? '').includes(marker(record.model_sha256))) throw err;
          io.info(`the draft ${tag} was made although its creation answered ${(err as { status?: number }).status ?? 'nothing'}`);
        }
      }
      const origin = release.upload_url.replace(/\/repos\/.*$/, '');
      for (const f of files) {
        const sha = sha256Hex(f.bytes);
        const existing = release.assets.find((a) => a.name === f.name);
        if (existing) {
          if ((await digestOf(existing)) === sha) continue;
          io.info(`${tag}: ${f.name} is ${existing.state === 'uploaded' ? 'another file' : 'an unfinished upload'}; it is replaced`);
          await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: existing.id });
        }
        try {
          await octokit.rest.repos.uploadReleaseAsset({ owner, repo, release_id: release.id, name: f.name, data: f.bytes as unknown as string, baseUrl: origin, headers: { 'content-type': 'application/octet-stream', 'content-length': f.bytes.length } });
        } catch (err) {
          // A lost answer: the next check finds the asset, or the re-run uploads it again.
          io.warning(`${tag}: uploading ${f.name} answered ${(err as { status?: number }).status ?? (err as Error).message}; it is checked next`);
        }
      }
      // Checked before publishing: every file there, finished, with its digest.
      const check = (await octokit.rest.repos.getRelease({ owner, repo, release_id: release.id })).data as unknown as Release;
      for (const f of files) {
        const a = check.assets.find((x) => x.name === f.name);
        if (!a || (await digestOf(a)) !== sha256Hex(f.bytes)) throw new ModelFormatError(`release ${tag}`, `${f.name} did not upload whole; run the step again to complete the draft (nothing was published)`);
      }
      try {
        const done = await octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, draft: false, make_latest: 'true' });
        release = done.data as unknown as Release;
      } catch (err) {
        const again = (await octokit.rest.repos.getRelease({ owner, repo, release_id: release.id })).data as unknown as Release;
        if (again.draft) throw err;
        release = again;
      }
      return { version: record.version, tag, url: release.html_url, record };
    },
  };
}
