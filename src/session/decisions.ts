/**
 * Decisions: what the clerk decided about a record (a repair accepted, a value typed, the record
 * deleted, a value kept as real), remembered by the record's key (RecordModel.identity) rather
 * than its line, so the next export of the same school gets them back where, and only where,
 * they apply: the same key, the same field, the same value before. When several records of a
 * file share a key, the decision also names the record as read (its fingerprint), so it is never
 * applied to the other one; a deletion always does (`#N`: the Nth exact copy), so a record that
 * changed since is never deleted.
 */
import { createHash } from 'node:crypto';
import type { Change, DecisionKind } from '../core/format.js';
import type { Doc } from './document.js';
import type { Edit } from './edit-log.js';
import { issuesAt, originalText, recordAt, type Live } from './live.js';

export interface Decision {
  key: string;
  /** The record as read (`fingerprint#copy`), when the key alone does not name it. */
  record?: string;
  field: string;
  kind: DecisionKind;
  /** The value before; absent when only its salted hash is kept (a national ID). */
  before?: string;
  /** Whether `value` is the value before (compares a hash where the value is not stored). */
  matches?: (value: string) => boolean;
  /** The value after; absent when withheld (a national ID is never stored). */
  after?: string;
  code: string;
  reason?: string;
  date: string;
}

export const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The lines of each key in the file as read (records over several lines: their first). */
export function keyIndex(doc: Doc): Map<string, number[]> {
  const identity = doc.model.identity;
  const index = new Map<string, number[]>();
  if (!identity) return index;
  for (let n = 1; n <= doc.store.count; n++) {
    const parsed = doc.model.parse(doc.store.line(n), n);
    if (!parsed) continue;
    const key = identity.key(parsed.layout, parsed.fields);
    if (!key) continue;
    const at = index.get(key);
    if (at) at.push(n);
    else index.set(key, [n]);
  }
  return index;
}

const recordText = (doc: Doc, n: number) => {
  const span = doc.model.span?.(n) ?? 1;
  return span === 1 ? doc.store.line(n) : Array.from({ length: span }, (_, k) => doc.store.line(n + k)).join('\n');
};

/** Who line `n` is: its key, and its fingerprint where the key is shared (always for a deletion). */
export function whoIs(doc: Doc, index: Map<string, number[]>, n: number, deleting = false): { key: string; record?: string } {
  const parsed = n <= doc.store.count ? doc.model.parse(doc.store.line(n), n) : null;
  const key = parsed && doc.model.identity ? doc.model.identity.key(parsed.layout, parsed.fields) : '';
  if (!key) return { key: '' };
  const same = index.get(key) ?? [n];
  if (same.length === 1 && !deleting) return { key };
  const print = fingerprint(recordText(doc, n));
  const copies = same.filter((m) => fingerprint(recordText(doc, m)) === print);
  return { key, record: `${print}#${copies.indexOf(n) + 1}` };
}

/** The change report's rows given their key and decision kind, and a row for every keep. */
export function withDecisions(doc: Doc, live: Live, changes: readonly Change[]): Change[] {
  if (!doc.model.identity) return [...changes];
  const index = keyIndex(doc);
  const out = changes.map((c): Change => {
    if (c.line === 0 || c.line > doc.store.count) return { ...c, key: '' };
    const deleting = live.deleted.has(c.line);
    const who = whoIs(doc, index, c.line, deleting);
    return { ...c, ...who, decision: deleting ? 'delete' : c.code === 'edit' ? 'edit' : 'repair' };
  });
  for (const keep of [...live.kept.values()].sort((a, b) => a.line - b.line)) {
    if (live.deleted.has(keep.line) || !issuesAt(live, keep.line).some((i) => i.kept && i.code === keep.code && i.field === keep.field)) continue;
    out.push({ line: keep.line, field: keep.field ?? '', before: keep.value, after: keep.value, code: keep.code, ...whoIs(doc, index, keep.line), decision: 'keep', reason: keep.reason });
  }
  return out;
}

/** A decision that applies to this file: the record it lands on and the edit. */
export interface Offered {
  decision: Decision;
  line: number;
  edit: Edit;
}

