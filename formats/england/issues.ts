/** Issue types of England's identifiers, shared by Target Tracker and CTF. Codes are a public contract. */
import type { IssueType } from '../../src/core/issue-type.js';

export const ENGLAND_ID_ISSUES: readonly IssueType[] = [
  {
    code: 'upn/format', severity: 'error', title: 'A UPN that is not 13 capital letters and digits',
    description: 'A Unique Pupil Number is a check letter, 11 digits and a final digit or letter (temporary UPNs); I, O and S are never used. Census error 1540 is the digits part.',
    fix: 'A UPN in lower case is put in capitals; otherwise copy it again from the MIS.',
  },
  {
    code: 'upn/check-letter', severity: 'error', title: 'A UPN whose check letter does not match its digits',
    description: 'The first letter is computed from the other twelve characters (census error 1510): a mismatch means a typing mistake somewhere in the UPN.',
    fix: 'Copy the UPN again from the pupil record or the previous school\'s CTF.',
  },
  {
    code: 'uln/check-digit', severity: 'error', title: 'A ULN whose check digit is wrong',
    description: 'A Unique Learner Number is 10 digits, the last computed from the others.',
    fix: 'Copy the ULN again from the Learning Records Service.',
  },
];
