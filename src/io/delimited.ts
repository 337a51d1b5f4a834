/**
 * Splitting one delimited record into fields. Most lines have no quote at all and are split with
 * String#split, which is several times faster than any CSV parser (DESIGN.md section 8); only a
 * line that contains a quote goes to csv-parse. A quoted field may hold commas, doubled quotes and
 * line breaks (RFC 4180): the readers give such a record whole, over its lines
 * (quoted-records.ts), and it is split here as one. A quote that never closes is an error in
 * that record.
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
  const fast = splitWellQuoted(line, delimiter);
  if (fast) return { fields: fast };
  try {
    const rows = parse(line, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return { fields: rows[0] ?? [''] };
  } catch (error) {
    return { fields: line.split(delimiter), quoteError: (error as Error).message.replace(/^Invalid Record Length.*$/, 'quote never closes') };
  }
}

/**
 * The common quoted line (every field either plain or wholly quoted, `""` and line breaks inside)
 * split in one pass: csv-parse costs a parser and buffers per call, which dominated files of 150k
 * quoted lines. Anything else (a stray quote, text after a closing quote, one never closed, a
 * CR or LF outside quotes) returns undefined and goes to csv-parse, so its messages and relaxed
 * rules stay the only ones.
 */
export function splitWellQuoted(line: string, delimiter: string): string[] | undefined {
  if (delimiter.length !== 1) return undefined;
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      const quoted = readQuoted(line, at);
      if (!quoted.closed) return undefined;
      const value = quoted.value;
      at = quoted.end;
      fields.push(value);
      if (at === line.length) return fields;
      if (line[at] !== delimiter) return undefined;
      at += 1;
    } else {
      const end = line.indexOf(delimiter, at);
      const value = end < 0 ? line.slice(at) : line.slice(at, end);
      if (value.includes('"') || value.includes('\n') || value.includes('\r')) return undefined;
      fields.push(value);
      if (end < 0) return fields;
      at = end + 1;
    }
  }
}

/**
 * The value of the quoted field opening at `open` (`""` inside is one quote) and where it ends,
 * just after its closing quote. Never closed: what follows the quote, to the end of the line.
 */
export function readQuoted(line: string, open: number): { value: string; end: number; closed: boolean } {
  let value = '';
  let from = open + 1;
  for (;;) {
    const close = line.indexOf('"', from);
    if (close < 0) return { value: value + line.slice(from), end: line.length, closed: false };
    value += line.slice(from, close);
    if (line[close + 1] !== '"') return { value, end: close + 1, closed: true };
    value += '"';
    from = close + 2;
  }
}

/** Joins fields back into a record, quoting only a field that needs it (as Excel does). */
export function joinRecord(fields: readonly string[], delimiter: string): string {
  return fields
    .map((f) => (f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r') ? `"${f.replace(/"/g, '""')}"` : f))
    .join(delimiter);
}
