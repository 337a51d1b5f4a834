/** A problem with the input that a clerk can act on; the CLI prints the message and exits. */
export class InputError extends Error {
  constructor(message: string, readonly exitCode: number = 66) {
    super(message);
  }
}

/** Turns a Node file-system error into a sentence a clerk understands. */
export function describeFsError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'there is no such file',
    EACCES: 'permission denied (ask for read access)',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    EMFILE: 'too many files are open',
    EIO: 'the disk reported a read error',
  };
  return new InputError(`cannot read ${path}: ${reasons[code ?? ''] ?? (error as Error)?.message ?? String(error)}`);
}
