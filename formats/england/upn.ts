/**
 * England's pupil identifiers, written once for Target Tracker and the Common Transfer File
 * (facts in seeds/ctf-reference.md): the Unique Pupil Number with its check letter, and the
 * Unique Learner Number with its check digit.
 */
import { issueAt, type Issue } from '../../src/core/issue.js';

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


/**
 * What is wrong with a UPN, in the census's own terms (1510 wrong check letter, 1530/1540 shape),
 * or null. A blank UPN is the caller's business (required in CTF, optional in Target Tracker).
 */
export function upnIssue(value: string, line: number, field = 'UPN'): Issue | null {
  if (value === '') return null;
  const upper = value.trim().toUpperCase();
  if (upper !== value && SHAPE.test(upper) && upnCheckLetter(upper) === upper[0]) {
    return issueAt('upn/format', 'error', line, field, `${field} "${value}" must be 13 capital letters and digits`, { confidence: 'safe', reason: 'written in capitals', values: { [field]: upper } });
  }
  if (!SHAPE.test(value)) {
    const why = value.length !== 13 ? `is ${value.length} characters, not 13` : !/^\d{11}$/.test(value.slice(1, 12)) ? 'has a letter among characters 2–12, which must be digits (census error 1540)' : 'starts or ends with a character a UPN never has (I, O and S are never used)';
    return issueAt('upn/format', 'error', line, field, `${field} "${value}" ${why}`);
  }
  const letter = upnCheckLetter(value)!;
  if (letter !== value[0]) return issueAt('upn/check-letter', 'error', line, field, `${field} "${value}" has the check letter ${value[0]}; its digits give ${letter} (census error 1510): a typing mistake somewhere in it`);
  return null;
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
