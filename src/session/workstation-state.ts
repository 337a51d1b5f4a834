/**
 * The workstation's state and the selectors screens draw from. Screens read this and dispatch
 * actions; they never parse or validate. Everything here is plain data plus the Doc (which does
 * not change) and the Live overlay (which the reducer replaces, never mutates).
 */
import type { LineKey } from './line-edit.js';
import type { Offered } from './decisions.js';
import { defaultOutput } from '../io/output-paths.js';
import { outputNameOf } from '../core/engine.js';
import type { Issue } from '../core/issue.js';
import type { Doc } from './document.js';
import type { CommandId, ScreenId } from './key-bindings.js';
import type { Written } from './write-file.js';
import type { InputChange } from './input-on-disk.js';
import { initialLive, issuesAt, originalText, recordAt, type Live } from './live.js';
import { DEFAULTS, type Settings } from './settings.js';
import { masker, type Masker } from '../core/engine.js';
import type { FixAllPlan } from './fix-all.js';
import type { SplitPlan } from '../core/split-file.js';

export type Confirm =
  /**
   * `fields`: the fields the safe repairs change (one code, e.g. field/code, covers several);
   * `review`: how many repairs of the code need a person, offered one by one after.
   */
  | { kind: 'accept-all'; code: string; count: number; fields: string[]; review: number }
  /** The review repairs of an A, one at a time: `at` is the one asked about now. */
  | { kind: 'review'; code: string; queue: readonly ReviewItem[]; at: number; accepted: number }
  /** F: every safe repair in the file, made and checked already, taken on y. */
  | { kind: 'fix-all'; plan: FixAllPlan }
  /** S: the file written as one file per part (a transfer of unknown destination: one file per pupil), beside the input. */
  | { kind: 'split'; plan: SplitPlan }
  | { kind: 'delete'; line: number }
  | { kind: 'quit' }
  | { kind: 'replace'; path: string }
  /** The input changed on disk since it was opened: write from the copy as opened anyway? */
  | { kind: 'input-changed'; change: InputChange };

/** The reason being typed for keeping an issue as it is (k). */
export interface KeepDraft {
  text: string;
  line: number;
  field: string | null;
  code: string;
  value: string;
}

export type Prompt = { kind: 'search' | 'jump'; text: string };

/** A repair that needs a person: the issue of `code` on this line and field. */
export interface ReviewItem {
  line: number;
  field: string | null;
}

export interface State {
  doc: Doc;
  live: Live;
  screen: ScreenId;
  help: boolean;
  /** The first line of help shown (help scrolls when it is longer than the screen). */
  helpTop: number;
  columns: number;
  rows: number;
  table: { row: number; filter: string | null; search: string; prompt: Prompt | null; picker: { index: number } | null };
  /**
   * `reveal`: the sensitive field under the cursor is shown in clear (v); masked again as soon as
   * the cursor leaves it. `masked`: sensitive values are masked at all (the mask setting).
   */
  record: { line: number; field: number; draft: { text: string; issues: readonly Issue[] } | null; reveal: boolean; masked: boolean; keep?: KeepDraft | null };
  /**
   * `draft`: the path being typed (e), null otherwise. `replace`: yes to replacing an existing
   * file. `inputChanged`: how the input changed on disk since it was opened (found at the last
   * write), and `anyway`: yes to writing from the copy as opened all the same.
   */
  write: { path: string; draft: string | null; status: 'ready' | 'writing' | 'done' | 'failed'; replace?: boolean; anyway?: boolean; inputChanged?: InputChange; error?: string; written?: Written };
  /** The stored settings, the one under the cursor, its draft, and one waiting to be saved. */
  settings: { values: Settings; cursor: number; draft: string | null; saving: { key: keyof Settings; value: Settings[keyof Settings] } | null };
  /** The screen the write screen or settings was opened from: where Esc and q go back to. */
  cameFrom: ScreenId | null;
  /** How far the summary's list of issue codes is scrolled (the first shown). */
  summaryTop: number;
  confirm: Confirm | null;
  /** The issue code whose explanation (rollfix explain) is shown over the screen, or null. */
  explain: string | null;
  /** A split asked for (S, then y): the app writes the parts and answers 'split.done' or 'split.failed'. */
  splitting: SplitPlan | null;
  message: string | null;
  quit: boolean;
  /**
   * Why this session may only look (the file is open in another workstation, which owns its
   * journal): every edit and the write are refused with this said. Null: a normal session.
   */
  readOnly: string | null;
  /**
   * Where the cursor is in the text being typed (any of the drafts above), as characters from its
   * end: 0, at the end, is where every draft opens, so no opening needs to set it.
   */
  caretFromEnd: number;
  /** Decisions made before about records of this file (decisions.ts), offered when it opens; null: none. */
  offer: { items: readonly Offered[]; cursor: number } | null;
}

