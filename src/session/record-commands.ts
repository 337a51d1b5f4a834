/**
 * What the record stepper's commands do to the state: move between fields and flagged records,
 * edit a field (checked again at every keystroke), accept a repair, accept it for every record
 * with the same issue, delete a record, and apply the safe whole-file fixes.
 */
import type { Issue } from '../core/issue.js';
import type { Edit, LogEntry } from './edit-log.js';
import { commit, issuesAt, liveFile, recordAt, sharedKeyIssues, trailerLine } from './live.js';
import { fieldIssues, listedLines, matchingField, stepping, type ReviewItem, type State } from './workstation-state.js';
import { planFixAll } from './fix-all.js';
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

/** What is left once no flagged record follows: w only when nothing is flagged, else said honestly. */
export function nothingAfter(state: State): string {
  const flagged = state.live.flagged;
  if (flagged === 0) return 'No flagged record after this one: w writes the file';
  return `No flagged record after this one; ${flagged} still flagged before it (p goes back, t lists them; w writes anyway, with ${flagged} flagged)`;
}

/** A record opened from a list: on the field holding the search while one is on, else on its first issue. */
export function openListed(state: State, line: number): State {
  const opened = openRecord(state, line);
  const match = matchingField(opened, line);
  return match >= 0 ? { ...opened, record: { ...opened.record, field: match } } : opened;
}

