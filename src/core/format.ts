/**
 * What a format folder provides (DESIGN.md section 1). The engine in src/core knows nothing of
 * any one format: it streams lines into a format's Validator (for `check`) or Fixer (for `fix`).
 */
import type { FieldSpec } from './field-spec.js';
import type { Issue } from './issue.js';
import type { IssueType } from './issue-type.js';
import type { FormatSetting } from './format-setting.js';
import type { InputInfo, LineEnding, ReadStats } from '../io/line-reader.js';
import type { CellKind } from '../io/sheet-text.js';

export interface CheckOptions {
  /** Rejection limits; 0 turns a limit off. */
  maxErrors: number;
  maxRecords: number;
  /** The formats' own settings (Format.settings), by key, as each setting's `load` made them; unset when absent. */
  formatOptions?: Readonly<Record<string, unknown>>;
  /** The sheet of a workbook to read (`--sheet NAME`); else the one whose first row is the format's. */
  sheet?: string;
}

export interface RecordLayout {
  /** e.g. 'header', 'detail', 'trailer'. */
  kind: string;
  /** How the record is recognised, in a clerk's words (for `rollfix formats` and docs). */
  title: string;
  fields: readonly FieldSpec[];
}

/**
 * The layout of a first row of field names: the same fields as free text, so the row is read and
 * written with the others but never checked against their rules.
 */
export function namesRowLayout(title: string, fields: readonly FieldSpec[]): RecordLayout {
  return { kind: 'header', title, fields: fields.map((f) => ({ name: f.name, required: false, maxLength: f.maxLength, kind: 'text' })) };
}

export interface ValidationResult {
  issues: Issue[];
  /** Every record in the file, header and trailer included (blank lines are not records). */
  records: number;
  /** Records that carry the data (students); the ones the Fix Errors stage is about. */
  detailRecords: number;
  /** Detail records with at least one error or rejection (warnings do not flag a record). */
  flaggedRecords: number;
  /** Facts shown in the report's first lines, e.g. { delimiter: 'comma' }. */
  facts: Record<string, string>;
  /**
   * What the format keeps of the whole check to answer "which other records have this key?"
   * while the clerk edits (RecordModel.sharedKey); opaque to the engine.
   */
  keys?: unknown;
}

export interface Validator {
  /** `offset`: where the line starts in the file, in bytes. */
  line(text: string, line: number, offset: number): void;
  finish(stats: ReadStats): ValidationResult;
}

/** One change written to the change report. */
export interface Change {
  line: number;
  field: string;
  before: string;
  after: string;
  code: string;
  /** The record's key (RecordModel.identity), '' when the line is no student's (a header, a trailer). */
  key?: string;
  /** What the clerk decided: a repair accepted, a value typed, a record deleted, a value kept as real. */
  decision?: DecisionKind;
  /** Why a value is kept. */
  reason?: string;
  /**
   * Which record exactly, when its key does not say it alone: the fingerprint of the record as
   * read (decisions.ts), with `#N` for the Nth exact copy of it (a deleted duplicate).
   */
  record?: string;
  /** Of a workbook: the cell ("D5"). */
  cell?: string;
}

export type DecisionKind = 'repair' | 'edit' | 'delete' | 'keep';

export interface Fixer {
  /**
   * The output lines for one input line: usually one, none when the record is deleted. `offset`:
   * where the line starts in the file (as readLines tells it), to read it back if need be.
   */
  line(text: string, line: number, offset?: number): string[];
  /** Lines to write after the last input line (a recomputed or added trailer). */
  finish(stats: ReadStats): string[];
  readonly changes: Change[];
}

/** One part of a large file, checked on its own thread (see parallel-check.ts). */
export interface PartChecker {
  line(text: string, line: number, offset: number): void;
  /** Plain data (it crosses threads): whatever the format's `merge` needs. */
  finishPart(stats: ReadStats): unknown;
}

/** How a format checks a large file in parts; the parts are merged in file order. */
export interface PartSupport {
  /** Whether this file can be cut into parts (its first record says how to read the rest). */
  canSplit(input: InputInfo): boolean;
  /** `first`: the part starts the file. `share`: its fraction of the file, to size buffers. */
  checker(options: CheckOptions, input: InputInfo, first: boolean, share: number): PartChecker;
  merge(parts: unknown[], options: CheckOptions, input: InputInfo): ValidationResult;
}

