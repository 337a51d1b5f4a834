/**
 * The workstation reducer: (state, action) → state, pure, tested without rendering. Keys arrive
 * as commands (key-map.ts); while a prompt, a draft or the output path is being typed they
 * arrive as text. The only side effect, writing, is asked for by setting `write.status` to
 * 'writing'; the app performs it and answers with 'write.done' or 'write.failed'.
 */
import { applyKey, insert, type LineEdit } from './line-edit.js';
import { resolve } from 'node:path';
import { commit, recordAt, redo, undo, unsavedEdits } from './live.js';
import { accept, acceptAll, answerReview, askAcceptAll, commitDraft, commitKeep, startKeep, deleteRecord, fixFile, openRecord, startDraft, stepRecord, updateDraft } from './record-commands.js';
import { codeChoices, isApplied, tablePageSize, tableRows, type Action, type State } from './workstation-state.js';
import type { CommandId } from './key-bindings.js';
import { askFixAll, askSplit, explainHere, fixAll } from './file-commands.js';
import { helpLines } from './help-text.js';
import type { Edit } from './edit-log.js';
import { DEFAULTS, SETTINGS, type Settings } from './settings.js';

const SETTING_KEYS = Object.keys(DEFAULTS) as Array<keyof Settings>;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

function moveRow(state: State, to: number): State {
  const last = tableRows(state).length - 1;
  return { ...state, table: { ...state.table, row: clamp(to, 0, Math.max(0, last)) } };
}

function back(state: State): State {
  if (state.screen === 'table' && (state.table.filter || state.table.search)) {
    return { ...state, table: { ...state.table, filter: null, search: '', row: 0 }, message: 'Filter cleared' };
  }
  const to = state.screen === 'record' ? 'table' : 'summary';
  if (to === 'table') {
    const row = tableRows(state).indexOf(state.record.line);
    return { ...state, screen: 'table', table: { ...state.table, row: row < 0 ? state.table.row : row } };
  }
  return { ...state, screen: to };
}

/** On the record screen, undo and redo show the record and field they changed. */
function showEdit(state: State, edit: Edit | undefined): State {
  if (state.screen !== 'record' || !edit || edit.kind === 'append') return state;
  const record = recordAt(state.doc, state.live, edit.line);
  const field = edit.kind === 'set' && record ? record.layout.fields.findIndex((f) => f.name === edit.field) : 0;
  return { ...state, record: { ...state.record, line: edit.line, field: Math.max(0, field), draft: null } };
}

/** What a read-only session (the file open in another workstation) refuses: every change, and the write. */
const CHANGES: ReadonlySet<CommandId> = new Set<CommandId>(['decisions.apply', 'decisions.apply-all', 'app.undo', 'app.redo', 'app.write', 'summary.fix-file', 'app.fix-all', 'summary.split', 'record.edit', 'record.accept', 'record.accept-all', 'record.delete', 'record.keep', 'write.start', 'write.edit-path']);

