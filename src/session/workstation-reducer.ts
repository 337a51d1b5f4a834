/**
 * The workstation reducer: (state, action) → state, pure, tested without rendering. Keys arrive
 * as commands (key-map.ts); while a prompt, a draft or the output path is being typed they
 * arrive as text. The only side effect, writing, is asked for by setting `write.status` to
 * 'writing'; the app performs it and answers with 'write.done' or 'write.failed'.
 */
import { applyKey, insert, type LineEdit } from './line-edit.js';
import { resolve } from 'node:path';
import { commit, issuesAt, recordAt, redo, undo, unsavedEdits } from './live.js';
import { accept, acceptAll, answerReview, askAcceptAll, commitDraft, commitKeep, startKeep, deleteRecord, fixFile, openListed, openRecord, startDraft, stepRecord, updateDraft } from './record-commands.js';
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

/**
 * Esc: back to where you came from. The record's place is the table (on its row), the table's
 * the summary; the write screen and settings go back to the screen they were opened from, as it
 * was. `closing` (q) leaves a filtered table at once, its filter and search with it; Esc clears
 * them first.
 */
function back(state: State, closing = false): State {
  const { table } = state;
  if (state.screen === 'table' && (table.filter || table.search)) {
    const cleared = { ...state, table: { ...table, filter: null, search: '', row: 0 } };
    if (!closing) return { ...cleared, message: 'Filter cleared' };
    return { ...cleared, screen: 'summary' };
  }
  switch (state.screen) {
    case 'record': {
      const row = tableRows(state).indexOf(state.record.line);
      return { ...state, screen: 'table', table: { ...table, row: row < 0 ? table.row : row } };
    }
    case 'write':
    case 'settings': return { ...state, screen: state.screen === 'write' ? state.cameFrom ?? 'summary' : 'summary', cameFrom: null };
    default: return { ...state, screen: 'summary' };
  }
}

/** How far a list motion goes, in rows of a list whose page is `page` rows; ±Infinity: to an end. */
function motion(id: CommandId, page: number): number {
  const half = Math.max(1, Math.floor(page / 2));
  const steps: Partial<Record<CommandId, number>> = {
    'list.down': 1, 'list.up': -1, 'list.page-down': page, 'list.page-up': -page, 'list.half-down': half, 'list.half-up': -half,
    'list.first': -Infinity, 'list.last': Infinity,
  };
  return steps[id] ?? 0;
}

