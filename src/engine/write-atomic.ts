// Writing files so that nothing is ever half-written: write a temporary file beside the target, then
// rename it over the target (atomic on one file system). A crash leaves the old file or the new one.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A file written piece by piece beside its target, and put in place whole by `commit`. */
export interface AtomicFile {
  write(text: string): Promise<void>;
  /** Renames the finished file over the target. */
  commit(): Promise<void>;
  /** Removes the unfinished file; the target is left as it was. */
  abort(): Promise<void>;
}

/** For output that is written as it is made (a stream of predictions): temp-then-rename, as writeFileAtomic. */
export async function openAtomic(file: string): Promise<AtomicFile> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'w');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await fh.close();
  };
  return {
    write: async (text) => {
      await fh.write(text);
    },
    commit: async () => {
      try {
        await close();
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    abort: async () => {
      await close().catch(() => {});
      await rm(tmp, { force: true });
    },
  };
}