function command(state: State, id: CommandId): State {
  const s = { ...state, message: null };
  if (s.readOnly && CHANGES.has(id)) return { ...s, message: `Read-only: ${s.readOnly}. q quits` };
  switch (id) {
    case 'app.help': return { ...s, help: !s.help, helpTop: 0 };
    case 'app.quit': return unsavedEdits(s.live) > 0 ? { ...s, confirm: { kind: 'quit' } } : { ...s, quit: true };
    case 'app.write': return { ...s, screen: 'write', write: { ...s.write, status: 'ready', error: undefined, inputChanged: undefined } };
    case 'write.edit-path': return { ...s, write: { ...s.write, draft: s.write.path, status: 'ready' } };
    case 'app.table': return { ...s, screen: 'table' };
    case 'app.back': return back(s);
    case 'app.undo': {
      if (s.live.log.cursor === 0) return { ...s, message: 'Nothing to undo' };
      const entry = s.live.log.entries[s.live.log.cursor - 1];
      return showEdit({ ...s, live: undo(s.doc, s.live), message: `Undone: ${entry.label}` }, entry.edits[0]);
    }
    case 'app.redo': {
      if (s.live.log.cursor === s.live.log.entries.length) return { ...s, message: 'Nothing to redo' };
      const entry = s.live.log.entries[s.live.log.cursor];
      return showEdit({ ...s, live: redo(s.doc, s.live), message: `Redone: ${entry.label}` }, entry.edits[0]);
    }
    case 'summary.fix-file': return fixFile(s);
    case 'app.fix-all': return askFixAll(s);
    case 'summary.split': return askSplit(s);
    case 'app.explain': return explainHere(s);
    case 'summary.start': return s.doc.flaggedLines.length ? openRecord(s, s.doc.flaggedLines[0]) : { ...s, message: 'No flagged records: w writes the file' };
    case 'table.down': return moveRow(s, s.table.row + 1);
    case 'table.up': return moveRow(s, s.table.row - 1);
    case 'table.page-down': return moveRow(s, s.table.row + tablePageSize(s));
    case 'table.page-up': return moveRow(s, s.table.row - tablePageSize(s));
    case 'table.first': return moveRow(s, 0);
    case 'table.last': return moveRow(s, Number.MAX_SAFE_INTEGER);
    case 'table.open': {
      const line = tableRows(s)[s.table.row];
      return line === undefined ? { ...s, message: 'No record here' } : openRecord(s, line);
    }
    case 'table.search': return { ...s, table: { ...s.table, prompt: { kind: 'search', text: s.table.search } } };
    case 'table.jump': return { ...s, table: { ...s.table, prompt: { kind: 'jump', text: '' } } };
    case 'table.filter': return codeChoices(s).length ? { ...s, table: { ...s.table, picker: { index: 0 } } } : { ...s, message: 'No issue codes to filter by' };
    case 'record.down': {
      const count = recordAt(s.doc, s.live, s.record.line)?.layout.fields.length ?? 1;
      return { ...s, record: { ...s.record, field: Math.min(count - 1, s.record.field + 1) } };
    }
    case 'record.up': return { ...s, record: { ...s.record, field: Math.max(0, s.record.field - 1) } };
    case 'record.edit': return startDraft(s);
    case 'record.accept': return accept(s);
    case 'record.accept-all': return askAcceptAll(s);
    case 'record.next': return stepRecord(s, 1);
    case 'record.previous': return stepRecord(s, -1);
    case 'record.delete': return { ...s, confirm: { kind: 'delete', line: s.record.line } };
    case 'record.keep': return startKeep(s);
    case 'record.reveal': return { ...s, record: { ...s.record, reveal: !s.record.reveal } };
    case 'summary.settings': return { ...s, screen: 'settings' };
    case 'summary.decisions': return s.offer ? { ...s, screen: 'decisions' } : { ...s, message: 'No decision made before applies to this file' };
    case 'decisions.down': return moveOffer(s, 1);
    case 'decisions.up': return moveOffer(s, -1);
    case 'decisions.skip': return moveOffer(s, 1);
    case 'decisions.apply': return applyOffered(s, false);
    case 'decisions.apply-all': return applyOffered(s, true);
    case 'settings.down': return { ...s, settings: { ...s.settings, cursor: Math.min(SETTING_KEYS.length - 1, s.settings.cursor + 1) } };
    case 'settings.up': return { ...s, settings: { ...s.settings, cursor: Math.max(0, s.settings.cursor - 1) } };
    case 'settings.edit': return { ...s, settings: { ...s.settings, draft: String(s.settings.values[SETTING_KEYS[s.settings.cursor]]) } };
    case 'write.start': return s.write.path.trim() ? { ...s, write: { ...s.write, status: 'writing', replace: false, anyway: false } } : { ...s, message: 'Type the path to write to' };
  }
}

function moveOffer(state: State, delta: number): State {
  if (!state.offer) return state;
  const cursor = clamp(state.offer.cursor + delta, 0, state.offer.items.length - 1);
  return { ...state, offer: { ...state.offer, cursor } };
}

/** The decision under the cursor, or every one not in effect now, as one undo step. */
function applyOffered(state: State, all: boolean): State {
  const offer = state.offer;
  if (!offer) return state;
  const items = (all ? offer.items : [offer.items[offer.cursor]]).filter((i) => i && !isApplied(state, i));
  if (items.length === 0) return all ? { ...state, screen: 'summary', message: 'Every remembered decision is applied (u undoes them)' } : moveOffer({ ...state, message: 'Applied already' }, 1);
  const label = all ? `apply ${items.length} remembered decision${items.length === 1 ? '' : 's'}` : `apply a remembered decision on line ${items[0].line}`;
  const live = commit(state.doc, state.live, { label, edits: items.map((i) => i.edit) });
  const done = { ...state, live, message: all ? `Applied ${items.length} decision${items.length === 1 ? '' : 's'} you made before (u undoes them all)` : `Applied: line ${items[0].line} (u undoes it)` };
  return all ? { ...done, screen: 'summary' } : moveOffer(done, 1);
}

