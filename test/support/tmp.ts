import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './run-action.ts';

/** A fresh temporary folder. */
export function tempDir(prefix = 'mlops-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Writes files (text or bytes) under `dir`; keys are relative paths. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
}

/** A workspace holding the example pipelines, the schema and their data, as a checkout would: a git repository. */
export async function exampleWorkspace(): Promise<string> {
  const dir = await tempDir('mlops-ws-');
  execFileSync('git', ['init', '-q', dir]);
  const examples = ['pipelines/spam-detector.yml', 'pipelines/spam-detector.schema.yml', 'data/spambase.csv', 'pipelines/taxi-demand.yml', 'data/taxi-demand.csv', 'pipelines/scam-calls.yml', 'data/scam-calls/2026-08.csv'];
  for (const rel of examples) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await cp(path.join(REPO_ROOT, rel), path.join(dir, rel));
  }
  return dir;
}
