// Runs an ONNX model in onnxruntime, in its own process (jest's module realm is not the runtime's, so
// its typed arrays fail the runtime's instanceof checks). Reads {model, feeds} as JSON on stdin: each
// feed {type: 'float64' | 'string', dims, data}, null for NaN; prints the outputs the same way.
import { readFileSync } from 'node:fs';

const runtime = process.argv[2] === 'web' ? await import('onnxruntime-web') : await import('onnxruntime-node');
const { model, feeds } = JSON.parse(readFileSync(0, 'utf8'));
const input = {};
for (const [name, f] of Object.entries(feeds)) {
  const data = f.type === 'string' ? f.data : Float64Array.from(f.data, (v) => (v === null ? Number.NaN : v));
  input[name] = new runtime.Tensor(f.type, data, f.dims);
}
const session = await runtime.InferenceSession.create(readFileSync(model));
const outputs = await session.run(input);
const out = {};
for (const [name, t] of Object.entries(outputs)) out[name] = { type: t.type, dims: t.dims, data: Array.from(t.data, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)) };
process.stdout.write(JSON.stringify(out));
