/**
 * The streaming GTID check. Lines arrive one at a time; each record is checked on its own
 * (validateDetail) and its keys are logged for the duplicate check. A large file is cut into
 * parts checked on several threads (src/core/parallel-check.ts): each part yields a GtidPart, and
 * `mergeParts` joins them in file order and decides what only the whole file can tell: duplicates,
 * which TT is the trailer, the counts and the six rejection reasons. One thread is simply one
 * part, so both ways run the same code. What is kept grows with the flagged records.
 */
import type { CheckOptions, ValidationResult, Validator } from '../../src/core/format.js';
import { detachIssue, type Issue } from '../../src/core/issue.js';
import type { InputInfo, ReadStats } from '../../src/io/line-reader.js';
import type { FingerprintData } from '../../src/core/fingerprint-log.js';
import { hashLine, PLAIN, QUOTED, profileLine } from '../../src/core/key-index.js';
import { splitPlain, splitRecord } from '../../src/io/delimited.js';
import { DETAIL, declaredDelimiter } from './spec.js';
import { delimiterName, envelopeSeparator, recordType, sniffDelimiter, splitEnvelope } from './records.js';
import { checkHeader, extraFields } from './envelope.js';
import { recordRules, validateDetail } from './rules.js';
import type { LinePattern } from '../../src/core/line-pattern.js';
import { cleanRecordPattern, matchClean } from './fast-path.js';
import { DuplicateFinder } from './duplicates.js';
import { wholeFileIssues } from './whole-file.js';
import { sameLines } from '../../src/io/line-at.js';
import { blankRunIssue } from '../../src/core/record-passes.js';

export interface Trailer {
  line: number;
  fields: string[];
  separator: string;
}

/** What one part of the file leaves for the merge; plain data, so it can cross threads. */
export interface GtidPart {
  issues: Issue[];
  records: number;
  details: number;
  /** Line of the TH that is the first record of the file (0: none); first part only. */
  headerLine: number;
  headerTid: string | null;
  /** First TH that is not the first record. */
  firstTh: number;
  /** A TT that is the part's last record: the trailer, unless a later part has records. */
  trailer: Trailer | null;
  delimiter: ',' | '\t' | null;
  keys: FingerprintData[];
  /** Blank lines as [first, last] pairs of line numbers, flat. */
  blankRuns: number[];
  /** What the Local Student ID log carries to tell an exact repeat: see GtidPartChecker.lineKey. */
  lineKeys: LineKeys;
  stats: ReadStats;
}

const misplacedTrailer = (line: number): Issue => ({ code: 'gtid/misplaced-record', severity: 'error', scope: 'record', line, field: null, message: 'A TT trailer record before the end of the file', repair: { confidence: 'review', reason: 'delete this trailer', action: 'delete-record' } });

/**
 * How an exact repeat is told among records that share a Local Student ID: by the byte offset
 * where each record starts, read back at the merge for those few records only (no per-line work),
 * or, for a file past 2 GB whose offsets do not fit the 32-bit log, by a hash of every line.
 */
type LineKeys = 'offset' | 'hash';

/** Checks the lines of one part of the file (all of it, on one thread). */
export class GtidPartChecker {
  private issues: Issue[] = [];
  private records = 0;
  private details = 0;
  private headerLine = 0;
  private headerTid: string | null = null;
  private delimiter: ',' | '\t' | null;
  private sniffed: ',' | '\t' | null;
  private trailer: Trailer | null = null;
  private firstTh = 0;
  private duplicates: DuplicateFinder;
  private blankRuns: number[] = [];
  private lineKeys: LineKeys;

  private scratch: string[] = new Array(DETAIL.fields.length).fill('');
  /** The clean-record pattern for the file's delimiter, found once (a lookup per record showed in profiles). */
  private pattern: LinePattern | null | undefined;
  private ruleIssues: Issue[] = [];

