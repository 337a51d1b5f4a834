/**
 * Checks both kinds of EIS file share. EIS files are plain ASCII with no double quotes (seed 004). Names in Manitoba are often French
 * (Bélanger, Côté): an accented letter is transliterated to its base letter, as a `review`
 * repair that shows both spellings, because the name is a legal name and the clerk decides.
 */
import type { FieldSpec } from '../../src/core/field-spec.js';
import { issueAt, type Issue } from '../../src/core/issue.js';

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

/** Letters NFD does not split into a base letter and a mark, and typographic punctuation. */
const SPELLED: Readonly<Record<string, string>> = {
  'Æ': 'AE', 'æ': 'ae', 'Œ': 'OE', 'œ': 'oe', 'ß': 'ss', 'Ø': 'O', 'ø': 'o', 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd',
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u201c': "'", '\u201d': "'", '\u2013': '-', '\u2014': '-', '\u00a0': ' ',
};

export function isAscii(value: string): boolean {
  return !NON_ASCII.test(value);
}

/** The value in ASCII, or null when some character has no ASCII spelling. */
function transliterate(value: string): string | null {
  const out = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(NON_ASCII_ALL, (c) => SPELLED[c] ?? c);
  return isAscii(out) ? out : null;
}

/** Both spellings of the words that differ ("CÔTÉ → COTE"), not the whole of a long value. */
function changedWords(before: string, after: string): string {
  const a = before.split(/\s+/);
  const b = after.split(/\s+/);
  const pairs = a.length === b.length ? a.map((w, i) => [w, b[i]]).filter(([x, y]) => x !== y) : [[before.trim(), after.trim()]];
  return pairs.map(([x, y]) => `${x} → ${y}`).join(', ');
}

export function nonAsciiIssue(spec: FieldSpec, value: string, line: number): Issue {
  const ascii = transliterate(value);
  const chars = [...new Set(value.match(NON_ASCII_ALL) ?? [])].join(' ');
  const fits = ascii !== null && ascii.length <= spec.maxLength;
  return {
    code: 'eis/non-ascii', severity: 'reject', scope: 'field', line, field: spec.name,
    message: `${spec.name} has characters that are not plain ASCII (${chars}); EIS files must be ASCII`,
    repair: fits ? { confidence: 'review', reason: `${changedWords(value, ascii)} (a legal name: check it)`, values: { [spec.name]: ascii } } : null,
  };
}

export function doubleQuoteIssue(spec: FieldSpec, value: string, line: number): Issue {
  const replaced = value.replace(/"/g, "'");
  return {
    code: 'eis/double-quote', severity: 'reject', scope: 'field', line, field: spec.name,
    message: `${spec.name} holds a double quote ("), which EIS does not allow inside a value`,
    repair: { confidence: 'review', reason: 'double quotes replaced by apostrophes', values: { [spec.name]: replaced } },
  };
}

/** A MET number is checked only when present (seed 004: "*"); nine digits is our reading, so a warning. */
export function metNumberIssue(field: string, value: string, line: number): Issue | null {
  const met = value.trim();
  return met && !/^\d{9}$/.test(met) ? issueAt('eis/met-number', 'warning', line, field, `${field} "${met}" is not 9 digits`) : null;
}
