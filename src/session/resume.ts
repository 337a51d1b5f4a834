/**
 * The journal and the workstation's state: each step journaled before it is shown
 * (journaledStep), and an earlier session resumed by replaying its operations in order through
 * the same functions the keys use, so the state is exactly the one before the crash, undo
 * history and the last write included.
 */
import type { Doc } from './document.js';
import { journalTrouble, type JournalOp } from './journal.js';
import { commit, initialLive, redo, undo, type Live } from './live.js';
import { reducer } from './workstation-reducer.js';
import type { Action, State } from './workstation-state.js';

export function replay(doc: Doc, ops: readonly JournalOp[]): Live {
  let live = initialLive(doc);
  for (const op of ops) {
    if (op.op === 'commit') live = commit(doc, live, op.entry);
    else if (op.op === 'undo') live = undo(doc, live);
    else if (op.op === 'redo') live = redo(doc, live);
    else live = { ...live, savedAt: live.log.cursor };
  }
  return live;
}

/** The journal operation that takes `before` to `after`, or null when the edit log did not change. */
export function journalOp(before: Live, after: Live): JournalOp | null {
  if (before.log === after.log) return null;
  const { entries, cursor } = after.log;
  if (entries === before.log.entries && cursor === before.log.cursor - 1) return { op: 'undo' };
  if (entries === before.log.entries && cursor === before.log.cursor + 1) return { op: 'redo' };
  return { op: 'commit', entry: entries[cursor - 1] };
}

/**
 * One step of the workstation as a person sees it: the reducer, then the change of the edit log
 * written to the journal and fsynced before the new state is returned (and so drawn). A journal
 * that cannot be written does not stop the work: the clerk is told to write soon.
 */
export function journaledStep(before: State, action: Action): State {
  let next = reducer(before, action);
  try {
    const op = journalOp(before.live, next.live);
    if (op) before.doc.journal?.append(op);
    if (action.type === 'write.done') before.doc.journal?.saved(action.written.output);
  } catch (error) {
    next = { ...next, message: `Could not record this in the journal (${journalTrouble(error)}): write soon with w` };
  }
  return next;
}
