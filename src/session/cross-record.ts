/**
 * Cross-record issues (duplicates) while the clerk edits. The whole check found them; here they
 * are grouped by what the records shared (a field's value), so that editing or deleting one
 * record of a pair clears the issue on both, and undo brings it back. An exact repeat is flagged
 * on the copy only, and stays until the copy is edited or deleted. A new duplicate made by an
 * edit needs the whole file: the written file is checked whole again.
 */
import type { Issue } from '../core/issue.js';
import type { RecordLayout } from '../core/format.js';
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

/** A live state as far as its keys go (see live.ts). */
interface KeyedLive {
  fields: ReadonlyMap<number, readonly string[]>;
  deleted: ReadonlySet<number>;
}

type RecordOf = (live: KeyedLive, n: number) => { layout: RecordLayout; fields: readonly string[] } | null;

/**
 * The cross-record issues again after an edit, by the format's own rule (RecordModel.crossRecord):
 * the groups that the touched lines left or joined, then every group of their members (an exact
 * repeat depends on the first record of its key), are judged again whole; each member's issues of
 * those rules are replaced. `before`/`after`: the states either side of the edit.
 */
export function recheckCrossRecord(doc: Doc, before: KeyedLive, after: KeyedLive, touched: Iterable<number>, recordOf: RecordOf, textOf: (n: number) => string, writtenLine: (n: number) => number, issues: Map<number, readonly Issue[]>): void {
  const rules = doc.model.crossRecord!;
  const keyOf = (live: KeyedLive, n: number, r: number) => {
    if (live.deleted.has(n)) return '';
    const record = recordOf(live, n);
    return record ? rules.keyOf(r, record.layout, record.fields) : '';
  };
  // The current keys of edited records, indexed once: unedited ones are found in the whole check's keys.
  const edited = Array.from({ length: rules.rules }, () => new Map<string, number[]>());
  for (const n of after.fields.keys()) {
    for (let r = 0; r < rules.rules; r++) {
      const key = keyOf(after, n, r);
      if (key) edited[r].set(key, [...(edited[r].get(key) ?? []), n]);
    }
  }
  const holders = new Map<string, number[]>();
  const holdersOf = (r: number, key: string): number[] => {
    const id = `${r}|${key}`;
    let lines = holders.get(id);
    if (!lines) {
      const found = rules.linesWith(doc.report.keys, r, key).filter((m) => !after.deleted.has(m) && !after.fields.has(m));
      holders.set(id, (lines = [...found, ...(edited[r].get(key) ?? [])].sort((a, b) => a - b)));
    }
    return lines;
  };
  const groups = new Map<string, [number, string]>();
  const addGroup = (r: number, key: string) => {
    if (key) groups.set(`${r}|${key}`, [r, key]);
  };
  const lines = new Set(touched);
  for (const n of lines) for (let r = 0; r < rules.rules; r++) addGroup(r, keyOf(before, n, r)), addGroup(r, keyOf(after, n, r));
  for (const [r, key] of [...groups.values()]) for (const m of holdersOf(r, key)) lines.add(m);
  for (const n of lines) for (let r = 0; r < rules.rules; r++) addGroup(r, keyOf(after, n, r));
  // The records judged: every member of those groups, and whoever shares their first key (repeats).
  const judged = new Set<number>();
  for (const [r, key] of groups.values()) for (const m of holdersOf(r, key)) judged.add(m);
  for (const m of [...judged]) {
    const key = keyOf(after, m, 0);
    if (key) for (const o of holdersOf(0, key)) judged.add(o);
  }
  const records = [...judged]
    .sort((a, b) => a - b)
    .flatMap((line) => {
      const record = recordOf(after, line);
      return record ? [{ line: writtenLine(line), from: line, ...record, text: textOf(line) }] : [];
    });
  // Judged under the lines of the written file (the messages name them), put back on the lines read.
  const from = new Map(records.map((r) => [r.line, r.from]));
  const found = new Map<number, Issue[]>();
  for (const issue of rules.issues(records)) {
    const line = from.get(issue.line!)!;
    found.set(line, [...(found.get(line) ?? []), line === issue.line ? issue : { ...issue, line }]);
  }
  // Each line's issues of a rule whose group was judged (or that it no longer has a key for) are replaced.
  const replace = (n: number, r: number) => {
    const codes = rules.codes[r];
    const kept = (issues.get(n) ?? []).filter((i) => !codes.includes(i.code));
    const now = [...kept, ...(found.get(n) ?? []).filter((i) => codes.includes(i.code))];
    if (now.length > 0) issues.set(n, now);
    else issues.delete(n);
  };
  for (const [r, key] of groups.values()) for (const m of holdersOf(r, key)) replace(m, r);
  for (const n of lines) for (let r = 0; r < rules.rules; r++) if (!keyOf(after, n, r)) replace(n, r);
}
