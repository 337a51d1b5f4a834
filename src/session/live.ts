/**
 * The file as the clerk has changed it so far: the original overlaid with the edit log.
 *
 * Only what edits touch is kept: the current fields of edited records, the deleted lines and the
 * appended lines. After every edit, undo and redo the file as it would be written is checked
 * whole, in memory, by the format's own validator (the one `rollfix check` runs), and its issues
 * are put back on the lines they come from: what the workstation shows is what `check` will say
 * of the written file. A large file of a format that declares its cross-record rules is checked
 * again only where an edit touched it (the records, the groups of records sharing their keys,
 * the trailer), by the same rules: what the one-truth test proves equal to the whole check.
 */
import type { Issue } from '../core/issue.js';
import type { LiveFile, RecordLayout } from '../core/format.js';
import type { Doc } from './document.js';
import { EMPTY_LOG, inverse, type Edit, type EditLog, type LogEntry } from './edit-log.js';
import { recheckCrossRecord } from './cross-record.js';
import { checkInMemory, noRecordsIssues } from '../core/engine.js';
import { defaultOutput } from '../io/output-paths.js';
import { outputNameOf } from '../core/engine.js';
import { linesOf, writtenInput } from './written.js';
import { linesIn } from '../io/quoted-records.js';
import { keepId, markKeeps, type Keep } from './keeps.js';

/**
 * Up to `fullCheckLines` lines an edit is followed by a whole check of the file as it would be
 * written; past it, by the incremental re-check (proven equal by the one-truth test, which sets
 * it to 0 to force that path).
 */
export const LIVE_CHECK = { fullCheckLines: Number(process.env.ROLLFIX_LIVE_FULL_LINES ?? 20_000) };

export interface Live {
  log: EditLog;
  /** Current fields of edited records, by line. */
  fields: ReadonlyMap<number, readonly string[]>;
  deleted: ReadonlySet<number>;
  /** Lines added after the last line (numbered from `doc.store.count + 1`). */
  appended: readonly string[];
  /** Lines that are no record, written with other text (TextEdit), by line. */
  texts: ReadonlyMap<number, string>;
  /** Current issues of every line with issues: the whole check's, replaced where checked again. */
  issues: ReadonlyMap<number, readonly Issue[]>;
  fileIssues: readonly Issue[];
  /** Records now (header and trailer included). */
  records: number;
  /** Detail records with at least one error now: what `check` calls flagged. */
  flagged: number;
  /** Log cursor at the last write; edits past it are unsaved. */
  savedAt: number;
  /** Issues kept as they are (keeps.ts), by keepId; marked on `issues` where they hold. */
  kept: ReadonlyMap<string, Keep>;
  /** Lines whose issues carry a keep's mark now. */
  keptLines: ReadonlySet<number>;
}

const isFlagging = (i: Issue) => i.severity !== 'warning';

const initialByDoc = new WeakMap<Doc, Live>();

/** The file as opened, before any edit: checked once per document (a Live is never mutated). */
export function initialLive(doc: Doc): Live {
  let start = initialByDoc.get(doc);
  if (!start) initialByDoc.set(doc, (start = firstLive(doc)));
  return start;
}

function firstLive(doc: Doc): Live {
  const live: Live = {
    log: EMPTY_LOG,
    fields: new Map(),
    deleted: new Set(),
    appended: [],
    texts: new Map(),
    issues: doc.checked,
    fileIssues: doc.checkedFileIssues,
    records: doc.report.records,
    flagged: doc.report.flaggedRecords,
    savedAt: 0,
    kept: new Map((doc.keptAtOpen ?? []).map((k) => [keepId(k.line, k.field, k.code), k])),
    keptLines: new Set(),
  };
  // As after any edit: the issues of the file as it would be written (a format that always writes
  // CR LF leaves no LF rejection to fix).
  if (wholeCheck(doc, live)) return markKeeps(doc, { ...live, ...checkWritten(doc, live) }, []);
  return markKeeps(doc, { ...live, fileIssues: doc.model.fileIssues(doc.checkedFileIssues, liveFile(doc, live), doc.options) }, []);
}

