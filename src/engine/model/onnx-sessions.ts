// Loaded ONNX models, by the digest of their bytes. A step that scores twice (compare's two models)
// loads each once; a server whose model is swapped (PUT /admin/model) must not keep every model it
// ever served, since each session holds the model's weights in the runtime's WebAssembly memory, which
// only release() gives back. So the cache keeps the few most recent models and releases an evicted one
// as soon as no prediction is running on it.
import { loadOnnx, type OnnxSession } from '../onnx/onnx-model.ts';

interface Entry {
  session: Promise<OnnxSession>;
  running: number;
  evicted: boolean;
}

/** Two: compare's champion and candidate, or a server's old model still answering while the new one loads. */
export const KEPT_SESSIONS = 2;

const entries = new Map<string, Entry>();

/** Runs `use` on the model's session, loading it first if it is not cached. */
export async function withOnnxSession<T>(sha256: string, bytes: Uint8Array, use: (session: OnnxSession) => Promise<T>): Promise<T> {
  let entry = entries.get(sha256);
  if (entry) {
    entries.delete(sha256); // re-inserted below: the Map's order is the order of last use
  } else {
    entry = { session: loadOnnx('the ONNX model', bytes), running: 0, evicted: false };
  }
  entries.set(sha256, entry);
  for (const [key, old] of entries) {
    if (entries.size <= KEPT_SESSIONS) break;
    entries.delete(key);
    old.evicted = true;
    if (old.running === 0) void release(old);
  }
  entry.running++;
  try {
    return await use(await entry.session);
  } catch (e) {
    // A model that failed to load is not kept: the next call tries again (and reports again).
    if (entries.get(sha256) === entry) entries.delete(sha256);
    throw e;
  } finally {
    entry.running--;
    if (entry.evicted && entry.running === 0) void release(entry);
  }
}

async function release(entry: Entry): Promise<void> {
  try {
    await (await entry.session).session.release();
  } catch {
    // A session that never loaded has nothing to free.
  }
}

/** The digests of the sessions kept now, least recently used first (for tests). */
export function cachedOnnxSessions(): string[] {
  return [...entries.keys()];
}
