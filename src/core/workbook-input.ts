/**
 * Opening a file that may be an Excel workbook. A text file goes to inspectInput as ever; a
 * workbook becomes the text the CSV path reads (src/io/sheet-text.ts), held in memory as the
 * input's lines, so every rule stays in the format's declaration. The sheet: `--sheet NAME`,
 * else the one whose first rows the formats recognise best (the first of equals), else the first.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CheckOptions, Format } from './format.js';
import type { FormatRegistry } from './format-registry.js';
import type { Issue } from './issue.js';
import { inspectInput, type InputInfo } from '../io/line-reader.js';
import { describeFsError, InputError } from '../io/input-error.js';
import { openWorkbook, workbookKind, type SheetInfo, type Workbook } from '../io/workbook.js';
import { WorkbookError } from '../io/zip.js';
import { cellRef, noteMessage, sheetLines, TEXT, type CellKind, type WorkbookInput } from '../io/sheet-text.js';
import { splitRecord } from '../io/delimited.js';

/** A workbook larger than this is no batch file (a 100,000-row sheet is about 5 MB). */
const MAX_WORKBOOK = 128 << 20;

async function head(path: string): Promise<Buffer> {
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = Buffer.alloc(8);
      const { bytesRead } = await handle.read(bytes, 0, 8, 0);
      return bytes.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw describeFsError(path, error);
  }
}

/** Whether the file at `path` is a workbook (by its first bytes), without reading it. */
export async function isWorkbookFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
  } catch {
    return false;
  }
  return workbookKind(await head(path)) !== null;
}

function score(registry: FormatRegistry, sample: readonly string[], fileName: string, formatId?: string): { format: Format | null; score: number } {
  if (formatId) {
    const format = registry.byId(formatId) ?? null;
    return { format, score: format ? format.detect(sample, fileName) : 0 };
  }
  const format = registry.detect(sample, fileName);
  return { format, score: format ? format.detect(sample, fileName) : 0 };
}

/** The sheet to read and the format its first rows show, with the other sheets that would do as well. */
function chooseSheet(registry: FormatRegistry, book: Workbook, path: string, options: CheckOptions, formatId?: string): { sheet: SheetInfo; format: Format | null; others: string[] } {
  const name = basename(path);
  if (options.sheet !== undefined) {
    const sheet = book.sheets.find((s) => s.name === options.sheet) ?? book.sheets.find((s) => s.name.toLowerCase() === options.sheet!.toLowerCase());
    if (!sheet) throw new InputError(`${path} has no sheet named "${options.sheet}"; its sheets: ${book.sheets.map((s) => `"${s.name}"`).join(', ')}`, 64);
    return { sheet, format: score(registry, sheetLines(book, sheet, () => TEXT, 50).lines, name, formatId).format, others: [] };
  }
  const scored = book.sheets.map((sheet) => ({ sheet, ...score(registry, sheetLines(book, sheet, () => TEXT, 50).lines, name, formatId) }));
  const best = scored.reduce((a, b) => (b.score > a.score || (b.score === a.score && a.sheet.hidden && !b.sheet.hidden) ? b : a));
  if (best.score === 0) return { sheet: book.sheets.find((s) => !s.hidden) ?? book.sheets[0], format: null, others: [] };
  const others = scored.filter((s) => s !== best && s.format === best.format && s.score >= best.score * 0.9).map((s) => s.sheet.name);
  return { sheet: best.sheet, format: best.format, others };
}

/** The workbook at `path` as an input whose lines are its chosen sheet, read with the format's kinds. */
async function workbookInput(registry: FormatRegistry, path: string, options: CheckOptions, formatId?: string): Promise<InputInfo> {
  const size = (await stat(path)).size;
  if (size > MAX_WORKBOOK) throw new InputError(`cannot check ${path}: the workbook is ${Math.round(size / 2 ** 20)} MB, larger than a batch workbook (at most ${MAX_WORKBOOK >> 20} MB)`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw describeFsError(path, error);
  }
  try {
    const book = openWorkbook(bytes);
    const { sheet, format, others } = chooseSheet(registry, book, path, options, formatId);
    const support = format?.sheet;
    if (format && !support) throw new InputError(`cannot check ${path}: it is an Excel workbook, and ${format.title} files are not kept in Excel; save the sheet as the format's own file`, 65);
    const first = splitRecord(sheetLines(book, sheet, () => TEXT, 1).lines[0] ?? '', ',').fields;
    const declared = support?.columns(first, options) ?? [];
    const kinds: CellKind[] = Array.from({ length: Math.max(declared.length, first.length) }, (_, c) => declared[c]?.kind ?? TEXT);
    const columns = new Map<string, number>();
    declared.forEach((d, c) => d && !columns.has(d.field) && columns.set(d.field, c));
    const { lines, notes } = sheetLines(book, sheet, (c) => kinds[c] ?? TEXT);
    if (others.length) {
      notes.unshift({ code: 'sheet/several-sheets', row: 0, col: null, detail: `Sheets ${[sheet.name, ...others].map((s) => `"${s}"`).join(', ')} all look like ${format!.title}: rollfix read "${sheet.name}" (choose another with --sheet NAME); the other sheets are kept` });
    }
    const workbook: WorkbookInput = { book, sheet, kinds, columns, notes };
    return { path, size, encoding: 'utf-8', bom: false, eol: '\r\n', sample: lines.slice(0, 50), lines, endsWithNewline: true, workbook };
  } catch (error) {
    if (error instanceof WorkbookError) throw new InputError(`cannot check ${path}: ${error.message}`);
    throw error;
  }
}

/** inspectInput, or for a workbook its chosen sheet as text (see workbookInput). */
export async function inspectAny(registry: FormatRegistry, path: string, options: CheckOptions, formatId?: string): Promise<InputInfo> {
  let isFile = false;
  try {
    isFile = (await stat(path)).isFile();
  } catch {
    // inspectInput says what is wrong with the path
  }
  if (isFile && workbookKind(await head(path))) return workbookInput(registry, path, options, formatId);
  return inspectInput(path);
}

/** The issues of a workbook's check with the sheet's own notes, each with its sheet and cell. */
export function withSheet(issues: readonly Issue[], input: InputInfo): Issue[] {
  const wb = input.workbook;
  if (!wb) return issues as Issue[];
  const notes: Issue[] = wb.notes.map((n) => ({
    code: n.code, severity: 'warning', scope: n.row === 0 ? 'file' : n.col === null ? 'record' : 'field',
    line: n.row === 0 ? null : n.row, field: null, message: noteMessage(n), repair: null,
    sheet: wb.sheet.name, cell: n.row > 0 && n.col !== null ? cellRef(n.col, n.row) : null,
  }));
  const placed = issues.map((i) => {
    const col = i.field === null ? undefined : wb.columns.get(i.field);
    return { ...i, sheet: wb.sheet.name, cell: i.line !== null && col !== undefined ? cellRef(col, i.line) : null };
  });
  return [...notes.filter((n) => n.line === null), ...placed, ...notes.filter((n) => n.line !== null)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
