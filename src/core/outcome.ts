/**
 * The one verdict of a check, used by `check`'s exit code and RESULT line, the file set and the
 * write screen: rejected when any issue is a rejection, else flagged when any issue is an error
 * (a record's or the file's: a file-wide error is no more ready to upload than a record's), else
 * clean. Warnings never stop a file.
 */
import type { Issue } from './issue.js';

export type Outcome = 'rejected' | 'flagged' | 'clean';

export function outcomeOf(report: { issues: readonly Issue[]; flaggedRecords: number }): Outcome {
  if (report.issues.some((i) => i.severity === 'reject')) return 'rejected';
  return report.flaggedRecords > 0 || report.issues.some((i) => i.severity === 'error') ? 'flagged' : 'clean';
}

/** Errors that are about the file rather than one of its student records (line null, or a heading row's). */
export function fileErrors(report: { issues: readonly Issue[] }): number {
  return report.issues.filter((i) => i.severity === 'error' && i.line === null).length;
}