/** The motions of the lists with no table of their own: the summary's issue codes, settings (help has its own, mode-keys.ts). */
function listMove(state: State, id: CommandId): State {
  if (state.screen === 'settings') {
    return { ...state, settings: { ...state.settings, cursor: clamp(state.settings.cursor + motion(id, SETTING_KEYS.length), 0, SETTING_KEYS.length - 1) } };
  }
  // The codes' list sits under the summary's facts: about half the screen is its page.
  const page = Math.max(3, state.rows - 14);
  return { ...state, summaryTop: clamp(state.summaryTop + motion(id, page), 0, Math.max(0, codeChoices(state).length - 1)) };
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
    case 'app.quit': return quit(s);
    // q closes this screen; only the first, the summary, quits (as VisiData does).
    case 'app.close': return s.screen === 'summary' ? quit(s) : back(s, true);
    case 'app.write': return { ...s, screen: 'write', cameFrom: s.screen === 'write' ? s.cameFrom : s.screen, write: { ...s.write, status: 'ready', error: undefined, inputChanged: undefined } };
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
    case 'table.half-down': return moveRow(s, s.table.row + Math.ceil(tablePageSize(s) / 2));
    case 'table.half-up': return moveRow(s, s.table.row - Math.ceil(tablePageSize(s) / 2));
    case 'table.first': return moveRow(s, 0);
    case 'table.last': return moveRow(s, Number.MAX_SAFE_INTEGER);
    case 'table.open': {
      const line = tableRows(s)[s.table.row];
      return line === undefined ? { ...s, message: 'No record here' } : openListed(s, line);
    }
    case 'table.search':
    case 'record.search': return { ...s, table: { ...s.table, prompt: { kind: 'search', text: s.table.search } } };
    case 'table.jump':
    case 'record.jump': return { ...s, table: { ...s.table, prompt: { kind: 'jump', text: '' } } };
    case 'table.filter': return codeChoices(s).length ? { ...s, table: { ...s.table, picker: { index: 0 } } } : { ...s, message: 'No issue codes to filter by' };
    case 'record.down': {
      const count = recordAt(s.doc, s.live, s.record.line)?.layout.fields.length ?? 1;
      return { ...s, record: { ...s.record, field: Math.min(count - 1, s.record.field + 1) } };
    }
    case 'record.up': return { ...s, record: { ...s.record, field: Math.max(0, s.record.field - 1) } };
    case 'record.next-issue': return stepField(s, 1);
    case 'record.previous-issue': return stepField(s, -1);
    case 'record.edit': return startDraft(s);
    case 'record.accept': return accept(s);
    case 'record.accept-all': return askAcceptAll(s);
    case 'record.next': return stepRecord(s, 1);
    case 'record.previous': return stepRecord(s, -1);
    case 'record.delete': return { ...s, confirm: { kind: 'delete', line: s.record.line } };
    case 'record.keep': return startKeep(s);
    case 'record.reveal': return { ...s, record: { ...s.record, reveal: !s.record.reveal } };
    case 'summary.settings': return { ...s, screen: 'settings', cameFrom: null };
    case 'list.down': case 'list.up': case 'list.page-down': case 'list.page-up':
    case 'list.half-down': case 'list.half-up': case 'list.first': case 'list.last': return listMove(s, id);
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

function quit(state: State): State {
  return unsavedEdits(state.live) > 0 ? { ...state, confirm: { kind: 'quit' } } : { ...state, quit: true };
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
  if (prompt?.kind === 'search') return commitSearch(state, prompt.text);
  if (prompt?.kind === 'jump') {
    const line = Number(prompt.text);
    const closed = { ...state, table: { ...state.table, prompt: null } };
    const total = state.doc.store.count + state.live.appended.length;
    if (!prompt.text || line < 1 || line > total) return { ...closed, message: `No line ${prompt.text} (the file has ${total})` };
    const row = tableRows(closed).indexOf(line);
    if (state.screen === 'table' && row >= 0) return moveRow(closed, row);
    // A line the table does not list (no issue, or not the filter's) opens as it is, to be edited all the same.
    const listed = tableRows(closed).includes(line) || issuesAt(closed.live, line).length > 0;
    return { ...openListed(closed, line), message: listed ? null : `Line ${line} has no issue (Esc goes back to the table)` };
  }
  if (state.record.draft) return commitDraft(state);
  if (state.record.keep) return commitKeep(state);
  if (state.write.draft !== null) return { ...state, write: { ...state.write, path: state.write.draft.trim() ? resolve(state.write.draft.trim()) : state.write.path, draft: null } };
  if (state.settings.draft !== null) return commitSetting(state);
  return state;
}

/**
 * A search of every record's values. In the table, the table lists the matches; on a record, the
 * next match after it opens (from the top again past the last), as / and Enter do in less and vim.
 */
function commitSearch(state: State, text: string): State {
  const searched = { ...state, table: { ...state.table, search: text, prompt: null, row: 0 } };
  if (!text) return searched;
  const rows = tableRows(searched);
  const none = `No record holds "${text}"${state.table.filter ? ` with ${state.table.filter}` : ''}`;
  if (state.screen !== 'record') return rows.length ? { ...searched, message: `${rows.length === 1 ? '1 record holds' : `${rows.length} records hold`} "${text}": Enter opens one, n/N step on from it` } : { ...searched, message: none };
  if (!rows.length) return { ...searched, table: { ...searched.table, search: '' }, message: none };
  const next = rows.find((n) => n > state.record.line) ?? rows[0];
  return { ...openListed(searched, next), message: next <= state.record.line ? 'Search went past the last record: from the top again' : null };
}

/** Tab and Shift-Tab: the next (or previous) field with an issue on this record, round from the end. */
function stepField(state: State, direction: 1 | -1): State {
  const record = recordAt(state.doc, state.live, state.record.line);
  const named = new Set(issuesAt(state.live, state.record.line).map((i) => i.field));
  const count = record?.layout.fields.length ?? 0;
  for (let k = 1; k <= count; k++) {
    const i = (((state.record.field + direction * k) % count) + count) % count;
    if (!named.has(record!.layout.fields[i].name)) continue;
    return { ...state, record: { ...state.record, field: i }, message: i === state.record.field ? 'The only field with an issue on this record' : null };
  }
  return { ...state, message: 'No field has an issue on this record: n goes to the next record' };
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
