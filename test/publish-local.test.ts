// publish-model on the local registry (models/), as the CLI runs it: `mlops run` twice, history,
// rollback, and a version whose files were changed after publishing.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readMetadata } from '../src/engine/onnx/model-proto.ts';
import { cli } from './support/cli.ts';
import { exampleWorkspace, writeFiles } from './support/tmp.ts';

const P = 'pipelines/spam-detector.yml';

test('mlops run twice: the first makes v1 the champion, the second compares against it; then history and a rollback', async () => {
  const ws = await exampleWorkspace();
  await writeFiles(ws, { [P]: `${await readFile(path.join(ws, P), 'utf8')}model:\n  trees: 12\n` });
  const first = await cli(ws, 'run', '--pipeline', P, '--json');
  expect(first.code).toBe(0);
  const one = JSON.parse(first.out);
  expect(one['compare-to-champion'].decision).toBe('first-model');
  expect(one['publish-model']).toMatchObject({ version: 1, tag: 'spam-detector-v1', 'release-url': 'models/spam-detector/v1' });
  const pointer = JSON.parse(await readFile(path.join(ws, 'models/spam-detector/champion.json'), 'utf8'));
  expect(pointer).toMatchObject({ version: 1, tag: 'spam-detector-v1', model: 'models/spam-detector/v1/spam-detector-model.json.gz' });
  const card = await readFile(path.join(ws, 'models/spam-detector/v1/model-card.md'), 'utf8');
  expect(card).toMatch(/^---\nlibrary_name: mlops-actions\n/);
  expect(card).toContain('# spam-detector v1');
  // The forest as ONNX beside it, listed in SHA256SUMS, with the version in its metadata; the card says how to run it.
  expect(card).toContain('## Run it anywhere (ONNX)');
  const onnx = await readFile(path.join(ws, 'models/spam-detector/v1/model.onnx'));
  expect(readMetadata(onnx)).toMatchObject({ version: '1', pipeline: 'spam-detector', model_digest: `sha256:${pointer.sha256}` });
  expect(await readFile(path.join(ws, 'models/spam-detector/v1/SHA256SUMS'), 'utf8')).toContain(`${createHash('sha256').update(onnx).digest('hex')}  model.onnx\n`);

  const second = await cli(ws, 'run', '--pipeline', P, '--json');
  expect(second.code).toBe(0);
  const two = JSON.parse(second.out);
  expect(two['compare-to-champion']).toMatchObject({ decision: 'no-change', promote: false });
  expect(two['publish-model']).toBeUndefined();
  expect(second.err).toContain('publish-model: skipped: the decision is no-change, so nothing is published');

  // A different model wins (or at least is not significantly worse): v2.
  await writeFiles(ws, { [P]: (await readFile(path.join(ws, P), 'utf8')).replace('trees: 12', 'trees: 40') });
  const third = await cli(ws, 'run', '--pipeline', P, '--json');
  expect(third.code).toBe(0);
  expect(JSON.parse(third.out)['publish-model']).toMatchObject({ version: 2 });

  const rollback = await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', 'v1', '--json');
  expect(rollback.code).toBe(0);
  expect(JSON.parse(rollback.out)).toMatchObject({ version: 3, tag: 'spam-detector-v3', 'model-digest': `sha256:${pointer.sha256}` });
  expect(readMetadata(await readFile(path.join(ws, 'models/spam-detector/v3/model.onnx')))).toMatchObject({ version: '3', model_digest: `sha256:${pointer.sha256}` });
  const history = JSON.parse((await cli(ws, 'history', '--pipeline', P, '--json')).out);
  expect(history.map((h: { version: number; champion: boolean; decision: string; rollback_of: number | null }) => [h.version, h.champion, h.decision, h.rollback_of])).toEqual([
    [1, false, 'first-model', null],
    [2, false, expect.stringMatching(/^promote$/), null],
    [3, true, 'rollback', 1],
  ]);
  expect(history[2].model_sha256).toBe(history[0].model_sha256);
  const text = (await cli(ws, 'history', '--pipeline', P)).out;
  expect(text).toMatch(/^spam-detector: 3 versions in models\/; the champion is v3\n/);
  expect(text).toContain('rollback to v1: its model becomes the champion again');
  // Rolling back to the model that is the champion already publishes nothing.
  const same = await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', '3', '--json');
  expect(JSON.parse(same.out).version).toBe(3);
  expect(await cli(ws, 'publish-model', '--pipeline', P, '--rollback-to', 'latest')).toMatchObject({ code: 2, err: expect.stringContaining('"latest" is not a version of "spam-detector"') });
}, 120000);

test('a published version whose files changed afterwards is refused by its checksum', async () => {
  const ws = await exampleWorkspace();
  await writeFiles(ws, { [P]: `${await readFile(path.join(ws, P), 'utf8')}model:\n  trees: 5\n` });
  expect((await cli(ws, 'run', '--pipeline', P)).code).toBe(0);
  const metrics = path.join(ws, 'models/spam-detector/v1/metrics.json');
  await writeFile(metrics, (await readFile(metrics, 'utf8')).replace('"accuracy": 0.', '"accuracy": 1.'));
  const r = await cli(ws, 'compare-to-champion', '--pipeline', P, '--candidate', 'out/spam-detector/model.json');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^mlops: models\/spam-detector\/v1: checksum mismatch: metrics\.json has sha256 [0-9a-f]{64}, but SHA256SUMS lists [0-9a-f]{64}\n$/);
});

test('publish-model refuses a comparison of another model, and metrics of another model', async () => {
  const ws = await exampleWorkspace();
  const train = (out: string, trees: number) => cli(ws, 'train', '--pipeline', P, '--params', JSON.stringify({ trees }), '--output', out);
  expect((await train('out/a.json', 3)).code).toBe(0);
  expect((await train('out/b.json', 4)).code).toBe(0);
  expect((await cli(ws, 'evaluate', '--pipeline', P, '--model', 'out/a.json')).code).toBe(0);
  expect((await cli(ws, 'compare-to-champion', '--pipeline', P, '--candidate', 'out/a.json')).code).toBe(0);
  const other = await cli(ws, 'publish-model', '--pipeline', P, '--model', 'out/b.json');
  expect(other.code).toBe(2);
  expect(other.err).toMatch(/out\/spam-detector\/comparison\.json compares another model .* not out\/b\.json/);
  expect((await cli(ws, 'compare-to-champion', '--pipeline', P, '--candidate', 'out/b.json')).code).toBe(0);
  const metrics = await cli(ws, 'publish-model', '--pipeline', P, '--model', 'out/b.json');
  expect(metrics.err).toMatch(/out\/spam-detector\/metrics\.json is not evaluate's metrics of out\/b\.json; run evaluate on this model first/);
});
