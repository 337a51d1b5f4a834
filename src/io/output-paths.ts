/**
 * Where rollfix writes by default, the same for `fix` and the workstation: NAME.fixed.EXT beside
 * the input, and the change report NAME.fixed.changes.csv beside the output.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';

export function defaultOutput(input: string): string {
  const path = resolve(input);
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.fixed${ext}`);
}

export function defaultReportPath(output: string): string {
  const ext = extname(output);
  return join(dirname(output), `${basename(output, ext)}.changes.csv`);
}
