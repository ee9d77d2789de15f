// The local model registry (the CLI's): models/<pipeline>/v<N>/ holds a version's files, the same ones
// a GitHub release holds, and models/<pipeline>/champion.json points at the champion (the highest
// version). A version folder is written whole into a temporary folder and renamed into place, and the
// pointer through temp-then-rename, so a crash leaves the old state or the new, never half of one.
// A hand-written champion.json with no version folders (a package anywhere in the repository) is
// still read. Paths from the pointer are repository data, so they must stay inside the repository.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkFile } from '../engine/data/files.ts';
import { ChampionChangedError, ModelFormatError, UserError } from '../engine/errors.ts';
import { sha256Hex } from '../engine/digest.ts';
import { MODEL_ASSET, parseRecord, RECORD_ASSET, SUMS_ASSET, tagOf, verifyAsset, verifyFiles, type ReleaseFile } from '../engine/registry/contract.ts';
import type { PublishedVersion, Registry } from '../steps/io.ts';
import { writeFileAtomic } from '../engine/write-atomic.ts';
import { withLock } from './lock-file.ts';

export interface ChampionPointer {
  version: string | number;
  /** The package, relative to the repository root. */
  model: string;
  sha256: string;
  tag?: string;
}

const VERSION_DIR = /^v([1-9]\d{0,8})$/;

