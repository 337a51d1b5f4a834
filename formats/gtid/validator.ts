/**
 * The streaming GTID check. Lines arrive one at a time; each record is checked on its own
 * (validateDetail), then against the records before it (duplicates, through hashed key indexes),
 * and the whole-file rejection reasons are decided at the end, when the record count and the last
 * record are known. What is kept grows with the flagged records, not with the file.
 */
import type { CheckOptions, ValidationResult, Validator } from '../../src/core/format.js';
import type { Issue } from '../../src/core/issue.js';
import type { InputInfo, ReadStats } from '../../src/io/line-reader.js';
import { compareIssues } from '../../src/core/issue.js';
import { PLAIN, QUOTED, profileLine } from '../../src/core/key-index.js';
import { splitPlain, splitRecord } from '../../src/io/delimited.js';
import { DETAIL, F, declaredDelimiter } from './spec.js';
import { delimiterName, envelopeSeparator, recordType, sniffDelimiter, splitEnvelope } from './records.js';
import { checkHeader, checkTrailer, extraFields, limitsText } from './envelope.js';
import { validateDetail } from './rules.js';
import { DuplicateFinder } from './duplicates.js';

const fileIssue = (code: string, message: string, repair: Issue['repair'] = null): Issue => ({ code, severity: 'reject', scope: 'file', line: null, field: null, message, repair });

export class GtidValidator implements Validator {
  private issues: Issue[] = [];
  private records = 0;
  private details = 0;
  private headerLine = 0;
  private headerTid: string | null = null;
  private delimiter: ',' | '\t' | null;
  private sniffed: ',' | '\t' | null;
  private trailer: { line: number; fields: string[]; separator: string } | null = null;
  private firstTh = 0;
  private duplicates: DuplicateFinder;
  private blank = 0;

  constructor(private options: CheckOptions, input: InputInfo) {
    this.sniffed = sniffDelimiter(input.sample);
    this.delimiter = this.sniffed;
    this.duplicates = new DuplicateFinder(input.size / 80);
  }

  line(text: string, line: number): void {
    if (text.length === 0 || text.trim() === '') {
      this.blank++;
      this.issues.push({ code: 'file/blank-line', severity: 'warning', scope: 'record', line, field: null, message: 'Blank line between records', repair: { confidence: 'safe', reason: 'remove the blank line', action: 'delete-record' } });
      return;
    }
    this.records++;
    if (this.trailer) {
      this.push({ code: 'gtid/misplaced-record', severity: 'error', scope: 'record', line: this.trailer.line, field: null, message: 'A TT trailer record before the end of the file', repair: { confidence: 'review', reason: 'delete this trailer', action: 'delete-record' } });
      this.trailer = null;
    }
    const type = recordType(text);
    if (this.records === 1 && type === 'TH') return this.header(text, line);
    if (type === 'ID') return this.detail(text, line);
    if (type === 'TT') {
      this.trailer = { line, fields: splitEnvelope(text), separator: envelopeSeparator(text) };
      return;
    }
    if (type === 'TH') {
      this.firstTh ||= line;
      this.push({ code: 'gtid/misplaced-record', severity: 'error', scope: 'record', line, field: null, message: 'A TH header record after the first record', repair: { confidence: 'review', reason: 'delete this header', action: 'delete-record' } });
      return;
    }
    this.push({ code: 'gtid/unknown-record-type', severity: 'error', scope: 'record', line, field: null, message: `Record type "${text.slice(0, 2)}" is not TH, ID or TT`, repair: null });
  }

  private push(issue: Issue): void {
    this.issues.push(issue);
  }

  private header(text: string, line: number): void {
    this.headerLine = line;
    const fields = splitEnvelope(text);
    const declared = declaredDelimiter(fields[5]);
    this.delimiter = this.sniffed ?? declared;
    if (/^\d+$/.test(fields[3] ?? '')) this.headerTid = fields[3];
    for (const issue of checkHeader(fields, line, this.sniffed, envelopeSeparator(text))) this.push(issue);
  }