/** Where the workstation writes unless told otherwise; the live check judges the file under this name. */
export function outputPathOf(doc: Doc): string {
  return defaultOutput(doc.path, outputNameOf(doc.format, doc.report.input));
}

/**
 * Whether the file is checked whole after an edit: a small one, or one of a format that declares
 * no cross-record rules for the incremental re-check (RecordModel.crossRecord).
 */
function wholeCheck(doc: Doc, live: Live): boolean {
  return !doc.model.crossRecord || doc.store.count + live.appended.length <= LIVE_CHECK.fullCheckLines;
}

/** The whole check of the file as it would be written, its issues on the lines they come from. */
function checkWritten(doc: Doc, live: Live): Pick<Live, 'issues' | 'fileIssues' | 'records' | 'flagged'> {
  const { input, origin } = writtenInput(doc, live, outputPathOf(doc));
  const issues = new Map<number, Issue[]>();
  const fileIssues: Issue[] = [];
  if (input.lines!.length === 0) return { issues, fileIssues: noRecordsIssues({ records: 0, detailRecords: 0, issues: [] }), records: 0, flagged: 0 };
  const report = checkInMemory(doc.format, doc.options, input);
  for (const issue of report.issues) {
    const from = issue.line === null ? undefined : origin[issue.line - 1];
    if (from === undefined) {
      fileIssues.push(issue);
      continue;
    }
    const at = issues.get(from);
    const placed = from === issue.line ? issue : { ...issue, line: from };
    if (at) at.push(placed);
    else issues.set(from, [placed]);
  }
  return { issues, fileIssues, records: report.records, flagged: report.flaggedRecords };
}

/** The file-wide issues with the whole check's file/no-records when no student record is left (engine.ts, noRecordsIssues). */
function withNoRecords(doc: Doc, live: Live, fileIssues: Issue[]): Issue[] {
  const lines = doc.store.count + live.appended.length;
  for (let n = 1; n <= lines; n++) if (!live.deleted.has(n) && recordAt(doc, live, n)?.layout.kind === 'detail') return fileIssues;
  const all = function* () {
    yield* fileIssues;
    for (const [n, at] of live.issues) if (!live.deleted.has(n)) yield* at;
  };
  return [...noRecordsIssues({ records: live.records, detailRecords: 0, issues: all() }), ...fileIssues];
}

/** The text of line `n` as it was read (appended lines included). */
export function originalText(doc: Doc, live: Live, n: number): string {
  const text = live.texts.get(n);
  if (text !== undefined) return text;
  return n <= doc.store.count ? doc.store.line(n) : (live.appended[n - doc.store.count - 1] ?? '');
}

export function recordAt(doc: Doc, live: Live, n: number): { layout: RecordLayout; fields: readonly string[] } | null {
  const parsed = doc.model.parse(originalText(doc, live, n), n);
  if (!parsed) return null;
  return { layout: parsed.layout, fields: live.fields.get(n) ?? parsed.fields };
}

export function issuesAt(live: Live, n: number): readonly Issue[] {
  return live.deleted.has(n) ? [] : (live.issues.get(n) ?? []);
}

/** The line the trailer is on now: an appended one, or the file's own. */
export function trailerLine(doc: Doc, live: Live): number {
  return live.appended.length > 0 ? doc.store.count + live.appended.length : doc.trailerLine;
}

/** Detail records with at least one error now (counted line by line, for the checks of one record). */
function countFlagged(doc: Doc, live: Live): number {
  const trailer = trailerLine(doc, live);
  let n = 0;
  for (const [line, issues] of live.issues) {
    if (line !== doc.headerLine && line !== trailer && !live.deleted.has(line) && issues.some(isFlagging)) n++;
  }
  return n;
}

