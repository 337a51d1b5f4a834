/**
 * Records that span lines (RFC 4180): a quoted field may hold line breaks, LF or CR LF (what Excel
 * writes for Alt+Enter in a cell), and is still one field of one record. The readers (line-reader,
 * line-store, whole-file) ask here whether a line that ends inside a quoted field goes on over the
 * next lines, so that they all cut a file into the same records.
 *
 * A quote opens a quoted field only at the start of a field (a quote inside a plain value is a
 * character, as csv-parse's relaxed reading has it). The record goes on only while that field is
 * open; it ends at the first line where it has closed cleanly. A first line whose quote never
 * closes well (text after a closing quote, the end of the file, or more than MAX_SPAN lines) is
 * a record alone, as it always was: a stray quote never swallows the rest of the file.
 */

/** How a scan of a record's text left it. */
export const FIELD_START = 0;
const PLAIN = 1;
export const QUOTED = 2;
const AFTER_CLOSE = 3;
/** Text after a closing quote: the record is not well quoted, so it is not joined over lines. */
export const BAD = 4;

/** Line breaks a record may take inside its quoted fields: more than this is a quote that never closes. */
export const MAX_SPAN = 64;

/** The state after `text[from, to)`, started in `state` (FIELD_START at the start of a record). */
export function scanQuotes(text: string, from: number, to: number, delimiter: string, state: number): number {
  const delim = delimiter.charCodeAt(0);
  let at = from;
  while (at < to) {
    switch (state) {
      case FIELD_START: {
        const c = text.charCodeAt(at++);
        state = c === 34 ? QUOTED : c === delim ? FIELD_START : PLAIN;
        break;
      }
      case PLAIN: {
        const next = text.indexOf(delimiter, at);
        if (next < 0 || next >= to) return PLAIN;
        at = next + 1;
        state = FIELD_START;
        break;
      }
      case QUOTED: {
        const close = text.indexOf('"', at);
        if (close < 0 || close >= to) return QUOTED;
        at = close + 1;
        state = AFTER_CLOSE;
        break;
      }
      case AFTER_CLOSE: {
        const c = text.charCodeAt(at++);
        if (c === 34) state = QUOTED;
        else if (c === delim) state = FIELD_START;
        else return BAD;
        break;
      }
      default:
        return BAD;
    }
  }
  return state;
}

/** Whether a line, read as the start of a record, ends inside a quoted field. */
export function opensQuote(line: string, delimiter: string): boolean {
  return line.includes('"') && scanQuotes(line, 0, line.length, delimiter, FIELD_START) === QUOTED;
}

/**
 * How many lines the record whose first line ends inside a quoted field covers (1: that line is a
 * record alone), given `next(k)`, the k-th line after it: undefined past the last line of the
 * input, null when it has not been read yet (then the answer is null too: read on and ask again).
 */
export function quotedSpan(next: (k: number) => string | undefined | null, delimiter: string): number | null {
  let state = QUOTED;
  for (let k = 1; k <= MAX_SPAN; k++) {
    const line = next(k);
    if (line === null) return null;
    if (line === undefined) return 1;
    state = line.includes('"') ? scanQuotes(line, 0, line.length, delimiter, state) : state;
    if (state === BAD) return 1;
    if (state !== QUOTED) return k + 1;
  }
  return 1;
}

/** How many physical lines a record's text covers (its line breaks inside quotes, plus one). */
export function linesIn(text: string, eol: string): number {
  const on = eol === '\r' ? '\r' : '\n';
  let n = 1;
  for (let at = text.indexOf(on); at >= 0; at = text.indexOf(on, at + 1)) n++;
  return n;
}

/** The records of a text, cut as the line reader cuts a file (every CR before an LF is line ending). */
export function cutRecords(text: string, eol: string, delimiter: string | undefined): string[] {
  const on = eol === '\r' ? '\r' : '\n';
  const lines = text.split(on);
  if (on === '\n') for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(/\r+$/, '');
  if (lines.at(-1) === '') lines.pop(); // after the last line break (or an empty text): no record
  if (!delimiter) return lines;
  // The line breaks inside a record are kept as they were.
  const ends = text.split(on).map((l, i, all) => (i === all.length - 1 ? '' : (/\r*$/.exec(l)![0] + on)));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const span = opensQuote(lines[i], delimiter) ? quotedSpan((k) => lines[i + k], delimiter)! : 1;
    let record = lines[i];
    for (let k = 1; k < span; k++) record += ends[i + k - 1] + lines[i + k];
    out.push(record);
    i += span - 1;
  }
  return out;
}
