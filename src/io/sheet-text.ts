/**
 * A sheet as the delimited text the CSV path reads: line n is the sheet's row n, each cell as
 * Excel shows it (a date cell in the field's date layout, a whole number without ".0", TRUE and
 * FALSE as the field's flag letters), empty trailing rows and columns left out. What a format's
 * CSV rules cannot see (a formula, merged cells, a hidden row) comes back as notes, by cell.
 * Which field a column holds, and so how its cells read, the caller says (`kinds`): this layer
 * knows no format.
 */
import { joinRecord } from './delimited.js';
import { columnLetters, eachRow, mergedRanges, sheetXml, type RawCell, type SheetInfo, type Workbook } from './workbook.js';

/** How a column's cells read and are written: the field's kind, as the format declares it. */
export type CellKind =
  /** `quoted`: the format writes this text in double quotes, empty too (a date or number bare). */
  | { kind: 'text'; quoted?: boolean }
  | { kind: 'number' }
  /** `format`: the date layout, in the tokens dd, mm, mmm, yyyy (dd/mm/yyyy, dd/mmm/yyyy, yyyymmdd). */
  | { kind: 'date'; format: string }
  | { kind: 'flag'; yes: string; no: string };

export const TEXT: CellKind = { kind: 'text' };

export interface SheetNote {
  code: string;
  /** The row (0: the whole workbook). */
  row: number;
  /** The column (0-based), or null for the whole row. */
  col: number | null;
  /** What the message needs beyond the place: a formula and its value, a merged range, sheet names. */
  detail: string;
  value?: string;
}

/** A note in words, at its row and column now. */
export function noteMessage(n: SheetNote): string {
  switch (n.code) {
    case 'sheet/formula':
      return `Cell ${cellRef(n.col ?? 0, n.row)} holds a formula (=${n.detail}); rollfix reads the value Excel last calculated, "${n.value ?? ''}"`;
    case 'sheet/hidden-row':
      return `Row ${n.row} is hidden in Excel; it is imported like every other row`;
    case 'sheet/merged-cells':
      return `Cells ${n.detail} are merged; only ${n.detail.split(':')[0]} holds a value, the others read as empty`;
    default:
      return n.detail;
  }
}

/** What a workbook input carries beside its lines: where it came from, and what only the sheet showed. */
export interface WorkbookInput {
  book: Workbook;
  sheet: SheetInfo;
  /** How each column read (and is written back). */
  kinds: readonly CellKind[];
  /** The column of each field, by name (for an issue's cell reference). */
  columns: ReadonlyMap<string, number>;
  notes: SheetNote[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Year, month and day of an Excel serial (its 1900 leap-year bug kept: serial 60 is 29/02/1900). */
export function serialDate(serial: number, date1904: boolean): [number, number, number] | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < (date1904 ? 0 : 1) || days > 2958465) return null;
  if (!date1904 && days === 60) return [1900, 2, 29];
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  const d = new Date(epoch + days * 86400000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export function formatDate([y, m, d]: [number, number, number], format: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return format.replace(/yyyy|mmm|mm|dd/gi, (token) => {
    const t = token.toLowerCase();
    return t === 'yyyy' ? String(y).padStart(4, '0') : t === 'mmm' ? MONTHS[m - 1] : t === 'mm' ? two(m) : two(d);
  });
}

/** A number as Excel's General format shows it: whole numbers plain, others to 15 significant digits. */
export function numberText(value: string): string {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return value;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** The text of one cell as the clerk sees it in Excel, read as a field of `kind`. */
export function cellText(book: Workbook, cell: RawCell, kind: CellKind): string {
  switch (cell.type) {
    case 's':
      return book.strings[Number(cell.value)] ?? '';
    case 'b':
      if (kind.kind === 'flag') return cell.value === '1' ? kind.yes : kind.no;
      return cell.value === '1' ? 'TRUE' : 'FALSE';
    case 'd': {
      const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(cell.value);
      return m ? formatDate([+m[1], +m[2], +m[3]], kind.kind === 'date' ? kind.format : 'dd/mm/yyyy') : cell.value;
    }
    case 'n': {
      const shows = book.styles[cell.style] ?? 0;
      if (shows === 'date' && cell.value !== '') {
        const date = serialDate(Number(cell.value), book.date1904);
        if (date) return formatDate(date, kind.kind === 'date' ? kind.format : 'dd/mm/yyyy');
      }
      const text = numberText(cell.value);
      return typeof shows === 'number' && shows > 0 && /^\d+$/.test(text) ? text.padStart(shows, '0') : text;
    }
    default:
      return cell.value; // str (a formula's text), inlineStr, e (#N/A ...)
  }
}

const isQuoted = (kind: CellKind) => kind.kind === 'text' && kind.quoted === true;

/** A row of a format that quotes its text: those columns in quotes, the others bare. */
function quotedLine(fields: readonly string[], width: number, kinds: (col: number) => CellKind): string {
  return Array.from({ length: width }, (_, c) => {
    const value = fields[c] ?? '';
    return isQuoted(kinds(c)) ? `"${value.replace(/"/g, '""')}"` : joinRecord([value], ',');
  }).join(',');
}

/** A cell reference, "D5". */
export const cellRef = (col: number, row: number) => `${columnLetters(col)}${row}`;

/**
 * The sheet's rows as lines (index 0 is row 1), read with `kinds` (by column); at most `maxRows`
 * rows (for detection). Rows are padded to the widest row, as Excel saves a CSV.
 */
export function sheetLines(book: Workbook, sheet: SheetInfo, kinds: (col: number) => CellKind, maxRows = Infinity): { lines: string[]; notes: SheetNote[] } {
  const xml = sheetXml(book, sheet);
  const lines: string[] = [];
  const counts: number[] = [];
  const notes: SheetNote[] = [];
  const rows: string[][] = [];
  let width = 0;
  let quoting = false;
  eachRow(xml, ({ row, hidden, cells }) => {
    if (row > maxRows) return false;
    const fields: string[] = [];
    for (const cell of cells) {
      const text = cellText(book, cell, kinds(cell.col));
      if (text === '') continue;
      while (fields.length < cell.col) fields.push('');
      fields[cell.col] = text;
      if (cell.formula !== null) {
        notes.push({ code: 'sheet/formula', row, col: cell.col, detail: cell.formula, value: text });
      }
    }
    if (fields.length === 0) return;
    while (lines.length < row - 1) lines.push(''), counts.push(0);
    quoting ||= fields.some((_, c) => isQuoted(kinds(c)));
    if (quoting) rows[row - 1] = fields;
    lines[row - 1] = joinRecord(fields, ',');
    counts[row - 1] = fields.length;
    width = Math.max(width, fields.length);
    if (hidden) notes.push({ code: 'sheet/hidden-row', row, col: null, detail: '' });
  });
  for (let i = 0; i < lines.length; i++) {
    if (quoting && rows[i]) lines[i] = quotedLine(rows[i], width, kinds);
    else if (counts[i] > 0 && counts[i] < width) lines[i] += ','.repeat(width - counts[i]);
  }
  for (const range of mergedRanges(xml)) {
    const [from] = range.split(':');
    const row = Number(/\d+/.exec(from)?.[0] ?? 0);
    if (row > 0 && row <= lines.length) notes.push({ code: 'sheet/merged-cells', row, col: null, detail: range });
  }
  return { lines, notes };
}