export interface Format {
  /**
   * Values that are sensitive wherever they land (an SSN-shaped value under another field's name,
   * when the columns are shifted): masked as the sensitive fields are. Optional.
   */
  isSensitiveValue?: (value: string) => boolean;
  id: string;
  title: string;
  /** The seed document it implements. */
  seed: string;
  /** How it is recognised, for `rollfix formats`. */
  detection: string;
  /**
   * The delimiter, when the format reads quoted fields as RFC 4180 has them (a quoted value may
   * hold line breaks, so a record may span lines); unset when every record is one line.
   */
  quotedBreaks?(input: InputInfo): string | undefined;
  /** 0 (not this format) to 1 (certainly this format), from the first lines and the file name. */
  detect(sample: readonly string[], fileName: string): number;
  layouts: readonly RecordLayout[];
  issueTypes: readonly IssueType[];
  /** Its own settings and command-line flags (read into CheckOptions.formatOptions). */
  settings?: readonly FormatSetting[];
  validator(options: CheckOptions, input: InputInfo): Validator;
  /** Optional: check a large file in parts on several threads. */
  parts?: PartSupport;
  /** How the workstation edits this format's records. */
  records(options: CheckOptions, input: InputInfo): RecordModel;
  fixer(options: CheckOptions, input: InputInfo): Fixer;
  /**
   * Files to write instead of one output (`rollfix fix --split`), e.g. one file per pupil. A string says why this file is not one to split.
   */
  split?(input: InputInfo): Array<{ name: string; lines: string[] }> | string;
  /** What `--split` does for this format, for the help: a summary of up to 40 characters, and lines of up to 60. */
  splitHelp?: { summary: string; lines: readonly string[] };
  /** The output's file name when the format's names carry meaning (the sending and receiving schools); else NAME.fixed.EXT. */
  outputName?(input: InputInfo): string | null;
  /** Files that are imported in a set, in order (students 1 … their enrolments later): where this one comes. */
  importOrder?: number;
  /** Whether the output starts with a BOM, when the format decides (one that an import misreads); else as the input. */
  outputBom?(input: InputInfo): boolean;
  /** The line ending written, when the format requires one (CR LF, say); else the input's. */
  outputEol?(input: InputInfo): LineEnding;
  /** Set for a CSV-based format that clerks keep in Excel: how a workbook is read as its text, and written back. */
  sheet?: SheetSupport;
}

/**
 * What the workbook reader (src/io/sheet-text.ts) needs of a format: which field each column
 * holds, so a date cell reads in the field's date layout and TRUE in a flag field as its letter,
 * and what the receiving system imports.
 */
export interface SheetSupport {
  /** The field and kind of each column, from the sheet's first row (as text); null: a column of no field (read as text). */
  columns(firstRow: readonly string[], options: CheckOptions): ReadonlyArray<{ field: string; kind: CellKind } | null>;
  /** 'workbook': the same workbook, changed cells rewritten (its converter reads Excel); else the import file NAME.fixed + `ext`. */
  writes: 'workbook' | { ext: string };
}

/** Live facts of the file being edited, for the checks that depend on the whole file. */
export interface LiveFile {
  /** Records after the clerk's deletions and additions (blank lines are not records). */
  records: number;
  /** Detail records with at least one error now. */
  flagged: number;
  /** Whether a record has been added at the end (a trailer). */
  appended: boolean;
  /** The current fields of the first record (the header), if it is one. */
  header: string[] | null;
}

/**
 * What the workstation needs to edit records of a format one field at a time: cut a line into
 * fields, write fields back as a line, and check one record again after an edit.
 */
