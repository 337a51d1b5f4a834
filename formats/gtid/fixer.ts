/**
 * `fix --auto` for GTID, streaming: every record is checked and its safe repairs applied as it
 * goes by; the trailer is held back until the end, when the number of records written is known,
 * so recomputing the count, copying the Transmission ID or adding a missing trailer needs no
 * second pass. Records that cannot be repaired are written as they came, byte for byte.
 */
import type { Change, CheckOptions, Fixer } from '../../src/core/format.js';
import type { InputInfo, ReadStats } from '../../src/io/line-reader.js';
import { applySafeRepairs } from '../../src/core/repair-engine.js';
import { KeyIndex, PLAIN, QUOTED, profileLine } from '../../src/core/key-index.js';
import { joinRecord, splitRecord } from '../../src/io/delimited.js';
import { DETAIL, F, HEADER, TRAILER, declaredDelimiter } from './spec.js';
import { envelopeSeparator, recordType, sniffDelimiter, splitEnvelope } from './records.js';
import { checkHeader, checkTrailer, extraFields } from './envelope.js';
import { recordRules, validateDetail } from './rules.js';
import { cleanRecordPattern, matchClean } from './fast-path.js';
import type { LinePattern } from '../../src/core/line-pattern.js';
import type { Issue } from '../../src/core/issue.js';
import { LinesAt } from '../../src/io/line-at.js';
import { decodeCp1252 } from '../../src/io/cp1252.js';

export class GtidFixer implements Fixer {
  readonly changes: Change[] = [];
  private written = 0;
  private seen = 0;
  private headerTid: string | null = null;
  private headerSeparator = '\t';
  private sniffed: ',' | '\t' | null;
  private delimiter: ',' | '\t' | null;
  private trailer: { line: number; fields: string[]; separator: string; text: string } | null = null;
  /** Local Student ID → first line and line hash, to find exact repeats. */
  private records: KeyIndex;
  private blankEnd = -1;
  private scratch: string[] = new Array(DETAIL.fields.length).fill('');
  /** The clean-record pattern for the file's delimiter, found once, as the check does. */
  private pattern: LinePattern | null | undefined;
  private ruleIssues: Issue[] = [];
  /** Line hashes of first records made so far, by line (see unlessRepeat). */
  private hashes = new Map<number, number>();
  private firstLines: LinesAt | null = null;

  /** `fastPath`: off only in the test that proves both paths write the same. */
  constructor(private options: CheckOptions, private input: InputInfo, private fastPath = true) {
    this.sniffed = sniffDelimiter(input.sample);
    this.delimiter = this.sniffed;
    this.records = new KeyIndex(input.size / 80);
  }

  line(text: string, line: number, offset?: number): string[] {
    if (text.trim() === '') {
      // One change row for a run of blank lines, however long.
      const last = this.changes[this.changes.length - 1];
      if (last?.code === 'file/blank-line' && this.blankEnd === line - 1) {
        const count = line - last.line + 1;
        last.before = `(${count} blank lines, to line ${line})`;
      } else {
        this.changes.push({ line, field: '', before: '(blank line)', after: '(removed)', code: 'file/blank-line' });
      }
      this.blankEnd = line;
      return [];
    }
    const out: string[] = [];
    const type = recordType(text);
    this.seen++;
    let held = this.trailer;
    if (type === 'TT') {
      this.trailer = { line, fields: splitEnvelope(text), separator: envelopeSeparator(text), text };
    } else if (type === 'TH' && this.seen === 1) {
      out.push(this.header(text, line));
    } else if (type === 'ID') {
      // Offsets are logged in 32 bits: past 2 GB every first record is hashed at once instead.
      const record = this.detail(text, line, this.input.size < 2 ** 31 ? offset : undefined);
      if (record !== null) out.push(record);
      else held = null; // a deleted record does not move the trailer: it is still last
    } else {
      out.push(text);
    }
    // A trailer with a record written after it is not the trailer: it goes out as it came.
    if (held) {
      out.unshift(held.text);
      if (this.trailer === held) this.trailer = null;
    }
    this.written += out.length;
    return out;
  }

  private header(text: string, line: number): string {
    const separator = envelopeSeparator(text);
    this.headerSeparator = separator === ',' ? '\t' : separator;
    const fields = splitEnvelope(text);
    const fixed = applySafeRepairs(HEADER, fields, line, (f) => checkHeader(f, line, this.sniffed, separator));
    this.changes.push(...fixed.changes);
    this.delimiter = this.sniffed ?? declaredDelimiter(fixed.fields[5]);
    if (/^\d+$/.test(fixed.fields[3] ?? '')) this.headerTid = fixed.fields[3];
    return fixed.changes.length ? fixed.fields.join(separator) : text;
  }

