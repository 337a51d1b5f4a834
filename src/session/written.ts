/**
 * The file as it would be written now: every line as read, except edited records (written from
 * their fields), deleted ones (left out) and appended ones (added at the end). `writeDoc` writes
 * exactly these records, and the live check judges exactly these lines, so what the workstation
 * shows is what `rollfix check` will say of the written file.
 */
import { outputOf } from '../core/engine.js';
import type { InputInfo } from '../io/line-reader.js';
import type { SheetNote, WorkbookInput } from '../io/sheet-text.js';
import { splitRecord } from '../io/delimited.js';
import type { Doc } from './document.js';
import { originalText, recordAt, type Live } from './live.js';

/** One record (or a line that is no record) as it would be written; a record over several lines has them joined by \n. */
export interface WrittenRecord {
  /** The line it starts on in the file as read (appended ones numbered on from the last). */
  line: number;
  /** How many lines of the file as read it covers. */
  span: number;
  text: string;
}

export function* writtenRecords(doc: Doc, live: Live): Generator<WrittenRecord> {
  const total = doc.store.count + live.appended.length;
  for (let n = 1; n <= total; n++) {
    if (live.deleted.has(n)) {
      n += (doc.model.span?.(n) ?? 1) - 1; // a deleted XML element goes whole
      continue;
    }
    const edited = live.fields.get(n) ?? doc.model.rewritesAll;
    const record = edited ? recordAt(doc, live, n) : null;
    // A record over several lines (an XML element) is written whole, then its lines skipped.
    const span = record ? (doc.model.span?.(n) ?? 1) : 1;
    const text = span === 1 ? originalText(doc, live, n) : Array.from({ length: span }, (_, k) => originalText(doc, live, n + k)).join('\n');
    yield { line: n, span, text: record ? doc.model.serialise(record.layout, record.fields, text, n) : text };
    n += span - 1;
  }
}

/**
 * The sheet's notes as the workbook written from `lines` (each from the row `from` says) shows
 * them: a hidden row where its row went, a formula only where its cell was not rewritten (a new
 * value replaces it), merged ranges where they were (the writer never moves them).
 */
function notesWritten(wb: WorkbookInput, doc: Doc, from: readonly number[], lines: readonly string[]): SheetNote[] {
  const at = new Map<number, number>();
  from.forEach((row, i) => at.has(row) || at.set(row, i + 1));
  return wb.notes.flatMap((n) => {
    if (n.row === 0 || n.code === 'sheet/merged-cells') return n.row <= lines.length ? [n] : [];
    const row = at.get(n.row);
    if (row === undefined) return [];
    if (n.code === 'sheet/formula' && n.col !== null) {
      const cell = (text: string) => splitRecord(text, ',').fields[n.col!] ?? '';
      if (cell(lines[row - 1]) !== cell(doc.store.line(n.row))) return [];
    }
    return [{ ...n, row }];
  });
}

/**
 * The written file as an input held in memory, named `path`, and for each of its lines the line
 * of the file as read it comes from (a record written over more lines than it had: its first).
 */
export function writtenInput(doc: Doc, live: Live, path: string): { input: InputInfo; origin: Int32Array } {
  const read = doc.report.input;
  const { eol, bom } = outputOf(doc.format, read);
  const lines: string[] = [];
  const from: number[] = [];
  let size = bom ? 3 : 0;
  for (const record of writtenRecords(doc, live)) {
    // writeDoc writes every \n as the line ending: it starts a line when read back.
    const parts = record.text.includes('\n') ? record.text.split('\n') : [record.text];
    parts.forEach((part, k) => {
      lines.push(part);
      from.push(k < record.span ? record.line + k : record.line);
      size += part.length + eol.length;
    });
  }
  const endsWithNewline = doc.endsWithNewline && lines.length > 0;
  // Written back as a workbook, it is read back with the sheet's notes where its rows went.
  const workbook = read.workbook && doc.format.sheet?.writes === 'workbook' ? { workbook: { ...read.workbook, notes: notesWritten(read.workbook, doc, from, lines) } } : {};
  const input: InputInfo = { path, size, encoding: read.encoding, bom, eol: eol as InputInfo['eol'], sample: lines.slice(0, 50), lines, endsWithNewline, ...workbook };
  return { input, origin: Int32Array.from(from) };
}
