/**
 * Several files checked together (`rollfix check FILE...` or a folder): each on its own, in the
 * order they are imported (Format.importOrder: students before their enrolments), then what
 * only the set shows. A file that cannot be read is reported and the others are still checked.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckOptions } from './format.js';
import { checkFile, type Report } from './engine.js';
import { inspectInput, type InputInfo } from '../io/line-reader.js';
import { InputError } from '../io/input-error.js';
import type { CrossFileIssue, FormatRegistry } from './format-registry.js';

export interface FileSetResult {
  reports: Report[];
  failures: Array<{ path: string; message: string; exitCode: number }>;
  references: InputInfo[];
  across: CrossFileIssue[];
}

/** Whether `path` is a folder (a missing path is not: the check says it is missing). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The files named, a folder standing for the files in it (not hidden, not in subfolders). */
export function expandPaths(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    if (!isFolder(p)) return [p];
    // rollfix's own change reports are not inputs; a file written by rollfix (NAME.fixed.EXT)
    // stands for the one it fixes, as the clerk's latest work.
    const names = readdirSync(p).filter((n) => !n.startsWith('.') && !/\.changes\.csv$/i.test(n) && statSync(join(p, n)).isFile());
    const fixed = new Set(names.filter((n) => /\.fixed(\.[^.]*)?$/i.test(n)).map((n) => n.replace(/\.fixed(?=\.[^.]*$|$)/i, '')));
    return names.filter((n) => !fixed.has(n)).sort().map((n) => join(p, n));
  });
}

export async function checkFileSet(registry: FormatRegistry, paths: readonly string[], options: CheckOptions, formatId?: string): Promise<FileSetResult> {
  const result: FileSetResult = { reports: [], failures: [], references: [], across: [] };
  const files = expandPaths(paths);
  if (files.length === 0) throw new InputError(`${paths.join(', ')} is a folder with no files in it to check`);
  for (const path of files) {
    try {
      if (registry.isReferenceFile(path)) {
        result.references.push(await inspectInput(path));
        continue;
      }
      result.reports.push(await checkFile(registry, path, options, formatId));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      result.failures.push({ path, message: error.message, exitCode: error.exitCode });
    }
  }
  const rank = (r: Report) => r.format.importOrder ?? Number.MAX_SAFE_INTEGER;
  result.reports.sort((a, b) => rank(a) - rank(b));
  const across = registry.crossFileIssues(result.reports.map((r) => ({ path: r.file, formatId: r.format.id, input: r.input })), options, result.references);
  const place = new Map(result.reports.map((r, i) => [r.file, i]));
  result.across = across.sort((a, b) => place.get(a.file)! - place.get(b.file)! || (a.line ?? 0) - (b.line ?? 0));
  return result;
}