export function liveFile(doc: Doc, live: Live): LiveFile {
  const header = recordAt(doc, live, 1);
  return {
    records: live.records,
    flagged: wholeCheck(doc, live) ? live.flagged : countFlagged(doc, live),
    appended: live.appended.length > 0,
    header: header?.layout.kind === 'header' ? [...header.fields] : null,
  };
}

/** Whether the receiving system would reject the file as it is now. */
export function isRejected(live: Live): boolean {
  if (live.fileIssues.some((i) => i.severity === 'reject')) return true;
  for (const [line, issues] of live.issues) if (!live.deleted.has(line) && issues.some((i) => i.severity === 'reject')) return true;
  return false;
}

export function unsavedEdits(live: Live): number {
  return Math.abs(live.log.cursor - live.savedAt);
}

/**
 * Duplicates an edit makes: the edited record's key against the whole check's keys (and the
 * records edited since). Only changed keys are looked up; unchanged ones keep the check's issues.
 * The issue is on the edited record; the other record learns of it in the check of the written file.
 */
export function sharedKeyIssues(doc: Doc, live: Live, line: number, layout: RecordLayout, fields: readonly string[]): Issue[] {
  const out: Issue[] = [];
  const original = doc.model.parse(originalText(doc, live, line), line)?.fields ?? [];
  for (const shared of doc.model.sharedKeys) {
    const i = layout.fields.findIndex((f) => f.name === shared.field);
    if (i < 0 || fields[i] === original[i]) continue;
    const key = shared.normalise(fields[i] ?? '');
    if (!key) continue;
    const others = new Set<number>();
    for (const m of shared.linesWith(doc.report.keys, fields[i])) {
      const edited = live.fields.get(m);
      if (m !== line && !live.deleted.has(m) && (!edited || shared.normalise(edited[i] ?? '') === key)) others.add(m);
    }
    for (const [m, edited] of live.fields) if (m !== line && !live.deleted.has(m) && shared.normalise(edited[i] ?? '') === key) others.add(m);
    if (others.size > 0) {
      out.push({ code: shared.code, severity: 'error', scope: 'field', line, field: shared.field, message: `This ${shared.what} is also on line ${[...others].reduce((a, b) => Math.min(a, b))}`, repair: null });
    }
  }
  return out;
}

/**
 * Whether the checks of one record can follow the file as it is now: not while the header or the
 * trailer is deleted (what the whole file is then is the whole check's to say), nor while an
 * edited record no longer reads back as itself.
 */
function checkedByRecord(doc: Doc, live: Live): boolean {
  if (live.deleted.has(doc.headerLine) || live.deleted.has(doc.trailerLine)) return false;
  for (const n of live.fields.keys()) if (!roundTrips(doc, live, n)) return false;
  return true;
}

/**
 * Whether edited line `n`, written from its fields, reads back as the same record. One that does
 * not (its record type typed away, a delimiter typed into a value) is no longer the record the
 * checks of one record judge: while any such edit stands the file is checked whole.
 */
function roundTrips(doc: Doc, live: Live, n: number): boolean {
  if (live.deleted.has(n) || (doc.model.span?.(n) ?? 1) > 1) return true; // an XML element: its model knows
  const record = recordAt(doc, live, n);
  if (!record) return true;
  // Fields of an edit are never changed in place: each is read back once, not at every edit after.
  let same = roundTripped.get(record.fields);
  if (same === undefined) {
    const back = doc.model.parse(doc.model.serialise(record.layout, record.fields, originalText(doc, live, n), n), n);
    same = back !== null && back.layout === record.layout && back.fields.length === record.fields.length && back.fields.every((v, i) => v === record.fields[i]);
    roundTripped.set(record.fields, same);
  }
  return same;
}

const roundTripped = new WeakMap<readonly string[], boolean>();