export type Action =
  | { type: 'command'; id: CommandId }
  | { type: 'text'; input: string }
  | { type: 'text.backspace' }
  | { type: 'text.clear' }
  | { type: 'text.key'; key: LineKey }
  | { type: 'text.commit' }
  | { type: 'text.cancel' }
  /**
   * `next`: a command to run after answering (w at the quit question: the write screen).
   * `stop`: Esc at a review question, which ends the run of them (n only skips one).
   */
  | { type: 'answer'; yes: boolean; next?: CommandId; stop?: boolean }
  | { type: 'split.done'; paths: string[] }
  | { type: 'split.failed'; error: string }
  /** A key that does nothing here: why, for the status line. */
  | { type: 'disabled'; reason: string }
  | { type: 'help.scroll'; by: number }
  | { type: 'picker.move'; delta: number }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'settings.saved'; key: keyof Settings; value: Settings[keyof Settings] }
  | { type: 'settings.failed'; error: string }
  | { type: 'write.exists' }
  | { type: 'write.input-changed'; change: InputChange }
  | { type: 'write.done'; written: Written }
  | { type: 'write.failed'; error: string };

export function initialState(doc: Doc, columns = 80, rows = 24, settings: Settings = DEFAULTS): State {
  const state: State = {
    doc,
    live: initialLive(doc),
    screen: 'summary',
    help: false,
    helpTop: 0,
    columns,
    rows,
    table: { row: 0, filter: null, search: '', prompt: null, picker: null },
    record: { line: doc.flaggedLines[0] ?? 1, field: 0, draft: null, reveal: false, masked: settings.mask },
    write: { path: defaultOutput(doc.path, outputNameOf(doc.format, doc.report.input)), draft: null, status: 'ready' },
    settings: { values: settings, cursor: 0, draft: null, saving: null },
    cameFrom: null,
    summaryTop: 0,
    confirm: null,
    explain: null,
    splitting: null,
    message: null,
    quit: false,
    readOnly: null,
    caretFromEnd: 0,
    offer: null,
  };
  // The table's cursor starts on the first record with an error, not on a warning.
  const firstError = tableRows(state).findIndex((n) => issuesAt(state.live, n).some((i) => i.severity !== 'warning'));
  return firstError > 0 ? { ...state, table: { ...state.table, row: firstError } } : state;
}

const listedByLive = new WeakMap<Live, readonly number[]>();

/**
 * The records to look at, in file order: the lines the whole check listed (a fixed one stays, so
 * n and p can go back to it) and any an edit has given an issue since (a new duplicate).
 */
export function listedLines(state: State): readonly number[] {
  const { doc, live } = state;
  let lines = listedByLive.get(live);
  if (!lines) {
    const listed = new Set(doc.flaggedLines);
    const added = [...live.issues.keys()].filter((n) => !listed.has(n));
    lines = added.length ? [...doc.flaggedLines, ...added].sort((a, b) => a - b) : doc.flaggedLines;
    listedByLive.set(live, lines);
  }
  return lines;
}

const searchedByLive = new WeakMap<Live, Map<string, readonly number[]>>();

/** The values of record `n` as one text to search (its line as read when it is not a record). */
function searchText(state: State, n: number): string {
  const record = recordAt(state.doc, state.live, n);
  return (record ? record.fields.join(' ') : originalText(state.doc, state.live, n)).toLowerCase();
}

/**
 * Every record whose values hold `needle` (case-insensitive), flagged or not, deleted ones aside,
 * in file order; once per file state and needle. A record never edited is looked at as read first
 * (cheap), and only a line holding the text is split into its values.
 */
export function searchLines(state: State, needle: string): readonly number[] {
  const { doc, live } = state;
  let cache = searchedByLive.get(live);
  if (!cache) searchedByLive.set(live, (cache = new Map()));
  let lines = cache.get(needle);
  if (!lines) {
    const found: number[] = [];
    const total = doc.store.count + live.appended.length;
    for (let n = 1; n <= total; n++) {
      if (live.deleted.has(n)) continue;
      if (!live.fields.has(n) && !originalText(doc, live, n).toLowerCase().includes(needle)) continue;
      if (searchText(state, n).includes(needle)) found.push(n);
    }
    cache.set(needle, (lines = found));
  }
  return lines;
}

