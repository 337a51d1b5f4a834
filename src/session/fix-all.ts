/**
 * `F`: every safe repair in the file, whole-file ones included, as one log entry. The repairs are
 * not made again here: the format's own Fixer (the one `rollfix fix --auto` streams the file
 * through) is run over the file as it would be written now, and what it wrote is turned back into
 * edits (values set, records deleted, lines that are no record rewritten, a trailer appended).
 * The file those edits write is compared with the Fixer's before the clerk is asked, so `w` after
 * `F` writes byte for byte what `fix --auto` writes.
 */
import type { InputInfo } from '../io/line-reader.js';
import { readMemoryLines } from '../io/line-reader.js';
import type { Doc } from './document.js';
import type { Edit, LogEntry } from './edit-log.js';
import { commit, outputPathOf, recordAt, type Live } from './live.js';
import { alignLines } from './align-lines.js';
import { writtenInput, writtenRecords } from './written.js';

export interface FixAllPlan {
  entry: LogEntry;
  /** The state after the entry: computed (and checked whole) once, when the clerk is asked. */
  live: Live;
  /** Records (header and trailer included) the entry changes, deletes or adds. */
  records: number;
}

/** What `fix --auto` writes for the file as it would be written now, line by line. */
export function fixedLines(doc: Doc, live: Live): { before: readonly string[]; after: string[]; input: InputInfo } {
  const { input } = writtenInput(doc, live, doc.path);
  const fixer = doc.format.fixer(doc.options, input);
  const after: string[] = [];
  const stats = readMemoryLines(input, (text, line) => {
    for (const l of fixer.line(text, line)) after.push(l);
  });
  for (const l of fixer.finish(stats)) after.push(l);
  return { before: input.lines!, after, input };
}

interface Unit {
  /** The line of the file as read the record starts on. */
  line: number;
  text: string;
  /** Its lines in the file as written now: [start, end). */
  start: number;
  end: number;
}

function units(doc: Doc, live: Live): Unit[] {
  const out: Unit[] = [];
  let at = 0;
  for (const r of writtenRecords(doc, live)) {
    const count = r.text.includes('\n') ? r.text.split('\n').length : 1;
    out.push({ line: r.line, text: r.text, start: at, end: at + count });
    at += count;
  }
  return out;
}

/** The edits that take the file as it would be written now to what `fix --auto` writes of it, or why there are none. */
export function planFixAll(doc: Doc, live: Live): FixAllPlan | string {
  let fixed: ReturnType<typeof fixedLines>;
  try {
    fixed = fixedLines(doc, live);
  } catch (error) {
    return `the safe repairs cannot be made: ${(error as Error).message}`;
  }
  const { before, after } = fixed;
  const { from } = alignLines(before, after);
  const all = units(doc, live);
  // The repaired file read as the format reads it, for the values of its records.
  const model = doc.format.records(doc.options, { ...fixed.input, lines: after, sample: after.slice(0, 50) });
  const edits: Edit[] = [];
  const touched = new Set<number>();
  let next = 0; // the first line of `after` not yet given to a record
  for (const unit of all) {
    let first = -1;
    let last = -1;
    for (let i = unit.start; i < unit.end; i++) {
      if (from[i] < 0) continue;
      if (first < 0) first = from[i];
      last = from[i];
    }
    if (last < 0) {
      edits.push({ kind: 'delete', line: unit.line });
      touched.add(unit.line);
      continue;
    }
    // Lines added before a record, or between its own lines (an XML element), are its.
    const lines = after.slice(next, last + 1);
    const text = lines.join('\n');
    if (text === unit.text) {
      next = last + 1;
      continue;
    }
    touched.add(unit.line);
    const record = recordAt(doc, live, unit.line);
    if (!record) {
      next = last + 1;
      edits.push({ kind: 'text', line: unit.line, before: unit.text, after: text });
      continue;
    }
    const repaired = model.parse(text, first + 1);
    // Paired with another kind of record (a deleted last record with the trailer written after
    // it): the record is gone, and what stands there is the next one's or appended.
    if (!repaired || repaired.layout.kind !== record.layout.kind) {
      edits.push({ kind: 'delete', line: unit.line });
      continue;
    }
    next = last + 1;
    const changed: Edit[] = [];
    // By name: a repaired record type can make it read in another layout (a "d" record becomes a detail).
    record.layout.fields.forEach((f, i) => {
      const at = repaired.layout === record.layout ? i : repaired.layout.fields.findIndex((r) => r.name === f.name);
      const value = at < 0 ? record.fields[i] : (repaired.fields[at] ?? '');
      if (value !== record.fields[i]) changed.push({ kind: 'set', line: unit.line, field: f.name, before: record.fields[i], after: value });
    });
    // Written again whole with no value changed (a record put back in its layout): set to itself.
    edits.push(...(changed.length ? changed : [{ kind: 'set' as const, line: unit.line, field: record.layout.fields[0].name, before: record.fields[0], after: record.fields[0] }]));
  }
  // What the Fixer wrote after the last record (a missing trailer added).
  for (const text of after.slice(next)) {
    edits.push({ kind: 'append', text });
    touched.add(-edits.length);
  }
  if (edits.length === 0) return 'no safe repair is left to make';
  const entry: LogEntry = { label: `fix every safe repair in ${touched.size} record${touched.size === 1 ? '' : 's'}`, edits };
  const done = commit(doc, live, entry);
  const written = [...writtenRecords(doc, done)].map((r) => r.text).join('\n');
  if (written !== after.join('\n')) return 'the safe repairs here cannot be made in the workstation exactly as rollfix fix --auto makes them; use rollfix fix --auto';
  return { entry, live: done, records: touched.size };
}

export { outputPathOf };