/** Checks the file again after `lines` changed: whole, or (a large file) where the edit touched it. */
function recheck(doc: Doc, before: Live, live: Live, lines: Iterable<number>): Live {
  if (wholeCheck(doc, live) || !checkedByRecord(doc, live)) return { ...live, ...checkWritten(doc, live) };
  return recheckByRules(doc, before, { ...live, issues: new Map(live.issues) }, new Set(lines));
}

/**
 * The incremental re-check of a format that declares its cross-record rules: the touched records
 * (and the trailer) by the checks of one record, then the groups of records sharing their keys
 * by the format's cross-record rule.
 */
function recheckByRules(doc: Doc, before: Live, next: Live & { issues: Map<number, readonly Issue[]> }, touched: Set<number>): Live {
  const { issues } = next;
  const cross = doc.model.crossRecordCodes;
  const trailer = trailerLine(doc, next);
  if (trailer) touched.add(trailer);
  const file = liveFile(doc, next);
  for (const n of touched) {
    const record = recordAt(doc, next, n);
    if (!record) continue;
    const now = [...doc.model.check(record.layout, record.fields, n, file), ...(issues.get(n) ?? []).filter((i) => cross.has(i.code))];
    if (now.length > 0) issues.set(n, now);
    else issues.delete(n);
  }
  // A deletion renumbers the lines after it: the records named in the duplicates' messages too.
  // So does an edit that writes a record over fewer or more lines than before (a line break repaired away).
  const linesNow = (live: Live, n: number) => {
    const fields = live.fields.get(n);
    return fields && n <= doc.store.count ? writtenLines(doc, live, n, fields) : linesOf(doc, n);
  };
  const moved = Boolean(doc.report.input.quotedBreaks) && [...touched].some((n) => !next.deleted.has(n) && linesNow(before, n) !== linesNow(next, n));
  if (moved || next.deleted.size !== before.deleted.size) for (const [n, at] of issues) if (at.some((i) => cross.has(i.code))) touched.add(n);
  const deleted = [...next.deleted].sort((a, b) => a - b);
  // An edited record may be written over fewer lines than it had (a line break repaired away), or more.
  const shrunk = doc.report.input.quotedBreaks ? [...next.fields].filter(([n]) => !next.deleted.has(n) && n <= doc.store.count).map(([n, fields]) => [n, doc.store.span(n) - writtenLines(doc, next, n, fields)] as const).filter(([, d]) => d !== 0) : [];
  const writtenLine = (n: number) => {
    let below = 0;
    for (const d of deleted) {
      if (d >= n) break;
      below += linesOf(doc, d);
    }
    for (const [m, fewer] of shrunk) if (m < n) below += fewer;
    return n - below;
  };
  recheckCrossRecord(doc, before, next, touched, (live, n) => recordAt(doc, live as Live, n), (n) => writtenText(doc, next, n), writtenLine, issues);
  next.flagged = countFlagged(doc, next);
  next.fileIssues = withNoRecords(doc, next, doc.model.fileIssues(doc.checkedFileIssues.filter((i) => i.code !== 'file/no-records'), liveFile(doc, next), doc.options));
  return next;
}

/** How many lines edited record `n` is written over; an edit's fields are never changed in place, so it is counted once. */
function writtenLines(doc: Doc, live: Live, n: number, fields: readonly string[]): number {
  let lines = linesWritten.get(fields);
  if (lines === undefined) linesWritten.set(fields, (lines = linesIn(writtenText(doc, live, n), doc.report.input.eol)));
  return lines;
}
const linesWritten = new WeakMap<readonly string[], number>();

/** Line `n` as it would be written. */
function writtenText(doc: Doc, live: Live, n: number): string {
  const record = live.fields.has(n) ? recordAt(doc, live, n) : null;
  return record ? doc.model.serialise(record.layout, record.fields, originalText(doc, live, n), n) : originalText(doc, live, n);
}

