/**
 * Where rollfix writes by default, the same for `fix` and the workstation: NAME.fixed.EXT beside
 * the input, and the change report NAME.fixed.changes.csv beside the output.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** Whether two paths name one file: the same path, through a symlink, or a hard link to it. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false; // one of them does not exist: they are not one file
  }
}

/** `name`: the format's own name for the output (one that names the sending school), written beside the input. */
export function defaultOutput(input: string, name?: string | null): string {
  const path = resolve(input);
  if (name) return join(dirname(path), name);
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.fixed${ext}`);
}

export function defaultReportPath(output: string): string {
  const ext = extname(output);
  return join(dirname(output), `${basename(output, ext)}.changes.csv`);
}