  /**
   * `first`: this part starts the file, so its first record may be the header. `fastPath`:
   * off only in the test that proves both paths agree.
   */
  constructor(private options: CheckOptions, input: InputInfo, private first = true, share = 1, private fastPath = true) {
    this.sniffed = sniffDelimiter(input.sample);
    this.delimiter = this.sniffed;
    this.duplicates = new DuplicateFinder((input.size * share) / 80);
    this.lineKeys = input.size < 2 ** 31 ? 'offset' : 'hash';
  }

  private lineKey(text: string, offset: number): number {
    return this.lineKeys === 'offset' ? offset : hashLine(text);
  }

  /**
   * A record the clean-record pattern matched: every generic check has passed but dates must
   * exist; only the GTID rules and the duplicate keys remain. False sends it the slow way.
   */
  private fastDetail(text: string, line: number, offset: number, pattern: LinePattern): boolean {
    const fields = this.scratch;
    if (!matchClean(pattern, text, fields)) return false;
    const issues = this.ruleIssues;
    if (issues.length > 0) issues.length = 0; // setting it when already 0 costs a runtime call
    recordRules(fields, line, this.options, issues, true);
    for (let i = 0; i < issues.length; i++) this.issues.push(detachIssue(issues[i]));
    this.duplicates.add(this.lineKey(text, offset), fields, line, true);
    return true;
  }

  line(text: string, line: number, offset: number): void {
    if (text.length === 0 || text.trim() === '') {
      // Runs of blank lines are kept as [first, last] pairs: a million of them is one issue.
      const runs = this.blankRuns;
      if (runs.length && runs[runs.length - 1] === line - 1) runs[runs.length - 1] = line;
      else runs.push(line, line);
      return;
    }
    this.records++;
    if (this.trailer) {
      this.issues.push(misplacedTrailer(this.trailer.line));
      this.trailer = null;
    }
    const type = recordType(text);
    if (this.records === 1 && this.first && type === 'TH') return this.header(text, line);
    if (type === 'ID') return this.detail(text, line, offset);
    if (type === 'TT') {
      this.trailer = { line, fields: splitEnvelope(text), separator: envelopeSeparator(text) };
      return;
    }
    if (type === 'TH') {
      this.firstTh ||= line;
      this.issues.push({ code: 'gtid/misplaced-record', severity: 'error', scope: 'record', line, field: null, message: 'A TH header record after the first record', repair: { confidence: 'review', reason: 'delete this header', action: 'delete-record' } });
      return;
    }
    this.issues.push({ code: 'gtid/unknown-record-type', severity: 'error', scope: 'record', line, field: null, message: `Record type "${text.slice(0, 2)}" is not TH, ID or TT`, repair: null });
  }

  private header(text: string, line: number): void {
    this.headerLine = line;
    const fields = splitEnvelope(text);
    this.delimiter = this.sniffed ?? declaredDelimiter(fields[5]);
    if (/^\d+$/.test(fields[3] ?? '')) this.headerTid = fields[3];
    this.issues.push(...checkHeader(fields, line, this.sniffed, envelopeSeparator(text)));
  }

  private detail(text: string, line: number, offset: number): void {
    this.details++;
    const delimiter = (this.delimiter ??= text.includes('\t') ? '\t' : ',');
    const pattern = this.fastPath ? (this.pattern ??= cleanRecordPattern(delimiter)) : null;
    if (pattern && this.fastDetail(text, line, offset, pattern)) return;
    const profile = profileLine(text, delimiter === '\t');
    let fields: string[];
    if ((profile & QUOTED) === 0) {
      fields = splitPlain(text, delimiter);
    } else {
      const split = splitRecord(text, delimiter, true);
      fields = split.fields;
      if (split.quoteError) {
        this.issues.push({ code: 'record/unclosed-quote', severity: 'error', scope: 'record', line, field: null, message: 'A double quote opens but never closes in this record', repair: null });
      }
    }
    const want = DETAIL.fields.length;
    if (fields.length < want) {
      this.issues.push({ code: 'gtid/missing-fields', severity: 'reject', scope: 'record', line, field: null, message: `Detail record has ${fields.length} field${fields.length === 1 ? '' : 's'} (${delimiterName(delimiter)}-delimited); it needs ${want}`, repair: null });
      return;
    }
    if (fields.length > want) this.issues.push(extraFields(line, 'Detail record', fields, want));
    const issues = validateDetail(fields, line, this.options, (profile & PLAIN) !== 0);
    for (let i = 0; i < issues.length; i++) this.issues.push(detachIssue(issues[i]));
    this.duplicates.add(this.lineKey(text, offset), fields, line);
  }

