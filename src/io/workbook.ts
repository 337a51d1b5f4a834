/**
 * An .xlsx workbook, read without a spreadsheet library (README, "Excel workbooks": the
 * comparison). The parts are inflated within limits (zip.ts); the sheet's XML is scanned row by
 * row with plain string searches, a slice of the inflated bytes at a time, so no XML tree and no
 * object per cell is ever built.
 */
import { inflateEntry, WorkbookError, zipEntries, type ZipEntry } from './zip.js';

/** Limits on what one part may inflate to: a batch sheet of 400,000 rows fits, a zip bomb does not. */
export const LIMITS = { sheet: 256 << 20, strings: 64 << 20, other: 16 << 20 };

export interface SheetInfo {
  name: string;
  /** Its part in the archive, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  hidden: boolean;
}

export interface Workbook {
  bytes: Buffer;
  entries: ZipEntry[];
  sheets: SheetInfo[];
  strings: string[];
  /** Per cell style (xf index): 'date', a zero-padded width (`0000`: 4), or 0. */
  styles: Array<'date' | number>;
  date1904: boolean;
}

/** One cell as stored: its column (0-based), what the XML holds, and its style. */
export interface RawCell {
  col: number;
  /** s shared string, str formula text, inlineStr, b boolean, e error, n number, d ISO date. */
  type: string;
  value: string;
  style: number;
  formula: string | null;
  /** The cell's XML as read (kept as it is when the cell is written again unchanged). */
  xml: string;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the first bytes say: a zip (an .xlsx), an OLE compound file (.xls, or an encrypted workbook), or neither. */
export function workbookKind(head: Buffer): 'xlsx' | 'ole' | null {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (head.length >= 8 && head.subarray(0, 8).equals(OLE)) return 'ole';
  return null;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as the characters it stands for, with OOXML's `_x000D_` escapes too. */
export function xmlText(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name] ?? whole;
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}

/** Text as XML holds it: markup characters as entities, control characters (which XML cannot hold) as OOXML's `_x001B_`. */
export function xmlEscape(text: string): string {
  return text
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m.slice(1)}`)
    .replace(/[<>&"]/g, (c) => `&${c === '<' ? 'lt' : c === '>' ? 'gt' : c === '&' ? 'amp' : 'quot'};`)
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The attributes of a tag's inside (`r="A1" s="2"`), by name without namespace prefix. */
export function attributes(inside: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of inside.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1].replace(/^\w+:/, '')] = xmlText(m[2]);
  return out;
}

function part(book: { bytes: Buffer; entries: ZipEntry[] }, name: string, limit: number, what: string): string | null {
  const entry = book.entries.find((e) => e.name === name);
  return entry ? inflateEntry(book.bytes, entry, limit, what).toString('utf8') : null;
}

/** Built-in number formats that show a date (ECMA-376 18.8.30). */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** How a number format shows a number: as a date, zero-padded to a width (`0000`), or plainly (0). */
export function formatShows(id: number, code: string | undefined): 'date' | number {
  if (DATE_IDS.has(id)) return 'date';
  if (code === undefined) return 0;
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (/^0+$/.test(bare)) return bare.length;
  return /[dmyhs]/i.test(bare.split(';')[0]) && !/general/i.test(bare) ? 'date' : 0;
}

function readStyles(xml: string | null): Array<'date' | number> {
  if (!xml) return [];
  const codes = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    codes.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    return formatShows(id, codes.get(id));
  });
}

function readStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const inside = (m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    let text = '';
    for (const t of inside.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += t[1] ?? '';
    out.push(xmlText(text));
  }
  return out;
}

/** The workbook's sheets, shared strings and styles (not yet any sheet's cells). */
export function openWorkbook(bytes: Buffer): Workbook {
  const kind = workbookKind(bytes);
  if (kind === 'ole') {
    throw new WorkbookError('it is an Excel 97-2003 workbook (.xls) or a password-protected one; rollfix reads .xlsx: in Excel, remove any password and Save As "Excel Workbook (.xlsx)"');
  }
  if (kind !== 'xlsx') throw new WorkbookError('it is not an Excel workbook');
  const entries = zipEntries(bytes);
  const book = { bytes, entries };
  const workbook = part(book, 'xl/workbook.xml', LIMITS.other, 'workbook part');
  if (!workbook) throw new WorkbookError('it is a zip archive but not an Excel workbook (no xl/workbook.xml): a Word or other document renamed?');
  const rels = new Map<string, string>();
  for (const m of (part(book, 'xl/_rels/workbook.xml.rels', LIMITS.other, 'relationships') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Target) rels.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const target = rels.get(a.id);
    if (target && entries.some((e) => e.name === target) && /worksheets\//.test(target)) sheets.push({ name: a.name ?? '', part: target, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
  }
  if (sheets.length === 0) throw new WorkbookError('the workbook has no worksheet');
  return {
    bytes, entries, sheets,
    strings: readStrings(part(book, 'xl/sharedStrings.xml', LIMITS.strings, 'shared-strings table')),
    styles: readStyles(part(book, 'xl/styles.xml', LIMITS.other, 'styles part')),
    date1904: /<workbookPr\b[^>]*date1904\s*=\s*"(1|true)"/.test(workbook),
  };
}

/** "D5" → 3 (the column, 0-based). */
export function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/** 3 → "D". */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A sheet's XML, inflated within the limit: the part before its rows, the rows, and the part after. */
export function sheetXml(book: Workbook, sheet: SheetInfo): Buffer {
  // The last sheet inflated is kept: choosing the sheet, its first row and its rows read it three times.
  if (inflated.get(book)?.sheet !== sheet) {
    const entry = book.entries.find((e) => e.name === sheet.part)!;
    inflated.set(book, { sheet, xml: inflateEntry(book.bytes, entry, LIMITS.sheet, `sheet "${sheet.name}"`) });
  }
  return inflated.get(book)!.xml;
}
const inflated = new WeakMap<Workbook, { sheet: SheetInfo; xml: Buffer }>();

export interface SheetRow {
  /** 1-based, as Excel numbers it. */
  row: number;
  hidden: boolean;
  /** The attributes of its `<row>` tag, as read. */
  tag: string;
  cells: RawCell[];
  /** Where the row's XML is in the sheet part (bytes), for writing it again. */
  start: number;
  end: number;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const SLICE = 1 << 20;

/** One attribute of a tag as Excel writes it (` name="value"`), without a regular expression: the hot path. */
function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return tag.slice(from, tag.indexOf('"', from));
}

function cellOf(xml: string, tag: string, body: string, next: number): RawCell {
  const r = attr(tag, 'r');
  const type = attr(tag, 't') ?? 'n';
  let value = '';
  let formula: string | null = null;
  if (body) {
    if (body.includes('<f')) {
      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (f) formula = xmlText(f[2] ?? '');
    }
    if (type === 'inlineStr') {
      for (const t of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) value += t[1] ?? '';
      value = xmlText(value);
    } else {
      const v = body.indexOf('<v');
      const open = v < 0 ? -1 : body.indexOf('>', v);
      if (open >= 0 && body[open - 1] !== '/') value = xmlText(body.slice(open + 1, body.indexOf('</v>', open)));
    }
  }
  return { col: r ? columnIndex(r) : next, type, value, style: Number(attr(tag, 's') ?? 0), formula, xml };
}

/** The cells of a row's inside, in order, found with indexOf (1.8 million cells in a 100,000-row sheet). */
function cellsOf(body: string): RawCell[] {
  const cells: RawCell[] = [];
  for (let at = body.indexOf('<c'); at >= 0; ) {
    const tagEnd = body.indexOf('>', at);
    if (tagEnd < 0) break;
    const selfClosing = body.charCodeAt(tagEnd - 1) === 47;
    const tag = body.slice(at + 2, selfClosing ? tagEnd - 1 : tagEnd);
    let end = tagEnd + 1;
    let inside = '';
    if (!selfClosing) {
      const close = body.indexOf('</c>', tagEnd);
      end = close < 0 ? body.length : close + 4;
      inside = body.slice(tagEnd + 1, close < 0 ? body.length : close);
    }
    const first = tag.charCodeAt(0);
    if (tag === '' || first === 32 || first === 9 || first === 10 || first === 13) {
      cells.push(cellOf(body.slice(at, end), /[\t\n\r]/.test(tag) ? tag.replace(/\s+/g, ' ') : tag, inside, cells.length ? cells[cells.length - 1].col + 1 : 0));
    }
    at = body.indexOf('<c', end);
  }
  return cells;
}

/**
 * Every row of the sheet, in order, to `onRow`; stops when it returns false (anything else goes on). The XML is decoded
 * a megabyte at a time, cut after a `</row>`, so only one slice is ever a string.
 */
export function eachRow(xml: Buffer, onRow: (row: SheetRow) => unknown): void {
  const open = xml.indexOf('<sheetData');
  if (open < 0) return;
  const close = xml.indexOf('</sheetData>', open);
  const end = close < 0 ? xml.length : close;
  let from = xml.indexOf('>', open) + 1;
  let previous = 0;
  while (from < end) {
    let to = Math.min(end, from + SLICE);
    if (to < end) {
      const cut = xml.lastIndexOf('</row>', to);
      to = cut > from ? cut + 6 : Math.max(to, xml.indexOf('</row>', to) + 6);
      if (to <= from || to > end) to = end;
    }
    const text = xml.toString('utf8', from, to);
    const oneByte = text.length === to - from;
    for (const m of text.matchAll(ROW)) {
      const a = attributes(m[1]);
      const row = a.r ? Number(a.r) : previous + 1;
      previous = row;
      const cells = m[2] ? cellsOf(m[2]) : [];
      const at = oneByte ? m.index : Buffer.byteLength(text.slice(0, m.index));
      const length = oneByte ? m[0].length : Buffer.byteLength(m[0]);
      if (onRow({ row, tag: m[1], hidden: a.hidden === '1' || a.hidden === 'true', cells, start: from + at, end: from + at + length }) === false) return;
    }
    from = to;
  }
}

/** The merged ranges of a sheet (`A3:C3`). */
export function mergedRanges(xml: Buffer): string[] {
  const at = xml.lastIndexOf('<mergeCells');
  if (at < 0) return [];
  return [...xml.toString('utf8', at).matchAll(/<mergeCell\b([^>]*?)\/?>/g)].map((m) => attributes(m[1]).ref ?? '').filter(Boolean);
}

export { WorkbookError };
