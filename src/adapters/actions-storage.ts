// The Actions edge for stored files: workflow artifacts (@actions/artifact) and the cache
// (@actions/cache). Both clients are loaded only when a step asks for them.
import type { ArtifactStore, ModelCache } from '../steps/io.ts';

export function actionsArtifactStore(): ArtifactStore {
  return {
    async upload(name, files, rootDirectory) {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const result = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory);
      return { id: result.id, size: result.size };
    },
  };
}

/** The Actions cache, or undefined where the runner offers none (then every run trains). */
export async function actionsModelCache(): Promise<ModelCache | undefined> {
  const cache = await import('@actions/cache');
  if (!cache.isFeatureAvailable()) return undefined;
  return {
    async restore(paths, key) {
      return (await cache.restoreCache(paths, key)) === key;
    },
    async save(paths, key) {
      await cache.saveCache(paths, key);
    },
  };
}