  finishPart(stats: ReadStats): GtidPart {
    const { issues, records, details, headerLine, headerTid, firstTh, trailer, delimiter, blankRuns, lineKeys } = this;
    return { issues, records, details, headerLine, headerTid, firstTh, trailer, delimiter, blankRuns, lineKeys, keys: this.duplicates.data(), stats };
  }
}

/** Joins the parts of a file, in order, into the check of the whole file. */
export function mergeParts(parts: GtidPart[], options: CheckOptions, input: InputInfo): ValidationResult {
  const [head] = parts;
  const issues: Issue[] = [];
  const keys: Array<{ keys: FingerprintData[]; lineOffset: number }> = [];
  let offset = 0;
  let trailer: Trailer | null = null;
  let firstTh = 0;
  const runs: number[] = [];
  for (const part of parts) {
    for (const issue of part.issues) issues.push(issue.line === null || offset === 0 ? issue : { ...issue, line: issue.line + offset });
    for (let i = 0; i < part.blankRuns.length; i += 2) {
      const [first, last] = [part.blankRuns[i] + offset, part.blankRuns[i + 1] + offset];
      if (runs.length && runs[runs.length - 1] === first - 1) runs[runs.length - 1] = last; // a run across a cut
      else runs.push(first, last);
    }
    keys.push({ keys: part.keys, lineOffset: offset });
    if (part.records > 0) {
      if (trailer) issues.push(misplacedTrailer(trailer.line));
      trailer = part.trailer && { ...part.trailer, line: part.trailer.line + offset };
    }
    if (part.firstTh && !firstTh) firstTh = part.firstTh + offset;
    offset += part.stats.lines;
  }
  for (let i = 0; i < runs.length; i += 2) issues.push(blankRunIssue(runs[i], runs[i + 1]));
  const lines = head.lineKeys === 'offset' ? sameLines(input) : null;
  try {
    // One loop, not push(...): a key shared by 150,000 records would overflow the call stack.
    for (const issue of DuplicateFinder.issues(keys, lines ? (a, b) => lines.same(a, b) : (a, b) => a === b)) issues.push(issue);
  } finally {
    lines?.close();
  }
  const last = parts[parts.length - 1].stats;
  const stats: ReadStats = { lines: offset, otherEndings: parts.reduce((n, p) => n + p.stats.otherEndings, 0), endsWithNewline: last.endsWithNewline };
  const records = parts.reduce((n, p) => n + p.records, 0);
  const file = { records, details: parts.reduce((n, p) => n + p.details, 0), headerLine: head.headerLine, headerTid: head.headerTid, firstTh, trailer, stats };
  return wholeFileIssues(issues, file, options, head.delimiter ?? sniffDelimiter(input.sample), keys);
}

/** The one-thread check: the whole file as a single part. */
export class GtidValidator implements Validator {
  private part: GtidPartChecker;

  constructor(private options: CheckOptions, private input: InputInfo) {
    this.part = new GtidPartChecker(options, input);
  }

  line(text: string, line: number, offset: number): void {
    this.part.line(text, line, offset);
  }

  finish(stats: ReadStats): ValidationResult {
    return mergeParts([this.part.finishPart(stats)], this.options, this.input);
  }
}
