/**
 * Why the receiving system would refuse the whole file as it is now, and what fixes each reason:
 * the summary and the write screen say the same thing in the same words.
 */
import type { Issue } from '../core/issue.js';
import { issuesAt, trailerLine } from './live.js';
import type { State } from './workstation-state.js';

export function rejections(state: State): Issue[] {
  const { doc, live } = state;
  // The header and the trailer (possibly added since) may carry rejections the check did not see.
  const lines = new Set([doc.headerLine || 1, trailerLine(doc, live), ...doc.flaggedLines]);
  const onLines = [...lines].flatMap((n) => (n ? issuesAt(live, n) : []));
  return [...live.fileIssues, ...onLines].filter((i) => i.severity === 'reject');
}

/** What to do about one reason: the key `f` applies the header's and the trailer's safe fixes. */
export function fixText(issue: Issue, headerLine: number): string {
  const repair = issue.repair;
  if (!repair) return `fix: ${issue.code === 'gtid/missing-fields' ? 'open the record (Enter) and complete it' : 'see rollfix explain ' + issue.code}`;
  const wholeFile = issue.line === null || (headerLine > 1 && issue.line === headerLine) || issue.field === 'Number of Records' || issue.field === 'Transmission ID' || issue.field === 'Delimiter';
  return repair.confidence === 'safe' && wholeFile ? `press f to ${repair.reason}` : `proposed: ${repair.reason}`;
}
