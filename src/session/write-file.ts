/**
 * Writing the clerk's work: every line as read, except edited records (written from their
 * fields), deleted ones (left out) and appended ones (added at the end), through the same safe
 * writer as `fix` (temporary file, fsync, rename; mode 0600), in the input's encoding, line
 * ending and delimiter. Then the change report, then a whole check of what was written.
 */
import type { Change } from '../core/format.js';
import { changeReportCsv, checkWrittenFile, outputOf, sensitiveFields, sensitiveValueTest, type Report } from '../core/engine.js';
import { registry } from '../../formats/registry.js';
import { loadSettings } from './settings.js';
import { commitTogether, SafeWriter } from '../io/safe-write.js';
import { defaultReportPath, sameFile } from '../io/output-paths.js';
import type { Doc } from './document.js';
import type { Live } from './live.js';
import { writtenInput, writtenRecords } from './written.js';
import { withDecisions } from './decisions.js';
import { remember, rememberKept, withKept, type KeptFile } from './memory-store.js';
import { outputPathOf } from './live.js';
import { withCell, writeFromSheet } from '../core/workbook-fix.js';

export interface Written {
  output: string;
  changeReport: string;
  changes: number;
  after: Report;
  /** Decisions remembered for the next export of this school (decisions.ts), or why they could not be. */
  remembered: number;
  memoryProblem?: string;
}

/** What changed, field by field, between the file as read and as it is now. */
export function changesOf(doc: Doc, live: Live): Change[] {
  const changes: Change[] = [];
  const codes = new Map<string, string>();
  for (const entry of live.log.entries.slice(0, live.log.cursor)) {
    for (const edit of entry.edits) {
      if (edit.kind === 'set' && edit.code) codes.set(`${edit.line} ${edit.field}`, edit.code);
      if (edit.kind === 'delete' && edit.code) codes.set(`${edit.line} `, edit.code);
    }
  }
  for (const [line, fields] of [...live.fields].sort(([a], [b]) => a - b)) {
    if (live.deleted.has(line) || line > doc.store.count) continue;
    const text = doc.store.line(line);
    const original = doc.model.parse(text, line);
    if (!original) continue;
    const before = changes.length;
    original.layout.fields.forEach((spec, i) => {
      if (fields[i] !== original.fields[i]) changes.push({ line, field: spec.name, before: original.fields[i], after: fields[i], code: codes.get(`${line} ${spec.name}`) ?? 'edit' });
    });
    // A record written again whole (a fixed-length record padded to its length) with no value changed.
    if (changes.length === before && doc.model.serialise(original.layout, fields, text) !== text) {
      changes.push({ line, field: '', before: '(record as read)', after: '(record written again in its layout)', code: codes.get(`${line} ${original.layout.fields[0].name}`) ?? 'edit' });
    }
  }
  for (const line of [...live.deleted].sort((a, b) => a - b)) changes.push({ line, field: '', before: '(whole record)', after: '(deleted)', code: codes.get(`${line} `) ?? 'edit' });
  if (doc.model.rewritesAll) changes.unshift(doc.model.rewritesAll);
  for (const text of live.appended) changes.push({ line: 0, field: '', before: '(no line)', after: text.replaceAll('\t', ' '), code: 'add' });
  return changes;
}

/** The clerk asked to write over the file they opened (or its change report would): refused, whatever the path. */
export class WritesOverInput extends Error {}

/** Why writing to `output` would replace the opened file (itself or through its change report's name), or null. */
export function writesOverInput(doc: Doc, output: string): string | null {
  for (const [what, path] of [['that', output], ['its change report', defaultReportPath(output)]] as const) {
    if (sameFile(path, doc.path)) return `${what} is the file you opened`;
  }
  return null;
}

/** The change report's text, national IDs masked unless the settings say otherwise. */
function reportText(doc: Doc, changes: readonly Change[]): string {
  const masked = loadSettings().maskReports;
  return changeReportCsv(changes, masked ? sensitiveFields(doc.format) : new Set(), undefined, masked ? sensitiveValueTest(doc.format) : undefined);
}

/** A workbook's work: the workbook again, or the import file its format takes (workbook-fix.ts). */
async function writeSheetDoc(doc: Doc, live: Live, output: string, changeReport: string): Promise<Written> {
  const { input } = doc.report;
  const changes = changesOf(doc, live).map((c) => withCell(c, input));
  const records = [...writtenRecords(doc, live)].map((r) => ({ line: r.line, text: r.text }));
  writeFromSheet(doc.format, doc.options, input, records, output, { path: changeReport, text: reportText(doc, changes) });
  const after = await checkWrittenFile(output, doc.options, doc.format, registry);
  return { output, changeReport, changes: changes.length, after, remembered: 0 };
}

export async function writeDoc(doc: Doc, live: Live, output: string): Promise<Written> {
  const over = writesOverInput(doc, output);
  if (over) throw new WritesOverInput(over);
  const changeReport = defaultReportPath(output);
  const { input } = doc.report;
  if (input.workbook) return writeSheetDoc(doc, live, output, changeReport);
  const { eol, bom } = outputOf(doc.format, input);
  const writer = new SafeWriter(output, input.encoding, bom);
  let written = 0;
  // A format that can tell a broken output (XML) sees the whole text before the rename.
  const kept: string[] | null = doc.model.verify ? [] : null;
  const emit = (text: string) => {
    writer.write(text);
    kept?.push(text);
  };
  try {
    for (const record of writtenRecords(doc, live)) {
      const line = !record.verbatim && eol !== '\n' && record.text.includes('\n') ? record.text.replaceAll('\n', eol) : record.text;
      emit(written++ === 0 ? line : eol + line);
    }
    if (doc.endsWithNewline && written > 0) emit(eol);
    const broken = kept && doc.model.verify!(kept.join('').replaceAll(eol, '\n'));
    if (broken) throw new Error(`nothing written: ${broken}`);
  } catch (error) {
    writer.abort();
    throw error;
  }
  const changes = withDecisions(doc, live, changesOf(doc, live));
  // The file and its change report together, or neither.
  const masked = loadSettings().maskReports;
  commitTogether(writer, changeReport, changeReportCsv(changes, masked ? sensitiveFields(doc.format) : new Set(), undefined, masked ? sensitiveValueTest(doc.format) : undefined));
  let remembered = 0;
  let memoryProblem: string | undefined;
  try {
    remembered = remember(doc, changes);
    rememberKept(output, doc.format.id, keptAsWritten(doc, live));
  } catch (error) {
    memoryProblem = `decisions not remembered: ${(error as Error).message}`;
  }
  const after = withKept(await checkWrittenFile(output, doc.options, doc.format));
  return { output, changeReport, changes: changes.length, after, remembered, memoryProblem };
}

/** The keeps in effect, on the lines of the file as written. */
export function keptAsWritten(doc: Doc, live: Live): KeptFile['keeps'] {
  if (live.kept.size === 0) return [];
  const { origin } = writtenInput(doc, live, outputPathOf(doc));
  const at = new Map<number, number>();
  origin.forEach((from, i) => {
    if (!at.has(from)) at.set(from, i + 1);
  });
  const keeps: KeptFile['keeps'] = [];
  for (const [line, issues] of live.issues) {
    if (live.deleted.has(line) || !at.has(line)) continue;
    for (const i of issues) if (i.kept) keeps.push({ line: at.get(line)!, field: i.field, code: i.code, reason: i.kept.reason });
  }
  return keeps;
}