export type Skip = { decision: Decision; why: string };

/**
 * The decisions that apply to the file as it is now: the record with the same key (and, where
 * they name it, the same record as read), whose field still has the value before, exactly.
 * Each lands on its own record or nowhere.
 */
export function matchDecisions(doc: Doc, live: Live, decisions: readonly Decision[], index = keyIndex(doc)): { offered: Offered[]; skipped: Skip[] } {
  const offered: Offered[] = [];
  const skipped: Skip[] = [];
  const taken = new Set<string>();
  for (const decision of decisions) {
    const why = place(doc, live, index, decision);
    if (typeof why === 'string') {
      if (why) skipped.push({ decision, why });
      continue;
    }
    const at = `${why.line}\t${decision.kind === 'delete' ? '' : decision.field}\t${decision.kind === 'keep' ? decision.code : ''}`;
    if (taken.has(at)) continue;
    taken.add(at);
    offered.push(why);
  }
  return { offered, skipped };
}

/** Where one decision lands, or why it does not ('' when its student is not in this file). */
function place(doc: Doc, live: Live, index: Map<string, number[]>, d: Decision): Offered | string {
  let lines = index.get(d.key) ?? [];
  if (lines.length === 0) return '';
  if (d.record) {
    const [print, copy] = d.record.split('#');
    lines = lines.filter((n) => fingerprint(recordText(doc, n)) === print);
    if (d.kind === 'delete') lines = lines.slice(Number(copy || 1) - 1, Number(copy || 1));
    if (lines.length === 0) return 'that record changed since';
  }
  if (d.kind === 'delete') {
    if (!d.record) return 'a deletion that does not name the record as read';
    const line = lines[0];
    return live.deleted.has(line) ? 'already deleted' : { decision: d, line, edit: { kind: 'delete', line, code: d.code } };
  }
  const same = (v: string) => (d.matches ? d.matches(v) : v === d.before);
  const fits = lines.filter((n) => {
    const record = recordAt(doc, live, n);
    const i = record ? record.layout.fields.findIndex((f) => f.name === d.field) : -1;
    return d.field === '' ? d.kind === 'keep' : i >= 0 && same(record!.fields[i] ?? '');
  });
  if (fits.length === 0) return `${d.field || 'the record'} changed since`;
  if (fits.length > 1) return `${fits.length} records share the key ${d.key}`;
  const line = fits[0];
  const record = recordAt(doc, live, line)!;
  const original = doc.model.parse(originalText(doc, live, line), line)!;
  const i = record.layout.fields.findIndex((f) => f.name === d.field);
  if (i >= 0 && record.fields[i] !== original.fields[i]) return 'edited in this session already';
  const value = i >= 0 ? (record.fields[i] ?? '') : '';
  if (d.kind === 'keep') {
    const issue = issuesAt(live, line).find((x) => x.code === d.code && x.field === (d.field || null));
    if (!issue) return '';
    if (issue.kept) return 'already kept';
    return { decision: d, line, edit: { kind: 'keep', line, field: d.field || null, code: d.code, value, reason: d.reason || 'kept before', before: null } };
  }
  if (d.after === undefined) return 'its new value is a national ID, which is never stored';
  if (value === d.after) return '';
  return { decision: d, line, edit: { kind: 'set', line, field: d.field, before: value, after: d.after, ...(d.kind === 'repair' ? { code: d.code } : {}) } };
}

/** A decision as one line for a clerk: where it lands and what it does. */
export function describe(o: Offered, show: (field: string, value: string) => string): string {
  const d = o.decision;
  const what = d.kind === 'delete' ? 'delete the record (a repeat)' : d.kind === 'keep' ? `keep ${d.field || 'the record'} "${show(d.field, o.edit.kind === 'keep' ? o.edit.value : '')}": ${d.reason}` : `${d.field} "${show(d.field, o.edit.kind === 'set' ? o.edit.before : '')}" → "${show(d.field, d.after ?? '')}"`;
  return `line ${o.line} (${d.key}): ${what}`;
}
