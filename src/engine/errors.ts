// Two families of errors: the user's (a bad input, a broken config, a file that is not there), which the
// front doors report as a usage error (exit 2) with a message that says what to change, and our own
// failures, which keep their stack. Each class carries the facts that locate the problem.

/** A mistake the user can fix. Front doors print the message alone, without a stack. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A pipeline file (or another config file) that does not match its schema, or data that does not match
 * it. `file`, `keyPath` and `line` locate the key: the Actions front door annotates that line of the file.
 */
export class ConfigError extends UserError {
  readonly file: string;
  readonly keyPath: string;
  readonly line: number | undefined;
  constructor(file: string, keyPath: string, message: string, line?: number) {
    const where = line === undefined ? file : `${file} line ${line}`;
    super(keyPath ? `${where}, key "${keyPath}": ${message}` : `${where}: ${message}`);
    this.name = 'ConfigError';
    this.file = file;
    this.keyPath = keyPath;
    this.line = line;
  }
}

/** A bad action input or CLI flag. */
export class InputError extends UserError {
  readonly input: string;
  constructor(input: string, message: string) {
    super(`input "${input}": ${message}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/** A data file that cannot be read at all (missing, unreadable, a glob that matches nothing). */
export class DataFileError extends UserError {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'DataFileError';
    this.file = file;
  }
}

/** A user error about one file: the message starts with the file's name, and `file` keeps it. */
export class FileError extends UserError {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'FileError';
    this.file = file;
  }
}

/** A downloaded comparison artifact that cannot be posted: too big, not our schema, or not for this run. */
export class ArtifactRecordError extends FileError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'ArtifactRecordError';
  }
}

/** A shard file that cannot be merged: not a shard, damaged, of another run, missing or doubled trees. */
export class ShardError extends FileError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'ShardError';
  }
}

/** A sweep that cannot be scored or collected: no validation rows, a foreign or missing cell result. */
export class SweepError extends FileError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'SweepError';
  }
}

/** An output path refused: it would replace an input of the run, a folder, or a file that is not ours. */
export class OutputPathError extends UserError {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'OutputPathError';
    this.file = file;
  }
}

/** A model package that cannot be trusted: unknown format, truncated, wrong digest. */
export class ModelFormatError extends UserError {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ModelFormatError';
    this.file = file;
  }
}

/** Data that lacks a column the pipeline or the model needs (a feature, the id). */
export class MissingColumnError extends UserError {
  readonly column: string;
  constructor(column: string, message: string) {
    super(message);
    this.name = 'MissingColumnError';
    this.column = column;
  }
}

/**
 * The champion moved between the decision and the publish (another publish won the race): a verdict,
 * not a mistake. publish-model reports it as a refusal (exit 1); compare again.
 */
export class ChampionChangedError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ChampionChangedError';
  }
}

/** The file system's refusals that come from the user's files and machine, never from a bug of ours. */
const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG', 'EROFS', 'ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'EIO']);

/**
 * A file-system error (EACCES on a data file with no read permission, ENOSPC on a full disk) as the
 * user error it is, naming the file; anything else as it was. Front doors pass every error through
 * this, so that no unreadable input ends in exit 3 with a stack, wherever it was first read.
 */
export function asUserError(err: unknown): unknown {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof UserError || !(err instanceof Error) || typeof e.code !== 'string' || !FILE_SYSTEM_CODES.has(e.code) || typeof e.path !== 'string') return err;
  const what = e.code === 'EACCES' || e.code === 'EPERM' ? 'cannot be read or written: permission denied' : e.code === 'ENOSPC' || e.code === 'EDQUOT' ? 'cannot be written: the disk is full' : `cannot be used (${e.code})`;
  return new FileError(e.path, `${what} (${e.code} on ${e.syscall ?? 'access'})`);
}
