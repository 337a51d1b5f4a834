/**
 * Why the receiving system would refuse the whole file as it is now, and what fixes each reason:
 * the summary and the write screen say the same thing in the same words.
 */
import type { Issue } from '../core/issue.js';
import { initialLive, issuesAt, type Live } from './live.js';
import { fixedByF } from './record-commands.js';
import { splitPlanFor } from './file-commands.js';
import type { Doc } from './document.js';
import type { State } from './workstation-state.js';

const rejectionsByLive = new WeakMap<Live, Issue[]>();

/** Found once per edit: the summary and the write screen draw them at every key. */
export function rejections(state: State): Issue[] {
  const { live } = state;
  let out = rejectionsByLive.get(live);
  if (!out) {
    out = live.fileIssues.filter((i) => i.severity === 'reject');
    for (const line of [...live.issues.keys()].sort((a, b) => a - b)) for (const issue of issuesAt(live, line)) if (issue.severity === 'reject') out.push(issue);
    rejectionsByLive.set(live, out);
  }
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

/** What to do about one reason: `f` when it applies the fix (fixedByF), else the proposal or the way to fix it by hand. */
export function fixText(state: State, issue: Issue): string {
  const repair = issue.repair;
  if (fixedByF(state, issue)) return `press f to ${repair!.reason}`;
  if (repair?.action === 'split-file' && typeof splitPlanFor(state) !== 'string') return `press S to ${repair.reason.replace(/ \(rollfix fix --split\)$/, '')}`;
  if (repair) return `proposed: ${repair.reason}`;
  return issue.line === null ? `fix: see rollfix explain ${issue.code}` : `fix: correct line ${issue.line} by hand (rollfix explain ${issue.code})`;
}
