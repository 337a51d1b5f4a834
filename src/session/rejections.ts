/**
 * Why the receiving system would refuse the whole file as it is now, and what fixes each reason:
 * the summary and the write screen say the same thing in the same words.
 */
import type { Issue } from '../core/issue.js';
import { initialLive, issuesAt } from './live.js';
import type { Doc } from './document.js';
import type { State } from './workstation-state.js';

export function rejections(state: State): Issue[] {
  const { live } = state;
  const out = live.fileIssues.filter((i) => i.severity === 'reject');
  for (const line of [...live.issues.keys()].sort((a, b) => a - b)) out.push(...issuesAt(live, line).filter((i) => i.severity === 'reject'));
  return out;
}

const fixedByWriting = new WeakMap<Doc, Issue[]>();

/**
 * Rejection reasons of the file as read that the file as written does not have before any edit
 * (columns put back in order, CR LF line endings): rollfix writes them right, and says so.
 */
export function fixedWhenWritten(state: State): Issue[] {
  const { doc } = state;
  let fixed = fixedByWriting.get(doc);
  if (!fixed) {
    const start = initialLive(doc);
    const left = new Set([...start.fileIssues, ...[...start.issues.values()].flat()].filter((i) => i.severity === 'reject').map((i) => i.code));
    fixed = doc.report.issues.filter((i) => i.severity === 'reject' && !left.has(i.code));
    fixedByWriting.set(doc, fixed);
  }
  return fixed;
}

/** What to do about one reason: the key `f` applies the header's and the trailer's safe fixes. */
export function fixText(issue: Issue, headerLine: number): string {
  const repair = issue.repair;
  if (!repair) return `fix: ${issue.code === 'gtid/missing-fields' ? 'open the record (Enter) and complete it' : 'see rollfix explain ' + issue.code}`;
  const wholeFile = issue.line === null || (headerLine > 1 && issue.line === headerLine) || issue.field === 'Number of Records' || issue.field === 'Transmission ID' || issue.field === 'Delimiter';
  return repair.confidence === 'safe' && wholeFile ? `press f to ${repair.reason}` : `proposed: ${repair.reason}`;
}
