/**
 * Legal Last Name cleansing, as seed 003's business rules say, in their order:
 *  1. a standard suffix (Jr, Sr, I, II, III, IV, V, VI; any case) preceded by a delimiter (a
 *     space or special character) and ending the word is moved to Legal Name Suffix, with its
 *     period: "Smith, Jr. (Jones)" → "Smith" + "Jr.";
 *  2. parentheses are removed with the text between them;
 *  3. special characters other than hyphen and single quote are removed.
 * Where the seed is silent or garbled (formats/gtid/README.md): spaces are kept ("De La Cruz"),
 * letters with accents are kept, curly apostrophes become straight ones, and the apostrophe is
 * never a delimiter, so "O'Ivy" is not split. The steps repeat until nothing changes, so that
 * cleansing a cleansed name changes nothing ("Smith, J.r." becomes "Smith Jr", then "Smith").
 */
import type { Confidence } from '../../src/core/issue.js';

export type CleanseStep = 'suffix' | 'parentheses' | 'characters';

export interface CleansedName {
  last: string;
  /** The suffix to store, or the current suffix when none was found. */
  suffix: string;
  steps: CleanseStep[];
  confidence: Confidence;
  notes: string[];
}

const WORD = "\\p{L}\\p{M}\\p{N}'";
const SUFFIX = new RegExp(`(?<=[^${WORD}])(jr|sr|iii|ii|iv|vi|v|i)(\\.?)(?=$|[^${WORD}])`, 'giu');
const HAS_SUFFIX = new RegExp(SUFFIX.source, 'iu');
const CLEAN = /^[A-Za-z]+(?:[' -][A-Za-z]+)*$/;
const SPECIAL = /[^\p{L}\p{M}' -]/gu;
const LETTER = /\p{L}/u;

const bare = (s: string) => s.replace(/\./g, '').toUpperCase();

/** True when the name needs no cleansing; the fast path for a million clean records. */
export function isCleanLastName(value: string): boolean {
  if (!CLEAN.test(value)) return false;
  if (!value.includes(' ') && !value.includes('-')) return true;
  return !HAS_SUFFIX.test(value);
}

function pass(value: string, result: CleansedName): string {
  let v = value.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
  if (v !== value) result.steps.push('characters');
  const found = [...v.matchAll(SUFFIX)].filter((m) => LETTER.test(v.slice(0, m.index)));
  if (found.length > 0) {
    const suffix = found[0][1] + found[0][2];
    for (const m of found.reverse()) v = v.slice(0, m.index) + v.slice(m.index! + m[0].length);
    result.steps.push('suffix');
    if (found.length > 1) result.notes.push('more than one suffix; the first was kept');
    if (result.suffix.trim() === '') {
      result.suffix = suffix;
    } else if (bare(result.suffix) !== bare(suffix)) {
      result.notes.push(`Legal Name Suffix already says "${result.suffix}"; kept`);
    } // else the suffix field already says the same: keep its spelling

    if (/^[iv]$/i.test(found[0][1])) result.notes.push(`"${suffix}" may be an initial rather than a suffix`);
  }
  const parens = v.replace(/\([^()]*\)/g, ' ');
  if (parens !== v) result.steps.push('parentheses');
  v = parens;
  if (v.includes('(')) {
    v = v.slice(0, v.indexOf('('));
    result.steps.push('parentheses');
    result.notes.push('a parenthesis never closes; the text after it was removed');
  }
  const removed = v.match(SPECIAL) ?? [];
  if (removed.length > 0) {
    result.steps.push('characters');
    if (removed.some((c) => /\d/.test(c))) result.notes.push('digits were removed');
    v = v.replace(SPECIAL, ' ');
  }
  return v.replace(/ {2,}/g, ' ').replace(/^[\s'-]+|[\s-]+$/g, '');
}

export function cleanseLastName(value: string, currentSuffix: string): CleansedName {
  const result: CleansedName = { last: value, suffix: currentSuffix, steps: [], confidence: 'safe', notes: [] };
  let v = value;
  for (let i = 0; i < 4; i++) {
    const next = pass(v, result);
    if (next === v) break;
    v = next;
  }
  result.last = v;
  result.steps = [...new Set(result.steps)];
  if (result.notes.length > 0 || v === '') result.confidence = 'review';
  return result;
}
