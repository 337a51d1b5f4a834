/**
 * The edit log: the only thing the clerk changes. Every entry stores both sides (before and
 * after), so undo applies the inverse and redo the entry again, whatever its size: accepting one
 * repair for 20,000 records is one entry and one undo step. Undo and redo move a cursor; a new
 * edit after an undo drops the entries past the cursor, as in every editor.
 */

/** One field set to a new value. `code`: the issue whose repair it applies, if any. */
export interface FieldEdit {
  kind: 'set';
  line: number;
  field: string;
  before: string;
  after: string;
  code?: string;
}

/** A record deleted (a true duplicate), or restored by undo. */
export interface DeleteEdit {
  kind: 'delete';
  line: number;
  code?: string;
}

/** A line added after the last one (a missing trailer). */
export interface AppendEdit {
  kind: 'append';
  text: string;
  code?: string;
}

/**
 * A line that is no record written with other text (an XML prologue without its DOCTYPE): what
 * `fix --auto` does to lines it cannot edit field by field. `before`: the text it had until now.
 */
export interface TextEdit {
  kind: 'text';
  line: number;
  before: string;
  after: string;
  code?: string;
}

export type Edit = FieldEdit | DeleteEdit | AppendEdit | TextEdit | KeepEdit;

/**
 * An issue kept as it is, because the value is real (k, with the clerk's reason), or a keep
 * withdrawn (`reason` null). `before`: the reason it had, so undo gives it back. A keep holds
 * while the field still has `value`.
 */
export interface KeepEdit {
  kind: 'keep';
  line: number;
  field: string | null;
  code: string;
  value: string;
  reason: string | null;
  before: string | null;
}


/** What one key did: one or many edits, undone and redone together. */
export interface LogEntry {
  label: string;
  edits: Edit[];
}

export interface EditLog {
  entries: readonly LogEntry[];
  /** Entries before the cursor are in effect. */
  cursor: number;
}

export const EMPTY_LOG: EditLog = { entries: [], cursor: 0 };

export function record(log: EditLog, entry: LogEntry): EditLog {
  return { entries: [...log.entries.slice(0, log.cursor), entry], cursor: log.cursor + 1 };
}

/** The inverse of an edit; applying it undoes the edit. */
export function inverse(edit: Edit): Edit | { kind: 'undelete'; line: number } | { kind: 'unappend' } {
  switch (edit.kind) {
    case 'text':
    case 'set':
      return { ...edit, before: edit.after, after: edit.before };
    case 'delete':
      return { kind: 'undelete', line: edit.line };
    case 'append':
      return { kind: 'unappend' };
    case 'keep':
      return { ...edit, reason: edit.before, before: edit.reason };
  }
}
