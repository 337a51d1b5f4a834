/**
 * Cross-record issues (duplicates) while the clerk edits. The whole check found them; here they
 * are grouped by what the records shared (a field's value), so that editing or deleting one
 * record of a pair clears the issue on both, and undo brings it back. An exact repeat is flagged
 * on the copy only, and stays until the copy is edited or deleted. A new duplicate made by an
 * edit needs the whole file: the written file is checked whole again.
 */
import type { Issue } from '../core/issue.js';
import type { Doc } from './document.js';

export interface CrossRecordGroups {
  /** `code|field|value` → the lines that shared it. */
  members: ReadonlyMap<string, readonly number[]>;
  /** line → the group keys it belongs to. */
  groupsOf: ReadonlyMap<number, readonly string[]>;
}

/** The value a cross-record issue is about: the field's value, or the whole line. */
export function sharedValue(doc: Doc, issue: Issue, fields: readonly string[] | null, text: string): string {
  if (issue.field === null || !fields) return text;
  const index = doc.model.parse(text, issue.line ?? 0)?.layout.fields.findIndex((f) => f.name === issue.field) ?? -1;
  return index >= 0 ? (fields[index] ?? '').trim() : text;
}

export function groupKey(issue: Issue, value: string): string {
  return `${issue.code}|${issue.field ?? ''}|${value}`;
}

export function buildGroups(doc: Doc): CrossRecordGroups {
  const members = new Map<string, number[]>();
  const groupsOf = new Map<number, string[]>();
  for (const [line, issues] of doc.checked) {
    for (const issue of issues) {
      if (!doc.model.crossRecordCodes.has(issue.code)) continue;
      const text = doc.store.line(line);
      const key = groupKey(issue, sharedValue(doc, issue, doc.model.parse(text, line)?.fields ?? null, text));
      // Pushed in place: a key shared by many records must not cost a copy per record.
      const group = members.get(key);
      if (group) group.push(line);
      else members.set(key, [line]);
      const of = groupsOf.get(line);
      if (of) of.push(key);
      else groupsOf.set(line, [key]);
    }
  }
  return { members, groupsOf };
}
