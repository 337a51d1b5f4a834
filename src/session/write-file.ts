/**
 * Writing the clerk's work: every line as read, except edited records (written from their
 * fields), deleted ones (left out) and appended ones (added at the end), through the same safe
 * writer as `fix` (temporary file, fsync, rename; mode 0600), in the input's encoding, line
 * ending and delimiter. Then the change report, then a whole check of what was written.
 */
import type { Change } from '../core/format.js';
import { changeReportCsv, checkFile, sensitiveFields, type Report } from '../core/engine.js';
import { loadSettings } from './settings.js';
import { SafeWriter, writeFileSafely } from '../io/safe-write.js';
import { defaultReportPath } from '../io/output-paths.js';
import type { Doc } from './document.js';
import { originalText, recordAt, type Live } from './live.js';

export interface Written {
  output: string;
  changeReport: string;
  changes: number;
  after: Report;
}

/** What changed, field by field, between the file as read and as it is now. */
export function changesOf(doc: Doc, live: Live): Change[] {
  const changes: Change[] = [];
  const codes = new Map<string, string>();
  for (const entry of live.log.entries.slice(0, live.log.cursor)) {
    for (const edit of entry.edits) if (edit.kind === 'set' && edit.code) codes.set(`${edit.line} ${edit.field}`, edit.code);
  }
  for (const [line, fields] of [...live.fields].sort(([a], [b]) => a - b)) {
    if (live.deleted.has(line) || line > doc.store.count) continue;
    const original = doc.model.parse(doc.store.line(line), line);
    if (!original) continue;
    original.layout.fields.forEach((spec, i) => {
      if (fields[i] !== original.fields[i]) changes.push({ line, field: spec.name, before: original.fields[i], after: fields[i], code: codes.get(`${line} ${spec.name}`) ?? 'edit' });
    });
  }
  for (const line of [...live.deleted].sort((a, b) => a - b)) changes.push({ line, field: '', before: '(whole record)', after: '(deleted)', code: 'edit' });
  for (const text of live.appended) changes.push({ line: 0, field: '', before: '(no line)', after: text.replaceAll('\t', ' '), code: 'add' });
  return changes;
}

export async function writeDoc(doc: Doc, live: Live, output: string): Promise<Written> {
  const { input } = doc.report;
  const writer = new SafeWriter(output, input.encoding, input.bom);
  let written = 0;
  try {
    const total = doc.store.count + live.appended.length;
    for (let n = 1; n <= total; n++) {
      if (live.deleted.has(n)) continue;
      const edited = live.fields.get(n);
      const text = originalText(doc, live, n);
      const record = edited ? recordAt(doc, live, n) : null;
      const line = record ? doc.model.serialise(record.layout, record.fields, text) : text;
      writer.write(written++ === 0 ? line : input.eol + line);
    }
    if (doc.endsWithNewline && written > 0) writer.write(input.eol);
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
  const changes = changesOf(doc, live);
  const changeReport = defaultReportPath(output);
  writeFileSafely(changeReport, changeReportCsv(changes, loadSettings().maskReports ? sensitiveFields(doc.format) : new Set()));
  const after = await checkFile(output, doc.options, doc.format.id);
  return { output, changeReport, changes: changes.length, after };
}
