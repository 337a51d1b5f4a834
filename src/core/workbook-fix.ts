/**
 * Writing what the receiving system imports from a workbook's fixed text: the same workbook with
 * only the changed cells rewritten (a format whose converter reads Excel), or the delimited
 * import file, exactly as the CSV path writes it. `fix` and the workstation both write here.
 */
import type { Change, CheckOptions, Format } from './format.js';
import type { InputInfo } from '../io/line-reader.js';
import { splitRecord } from '../io/delimited.js';
import { cellRef, TEXT } from '../io/sheet-text.js';
import { rewriteWorkbook } from '../io/workbook-write.js';
import { commitTogether, SafeWriter } from '../io/safe-write.js';
import { extname } from 'node:path';

/** The output's name for a workbook whose format imports another file (NAME.fixed.dat), else null. */
export function sheetOutputName(format: Format, input: InputInfo): string | null {
  const writes = format.sheet?.writes;
  if (!input.workbook || !writes || writes === 'workbook') return null;
  const name = input.path.split(/[\\/]/).pop() ?? input.path;
  return `${name.slice(0, name.length - extname(name).length)}.fixed${writes.ext}`;
}

/** A change with the cell it is in, for the change report of a workbook. */
export function withCell(change: Change, input: InputInfo): Change {
  const col = input.workbook?.columns.get(change.field);
  return input.workbook && col !== undefined && change.line > 0 ? { ...change, cell: cellRef(col, change.line) } : change;
}

/**
 * Writes `records` (each a line of the text as read, or one past its last line: added) to
 * `output` with the change report, both or neither. A line of the text that is not among them
 * is deleted.
 */
export function writeFromSheet(format: Format, options: CheckOptions, input: InputInfo, records: ReadonlyArray<{ line: number; text: string }>, output: string, report: { path: string; text: string }): void {
  const wb = input.workbook!;
  const writer = new SafeWriter(output, 'utf-8', false);
  try {
    if (format.sheet?.writes === 'workbook') {
      const byLine = new Map(records.map((r) => [r.line, r.text]));
      const first = records[0] ? splitRecord(records[0].text, ',').fields : [];
      const kinds = format.sheet.columns(first, options).map((c) => c?.kind ?? TEXT);
      const rows = Math.max(input.lines?.length ?? 0, ...records.map((r) => r.line));
      const rowAt = (row: number) => {
        const text = byLine.get(row);
        return text === undefined ? null : splitRecord(text, ',').fields;
      };
      writer.writeBuffer(rewriteWorkbook(wb, { rowAt, rows, kinds }).bytes);
    } else {
      const eol = format.outputEol?.(input) ?? '\r\n';
      writer.write(records.map((r) => r.text + eol).join(''));
    }
  } catch (error) {
    writer.abort();
    throw error;
  }
  commitTogether(writer, report.path, report.text);
}

/** `fix --auto` of a workbook: the format's fixer over the sheet's text, written as the format imports. */
export function fixWorkbook(format: Format, options: CheckOptions, input: InputInfo, output: string, reportText: (changes: readonly Change[]) => string, reportPath: string): Change[] {
  const fixer = format.fixer(options, input);
  const lines = input.lines ?? [];
  const records: Array<{ line: number; text: string }> = [];
  lines.forEach((text, i) => {
    const out = fixer.line(text, i + 1, i);
    for (const t of out) records.push({ line: i + 1, text: t });
  });
  const tail = fixer.finish({ lines: lines.length, otherEndings: 0, endsWithNewline: true });
  tail.forEach((t, k) => records.push({ line: lines.length + 1 + k, text: t }));
  const changes = fixer.changes.map((c) => withCell(c, input));
  writeFromSheet(format, options, input, records, output, { path: reportPath, text: reportText(changes) });
  return changes;
}
