/**
 * A whole small file as lines (records, where a quoted value may hold line breaks), decoded as the line reader decided (UTF-8 or Windows-1252, BOM
 * dropped) and cut the same way, for formats that must see every record before judging one
 * (an XML document, the date format a file really uses).
 */
import { readFileSync } from 'node:fs';
import { lineTooLong, MAX_LINE, type InputInfo } from './line-reader.js';
import { decodeCp1252 } from './cp1252.js';
import { cutRecords } from './quoted-records.js';

export function readAllLines(input: InputInfo): string[] {
  if (input.lines) return input.lines.slice();
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.path);
  } catch {
    return input.sample.slice(); // not on disk (a test's input): the sample is all there is
  }
  refuseLongLine(input.path, bytes);
  let text = input.encoding === 'utf-8' ? bytes.toString('utf8') : decodeCp1252(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Records over several lines stay whole, as the line reader cuts them (quoted-records.ts).
  if (input.quotedBreaks) return cutRecords(text, input.eol, input.quotedBreaks);
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** The line reader's refusal of a line over MAX_LINE bytes, before a whole file is decoded and split. */
function refuseLongLine(path: string, bytes: Buffer): void {
  if (bytes.length <= MAX_LINE) return;
  const breakByte = bytes.includes(0x0a) ? 0x0a : 0x0d; // a file with no LF ends its lines in CR
  for (let start = 0, line = 1; start < bytes.length; line++) {
    const cut = bytes.indexOf(breakByte, start);
    const end = cut < 0 ? bytes.length : cut;
    if (end - start > MAX_LINE) throw lineTooLong(path, line);
    start = end + 1;
  }
}
