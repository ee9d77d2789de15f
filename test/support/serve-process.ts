// `mlops serve` as its own process (the committed bundle, through bin/mlops.js), for tests that must
// see whether a request takes the process down: its address, what it printed, and whether it exited.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './run-action.ts';

export interface ServeProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** stderr so far. */
  err: () => string;
  /** The exit code, once it exited (null while it runs). */
  exited: () => number | null | 'running';
  stop: () => Promise<number | null>;
}

export async function startServeProcess(cwd: string, args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/mlops.js'), 'serve', '--port', '0', ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let code: number | null | 'running' = 'running';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve((code = c))));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /serving \S+ \S+ \(sha256:[0-9a-f]{12}…\) on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (c) => reject(new Error(`mlops serve exited ${c}: ${err}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    err: () => err,
    exited: () => code,
    stop: async () => {
      if (code === 'running') child.kill('SIGTERM');
      return exit;
    },
  };
}

/** Sends raw bytes on a fresh connection; resolves with what came back when the server closed it (or after `waitMs` of silence). */
export function rawRequest(port: number, bytes: string | Buffer, waitMs = 2_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    let timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (c) => {
      got += c.toString('latin1');
      clearTimeout(timer);
      // One answer is enough: its headers and as much body as content-length says.
      const head = got.indexOf('\r\n\r\n');
      const len = /content-length: (\d+)/i.exec(got);
      if (head >= 0 && len && got.length >= head + 4 + Number(len[1])) socket.destroy();
      else timer = setTimeout(() => socket.destroy(), waitMs);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.write(bytes);
  });
}

/** The status code of a raw answer, or 0 when there was none. */
export const statusOf = (raw: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);

/** A workspace with a small Spambase forest at out/spam.json, the feature names, and the first rows as records. */
export async function spamFixture(rows: number): Promise<{ ws: string; names: string[]; records: Record<string, number>[] }> {
  const { readFile } = await import('node:fs/promises');
  const { cli } = await import('./cli.ts');
  const { exampleWorkspace } = await import('./tmp.ts');
  const ws = await exampleWorkspace();
  const trained = await cli(ws, 'train', '--pipeline', 'pipelines/spam-detector.yml', '--params', JSON.stringify({ trees: 10 }), '--output', 'out/spam.json');
  if (trained.code !== 0) throw new Error(trained.err);
  const [header, ...lines] = (await readFile(path.join(ws, 'data/spambase.csv'), 'utf8')).trim().split('\n');
  const names = header!.split(',').map((h) => JSON.parse(h) as string).slice(0, -1);
  const records = lines.slice(0, rows).map((l) => Object.fromEntries(l.split(',').slice(0, -1).map((v, i) => [names[i]!, Number(v)])));
  return { ws, names, records };
}