export interface RecordModel {
  /** The record's layout and fields, or null for a line that is not edited field by field. */
  parse(text: string, line: number): { layout: RecordLayout; fields: string[] } | null;
  /**
   * The line for `fields`, in the file's delimiter; `original` is kept when nothing changed. For
   * a record over several lines (`span`), `original` and the result are its lines joined by \n.
   */
  serialise(layout: RecordLayout, fields: readonly string[], original: string, line?: number): string;
  /** How many lines the record starting at `line` covers (an XML element); 1 when absent. */
  span?(line: number): number;
  /** Why the text about to be written is unusable (XML not well-formed), or null; checked before the rename. */
  verify?(text: string): string | null;
  /** Issues of one record, without the cross-record ones (duplicates) that only a whole check finds. */
  check(layout: RecordLayout, fields: readonly string[], line: number, file: LiveFile): Issue[];
  /** Issue codes only a whole check can find; kept from it until their field is edited. */
  crossRecordCodes: ReadonlySet<string>;
  /** Fields that identify a record in the error table, in order (e.g. last name, first name, local ID). */
  keyFields: readonly string[];
  /** The error table's titles for the key fields, when not "Last name", "First name", "Local ID". */
  keyTitles?: readonly string[];
  /** File-wide issues now, from those of the last whole check and the live facts. */
  fileIssues(checked: readonly Issue[], file: LiveFile, options: CheckOptions): Issue[];
  /**
   * Issue codes about how the record sits in the file (a fixed-length record's length) rather
   * than its values: found by the whole check, gone once the record is edited, because an edited
   * record is written again whole from its fields (`serialise`).
   */
  rewriteCodes?: ReadonlySet<string>;
  /**
   * Set when every record is written again in its layout, edited or not (a format's
   * columns renamed and reordered): the one change that makes, for the change report.
   */
  rewritesAll?: Change | null;
  /** Why `value` cannot be stored in field `index` at all (it does not fit a fixed width), or null. */
  fits?(layout: RecordLayout, index: number, value: string, line?: number): string | null;
  /** The line to add at the end for an `add-trailer` repair, or null. */
  trailerFor(file: LiveFile): string | null;
  /**
   * Fields compared across records, each with its issue code and a way to find the lines that
   * held a value in the whole check (`keys` is the check's ValidationResult.keys).
   */
  sharedKeys: ReadonlyArray<{ field: string; code: string; what: string; normalise: (value: string) => string; linesWith: (keys: unknown, value: string) => number[] }>;
  /**
   * The format's own cross-record rules, for the live re-check: an edit changes the groups of
   * records that share a key, and the records of those groups are judged again by the rule the
   * whole check runs, so the live issues are the check's. Without it, the file is checked whole.
   */
  crossRecord?: CrossRecordRules;
  /** Who a record is from one export to the next, for remembered decisions; none: decisions are not remembered. */
  identity?: RecordIdentity;
}

/**
 * A record's identity across files (DESIGN.md section 2, "Decisions"): the key a decision is
 * remembered by, and the school or district a file is for, so one school's decisions are never
 * offered for another's file.
 */
export interface RecordIdentity {
  /** The fields the key is made of, in a clerk's words (for `rollfix formats`, the README). */
  keyTitle: string;
  /** The record's key, '' for a record that is no student's (a header, a trailer) or names none. */
  key(layout: RecordLayout, fields: readonly string[]): string;
  /** What the scope is read from, in words; or why the file names no school (then one scope holds every file of the format). */
  scopeTitle: string;
  /** The school or district the file is for, from its records in file order (the first few); null when it does not say. */
  scope(records: ReadonlyArray<{ layout: RecordLayout; fields: readonly string[] }>): string | null;
}

/** Keys compared across records (a student ID, a national ID, ...), and the rule that judges them. */
export interface CrossRecordRules {
  /** How many keys a record has. */
  rules: number;
  /** The issue codes each key's rule gives (an exact repeat's with the first key's). */
  codes: ReadonlyArray<readonly string[]>;
  /** The key `rule` of a record, as compared ('' when it holds none). */
  keyOf(rule: number, layout: RecordLayout, fields: readonly string[]): string;
  /** The lines whose key `rule` was `key` in the whole check (`keys`: its ValidationResult.keys). */
  linesWith(keys: unknown, rule: number, key: string): number[];
  /**
   * The cross-record issues of these records, in line order, as the whole check finds them
   * among them (`text`: the line as written, for exact repeats).
   */
  issues(records: ReadonlyArray<{ line: number; layout: RecordLayout; fields: readonly string[]; text: string }>): Issue[];
}

/** The input as its format reads it: records over several lines where quoted values hold line breaks. */
export function readAs(format: Format, input: InputInfo): InputInfo {
  const delimiter = format.quotedBreaks?.(input);
  // A workbook's rows are its records already (line n: row n).
  return delimiter && !input.workbook ? { ...input, quotedBreaks: delimiter } : input;
}
