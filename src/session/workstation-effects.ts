/**
 * What the workstation does to the world, for the screens to call: they draw and dispatch, and
 * never read files, run checks or touch the journal themselves (the layer rule, DESIGN.md
 * section 3; test/layers.test.ts). Each function here is the one the screen used to inline.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CheckOptions } from '../core/format.js';
import { checkFileSet, type FileSetResult } from '../core/file-set.js';
import type { Progress } from '../io/line-reader.js';
import { registry } from '../../formats/registry.js';
import { openDoc, type Doc } from './document.js';
import { otherJournals, unsavedOps, type JournalOp } from './journal.js';
import { writeDoc, writesOverInput } from './write-file.js';
import type { Action } from './workstation-state.js';
import type { Live } from './live.js';

export { defaultReportPath } from '../io/output-paths.js';

/** A file opened for editing in the workstation, its edits journaled. */
export function openForEditing(path: string, options: CheckOptions, formatId?: string, progress?: Progress): Promise<Doc> {
  return openDoc(path, options, formatId, progress, true);
}

/** The files of a set checked together (the file-set list). */
export function checkSet(paths: readonly string[], options: CheckOptions, formatId?: string): Promise<FileSetResult> {
  return checkFileSet(registry, paths, options, formatId);
}

/** An earlier session of this file with edits that were never written. */
export interface EarlierSession {
  unsaved: number;
  modified: Date;
  ops: readonly JournalOp[];
}

/** Earlier sessions of this file: unsaved edits to resume, or edits for a changed version. */
export function earlierSessions(doc: Doc): { earlier: EarlierSession | null; changedFile: Date | null; oldJournals: string[]; problem: string | null } {
  const journal = doc.journal;
  if (!journal) return { earlier: null, changedFile: null, oldJournals: [], problem: null };
  let contents: ReturnType<typeof journal.read> = null;
  let problem: string | null = null;
  try {
    contents = journal.read();
    if (contents?.damaged) problem = `${contents.damaged} damaged line${contents.damaged === 1 ? '' : 's'} in the journal skipped (a write cut short)`;
  } catch (error) {
    // Never skipped in silence: the clerk is told, and told to write soon.
    problem = `${(error as Error).message}: edits are not being kept, write soon with w`;
  }
  const unsaved = contents ? unsavedOps(contents.ops) : 0;
  const others = otherJournals(contents?.header.file ?? resolve(doc.path), journal.hash);
  return {
    earlier: contents && unsaved > 0 ? { unsaved, modified: contents.modified, ops: contents.ops } : null,
    changedFile: others.length ? others[0].modified : null,
    oldJournals: others.map((o) => o.path),
    problem,
  };
}

/** The earlier session's edits thrown away, when the clerk says to discard them. */
export function discardEarlier(doc: Doc): void {
  doc.journal?.discard();
}

/** The file closed on quit: its journal closed (kept on disk, for the next session). */
export function closeDoc(doc: Doc): void {
  doc.journal?.close();
}

/** The journals of earlier versions of the file, deleted when the clerk says to forget them. */
export function forgetJournals(paths: readonly string[]): void {
  for (const path of paths) rmSync(path, { force: true });
}

/**
 * The write the clerk asked for (state.write.status 'writing'): refused with 'write.exists' when
 * the file is there and replacing it was not confirmed, else written and answered with
 * 'write.done' or 'write.failed'.
 */
export function performWrite(doc: Doc, live: Live, write: { path: string; replace?: boolean }, dispatch: (action: Action) => void): void {
  // The input is refused before "Replace it?" is ever asked (writeDoc refuses it too).
  const over = writesOverInput(doc, write.path);
  if (over) {
    dispatch({ type: 'write.failed', error: over });
    return;
  }
  if (existsSync(write.path) && !write.replace) {
    dispatch({ type: 'write.exists' });
    return;
  }
  writeDoc(doc, live, write.path).then(
    (written) => dispatch({ type: 'write.done', written }),
    (error: NodeJS.ErrnoException) => dispatch({ type: 'write.failed', error: error.code === 'ENOENT' ? 'that folder does not exist' : error.code === 'EACCES' ? 'permission denied' : error.message }),
  );
}