  private detail(text: string, line: number, offset: number | undefined): string | null {
    const delimiter = (this.delimiter ??= text.includes('\t') ? '\t' : ',');
    // A clean record with no safe repair to make is written as it came (the check's fast path).
    const pattern = this.fastPath ? (this.pattern ??= cleanRecordPattern(delimiter)) : null;
    if (pattern && matchClean(pattern, text, this.scratch)) {
      const issues = this.ruleIssues;
      if (issues.length > 0) issues.length = 0;
      recordRules(this.scratch, line, this.options, issues, true);
      if (!issues.some((i) => i.repair?.confidence === 'safe')) return this.unlessRepeat(text, this.scratch[F.localId], line, [], offset);
    }
    const profile = profileLine(text, delimiter === '\t');
    const { fields, quoteError } = splitRecord(text, delimiter, (profile & QUOTED) !== 0);
    if (quoteError || fields.length < DETAIL.fields.length) return text;
    const plain = (profile & PLAIN) !== 0;
    const check = (f: readonly string[], lineIsPlain = false) => {
      const issues = validateDetail(f, line, this.options, lineIsPlain);
      if (f.length > DETAIL.fields.length) issues.unshift(extraFields(line, 'Detail record', f, DETAIL.fields.length));
      return issues;
    };
    const initial = check(fields, plain);
    const fixed = initial.some((i) => i.repair?.confidence === 'safe')
      ? applySafeRepairs(DETAIL, fields, line, check, initial)
      : { fields, changes: [] };
    const record = fixed.changes.length ? joinRecord(fixed.fields, delimiter) : text;
    return this.unlessRepeat(record, fixed.fields[F.localId], line, fixed.changes, fixed.changes.length ? undefined : offset);
  }

  /** The hash that tells an exact repeat among records sharing a Local Student ID. */
  private hash(record: string): number {
    return profileLine(record, this.delimiter === '\t') ^ record.length;
  }

  /**
   * The record, or null when it repeats an earlier one exactly. As the check does (duplicates.ts):
   * an exact repeat shares the Local Student ID and the line hash of the first record with that
   * ID; only the short ID is hashed here. The line hash is made only when an ID comes again (a
   * hash of every record was a tenth of the pass): a record written as it came is logged with
   * its `offset` in the input and read back then; a changed one (or one without an offset) is
   * hashed at once.
   */
  private unlessRepeat(record: string, localIdValue: string, line: number, changes: Change[], offset: number | undefined): string | null {
    const localId = localIdValue.trim();
    if (localId !== '') {
      const first = this.records.firstLine(localId, line, offset ?? 0);
      if (first === 0) {
        if (offset === undefined) this.hashes.set(line, this.hash(record));
      } else if (this.firstHash(first, this.records.matchedPayload) === this.hash(record)) {
        this.changes.push({ line, field: '', before: '(whole record)', after: '(deleted: repeats an earlier record)', code: 'gtid/duplicate-record' });
        return null;
      }
    }
    this.changes.push(...changes);
    return record;
  }

  /** The line hash of the first record with an ID, made once. */
  private firstHash(line: number, offset: number): number {
    let hash = this.hashes.get(line);
    if (hash === undefined) {
      const bytes = (this.firstLines ??= new LinesAt(this.input.path, this.input.eol)).line(offset);
      // Unreadable (the input changed under us): no hash can match, so nothing is deleted.
      hash = bytes === null ? Number.NaN : this.hash(this.input.encoding === 'utf-8' ? bytes.toString('utf8') : decodeCp1252(bytes));
      this.hashes.set(line, hash);
    }
    return hash;
  }

  finish(stats: ReadStats): string[] {
    this.firstLines?.close();
    const records = this.written + 1;
    if (this.trailer) {
      const { fields, line, separator, text } = this.trailer;
      if (separator === ',' || fields.length < TRAILER.fields.length) return [text];
      const facts = { records, headerTransmissionId: this.headerTid };
      const fixed = applySafeRepairs(TRAILER, fields, line, (f) => checkTrailer(f, line, facts, separator));
      this.changes.push(...fixed.changes);
      return [fixed.changes.length ? fixed.fields.join(separator) : text];
    }
    // Ending mid-line, the file was probably cut short: a person decides (see the validator).
    if (this.headerTid === null || !stats.endsWithNewline) return [];
    const added = ['TT', this.headerTid, String(records)].join(this.headerSeparator);
    this.changes.push({ line: 0, field: '', before: '(no trailer)', after: added.replaceAll('\t', ' '), code: 'gtid/missing-record-type' });
    return [added];
  }
}