type Work = { fields: Map<number, readonly string[]>; deleted: Set<number>; appended: string[]; texts: Map<number, string>; records: number; kept: Map<string, Keep> };

function applyEdit(doc: Doc, live: Work, edit: Edit | ReturnType<typeof inverse>, undoing: boolean): number | null {
  // A line that is no record (a blank line, an XML prologue) is not counted as one when it goes.
  const isRecord = (line: number) => doc.model.parse(live.texts.get(line) ?? (line <= doc.store.count ? doc.store.line(line) : (live.appended[line - doc.store.count - 1] ?? '')), line) !== null;
  switch (edit.kind) {
    case 'keep': {
      const id = keepId(edit.line, edit.field, edit.code);
      if (edit.reason === null) live.kept.delete(id);
      else live.kept.set(id, { line: edit.line, field: edit.field, code: edit.code, value: edit.value, reason: edit.reason });
      return edit.line;
    }
    case 'text':
      live.texts.set(edit.line, edit.after);
      return edit.line;
    case 'set': {
      const text = edit.line <= doc.store.count ? doc.store.line(edit.line) : (live.appended[edit.line - doc.store.count - 1] ?? '');
      const record = doc.model.parse(text, edit.line);
      const current = live.fields.get(edit.line) ?? record?.fields;
      if (!current || !record) return null;
      const index = record.layout.fields.findIndex((f) => f.name === edit.field);
      const fields = [...current];
      fields[index] = edit.after;
      // Undone back to the record as read: written as read again (a record rewritten whole by a repair, then undone).
      if (undoing && fields.every((v, i) => v === record.fields[i]) && fields.length === record.fields.length) live.fields.delete(edit.line);
      else live.fields.set(edit.line, fields);
      return edit.line;
    }
    case 'delete':
      live.deleted.add(edit.line);
      if (isRecord(edit.line)) live.records--;
      return edit.line;
    case 'undelete':
      live.deleted.delete(edit.line);
      if (isRecord(edit.line)) live.records++;
      return edit.line;
    case 'append':
      live.appended.push(edit.text);
      live.records++;
      return doc.store.count + live.appended.length;
    case 'unappend':
      live.appended.pop();
      live.records--;
      return null;
  }
}

function run(doc: Doc, live: Live, edits: Array<Edit | ReturnType<typeof inverse>>, log: EditLog, undoing = false): Live {
  const work: Work = { fields: new Map(live.fields), deleted: new Set(live.deleted), appended: [...live.appended], texts: new Map(live.texts), records: live.records, kept: new Map(live.kept) };
  const touched: number[] = [];
  for (const edit of edits) {
    const line = applyEdit(doc, work, edit, undoing);
    if (line !== null) touched.push(line);
  }
  return markKeeps(doc, recheck(doc, live, { ...live, ...work, log }, touched), live.keptLines);
}

/** Makes a new log entry take effect (dropping what undo had left to redo). */
export function commit(doc: Doc, live: Live, entry: LogEntry): Live {
  const log = { entries: [...live.log.entries.slice(0, live.log.cursor), entry], cursor: live.log.cursor + 1 };
  const savedAt = live.savedAt > live.log.cursor ? -1 : live.savedAt; // the saved state can no longer be reached
  return { ...run(doc, live, entry.edits, log), savedAt };
}

export function undo(doc: Doc, live: Live): Live {
  if (live.log.cursor === 0) return live;
  const entry = live.log.entries[live.log.cursor - 1];
  return run(doc, live, [...entry.edits].reverse().map(inverse), { ...live.log, cursor: live.log.cursor - 1 }, true);
}

export function redo(doc: Doc, live: Live): Live {
  if (live.log.cursor === live.log.entries.length) return live;
  const entry = live.log.entries[live.log.cursor];
  return run(doc, live, entry.edits, { ...live.log, cursor: live.log.cursor + 1 });
}
