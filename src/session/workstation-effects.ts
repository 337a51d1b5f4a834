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
import { journalTrouble, otherJournals, unsavedOps, type JournalOp } from './journal.js';
import type { LockHolder } from './lock.js';
import { hostname } from 'node:os';
import { writeDoc, writesOverInput } from './write-file.js';
import { inputChange } from './input-on-disk.js';
import type { Action } from './workstation-state.js';
import type { Live } from './live.js';
import { failedTarget, whyNotWritten } from '../io/safe-write.js';
import { defaultReportPath } from '../io/output-paths.js';
import { matchDecisions, type Offered } from './decisions.js';
import { keepsAtOpen, keptFor, rememberedFor } from './memory-store.js';
import { writeSplit, type SplitPlan } from '../core/split-file.js';

export { defaultReportPath } from '../io/output-paths.js';

/** A file opened for editing in the workstation, its edits journaled. */
export async function openForEditing(path: string, options: CheckOptions, formatId?: string, progress?: Progress): Promise<Doc> {
  const doc = await openDoc(path, options, formatId, progress, true);
  // A file rollfix wrote opens with the keeps made in it, as `check` of it says.
  return { ...doc, keptAtOpen: keepsAtOpen(doc, keptFor(doc.report.input.path)) };
}

/** The files of a set checked together (the file-set list). */
export function checkSet(paths: readonly string[], options: CheckOptions, formatId?: string): Promise<FileSetResult> {
  return checkFileSet(registry, paths, options, formatId);
}

/** Whether this session may edit the file: the lock of its journal (lock.ts). */
export type EditingLock =
  | { kind: 'mine'; takenOver: LockHolder | null; problem: string | null }
  | { kind: 'elsewhere'; holder: LockHolder; lockPath: string; sameHost: boolean };

/**
 * Takes the lock of the file's journal, so that no other workstation records edits in it; or
 * says which one has it (this one may then only view the file). A lock that cannot be taken at
 * all (a read-only state folder) does not stop the work: it is said, as the journal's problems are.
 */
export function lockForEditing(doc: Doc): EditingLock {
  if (!doc.journal) return { kind: 'mine', takenOver: null, problem: null };
  try {
    const result = doc.journal.lock();
    if (result.kind === 'mine') return { kind: 'mine', takenOver: result.takenOver, problem: null };
    return { kind: 'elsewhere', holder: result.holder, lockPath: result.path, sameHost: result.holder.host === hostname() };
  } catch (error) {
    return { kind: 'mine', takenOver: null, problem: `the journal cannot be locked (${journalTrouble(error)}): edits are not being kept, write soon with w` };
  }
}

/** The file for viewing only: no journal, so nothing this session does reaches the other's. */
export function viewOnly(doc: Doc): Doc {
  return { ...doc, journal: null };
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
 * The write the clerk asked for (state.write.status 'writing'): held with 'write.input-changed'
 * when the input changed on disk since it was opened and writing anyway was not confirmed, with
 * 'write.exists' when the file is there and replacing it was not confirmed, else written and
 * answered with 'write.done' or 'write.failed'.
 */
export async function performWrite(doc: Doc, live: Live, write: { path: string; replace?: boolean; anyway?: boolean }, dispatch: (action: Action) => void): Promise<void> {
  // The input is refused before "Replace it?" is ever asked (writeDoc refuses it too).
  const over = writesOverInput(doc, write.path);
  if (over) {
    dispatch({ type: 'write.failed', error: over });
    return;
  }
  const change = write.anyway ? null : await inputChange(doc);
  if (change) {
    dispatch({ type: 'write.input-changed', change });
    return;
  }
  if (existsSync(write.path) && !write.replace) {
    dispatch({ type: 'write.exists' });
    return;
  }
  await writeDoc(doc, live, write.path).then(
    (written) => dispatch({ type: 'write.done', written }),
    (error: NodeJS.ErrnoException) => dispatch({ type: 'write.failed', error: whyNotWritten(error, failedTarget(error, [write.path, defaultReportPath(write.path)])) ?? error.message }),
  );
}

/**
 * The decisions remembered for this file's school (memory-store.ts) that apply to it now, to be
 * offered; null when none does. A memory that cannot be read is said, never fatal.
 */
export function offerFor(doc: Doc, live: Live): { items: Offered[]; cursor: number; note: string | null } | null {
  try {
    const decisions = rememberedFor(doc);
    if (decisions.length === 0) return null;
    const { offered, skipped } = matchDecisions(doc, live, decisions);
    if (offered.length === 0) return null;
    return { items: offered, cursor: 0, note: skipped.length ? `${skipped.length} remembered decision${skipped.length === 1 ? '' : 's'} left out: the value changed since, or the record` : null };
  } catch {
    return null;
  }
}

/** The split the clerk said yes to (S): every part written safely, answered with 'split.done' or 'split.failed'. */
export function performSplit(doc: Doc, plan: SplitPlan, dispatch: (action: Action) => void): void {
  try {
    writeSplit(plan, doc.report.input);
    dispatch({ type: 'split.done', paths: plan.targets });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    dispatch({ type: 'split.failed', error: code === 'EACCES' || code === 'EPERM' ? 'permission denied beside the input' : (error as Error).message });
  }
}
