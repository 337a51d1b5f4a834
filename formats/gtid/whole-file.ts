/**
 * What only the whole file can tell, once every part is merged: the header and trailer
 * (rejection reasons 1, 3, 4), the limits (reasons 5 and 6), mixed line endings, and the count of
 * flagged records. Issues come out sorted as a clerk reads them.
 */
import { count } from '../../src/core/count.js';
import type { CheckOptions, ValidationResult } from '../../src/core/format.js';
import type { ReadStats } from '../../src/io/line-reader.js';
import { compareIssues, type Issue } from '../../src/core/issue.js';
import { checkTrailer, limitsText } from './envelope.js';
import { delimiterName } from './records.js';

export interface WholeFile {
  records: number;
  details: number;
  headerLine: number;
  headerTid: string | null;
  firstTh: number;
  trailer: { line: number; fields: string[]; separator: string } | null;
  stats: ReadStats;
}

const fileIssue = (code: string, message: string, repair: Issue['repair'] = null): Issue => ({ code, severity: 'reject', scope: 'file', line: null, field: null, message, repair });
const n = count;

/** Records other than header and trailer with at least one error (warnings do not count). */
function flaggedRecords(issues: readonly Issue[], file: WholeFile): number {
  const lines = new Set<number>();
  for (const issue of issues) {
    if (issue.line !== null && issue.severity !== 'warning' && issue.line !== file.headerLine && issue.line !== file.trailer?.line) lines.add(issue.line);
  }
  return lines.size;
}

export function wholeFileIssues(issues: Issue[], file: WholeFile, options: CheckOptions, delimiter: string | null, keys?: unknown): ValidationResult {
  const { stats } = file;
  if (file.headerLine === 0) {
    const where = file.firstTh ? ` (a TH record is on line ${file.firstTh}, but it must come first)` : '';
    issues.push(fileIssue('gtid/missing-record-type', `The header record (TH) is missing: it must be the first record${where}`));
  }
  if (file.details === 0) issues.push(fileIssue('gtid/missing-record-type', 'There are no detail records (ID): the file has no students'));
  if (file.trailer) {
    issues.push(...checkTrailer(file.trailer.fields, file.trailer.line, { records: file.records, headerTransmissionId: file.headerTid }, file.trailer.separator));
  } else {
    // A file that also ends mid-line was probably cut short in transfer: adding a trailer
    // would hide the lost records, so a person decides (re-export, or add it).
    const cut = !stats.endsWithNewline;
    issues.push(fileIssue('gtid/missing-record-type', `The trailer record (TT) is missing: it must be the last record${cut ? '; the file also ends without a line break, so it may have been cut short' : ''}`,
      file.headerTid === null ? null : { confidence: cut ? 'review' : 'safe', reason: `add TT with Transmission ID ${file.headerTid} and the record count${cut ? ' (or export the file again if records were lost)' : ''}`, action: 'add-trailer' }));
  }
  if (options.maxRecords > 0 && file.records > options.maxRecords) {
    issues.push(fileIssue('gtid/too-many-records', `The file has ${n(file.records)} records; the limit is ${n(options.maxRecords)}`));
  }
  const flagged = flaggedRecords(issues, file);
  if (options.maxErrors > 0 && flagged > options.maxErrors) {
    issues.push(fileIssue('gtid/too-many-errors', `${n(flagged)} records are in error; the limit is ${n(options.maxErrors)}`));
  }
  if (stats.otherEndings > 0) {
    issues.push({ code: 'file/mixed-line-endings', severity: 'warning', scope: 'file', line: null, field: null, message: `${stats.otherEndings} line${stats.otherEndings === 1 ? '' : 's'} end differently from the first line`, repair: { confidence: 'safe', reason: 'write one line ending throughout' } });
  }
  return {
    issues: issues.sort(compareIssues),
    records: file.records,
    detailRecords: file.details,
    flaggedRecords: flagged,
    facts: { delimiter: delimiter ? delimiterName(delimiter) : 'unknown', limits: limitsText(options) },
    keys,
  };
}