function answer(state: State, yes: boolean, stop = false): State {
  const confirm = state.confirm;
  if (confirm?.kind === 'review') return answerReview(state, confirm, yes, stop);
  const s = { ...state, confirm: null };
  if (confirm?.kind === 'input-changed' && !yes) return { ...s, message: 'Not written; your edits are kept (in the journal too)' };
  if (!confirm || !yes) return { ...s, message: confirm ? 'Cancelled' : null };
  switch (confirm.kind) {
    case 'accept-all': return acceptAll(s, confirm.code);
    case 'fix-all': return fixAll(s, confirm.plan);
    case 'split': return { ...s, splitting: confirm.plan, message: 'Writing the files…' };
    case 'delete': return deleteRecord(s, confirm.line);
    case 'quit': return { ...s, quit: true };
    case 'replace': return { ...s, write: { ...s.write, status: 'writing', replace: true } };
    case 'input-changed': return { ...s, write: { ...s.write, status: 'writing', anyway: true } };
  }
}

/** The text being typed, whichever it is: a prompt, a field's draft, the output path, a setting. */
function typing(state: State): string | null {
  return state.table.prompt?.text ?? state.record.draft?.text ?? state.record.keep?.text ?? state.write.draft ?? state.settings.draft;
}

/** An edit of the text being typed, at the cursor. */
function text(state: State, edit: (e: LineEdit) => LineEdit): State {
  const now = typing(state);
  if (now === null) return state;
  const { text: typed, caret } = edit({ text: now, caret: Math.max(0, now.length - state.caretFromEnd) });
  const moved = { ...state, caretFromEnd: typed.length - caret };
  const prompt = state.table.prompt;
  if (prompt) {
    if (prompt.kind === 'jump' && !/^\d*$/.test(typed)) return state;
    return { ...moved, table: { ...state.table, prompt: { ...prompt, text: typed } } };
  }
  if (state.record.draft) return typed === now ? moved : updateDraft(moved, typed);
  if (state.record.keep) return { ...moved, record: { ...state.record, keep: { ...state.record.keep, text: typed } } };
  if (state.write.draft !== null) return { ...moved, write: { ...state.write, draft: typed } };
  return { ...moved, settings: { ...state.settings, draft: typed } };
}

function commitText(state: State): State {
  const prompt = state.table.prompt;
  if (prompt?.kind === 'search') return { ...state, table: { ...state.table, search: prompt.text, prompt: null, row: 0 } };
  if (prompt?.kind === 'jump') {
    const line = Number(prompt.text);
    const closed = { ...state, table: { ...state.table, prompt: null } };
    const row = tableRows(closed).findIndex((n) => n >= line);
    if (!prompt.text || line < 1 || line > state.doc.store.count) return { ...closed, message: `No line ${prompt.text} (the file has ${state.doc.store.count})` };
    if (tableRows(closed).includes(line)) return moveRow(closed, row);
    return { ...moveRow(closed, row < 0 ? Number.MAX_SAFE_INTEGER : row), message: `Line ${line} is not flagged; showing the next flagged one` };
  }
  if (state.record.draft) return commitDraft(state);
  if (state.record.keep) return commitKeep(state);
  if (state.write.draft !== null) return { ...state, write: { ...state.write, path: state.write.draft.trim() ? resolve(state.write.draft.trim()) : state.write.path, draft: null } };
  if (state.settings.draft !== null) return commitSetting(state);
  return state;
}

/** A setting is checked before it is saved: a bad value is refused with a message, never stored. */
function commitSetting(state: State): State {
  const key = SETTING_KEYS[state.settings.cursor];
  try {
    const value = SETTINGS[key].parse(state.settings.draft!);
    return { ...state, settings: { ...state.settings, draft: null, saving: { key, value } } };
  } catch (error) {
    return { ...state, message: `Not saved: ${(error as Error).message}` };
  }
}

