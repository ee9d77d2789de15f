// The ONNX runtime: onnxruntime-web (WebAssembly), chosen by measurement (docs/onnx.md): one 14 MB file
// runs on every runner, where the native runtime would ship a binary per platform. It is imported only
// when a model needs it, so that runs of the suite's own forest keep their start-up time. Its
// WebAssembly file and loader sit beside the bundle (dist/onnxruntime/, copied there by the build), or
// in node_modules when the source runs (tests).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as OrtModule from 'onnxruntime-web';

type Ort = typeof OrtModule;

/** The files the runtime loads at run time; the build copies them into dist/onnxruntime/. */
export const RUNTIME_FILES = ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'] as const;

function assetsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'onnxruntime');
  if (existsSync(path.join(bundled, RUNTIME_FILES[1]))) return bundled;
  return path.dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
}

let loading: Promise<Ort> | undefined;

export function onnxRuntime(): Promise<Ort> {
  return (loading ??= (async () => {
    const ort = await import('onnxruntime-web');
    const dir = assetsDir();
    ort.env.wasm.wasmPaths = { mjs: pathToFileURL(path.join(dir, RUNTIME_FILES[0])).href, wasm: pathToFileURL(path.join(dir, RUNTIME_FILES[1])).href };
    ort.env.logLevel = 'error';
    return ort;
  })());
}
