/**
 * What the record stepper's commands do to the state: move between fields and flagged records,
 * edit a field (checked again at every keystroke), accept a repair, accept it for every record
 * with the same issue, delete a record, and apply the safe whole-file fixes.
 */
import type { Issue } from '../core/issue.js';
import type { Edit, LogEntry } from './edit-log.js';
import { commit, issuesAt, liveFile, recordAt, sharedKeyIssues, trailerLine } from './live.js';
import { fieldIssues, listedLines, type State } from './workstation-state.js';
import { valueNow } from './keeps.js';

/** Edits that apply one issue's repair to its record; empty when it has none the workstation can apply. */
export function repairEdits(state: State, line: number, issue: Issue): Edit[] {
  const repair = issue.repair;
  if (!repair) return [];
  if (repair.action === 'delete-record') return [{ kind: 'delete', line, code: issue.code }];
  const record = recordAt(state.doc, state.live, line);
  // Setting a field to its own value marks the record edited, so it is written again whole.
  if (record && repair.action === 'rewrite-record') return [{ kind: 'set', line, field: record.layout.fields[0].name, before: record.fields[0], after: record.fields[0], code: issue.code }];
  if (!record || !repair.values) return [];
  const edits: Edit[] = [];
  for (const [field, after] of Object.entries(repair.values)) {
    const index = record.layout.fields.findIndex((f) => f.name === field);
    if (index >= 0 && record.fields[index] !== after) edits.push({ kind: 'set', line, field, before: record.fields[index], after, code: issue.code });
  }
  return edits;
}

function apply(state: State, entry: LogEntry, message: string): State {
  if (entry.edits.length === 0) return { ...state, message: 'Nothing to change' };
  return { ...state, live: commit(state.doc, state.live, entry), message };
}

/** The first field with an issue, or 0. */
export function firstFlaggedField(state: State, line: number): number {
  const record = recordAt(state.doc, state.live, line);
  if (!record) return 0;
  const names = new Set(issuesAt(state.live, line).map((i) => i.field));
  const index = record.layout.fields.findIndex((f) => names.has(f.name));
  return Math.max(0, index);
}

export function openRecord(state: State, line: number): State {
  const next = { ...state, screen: 'record' as const, record: { ...state.record, line, draft: null, field: 0 } };
  next.record.field = firstFlaggedField(next, line);
  return next;
}

/** The next (or previous) record the whole check flagged that still has issues. */
export function stepRecord(state: State, direction: 1 | -1): State {
  const lines = listedLines(state);
  let at = lines.indexOf(state.record.line);
  for (let i = 0; i < lines.length; i++) {
    at += direction;
    if (at < 0 || at >= lines.length) break;
    if (issuesAt(state.live, lines[at]).length > 0) return openRecord({ ...state, message: null }, lines[at]);
  }
  return { ...state, message: direction === 1 ? 'No flagged record after this one: w writes the file' : 'No flagged record before this one' };
}

/** The issue `a` accepts: the first with a repair on the field under the cursor, else on the record. */
export function issueToAccept(state: State): Issue | null {
  const { line, field } = state.record;
  return fieldIssues(state, line, field).find((i) => i.repair) ?? fieldIssues(state, line, -1).find((i) => i.repair) ?? null;
}

export function accept(state: State): State {
  const issue = issueToAccept(state);
  if (!issue) return { ...state, message: 'No proposed repair here: Enter edits the field' };
  const edits = repairEdits(state, state.record.line, issue);
  if (edits.length === 0) return { ...state, message: 'That repair changes the record layout: use rollfix fix --auto for it' };
  const done = apply(state, { label: `accept ${issue.code} on line ${state.record.line}`, edits }, `Accepted: ${issue.repair!.reason}`);
  const clean = issuesAt(done.live, state.record.line).length === 0;
  return { ...done, message: clean ? `${done.message}. This record is clean: n goes to the next` : done.message, record: { ...done.record, field: firstFlaggedField(done, state.record.line) } };
}

/** Records whose current issues include `code` with a repair the workstation can apply. */
export function acceptAllEdits(state: State, code: string): Edit[] {
  const edits: Edit[] = [];
  for (const line of listedLines(state)) {
    const issue = issuesAt(state.live, line).find((i) => i.code === code && i.repair);
    if (issue) edits.push(...repairEdits(state, line, issue));
  }
  return edits;
}

export function askAcceptAll(state: State): State {
  const issue = issueToAccept(state);
  if (!issue) return { ...state, message: 'No proposed repair here to accept everywhere' };
  const edits = acceptAllEdits(state, issue.code);
  const lines = new Set(edits.map((e) => (e.kind === 'append' ? 0 : e.line)));
  const fields = [...new Set(edits.flatMap((e) => (e.kind === 'set' ? [e.field] : [])))];
  return { ...state, confirm: { kind: 'accept-all', code: issue.code, count: lines.size, fields } };
}

export function acceptAll(state: State, code: string): State {
  const edits = acceptAllEdits(state, code);
  const records = new Set(edits.map((e) => (e.kind === 'append' ? 0 : e.line))).size;
  const done = apply(state, { label: `accept ${code} in ${records} records`, edits }, `Accepted ${code} in ${records} records (u undoes them all)`);
  return { ...done, record: { ...done.record, field: firstFlaggedField(done, state.record.line) } };
}

export function deleteRecord(state: State, line: number): State {
  const done = apply(state, { label: `delete line ${line}`, edits: [{ kind: 'delete', line }] }, `Deleted line ${line} (u brings it back)`);
  return done.screen === 'record' ? stepRecord(done, 1) : done;
}

