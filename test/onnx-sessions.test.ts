// The cache of loaded ONNX models keeps the two most recent and releases an evicted one, but never
// while a prediction is still running on it: a server whose model is swapped many times keeps the
// runtime memory of two models, not of every model it served.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KEPT_SESSIONS, cachedOnnxSessions, withOnnxSession } from '../src/engine/model/onnx-sessions.ts';
import type { OnnxSession } from '../src/engine/onnx/onnx-model.ts';
import { REPO_ROOT } from './support/run-action.ts';

const fixture = (f: string) => readFile(path.join(REPO_ROOT, 'test/fixtures/onnx', f));

/** A tiny run on the session: 1 row of the matrix input; rejects once the session is released. */
async function runs(s: OnnxSession, features: number): Promise<boolean> {
  const x = new s.ort.Tensor('float64', new Float64Array(features), [1, features]);
  try {
    await s.session.run({ [s.session.inputNames[0]!]: x });
    return true;
  } catch {
    return false;
  }
}

test('keeps the most recent models and releases an evicted one once nothing runs on it', async () => {
  expect(KEPT_SESSIONS).toBe(2);
  const [spam, letters, zipmap] = await Promise.all(['spam-logistic.onnx', 'letters-logistic.onnx', 'zipmap-logistic.onnx'].map(fixture));
  let busy: OnnxSession | undefined;
  let finish: () => void = () => undefined;
  // A slow prediction on the spam model, still running while two other models are loaded.
  const slow = withOnnxSession('spam', spam!, async (s) => {
    busy = s;
    await new Promise<void>((resolve) => (finish = resolve));
    return runs(s, 57);
  });
  await new Promise((r) => setTimeout(r, 50));
  while (!busy) await new Promise((r) => setTimeout(r, 20));
  let letterSession: OnnxSession | undefined;
  await withOnnxSession('letters', letters!, async (s) => (letterSession = s));
  await withOnnxSession('zipmap', zipmap!, async () => undefined);
  expect(cachedOnnxSessions()).toEqual(['letters', 'zipmap']);
  // Evicted but busy: not released under the running prediction.
  finish();
  await expect(slow).resolves.toBe(true);
  // Released once it finished.
  await new Promise((r) => setTimeout(r, 50));
  expect(await runs(busy!, 57)).toBe(false);
  // The kept ones still run; the same digest again is the same session, now the most recent.
  expect(await runs(letterSession!, 16)).toBe(true);
  await withOnnxSession('letters', letters!, async (s) => expect(s).toBe(letterSession));
  expect(cachedOnnxSessions()).toEqual(['zipmap', 'letters']);
}, 60_000);

test('a model that fails to load is not kept, so the next call tries again', async () => {
  await expect(withOnnxSession('broken', new Uint8Array([1, 2, 3]), async () => 1)).rejects.toThrow();
  expect(cachedOnnxSessions()).not.toContain('broken');
});
