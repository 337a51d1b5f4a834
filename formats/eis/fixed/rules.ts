/**
 * The checks of one fixed-length record: its type letter, plain ASCII and no double quotes in
 * every field, each known field's rule, and the header's own facts. The record's length is
 * checked on the raw line (lineIssues), since its fields are read trimmed.
 */
import { issueAt, type Issue } from '../../../src/core/issue.js';
import type { Encoding } from '../../../src/io/line-reader.js';
import { checkField } from '../../../src/core/record-check.js';
import { doubleQuoteIssue, isAscii, metNumberIssue, nonAsciiIssue } from '../ascii.js';
import type { EisFileType } from './file-types.js';
import type { FixedLayout } from './layouts.js';

function typeIssues(type: EisFileType, layout: FixedLayout, fields: readonly string[], line: number): Issue[] {
  const letter = fields[0] ?? '';
  if (layout.type === 'H' && line > 1) {
    return [{ code: 'eis/repeated-header', severity: 'reject', scope: 'record', line, field: null, message: 'A second header record: each file has one header, on its first line (two files joined together?)', repair: { confidence: 'review', reason: 'delete this header', action: 'delete-record' } }];
  }
  if (layout.kind !== 'other') return [];
  const allowed = ['H', ...type.types];
  const upper = letter.toUpperCase();
  const repair = allowed.includes(upper) && upper !== 'H' ? { confidence: 'safe' as const, reason: 'record type written in capitals', values: { 'Record Type': upper } } : null;
  return [issueAt('eis/record-type', 'reject', line, 'Record Type', `Record type "${letter}" is not one of the types a ${type.title.slice(4)} file holds (${allowed.join(', ')})`, repair)];
}

function headerIssues(type: EisFileType, layout: FixedLayout, fields: readonly string[], line: number): Issue[] {
  const out: Issue[] = [];
  const at = (name: string) => fields[layout.fields.findIndex((f) => f.name === name)] ?? '';
  const letter = at('File Type');
  if (type.letter && letter.trim() !== type.letter) {
    out.push(issueAt('eis/file-type', 'error', line, 'File Type', `File Type "${letter}" is not '${type.letter}', the letter of a ${type.title.slice(4)} file`, { confidence: 'review', reason: `File Type set to ${type.letter}`, values: { 'File Type': type.letter } }));
  }
  if (at('Filler').trim() !== '') {
    out.push(issueAt('eis/filler', 'warning', line, 'Filler', 'The header\'s filler (positions 24 to the end) is not blank', { confidence: 'review', reason: 'filler blanked', values: { Filler: '' } }));
  }
  return out;
}

export function checkFixedRecord(type: EisFileType, layout: FixedLayout, fields: readonly string[], line: number): Issue[] {
  const issues = typeIssues(type, layout, fields, line);
  if (issues.length > 0 && issues[0].code === 'eis/repeated-header') return issues;
  layout.fields.forEach((spec, i) => {
    if (i === 0 && layout.kind === 'other') return;
    const value = (fields[i] ?? '').trim();
    if (!isAscii(value)) return void issues.push(nonAsciiIssue(spec, value, line));
    if (value.includes('"')) return void issues.push(doubleQuoteIssue(spec, value, line));
    const found = checkField(spec, value, line, true);
    if (found && found.code !== 'field/whitespace') issues.push(found);
  });
  const met = layout.fields.findIndex((f) => f.name === 'MET Number');
  const metIssue = met >= 0 && isAscii(fields[met] ?? '') ? metNumberIssue('MET Number', fields[met] ?? '', line) : null;
  if (metIssue) issues.push(metIssue);
  if (layout.type === 'H') issues.push(...headerIssues(type, layout, fields, line));
  return issues;
}

/** Bytes of a line as the file stores it. */
export function byteLength(text: string, encoding: Encoding): number {
  return encoding === 'utf-8' ? Buffer.byteLength(text, 'utf8') : text.length;
}

/** A record longer or shorter than the file's record length: the whole file is refused. */
export function lengthIssue(layout: FixedLayout, text: string, line: number, encoding: Encoding): Issue | null {
  const bytes = byteLength(text, encoding);
  const want = layout.length;
  if (bytes === want) return null;
  const base = { code: 'eis/record-length', severity: 'reject' as const, scope: 'record' as const, line, field: null };
  const wide = bytes - text.length;
  if (text.length === want) {
    return { ...base, message: `The record is ${bytes} bytes, not ${want}: ${wide} more, from letters that take 2 or more bytes in UTF-8 (see the fields marked non-ASCII)`, repair: null };
  }
  if (bytes > want) {
    const spaces = text.slice(want).trim() === '';
    return { ...base, message: `The record is ${bytes} bytes, ${bytes - want} more than ${want}${spaces ? ' (trailing spaces)' : ''}`, repair: spaces ? { confidence: 'safe', reason: `remove the ${bytes - want} trailing spaces`, action: 'rewrite-record' } : null };
  }
  const missing = want - text.length;
  const last = layout.fields[layout.fields.length - 1];
  const inFiller = layout.fillerLast && text.length + 1 >= last.position!;
  return {
    ...base,
    message: `The record is ${bytes} bytes, ${missing} short of ${want}`,
    repair: inFiller
      ? { confidence: 'safe', reason: `pad the filler with ${missing} spaces`, action: 'rewrite-record' }
      : { confidence: 'review', reason: `pad with ${missing} spaces (positions ${text.length + 1}–${want} are missing: check nothing was cut off)`, action: 'rewrite-record' },
  };
}