function cancelText(state: State): State {
  if (state.table.prompt) return { ...state, table: { ...state.table, prompt: null } };
  if (state.record.draft) return { ...state, record: { ...state.record, draft: null }, message: 'Edit cancelled' };
  if (state.record.keep) return { ...state, record: { ...state.record, keep: null }, message: 'Not kept' };
  if (state.write.draft !== null) return { ...state, write: { ...state.write, draft: null } };
  if (state.settings.draft !== null) return { ...state, settings: { ...state.settings, draft: null } };
  return back(state);
}


export function reducer(state: State, action: Action): State {
  let next = step(state, action);
  // What the last write said no longer holds once the file changes again (an undo, a fix).
  if (next.live.log !== state.live.log && next.write.status === 'done') next = { ...next, write: { ...next.write, status: 'ready', written: undefined } };
  // A revealed national ID is masked again as soon as the cursor leaves its field.
  const moved = next.record.line !== state.record.line || next.record.field !== state.record.field || next.screen !== state.screen;
  if (moved && next.record.reveal) next = { ...next, record: { ...next.record, reveal: false } };
  // Every draft opens with the cursor at its end.
  if (next.caretFromEnd && typing(next) === null) next = { ...next, caretFromEnd: 0 };
  return next;
}

function step(state: State, action: Action): State {
  switch (action.type) {
    case 'command': return command(state, action.id);
    case 'answer': {
      const answered = answer(state, action.yes, action.stop);
      return action.next ? command(answered, action.next) : answered;
    }
    case 'disabled': return { ...state, message: action.reason };
    case 'help.scroll': {
      const last = Math.max(0, helpLines(state.screen, state.columns).length - (state.rows - 3));
      return { ...state, helpTop: clamp(state.helpTop + action.by, 0, last) };
    }
    case 'split.done': return { ...state, splitting: null, message: `Wrote ${action.paths.length} files, one pupil each: ${action.paths.map((p) => p.replace(/^.*[\\/]/, '')).join(', ')}` };
    case 'split.failed': return { ...state, splitting: null, message: `Not split: ${action.error}` };
    case 'text': return text(state, (e) => insert(e, action.input));
    case 'text.backspace': return text(state, (e) => applyKey(e, 'backspace'));
    // Ctrl-U, as in a shell: what is before the cursor (all of it, with the cursor at the end).
    case 'text.clear': return text(state, (e) => applyKey(e, 'kill-start'));
    case 'text.key': return text(state, (e) => applyKey(e, action.key));
    case 'text.commit': return commitText(state);
    case 'text.cancel': return cancelText(state);
    case 'picker.move': {
      const picker = state.table.picker;
      if (!picker) return state;
      const choices = codeChoices(state);
      if (action.delta === 0) {
        const code = choices[picker.index]?.code ?? null;
        return { ...state, table: { ...state.table, picker: null, filter: code, row: 0 }, message: code ? `Showing ${code} only (Esc shows all)` : null };
      }
      if (Number.isNaN(action.delta)) return { ...state, table: { ...state.table, picker: null } };
      return { ...state, table: { ...state.table, picker: { index: clamp(picker.index + action.delta, 0, choices.length - 1) } } };
    }
    case 'resize': return { ...state, columns: action.columns, rows: action.rows };
    case 'write.done': return { ...state, live: { ...state.live, savedAt: state.live.log.cursor }, write: { ...state.write, status: 'done', written: action.written } };
    case 'settings.saved': return { ...state, settings: { ...state.settings, saving: null, values: { ...state.settings.values, [action.key]: action.value } }, message: `Saved ${action.key}: it takes effect when a file is next opened` };
    case 'settings.failed': return { ...state, settings: { ...state.settings, saving: null }, message: `Not saved: ${action.error}` };
    case 'write.input-changed': return { ...state, write: { ...state.write, status: 'ready', inputChanged: action.change }, confirm: { kind: 'input-changed', change: action.change } };
    case 'write.exists': return { ...state, write: { ...state.write, status: 'ready' }, confirm: { kind: 'replace', path: state.write.path } };
    case 'write.failed': return { ...state, write: { ...state.write, status: 'failed', error: action.error } };
  }
}