  private detail(text: string, line: number): void {
    this.details++;
    const delimiter = (this.delimiter ??= text.includes('\t') ? '\t' : ',');
    const profile = profileLine(text, delimiter === '\t');
    let fields: string[];
    if ((profile & QUOTED) === 0) {
      fields = splitPlain(text, delimiter);
    } else {
      const split = splitRecord(text, delimiter, true);
      fields = split.fields;
      if (split.quoteError) {
        this.push({ code: 'record/unclosed-quote', severity: 'error', scope: 'record', line, field: null, message: `A double quote opens but never closes in this record`, repair: null });
      }
    }
    const want = DETAIL.fields.length;
    if (fields.length < want) {
      this.push({ code: 'gtid/missing-fields', severity: 'reject', scope: 'record', line, field: null, message: `Detail record has ${fields.length} field${fields.length === 1 ? '' : 's'} (${delimiterName(delimiter)}-delimited); it needs ${want}`, repair: null });
    } else {
      if (fields.length > want) this.push(extraFields(line, 'Detail record', fields, want));
      const issues = validateDetail(fields, line, this.options, (profile & PLAIN) !== 0);
      for (let i = 0; i < issues.length; i++) this.issues.push(issues[i]);
      this.duplicates.check(profile ^ text.length, fields, line, this.issues);
    }
  }

  /** Records other than header and trailer with at least one error (warnings do not count). */
  private flaggedRecords(): number {
    const lines = new Set<number>();
    for (const issue of [...this.issues, ...this.duplicates.backflags]) {
      if (issue.line !== null && issue.severity !== 'warning' && issue.line !== this.headerLine && issue.line !== this.trailer?.line) lines.add(issue.line);
    }
    return lines.size;
  }

  finish(stats: ReadStats): ValidationResult {
    const { options } = this;
    if (this.headerLine === 0) {
      const where = this.firstTh ? ` (a TH record is on line ${this.firstTh}, but it must come first)` : '';
      this.push(fileIssue('gtid/missing-record-type', `The header record (TH) is missing: it must be the first record${where}`));
    }
    if (this.details === 0) this.push(fileIssue('gtid/missing-record-type', 'There are no detail records (ID): the file has no students'));
    if (this.trailer) {
      const facts = { records: this.records, headerTransmissionId: this.headerTid };
      for (const issue of checkTrailer(this.trailer.fields, this.trailer.line, facts, this.trailer.separator)) this.push(issue);
    } else {
      // A file that also ends mid-line was probably cut short in transfer: adding a trailer
      // would hide the lost records, so a person decides (re-export, or add it).
      const cut = !stats.endsWithNewline;
      this.push(fileIssue('gtid/missing-record-type', `The trailer record (TT) is missing: it must be the last record${cut ? '; the file also ends without a line break, so it may have been cut short' : ''}`,
        this.headerTid === null ? null : { confidence: cut ? 'review' : 'safe', reason: `add TT with Transmission ID ${this.headerTid} and the record count${cut ? ' (or export the file again if records were lost)' : ''}`, action: 'add-trailer' }));
    }
    if (options.maxRecords > 0 && this.records > options.maxRecords) {
      this.push(fileIssue('gtid/too-many-records', `The file has ${this.records.toLocaleString('en-US')} records; the limit is ${options.maxRecords.toLocaleString('en-US')}`));
    }
    const flagged = this.flaggedRecords();
    if (options.maxErrors > 0 && flagged > options.maxErrors) {
      this.push(fileIssue('gtid/too-many-errors', `${flagged.toLocaleString('en-US')} records are in error; the limit is ${options.maxErrors.toLocaleString('en-US')}`));
    }
    if (stats.otherEndings > 0) {
      this.issues.push({ code: 'file/mixed-line-endings', severity: 'warning', scope: 'file', line: null, field: null, message: `${stats.otherEndings} line${stats.otherEndings === 1 ? '' : 's'} end differently from the first line`, repair: { confidence: 'safe', reason: 'write one line ending throughout' } });
    }
    const issues = [...this.issues, ...this.duplicates.backflags].sort(compareIssues);
    return {
      issues,
      records: this.records,
      detailRecords: this.details,
      flaggedRecords: flagged,
      facts: { delimiter: this.delimiter ? delimiterName(this.delimiter) : 'unknown', limits: limitsText(options) },
    };
  }
}
