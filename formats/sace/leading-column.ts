/**
 * Columns a spreadsheet tool adds in front of the fields: an unnamed index column (pandas'
 * to_csv, a row number) or a leftover column (a subject name kept from a report). Schools Online
 * reads the fields by position, so every field would be read one column to the left. Found from a
 * first row of field names whose first cell is none of them, or from records one field too long
 * whose values fit the fields far better without their first cell.
 */
import type { SaceFile } from './layouts.js';
import { typedFit } from './column-order.js';
import { isNamesRow, squash } from './names-row.js';

export interface Leading {
  /** What the first cell of the names row says, or '' for an unnamed column. */
  heading: string | null;
  /** The first values of the column, for the message. */
  values: string[];
}

const fits = (file: SaceFile, rows: readonly string[][]) => rows.length > 0 && rows.filter((r) => r.length >= file.minFields && r.length <= file.fields.length).length >= rows.length * 0.8;

/** The column added in front, or null. `rows`: the file's first rows, split. */
export function leadingColumn(file: SaceFile, rows: readonly string[][]): Leading | null {
  if (rows.length === 0) return null;
  const names = new Set(file.fields.map((f) => squash(f.name)));
  const named = isNamesRow(file, rows[0].slice(1)) && !names.has(squash(rows[0][0] ?? ''));
  const data = (named || isNamesRow(file, rows[0]) ? rows.slice(1) : rows).slice(0, 200);
  if (!named) {
    // Unnamed: the records fit the fields' count and values far better without their first cell.
    const shifted = data.map((r) => r.slice(1));
    if (data.length === 0 || !fits(file, shifted)) return null;
    const own = typedFit(file.fields, data) ?? 0;
    const without = typedFit(file.fields, shifted) ?? 0;
    if (without < 0.8 || without < own + 0.2) return null;
  }
  return { heading: named ? rows[0][0] : null, values: data.slice(0, 3).map((r) => r[0] ?? '') };
}

/** In a clerk's words: `column A ("Subject": Biology, Biology, ...)`. */
export function leadingText(lead: Leading): string {
  const kind = lead.heading === '' || (lead.heading === null && lead.values.every((v) => /^\d*$/.test(v))) ? 'an unnamed index column' : 'a column that is none of the fields';
  const head = lead.heading ? `headed "${lead.heading}"` : lead.heading === '' ? 'with no heading' : 'with no row of field names';
  return `Column A is ${kind} (${head}; values ${lead.values.map((v) => `"${v}"`).join(', ')}) in front of the fields: Schools Online would read every field from the column to its left`;
}
