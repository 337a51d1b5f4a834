/**
 * Samples of the CSV-based formats with line breaks inside quoted values, as Excel writes a cell's
 * Alt+Enter: LF in one record, CR LF in another, in files of either line ending. Each keeps its
 * sample's name (so it is detected as that format), in a temp folder of its own.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { joinRecord, splitRecord } from '../src/io/delimited.js';
import { ROOT, tempDir } from './helpers.js';

export const CSV_SAMPLES = ['sace/samples/StudImp.dat', 'target-tracker/samples/pupils.csv', 'gtid/samples/sample.txt', 'eis/samples/Enroll.asc'];

/** The sample's text with a break put inside field `field` of records 3 and 5 (LF, then CR LF). */
export function withQuotedBreaks(text: string, field = 4): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  [2, 4].forEach((at, k) => {
    if (at >= lines.length - 1) return;
    const fields = splitRecord(lines[at], ',').fields;
    if (fields.length <= field) return;
    const value = fields[field];
    const middle = Math.max(1, Math.floor(value.length / 2));
    fields[field] = `${value.slice(0, middle)}${k === 0 ? '\n' : '\r\n'}${value.slice(middle) || 'x'}`;
    lines[at] = joinRecord(fields, ',');
  });
  return lines.join(eol);
}

/** [label, path] of each CSV sample with quoted breaks. */
export function quotedBreakFiles(): Array<[string, string]> {
  const dir = tempDir();
  return CSV_SAMPLES.map((sample, i) => {
    const folder = join(dir, `breaks-${i}`);
    mkdirSync(folder);
    const path = join(folder, basename(sample));
    writeFileSync(path, withQuotedBreaks(readFileSync(join(ROOT, 'formats', sample), 'latin1')), 'latin1');
    return [`${basename(sample)} with line breaks in quoted values`, path] as [string, string];
  });
}