/**
 * Whether `f` applies this issue's repair: a safe one for a rejection of the header or the
 * trailer (a count, an ID copied from the header), or a trailer to add.
 */
export function fixedByF(state: State, issue: Issue): boolean {
  if (issue.repair?.confidence !== 'safe') return false;
  if (issue.line === null) return issue.repair.action === 'add-trailer';
  const { doc, live } = state;
  return issue.severity === 'reject' && (issue.line === (doc.headerLine || 1) || issue.line === trailerLine(doc, live)) && repairEdits(state, issue.line, issue).length > 0;
}

/** The safe repairs of the whole-file rejections: header, trailer and a missing trailer. */
export function fixFile(state: State): State {
  const { doc, live } = state;
  const edits: Edit[] = [];
  for (const line of [doc.headerLine || 1, trailerLine(doc, live)]) {
    if (!line) continue;
    for (const issue of issuesAt(live, line)) if (fixedByF(state, issue)) edits.push(...repairEdits(state, line, issue));
  }
  const addTrailer = live.fileIssues.find((i) => fixedByF(state, i));
  const text = addTrailer ? doc.model.trailerFor(liveFile(doc, live)) : null;
  if (text) edits.push({ kind: 'append', text, code: addTrailer!.code });
  if (edits.length === 0) return { ...state, message: 'No safe whole-file fix to apply' };
  return apply(state, { label: 'fix the header and trailer', edits }, `Applied ${edits.length} whole-file fix${edits.length === 1 ? '' : 'es'}`);
}

export function startDraft(state: State): State {
  const record = recordAt(state.doc, state.live, state.record.line);
  if (!record) return { ...state, message: 'This line is not a record that can be edited field by field' };
  const text = record.fields[state.record.field] ?? '';
  return updateDraft(state, text);
}

/** Sets the draft and checks the record with it, so the message follows every keystroke. */
export function updateDraft(state: State, text: string): State {
  const { line, field } = state.record;
  const record = recordAt(state.doc, state.live, line)!;
  const fields = [...record.fields];
  fields[field] = text;
  const name = record.layout.fields[field].name;
  const issues = [
    ...state.doc.model.check(record.layout, fields, line, liveFile(state.doc, state.live)),
    ...sharedKeyIssues(state.doc, state.live, line, record.layout, fields),
  ].filter((i) => i.field === name);
  return { ...state, record: { ...state.record, draft: { text, issues } }, message: null };
}

export function commitDraft(state: State): State {
  const { line, field, draft } = state.record;
  const record = recordAt(state.doc, state.live, line);
  if (!draft || !record) return state;
  const name = record.layout.fields[field].name;
  const refused = state.doc.model.fits?.(record.layout, field, draft.text, line) ?? null;
  if (refused) {
    const issue = { code: 'field/too-long', severity: 'error' as const, scope: 'field' as const, line, field: name, message: `Does not fit, not kept: ${refused}`, repair: null };
    return { ...state, record: { ...state.record, draft: { ...draft, issues: [issue, ...draft.issues.filter((i) => i.code !== 'field/too-long')] } } };
  }
  const cleared = { ...state, record: { ...state.record, draft: null } };
  if (record.fields[field] === draft.text) return cleared;
  return apply(cleared, { label: `edit ${name} on line ${line}`, edits: [{ kind: 'set', line, field: name, before: record.fields[field], after: draft.text }] }, `${name} changed`);
}

/** The issue `k` is about: the first on the field under the cursor not yet kept, else the first kept one; else the record's. */
function issueToKeep(state: State): Issue | null {
  const { line, field } = state.record;
  const here = fieldIssues(state, line, field);
  const all = here.length ? here : fieldIssues(state, line, -1);
  return all.find((i) => !i.kept) ?? all[0] ?? null;
}

/** `k`: asks why the value is real; on a kept issue, withdraws the keep (one undo step either way). */
export function startKeep(state: State): State {
  const issue = issueToKeep(state);
  if (!issue || issue.line === null) return { ...state, message: 'No issue here to keep' };
  const value = valueNow(state.doc, state.live, issue.line, issue.field);
  if (issue.kept) {
    const edit: Edit = { kind: 'keep', line: issue.line, field: issue.field, code: issue.code, value, reason: null, before: issue.kept.reason };
    return apply(state, { label: `withdraw the keep of ${issue.code} on line ${issue.line}`, edits: [edit] }, `Keep withdrawn: ${issue.code} counts again (u undoes)`);
  }
  return { ...state, record: { ...state.record, keep: { text: '', line: issue.line, field: issue.field, code: issue.code, value } }, message: null };
}

export function commitKeep(state: State): State {
  const draft = state.record.keep;
  if (!draft) return state;
  const reason = draft.text.trim();
  if (!reason) return { ...state, message: 'Type why the value is real (Enter keeps it, Esc cancels)' };
  const closed = { ...state, record: { ...state.record, keep: null } };
  const edit: Edit = { kind: 'keep', line: draft.line, field: draft.field, code: draft.code, value: draft.value, reason, before: null };
  const rejected = issuesAt(state.live, draft.line).find((i) => i.code === draft.code && i.field === draft.field)?.severity;
  const still = rejected === 'warning' ? 'it counts as resolved' : 'it still counts: the receiving system would still refuse it';
  return apply(closed, { label: `keep ${draft.code} on line ${draft.line}`, edits: [edit] }, `Kept (${reason}); ${still}`);
}
