// A model file read without a runtime: inputs, outputs and nodes, and the ZipMap that skl2onnx ends
// classifiers with cut out, so that a runtime that returns only tensors can run the model.
// test/fixtures/onnx/zipmap-logistic.onnx: scripts/trainers/logistic-regression.py with MLOPS_ZIPMAP=1
// on data/spambase.csv's first five columns (test/fixtures/onnx/README.md says how).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cutZipMap, graphInfo, OnnxFormatError } from '../src/engine/onnx/graph-info.ts';
import { REPO_ROOT } from './support/run-action.ts';
import { tempDir } from './support/tmp.ts';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/onnx/zipmap-logistic.onnx');
const X = { X: { type: 'float64', dims: [3, 5], data: [0, 0, 0, 0, 0, 0.5, 0.2, 0.1, 0, 1.3, 2, 0, 0.4, 0, 3] } };

function run(model: string, feeds: object): { ok: true; out: Record<string, { type: string; dims: number[]; data: unknown[] }> } | { ok: false; err: string } {
  try {
    return { ok: true, out: JSON.parse(execFileSync(process.execPath, [path.join(REPO_ROOT, 'test/support/onnx-run.mjs')], { input: JSON.stringify({ model, feeds }), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })) };
  } catch (err) {
    return { ok: false, err: String((err as { stderr?: string }).stderr ?? err) };
  }
}

test('a scikit-learn classifier as skl2onnx writes it: one [N, 5] double input, a label, and a ZipMap of probabilities', async () => {
  const info = graphInfo(await readFile(FIXTURE));
  expect(info.inputs).toEqual([{ name: 'X', type: { kind: 'tensor', elemType: 11, dims: ['N', 5] } }]);
  expect(info.outputs.map((o) => [o.name, o.type.kind])).toEqual([['label', 'tensor'], ['output_probability', 'sequence']]);
  expect(info.nodes.find((n) => n.op === 'ZipMap')).toMatchObject({ domain: 'ai.onnx.ml', attributes: { classlabels_strings: { strings: ['nonspam', 'spam'] } } });
  expect(info.opsets).toEqual({ '': 17, 'ai.onnx.ml': 3 });
});

test('the runtime cannot return the ZipMap; with it cut, the probabilities are a [N, C] tensor that agrees with the label', async () => {
  const original = run(FIXTURE, X);
  expect(original).toMatchObject({ ok: false, err: expect.stringMatching(/Non tensor type|not supported|sequence/i) });
  const cut = cutZipMap(await readFile(FIXTURE));
  expect(cut).toMatchObject({ probabilities: 'probabilities_float', replaced: 'output_probability', classes: ['nonspam', 'spam'] });
  const dir = await tempDir();
  const file = path.join(dir, 'cut.onnx');
  await writeFile(file, cut!.bytes);
  const info = graphInfo(cut!.bytes);
  expect(info.outputs).toEqual([{ name: 'label', type: expect.objectContaining({ kind: 'tensor' }) }, { name: 'probabilities_float', type: { kind: 'tensor', elemType: 1, dims: ['N', 2] } }]);
  expect(info.nodes.some((n) => n.op === 'ZipMap')).toBe(false);
  const r = run(file, X);
  if (!r.ok) throw new Error(r.err);
  expect(r.out.probabilities_float!.dims).toEqual([3, 2]);
  const p = r.out.probabilities_float!.data as number[];
  const labels = r.out.label!.data as string[];
  for (let i = 0; i < 3; i++) {
    expect(p[2 * i]! + p[2 * i + 1]!).toBeCloseTo(1, 6);
    expect(labels[i]).toBe(cut!.classes[p[2 * i + 1]! > p[2 * i]! ? 1 : 0]);
  }
});

test('a model without a ZipMap is left as it is', async () => {
  const cut = cutZipMap(await readFile(FIXTURE));
  expect(cutZipMap(cut!.bytes)).toBeUndefined();
});

test('bytes that are not an ONNX model are refused as such', () => {
  expect(() => graphInfo(Buffer.from('{"format": "mlops-model"}'))).toThrow(OnnxFormatError);
  expect(() => graphInfo(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow(/not an ONNX model/);
});