export function localRegistry(root: string): Registry {
  const base = (pipeline: string) => path.join(root, 'models', pipeline);
  const shown = (pipeline: string, ...rest: string[]) => ['models', pipeline, ...rest].join('/');

  async function versionNumbers(pipeline: string): Promise<number[]> {
    const entries = await readdir(base(pipeline), { withFileTypes: true }).catch(() => []);
    const out: number[] = [];
    for (const e of entries) {
      const m = VERSION_DIR.exec(e.name);
      // Complete versions only: a folder is renamed into place with its SHA256SUMS already inside.
      if (m && e.isDirectory() && existsSync(path.join(base(pipeline), e.name, SUMS_ASSET))) out.push(Number(m[1]));
    }
    return out.sort((a, b) => a - b);
  }

  /** A version's files, each verified against its SHA256SUMS, and its model among them. */
  async function readVersion(pipeline: string, version: number): Promise<{ files: ReleaseFile[]; model: ReleaseFile }> {
    const dir = path.join(base(pipeline), `v${version}`);
    const names = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => e.name).sort();
    if (names.length === 0) throw new UserError(`${shown(pipeline, `v${version}`)}: there is no such version`);
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(path.join(dir, name)) })));
    return { files, model: verifyFiles(shown(pipeline, `v${version}`), pipeline, files) };
  }

  async function pointer(pipeline: string): Promise<ChampionPointer | undefined> {
    const file = shown(pipeline, 'champion.json');
    let text: string;
    try {
      text = await readFile(path.join(root, file), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new ModelFormatError(file, `cannot read the champion pointer (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    let p: Partial<ChampionPointer>;
    try {
      p = JSON.parse(text) as Partial<ChampionPointer>;
    } catch (err) {
      throw new ModelFormatError(file, `not a champion pointer (${(err as Error).message})`);
    }
    if (typeof p !== 'object' || p === null || typeof p.model !== 'string' || !/^[0-9a-f]{64}$/.test(String(p.sha256))) {
      throw new ModelFormatError(file, 'needs "model" (a path relative to the repository) and "sha256" (64 hex digits)');
    }
    return p as ChampionPointer;
  }

  const registry: Registry = {
    where: 'models/',
    async find(pipeline) {
      const numbers = await versionNumbers(pipeline);
      if (numbers.length > 0) {
        // The highest version is the champion; champion.json follows it (it may lag after a crash).
        const version = numbers[numbers.length - 1]!;
        const { model } = await readVersion(pipeline, version);
        return { source: `${shown(pipeline, `v${version}`, model.name)} (version ${version})`, bytes: model.bytes, sha256: sha256Hex(model.bytes), version };
      }
      const p = await pointer(pipeline);
      if (!p) return undefined;
      const abs = path.resolve(root, p.model);
      await checkFile(root, abs, p.model, `the champion named by ${shown(pipeline, 'champion.json')}`, true);
      return { source: `${p.model} (version ${p.version ?? '?'})`, bytes: await readFile(abs), sha256: p.sha256 };
    },
    async versions(pipeline) {
      const out: PublishedVersion[] = [];
      for (const version of await versionNumbers(pipeline)) {
        const dir = path.join(base(pipeline), `v${version}`);
        const where = shown(pipeline, `v${version}`);
        let record: PublishedVersion['record'] = null;
        let damaged: string | undefined;
        try {
          record = parseRecord(where, readFileSync(path.join(dir, RECORD_ASSET)));
          if (record.version !== version) throw new ModelFormatError(`${where} ${RECORD_ASSET}`, `records version ${record.version}, not ${version}: the record is damaged`);
        } catch (err) {
          // One damaged record must not hide the others: the version is listed, marked.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
            if (!(err instanceof UserError)) throw err;
            record = null;
            damaged = err.message;
          }
        }
        out.push({ version, tag: tagOf(pipeline, version), url: where, record, ...(damaged ? { damaged } : {}) });
      }
      return out;
    },
    files: async (pipeline, version) => (await readVersion(pipeline, version)).files,
    async asset(pipeline, version, name) {
      const dir = path.join(base(pipeline), `v${version}`);
      const where = shown(pipeline, `v${version}`);
      // Read synchronously: these are small files, and the site reads three for each of thousands of
      // versions, where a promise per read costs four trips through the thread pool (measured: 2.3 s of 7).
      let sums: string;
      try {
        sums = readFileSync(path.join(dir, SUMS_ASSET), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`${where}: there is no such version`);
        throw err;
      }
      if (name === SUMS_ASSET) return Buffer.from(sums);
      return verifyAsset(where, name, sums, () => {
        try {
          return readFileSync(path.join(dir, path.basename(name)));
        } catch {
          return undefined;
        }
      });
    },
    async publish(pipeline, release, record) {
      await mkdir(base(pipeline), { recursive: true });
      // One publish at a time per pipeline: the version number is checked and taken under the lock.
      return withLock(path.join(base(pipeline), '.publish.lock'), shown(pipeline, '.publish.lock'), async () => {
        const dir = path.join(base(pipeline), `v${record.version}`);
        const where = shown(pipeline, `v${record.version}`);
        const numbers = await versionNumbers(pipeline);
        if (numbers.includes(record.version)) {
          // Published before (a re-run): the same model completes nothing more; another won the race.
          const { model: existing } = await readVersion(pipeline, record.version);
          if (sha256Hex(existing.bytes) !== record.model_sha256) throw new ChampionChangedError(`the champion changed: ${where} was published meanwhile with another model; nothing is published. Compare the candidate again against the champion as it is now`);
        } else {
          const top = numbers[numbers.length - 1] ?? 0;
          if (top >= record.version) throw new ChampionChangedError(`the champion changed: ${shown(pipeline, `v${top}`)} was published meanwhile; nothing is published. Compare the candidate again against the champion as it is now`);
          // A folder left by a crash before its SHA256SUMS was in place is not a version: replaced.
          await rm(dir, { recursive: true, force: true });
          const tmp = path.join(base(pipeline), `.v${record.version}.${randomBytes(6).toString('hex')}.tmp`);
          await mkdir(tmp, { recursive: true });
          try {
            for (const f of release) await writeFile(path.join(tmp, f.name), f.bytes);
            await rename(tmp, dir);
          } catch (err) {
            await rm(tmp, { recursive: true, force: true });
            throw err;
          }
        }
        const model = shown(pipeline, `v${record.version}`, MODEL_ASSET(pipeline));
        const ptr: ChampionPointer = { version: record.version, tag: record.tag, model, sha256: record.model_sha256 };
        await writeFileAtomic(path.join(base(pipeline), 'champion.json'), `${JSON.stringify(ptr, null, 2)}\n`);
        return { version: record.version, tag: record.tag, url: where, record };
      });
    },
  };
  return registry;
}

/** The CLI's champion store: the local registry. */
export const localChampionStore = localRegistry;
