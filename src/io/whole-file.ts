/**
 * A whole small file as lines (records, where a quoted value may hold line breaks), decoded as the line reader decided (UTF-8 or Windows-1252, BOM
 * dropped) and cut the same way, for formats that must see every record before judging one
 * (an XML document, the date format a file really uses).
 */
import { readFileSync } from 'node:fs';
import type { InputInfo } from './line-reader.js';
import { decodeCp1252 } from './cp1252.js';
import { cutRecords } from './quoted-records.js';

export function readAllLines(input: InputInfo): string[] {
  if (input.lines) return input.lines.slice();
  let text: string;
  try {
    const bytes = readFileSync(input.path);
    text = input.encoding === 'utf-8' ? bytes.toString('utf8') : decodeCp1252(bytes);
  } catch {
    return input.sample.slice(); // not on disk (a test's input): the sample is all there is
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Records over several lines stay whole, as the line reader cuts them (quoted-records.ts).
  if (input.quotedBreaks) return cutRecords(text, input.eol, input.quotedBreaks);
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}
