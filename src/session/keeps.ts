/**
 * Issues the clerk kept as they are (k, with a reason): "twins", "legal name includes II".
 * A keep is about one issue (its line, field and code) and the value the field had; it holds
 * while the field still has that value. Kept issues are marked (Issue.kept) on every screen and
 * in `check`; they count as before where the receiving system would still refuse them (a
 * rejection, an error), and a kept warning counts as resolved.
 */
import type { Issue } from '../core/issue.js';
import type { Doc } from './document.js';
import { recordAt, type Live } from './live.js';

export interface Keep {
  line: number;
  field: string | null;
  code: string;
  value: string;
  reason: string;
}

export const keepId = (line: number, field: string | null, code: string) => `${line}\t${field ?? ''}\t${code}`;

/** The value a keep is about: the field's now ('' for an issue of the whole record). */
export function valueNow(doc: Doc, live: Live, line: number, field: string | null): string {
  if (field === null) return '';
  const record = recordAt(doc, live, line);
  const i = record ? record.layout.fields.findIndex((f) => f.name === field) : -1;
  return i < 0 ? '' : (record!.fields[i] ?? '');
}

/** The keep of an issue, if one holds now. */
export function keepOf(doc: Doc, live: Live, issue: Issue): Keep | null {
  if (issue.line === null) return null;
  const keep = live.kept.get(keepId(issue.line, issue.field, issue.code));
  return keep && valueNow(doc, live, keep.line, keep.field) === keep.value ? keep : null;
}

/**
 * The issues with every keep that holds marked on them, and the marks of keeps that no longer
 * hold (withdrawn, the value changed) taken off: only the lines that have or had a keep are seen.
 */
export function markKeeps(doc: Doc, live: Live, had: Iterable<number>): Live {
  const lines = new Set<number>(had);
  for (const keep of live.kept.values()) lines.add(keep.line);
  if (lines.size === 0) return live;
  const issues = new Map(live.issues);
  const marked = new Set<number>();
  for (const line of lines) {
    const at = issues.get(line);
    if (!at) continue;
    const now = at.map((issue) => {
      const keep = keepOf(doc, live, issue);
      if (keep) marked.add(line);
      if (keep) return issue.kept?.reason === keep.reason ? issue : { ...issue, kept: { reason: keep.reason } };
      if (!issue.kept) return issue;
      const { kept: _, ...plain } = issue;
      return plain;
    });
    issues.set(line, now);
  }
  return { ...live, issues, keptLines: marked };
}

/** Issues that still need the clerk: not kept, or kept where the receiving system would still refuse it. */
export const isResolvedByKeep = (issue: Issue) => Boolean(issue.kept) && issue.severity === 'warning';
