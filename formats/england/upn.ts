/**
 * England's pupil identifiers, written once for Target Tracker and the Common Transfer File
 * (facts in seeds/ctf-reference.md): the Unique Pupil Number checked rule by rule as the census
 * validators do (1510 check letter, 1530 LA code, 1540 characters 5–12, 1550 character 13), and
 * the Unique Learner Number with its check digit.
 */
import { issueAt, type Issue } from '../../src/core/issue.js';
import { LA_CODES } from './la-codes.js';

const LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'; // 23 letters: no I, O or S
const SHAPE = /^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$/;

/** The check letter of characters 2–13 of a UPN (weights 2..13, sum mod 23), or null for a bad shape. */
export function upnCheckLetter(upn: string): string | null {
  if (!SHAPE.test(upn)) return null;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const c = upn[i];
    const value = i === 12 && /[A-Z]/.test(c) ? LETTERS.indexOf(c) : Number(c);
    sum += value * (i + 1);
  }
  return LETTERS[sum % 23];
}

/** A character as a clerk reads it in a message: "a space", "a hyphen", "the letter O". */
function what(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '-') return 'a hyphen';
  if (/[A-Za-z]/.test(c)) return `the letter ${c}`;
  return /[\x21-\x7e]/.test(c) ? `"${c}"` : `the character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The rules of characters 2–13 a 13-character UPN breaks, each as "rule NNNN: why". */
function shapeRules(value: string, las: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const la = value.slice(1, 4);
  if (!las.has(la)) out.push(`rule 1530: characters 2–4 "${la}" are ${/^\d{3}$/.test(la) ? 'not a recognised LA code' : 'not an LA code (3 digits)'}`);
  const middle = [...value.slice(4, 12)].map((c, i) => [c, i + 5] as const).filter(([c]) => !/\d/.test(c));
  if (middle.length) out.push(`rule 1540: characters 5–12 must be digits; character ${middle[0][1]} is ${what(middle[0][0])}${middle.length > 1 ? ` (and ${middle.length - 1} more)` : ''}`);
  const last = value[12];
  if (!/[0-9A-HJ-NP-RT-Z]/.test(last)) out.push(`rule 1550: character 13 is ${what(last)}, not a digit or a capital letter other than I, O and S`);
  return out;
}

/**
 * What is wrong with a UPN, each census rule it breaks named in the message, or null. The code
 * is upn/format for its shape (length, first character, 1540, 1550), upn/check-letter for 1510,
 * upn/la-code for 1530 alone. A blank UPN is the caller's business (required in CTF, optional in
 * Target Tracker). `las`: the recognised LA codes (la-codes.ts, with the clerk's own).
 */
export function upnIssue(value: string, line: number, field = 'UPN', las: ReadonlySet<string> = LA_CODES): Issue | null {
  if (value === '') return null;
  const upper = value.trim().toUpperCase();
  if (upper !== value && SHAPE.test(upper) && upnCheckLetter(upper) === upper[0] && las.has(upper.slice(1, 4))) {
    return issueAt('upn/format', 'error', line, field, `${field} "${value}" must be 13 capital letters and digits`, { confidence: 'safe', reason: upper === value.trim() ? 'spaces around it removed' : 'written in capitals', values: { [field]: upper } });
  }
  if ([...value].length !== 13) return issueAt('upn/format', 'error', line, field, `${field} "${value}" is ${[...value].length} characters, not 13 (a UPN is a check letter and 12 characters)`);
  const rules = shapeRules(value, las);
  const first = value[0];
  const firstBad = !/[A-HJ-NP-RT-Z]/.test(first);
  if (firstBad) rules.unshift(`rule 1510: character 1 is ${what(first)}, not a check letter (a capital letter other than I, O and S)`);
  const letter = upnCheckLetter(value);
  if (letter && letter !== first) rules.push(`rule 1510: the check letter is ${first}; the other twelve characters give ${letter}: a typing mistake somewhere in it`);
  if (rules.length === 0) return null;
  const shape = firstBad || rules.some((r) => /^rule 15[45]0/.test(r));
  const code = shape ? 'upn/format' : rules.some((r) => r.startsWith('rule 1510')) ? 'upn/check-letter' : 'upn/la-code';
  return issueAt(code, 'error', line, field, `${field} "${value}" fails census ${rules.join('; ')}`);
}

/** The ULN's check digit: weights 10..2 on digits 1–9, 10 − (sum mod 11); remainder 0 is never issued. */
export function ulnIssue(value: string, line: number, field = 'UniqueLearnerNumber'): Issue | null {
  if (value === '') return null;
  if (!/^\d{10}$/.test(value)) return issueAt('uln/check-digit', 'error', line, field, `${field} "${value}" must be 10 digits`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (10 - i);
  const remainder = sum % 11;
  if (remainder === 0 || 10 - remainder !== Number(value[9])) return issueAt('uln/check-digit', 'error', line, field, `${field} "${value}" fails its check digit: a typing mistake somewhere in it`);
  return null;
}
