/**
 * A workbook written back with only the changed cells rewritten. The sheet's XML is copied as
 * read, row by row; a row whose fields changed gets only its changed cells anew (a text field
 * as a text cell, so a UPN or a date in dd/mm/yyyy stays as typed; a whole number as a number;
 * each keeping its cell's style), a deleted row is left out and the rows below move up. Every
 * other part of the archive (other sheets, styles, column widths) is copied byte for byte.
 * Not adjusted when rows move up: formulas and merged ranges that refer to cells below.
 */
import { cellRef, cellText, TEXT, type CellKind, type WorkbookInput } from './sheet-text.js';
import { eachRow, LIMITS, sheetXml, xmlEscape, type RawCell } from './workbook.js';
import { inflateEntry, rewriteZip, type ZipEntry } from './zip.js';

/** A new cell's XML, of `kind`, in the style of the cell it replaces. */
function newCell(ref: string, text: string, kind: CellKind, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (text === '') return `<c r="${ref}"${s}/>`;
  if (kind.kind === 'number' && /^-?\d+(\.\d+)?$/.test(text)) return `<c r="${ref}"${s}><v>${text}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
}

/** A kept cell's XML under its new row number. */
function moved(cell: RawCell, ref: string): string {
  return cell.xml.replace(/^<c\b([^>]*?)\br="[^"]*"/, `<c$1r="${ref}"`);
}

export interface SheetRewrite {
  /** The fields of each row as read, now (by sheet row); null: the row is deleted. */
  rowAt(row: number): readonly string[] | null;
  /** How many rows the text had (rows past the sheet's last row are new). */
  rows: number;
  /** How each column of the output is written (its first row may have moved the fields). */
  kinds: readonly CellKind[];
}

/** The workbook's bytes with the sheet rewritten as `rewrite` says; `formulaCells` gets how many formulas were replaced by values. */
export function rewriteWorkbook(wb: WorkbookInput, rewrite: SheetRewrite): { bytes: Buffer; formulasReplaced: number } {
  const { book } = wb;
  const xml = sheetXml(book, wb.sheet);
  const out: Buffer[] = [];
  let copied = 0;
  let shift = 0;
  let last = 0;
  let formulasReplaced = 0;
  const readKind = (c: number) => wb.kinds[c] ?? TEXT;
  const writeKind = (c: number) => rewrite.kinds[c] ?? TEXT;
  const rowXml = (row: number, tag: string, cells: readonly string[]) =>
    `<row${tag.replace(/\s*\br="[^"]*"/, '').replace(/\s*\bspans="[^"]*"/, '')} r="${row}">${cells.join('')}</row>`.replace(/^<row\s*r=/, '<row r=');
  const fresh = (row: number) => {
    const fields = rewrite.rowAt(row);
    if (!fields || fields.every((f) => f === '')) {
      if (!fields) shift++;
      return '';
    }
    const at = row - shift;
    return rowXml(at, '', fields.flatMap((f, c) => (f === '' ? [] : [newCell(cellRef(c, at), f, writeKind(c), 0)])));
  };
  const pending: string[] = [];
  eachRow(xml, (r) => {
    for (let n = last + 1; n < r.row; n++) pending.push(fresh(n));
    last = r.row;
    const fields = rewrite.rowAt(r.row);
    let text: string | null = null;
    if (!fields) {
      shift++;
      text = '';
    } else {
      const at = r.row - shift;
      const byCol = new Map(r.cells.map((c) => [c.col, c]));
      const width = Math.max(fields.length, r.cells.length ? r.cells[r.cells.length - 1].col + 1 : 0);
      let changed = shift > 0;
      const cells: string[] = [];
      for (let c = 0; c < width; c++) {
        const cell = byCol.get(c);
        const now = fields[c] ?? '';
        if (cell && cellText(book, cell, readKind(c)) === now) {
          cells.push(shift ? moved(cell, cellRef(c, at)) : cell.xml);
        } else if (cell || now !== '') {
          changed = true;
          if (cell?.formula != null) formulasReplaced++;
          cells.push(newCell(cellRef(c, at), now, writeKind(c), cell?.style ?? 0));
        }
      }
      if (changed) text = rowXml(at, r.tag, cells);
    }
    if (text === null && pending.length === 0) return; // as read: copied with the rows around it
    out.push(xml.subarray(copied, r.start), Buffer.from(pending.join(''), 'utf8'));
    pending.length = 0;
    if (text === null) copied = r.start;
    else out.push(Buffer.from(text, 'utf8')), (copied = r.end);
  });
  for (let n = last + 1; n <= rewrite.rows; n++) pending.push(fresh(n));
  const close = xml.indexOf('</sheetData>');
  if (pending.length) {
    if (close < 0) throw new Error('the sheet has no closing </sheetData>');
    out.push(xml.subarray(copied, close), Buffer.from(pending.join(''), 'utf8'));
    copied = close;
  }
  out.push(xml.subarray(copied));
  const replaced = new Map([[wb.sheet.part, Buffer.concat(out)]]);
  const entries = formulasReplaced > 0 && book.entries.some((e) => e.name === 'xl/calcChain.xml') ? withoutCalcChain(wb, replaced) : book.entries;
  return { bytes: rewriteZip(book.bytes, entries, replaced), formulasReplaced };
}

/**
 * Excel's list of formula cells (calcChain.xml) names cells by place: once a formula became a
 * value, Excel would call the file damaged. The list is optional, so it goes (with its entry in
 * the content types and the workbook's relationships), and Excel rebuilds it.
 */
function withoutCalcChain(wb: WorkbookInput, replaced: Map<string, Buffer>): ZipEntry[] {
  const { book } = wb;
  const text = (name: string) => {
    const entry = book.entries.find((e) => e.name === name);
    return entry ? inflateEntry(book.bytes, entry, LIMITS.other, name).toString('utf8') : null;
  };
  const types = text('[Content_Types].xml');
  if (types !== null) replaced.set('[Content_Types].xml', Buffer.from(types.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''), 'utf8'));
  const rels = text('xl/_rels/workbook.xml.rels');
  if (rels !== null) replaced.set('xl/_rels/workbook.xml.rels', Buffer.from(rels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''), 'utf8'));
  return book.entries.filter((e) => e.name !== 'xl/calcChain.xml');
}
