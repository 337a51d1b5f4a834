/**
 * Splitting one delimited record into fields. Most lines have no quote at all and are split with
 * String#split, which is several times faster than any CSV parser (DESIGN.md section 8); only a
 * line that contains a quote goes to csv-parse. Records never span lines in these formats, so a
 * quote that does not close by the end of the line is an error in that record.
 */
import { parse } from 'csv-parse/sync';

export interface SplitResult {
  fields: string[];
  /** Set when the line has a quote that never closes; `fields` is then a plain split. */
  quoteError?: string;
}

/** Splits a line that has no double quote: the hot path, with nothing allocated but the fields. */
export function splitPlain(line: string, delimiter: string): string[] {
  return line.split(delimiter);
}

/** `quoted`: whether the line has a double quote, when the caller already knows (see profileLine). */
export function splitRecord(line: string, delimiter: string, quoted = line.includes('"')): SplitResult {
  if (!quoted) return { fields: line.split(delimiter) };
  try {
    const rows = parse(line, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return { fields: rows[0] ?? [''] };
  } catch (error) {
    return { fields: line.split(delimiter), quoteError: (error as Error).message.replace(/^Invalid Record Length.*$/, 'quote never closes') };
  }
}

/** Joins fields back into a record, quoting only a field that needs it (as Excel does). */
export function joinRecord(fields: readonly string[], delimiter: string): string {
  return fields
    .map((f) => (f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r') ? `"${f.replace(/"/g, '""')}"` : f))
    .join(delimiter);
}
