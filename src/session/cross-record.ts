/**
 * Cross-record issues (duplicates) while the clerk edits a large file: the records sharing a key
 * are found from the whole check's key index and the edits since, and judged again by the
 * format's own rule (RecordModel.crossRecord), so an edit that makes, ends or moves a duplicate
 * shows on every record of the group, as `check` of the written file would say.
 */
import type { Issue } from '../core/issue.js';
import type { RecordLayout } from '../core/format.js';
import type { Doc } from './document.js';

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
  // Each record's keys read once per state (a record is parsed once, not once per key and look-up).
  const known = new Map<KeyedLive, Map<number, string[]>>([[before, new Map()], [after, new Map()]]);
  const keyOf = (live: KeyedLive, n: number, r: number) => {
    const cache = known.get(live)!;
    let keys = cache.get(n);
    if (!keys) {
      const record = live.deleted.has(n) ? null : recordOf(live, n);
      keys = Array.from({ length: rules.rules }, (_, k) => (record ? rules.keyOf(k, record.layout, record.fields) : ''));
      cache.set(n, keys);
    }
    return keys[r];
  };
  // The current keys of edited records, indexed once: unedited ones are found in the whole check's keys.
  const edited = Array.from({ length: rules.rules }, () => new Map<string, number[]>());
  for (const n of after.fields.keys()) {
    for (let r = 0; r < rules.rules; r++) {
      const key = keyOf(after, n, r);
      if (!key) continue;
      const lines = edited[r].get(key);
      if (lines) lines.push(n);
      else edited[r].set(key, [n]);
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
  // Each line's issues of a rule whose group was judged (or that it no longer has a key for) are replaced.
  const found = new Map<number, Issue[]>();
  const replace = (n: number, r: number) => {
    const codes = rules.codes[r];
    const had = issues.get(n) ?? [];
    const now = [...had.filter((i) => !codes.includes(i.code)), ...(found.get(n) ?? []).filter((i) => codes.includes(i.code))];
    if (now.length === had.length && now.every((i, k) => i === had[k])) return;
    if (now.length > 0) issues.set(n, now);
    else issues.delete(n);
  };
  const groups = new Map<string, [number, string]>();
  const addGroup = (r: number, key: string) => {
    if (key) groups.set(`${r}|${key}`, [r, key]);
  };
  const lines = new Set<number>();
  for (const n of touched) {
    // A record that kept its keys, each held by it alone, is in no group before or after: nothing to judge.
    let alone = true;
    for (let r = 0; r < rules.rules && alone; r++) {
      const key = keyOf(after, n, r);
      alone = key === keyOf(before, n, r) && (!key || holdersOf(r, key).length <= 1);
    }
    if (alone) {
      for (let r = 0; r < rules.rules; r++) if (!keyOf(after, n, r)) replace(n, r);
      continue;
    }
    lines.add(n);
    for (let r = 0; r < rules.rules; r++) addGroup(r, keyOf(before, n, r)), addGroup(r, keyOf(after, n, r));
  }
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
  found.clear();
  for (const issue of rules.issues(records)) {
    const line = from.get(issue.line!)!;
    found.set(line, [...(found.get(line) ?? []), line === issue.line ? issue : { ...issue, line }]);
  }
  for (const [r, key] of groups.values()) for (const m of holdersOf(r, key)) replace(m, r);
  for (const n of lines) for (let r = 0; r < rules.rules; r++) if (!keyOf(after, n, r)) replace(n, r);
}