/** The field of record `n` whose value holds the search, or -1. */
export function matchingField(state: State, n: number): number {
  const needle = state.table.search.toLowerCase();
  const record = recordAt(state.doc, state.live, n);
  return needle && record ? record.fields.findIndex((v) => v.toLowerCase().includes(needle)) : -1;
}

/**
 * Rows of the error table: the listed lines, through the code filter; with a search on, every
 * record that holds it (flagged or not), through the filter too.
 */
export function tableRows(state: State): readonly number[] {
  const { live, table } = state;
  const needle = table.search.toLowerCase();
  let lines = needle ? searchLines(state, needle) : listedLines(state);
  if (table.filter) lines = lines.filter((n) => issuesAt(live, n).some((i) => i.code === table.filter));
  return lines;
}

/** What n and p step through now: the table's rows while a filter or search is on, said so. */
export function stepping(state: State): { lines: readonly number[]; by: string | null } {
  const { filter, search } = state.table;
  if (!filter && !search) return { lines: listedLines(state), by: null };
  const by = [filter && `with ${filter}`, search && `matching "${search}"`].filter(Boolean).join(', ');
  return { lines: tableRows(state), by };
}

/** Rows the table shows at once: the screen less title, header, footer and status lines. */
export function tablePageSize(state: State): number {
  return Math.max(3, state.rows - 6);
}

/** Every issue code found now, with how many issues (as `check` counts them): the filter picker's choices. */
export function codeChoices(state: State): Array<{ code: string; count: number }> {
  const counts = new Map<string, number>();
  const { live } = state;
  for (const issue of live.fileIssues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  for (const [line, issues] of live.issues) {
    if (live.deleted.has(line)) continue;
    for (const issue of issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** The issues of the record's field at `index` (or record-wide ones when `index` is -1). */
export function fieldIssues(state: State, line: number, index: number): readonly Issue[] {
  const record = recordAt(state.doc, state.live, line);
  const name = record && index >= 0 ? record.layout.fields[index]?.name : null;
  return issuesAt(state.live, line).filter((i) => i.field === name);
}

/**
 * Records flagged now: detail records with at least one error (warnings never flag a record; a
 * header or trailer is not a student). The one count the summary, the table, the status line and
 * the write screen show, and the one `check` prints.
 */
export function flaggedNow(state: State): number {
  return state.live.flagged;
}

/**
 * 1-based position of the current record among the ones n and p step through (the listed ones,
 * the file as opened: a fixed record stays in the list; or the filter's or search's), how many
 * those are, and the filter or search when one is on.
 */
export function position(state: State): { index: number; total: number; by: string | null } {
  const { lines, by } = stepping(state);
  return { index: lines.indexOf(state.record.line) + 1, total: lines.length, by };
}

const UNMASKED: Masker = { value: (_, value) => value, message: (text) => text };

/**
 * How every screen shows values and messages: national IDs masked wherever they land (under
 * another field's name, inside a message), as `check` prints them, unless the mask setting is off.
 */
export function shown(state: State): Masker {
  return state.record.masked ? masker(state.doc.format) : UNMASKED;
}

/** Issues kept as real now (k): on the summary, the write screen and in `check`. */
export function keptNow(state: State): number {
  const { live } = state;
  let n = 0;
  for (const line of live.keptLines) if (!live.deleted.has(line)) n += (live.issues.get(line) ?? []).filter((i) => i.kept).length;
  return n;
}

/** Whether an offered decision is in effect now (applied, and not undone). */
export function isApplied(state: State, item: Offered): boolean {
  const { live } = state;
  const edit = item.edit;
  if (edit.kind === 'delete') return live.deleted.has(edit.line);
  if (edit.kind === 'keep') return live.kept.get(`${edit.line}\t${edit.field ?? ''}\t${edit.code}`)?.reason === edit.reason;
  if (edit.kind === 'set') {
    const record = recordAt(state.doc, live, edit.line);
    const i = record ? record.layout.fields.findIndex((f) => f.name === edit.field) : -1;
    return i >= 0 && record!.fields[i] === edit.after;
  }
  return false;
}