/** The index of the first of the sorted `lines` after `line` (lines.length when none is). */
function firstAfter(lines: readonly number[], line: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The next (or previous) record to look at: one the whole check flagged that still has issues;
 * while the table's code filter or search is on, the next record it lists (a fixed record drops
 * out of a code's list). From the record's line, whether or not the list holds it.
 */
export function stepRecord(state: State, direction: 1 | -1): State {
  const { lines, by } = stepping(state);
  const after = firstAfter(lines, state.record.line);
  const start = direction === 1 ? after : (lines[after - 1] === state.record.line ? after - 2 : after - 1);
  for (let at = start; at >= 0 && at < lines.length; at += direction) {
    if (by || issuesAt(state.live, lines[at]).length > 0) return openListed({ ...state, message: null }, lines[at]);
  }
  if (by) return { ...state, message: `No record ${direction === 1 ? 'after' : 'before'} this one ${by} (Esc in the table shows all)` };
  return { ...state, message: direction === 1 ? nothingAfter(state) : 'No flagged record before this one' };
}

/**
 * After the record on the screen is deleted (d y, or a on a duplicate): the same place either
 * way, the next record to look at, with the deletion said.
 */
function leaveDeleted(state: State, line: number): State {
  if (state.screen !== 'record' || state.record.line !== line || !state.live.deleted.has(line)) return state;
  return { ...stepRecord(state, 1), message: state.message };
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
  // A whole-file repair on a line that is no record (a DOCTYPE): f's, made as fix --auto makes it.
  if (edits.length === 0 && fixedByF(state, issue)) return fixFile(state);
  if (edits.length === 0) return { ...state, message: 'That repair changes the record layout: F makes it, with every other safe repair' };
  const done = apply(state, { label: `accept ${issue.code} on line ${state.record.line}`, edits }, `Accepted: ${issue.repair!.reason}`);
  if (done.live.deleted.has(state.record.line)) return leaveDeleted(done, state.record.line);
  const clean = issuesAt(done.live, state.record.line).length === 0;
  return { ...done, message: clean ? `${done.message}. This record is clean: n goes to the next` : done.message, record: { ...done.record, field: firstFlaggedField(done, state.record.line) } };
}

/** The repairs of `code` now: the safe ones, every one of each record, and those that need a person. */
function repairsOf(state: State, code: string): { safe: Array<{ line: number; issues: Issue[] }>; review: ReviewItem[] } {
  const safe: Array<{ line: number; issues: Issue[] }> = [];
  const review: ReviewItem[] = [];
  for (const line of listedLines(state)) {
    const issues = issuesAt(state.live, line).filter((i) => i.code === code && i.repair);
    const sure = issues.filter((i) => i.repair!.confidence === 'safe');
    if (sure.length) safe.push({ line, issues: sure });
    for (const i of issues) if (i.repair!.confidence !== 'safe' && repairEdits(state, line, i).length) review.push({ line, field: i.field });
  }
  return { safe, review };
}

/** The edits of several repairs of one record: a deletion alone, else each field set once (from its value now). */
function mergedEdits(state: State, line: number, issues: readonly Issue[]): Edit[] {
  const all = issues.flatMap((i) => repairEdits(state, line, i));
  const deletion = all.find((e) => e.kind === 'delete');
  if (deletion) return [deletion];
  const byField = new Map<string, Edit>();
  for (const e of all) {
    if (e.kind !== 'set') continue;
    const earlier = byField.get(e.field);
    byField.set(e.field, earlier?.kind === 'set' ? { ...e, before: earlier.before } : e);
  }
  return [...byField.values()];
}

/** The safe repairs of `code` in every record, every issue of the code in each: what A makes at once. */
export function acceptAllEdits(state: State, code: string): Edit[] {
  return repairsOf(state, code).safe.flatMap(({ line, issues }) => mergedEdits(state, line, issues));
}

export function askAcceptAll(state: State): State {
  const issue = issueToAccept(state);
  if (!issue) return { ...state, message: 'No proposed repair here to accept everywhere' };
  const { review } = repairsOf(state, issue.code);
  const edits = acceptAllEdits(state, issue.code);
  if (edits.length === 0) return review.length ? nextReview(state, issue.code, review, 0, 0) : { ...state, message: 'Nothing to change' };
  const lines = new Set(edits.map((e) => (e.kind === 'append' ? 0 : e.line)));
  const fields = [...new Set(edits.flatMap((e) => (e.kind === 'set' ? [e.field] : [])))];
  return { ...state, confirm: { kind: 'accept-all', code: issue.code, count: lines.size, fields, review: review.length } };
}

/** After y: the safe repairs as one step, then each repair that needs a person, asked one at a time. */
export function acceptAll(state: State, code: string): State {
  const { review } = repairsOf(state, code);
  const edits = acceptAllEdits(state, code);
  const records = new Set(edits.map((e) => (e.kind === 'append' ? 0 : e.line))).size;
  const done = apply(state, { label: `accept ${code} in ${records} records`, edits }, `Accepted ${code} in ${records} records (u undoes them all)`);
  const placed = { ...done, record: { ...done.record, field: firstFlaggedField(done, state.record.line) } };
  return review.length ? nextReview(placed, code, review, 0, 0) : placed;
}

/** The review repair of `code` at `item` if it still stands (an earlier answer may have settled it). */
export function reviewIssue(state: State, code: string, item: ReviewItem): Issue | null {
  return issuesAt(state.live, item.line).find((i) => i.code === code && i.field === item.field && i.repair && i.repair.confidence !== 'safe') ?? null;
}

/** Asks about the first review repair from `at` that still stands, with the record open on its field; or says how it went. */
function nextReview(state: State, code: string, queue: readonly ReviewItem[], at: number, accepted: number): State {
  for (let k = at; k < queue.length; k++) {
    if (!reviewIssue(state, code, queue[k])) continue;
    const { line, field } = queue[k];
    const opened = openRecord({ ...state, message: state.message }, line);
    const record = recordAt(opened.doc, opened.live, line);
    const index = record && field ? record.layout.fields.findIndex((f) => f.name === field) : -1;
    return { ...opened, record: { ...opened.record, field: index >= 0 ? index : opened.record.field }, confirm: { kind: 'review', code, queue, at: k, accepted } };
  }
  const undoes = accepted ? ' (u undoes them one by one)' : '';
  return { ...state, confirm: null, message: queue.length ? `Reviewed ${queue.length} ${code} repair${queue.length === 1 ? '' : 's'}: ${accepted} accepted${undoes}` : state.message };
}

/** y accepts the repair asked about, n skips it, Esc stops asking (A asks again about those left). */
export function answerReview(state: State, confirm: Extract<NonNullable<State['confirm']>, { kind: 'review' }>, yes: boolean, stop: boolean): State {
  const { code, queue, at } = confirm;
  const s = { ...state, confirm: null, message: null };
  if (stop) return { ...s, message: `Stopped reviewing ${code}: ${confirm.accepted} accepted, ${queue.length - at} left (A asks again)` };
  if (!yes) return nextReview({ ...s, message: `Skipped line ${queue[at].line}` }, code, queue, at + 1, confirm.accepted);
  const issue = reviewIssue(s, code, queue[at]);
  const edits = issue ? repairEdits(s, queue[at].line, issue) : [];
  const done = apply(s, { label: `accept ${code} on line ${queue[at].line}`, edits }, `Accepted on line ${queue[at].line}: ${issue?.repair?.reason ?? ''}`);
  return nextReview(done, code, queue, at + 1, confirm.accepted + (edits.length ? 1 : 0));
}

export function deleteRecord(state: State, line: number): State {
  const done = apply(state, { label: `delete line ${line}`, edits: [{ kind: 'delete', line }] }, `Deleted line ${line} (u brings it back)`);
  return leaveDeleted(done, line);
}

/**
 * Whether `f` applies this issue's repair: a safe one for a rejection of the header or the
 * trailer (a count, an ID copied from the header), or a trailer to add.
 */
export function fixedByF(state: State, issue: Issue): boolean {
  if (issue.repair?.confidence !== 'safe') return false;
  if (issue.line === null) return issue.repair.action === 'add-trailer';
  const { doc, live } = state;
  // A rejection before the first record (an XML prologue's DOCTYPE): fix --auto's own edit of those lines.
  if (issue.severity === 'reject' && issue.line < doc.headerLine) return true;
  return issue.severity === 'reject' && (issue.line === (doc.headerLine || 1) || issue.line === trailerLine(doc, live)) && repairEdits(state, issue.line, issue).length > 0;
}

/**
 * What fix --auto does to the lines before the first record when they carry a rejection (a
 * DOCTYPE removed from an XML prologue): taken from F's plan, the Fixer's own output.
 */
function wholeFileEdits(state: State): Edit[] {
  const { doc, live } = state;
  const prologue = (line: number) => line < doc.headerLine;
  const wanted = [...live.issues].some(([line, issues]) => prologue(line) && !live.deleted.has(line) && issues.some((i) => fixedByF(state, i)));
  if (!wanted) return [];
  const plan = planFixAll(doc, live);
  if (typeof plan === 'string') return [];
  return plan.entry.edits.filter((e) => (e.kind === 'text' || e.kind === 'delete') && prologue(e.line));
}

/** The safe repairs of the whole-file rejections: header, trailer, a missing trailer, a DOCTYPE. */
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
  edits.push(...wholeFileEdits(state));
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
