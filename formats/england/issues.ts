/** Issue types of England's identifiers, shared by Target Tracker and CTF. Codes are a public contract. */
import type { IssueType } from '../../src/core/issue-type.js';

export const ENGLAND_ID_ISSUES: readonly IssueType[] = [
  {
    code: 'upn/format', severity: 'error', title: 'A UPN that is not 13 capital letters and digits',
    description: 'A Unique Pupil Number is a check letter, 11 digits and a final digit or letter (temporary UPNs); I, O and S are never used. Each message names the census rule that failed: 1540 characters 5–12 not all digits (a space or hyphen among them), 1550 character 13 not a digit or allowed letter.',
    fix: 'A UPN in lower case is put in capitals; otherwise copy it again from the MIS.',
  },
  {
    code: 'upn/check-letter', severity: 'error', title: 'A UPN whose check letter does not match its digits',
    description: 'The first letter is computed from the other twelve characters (census error 1510): a mismatch means a typing mistake somewhere in the UPN.',
    fix: 'Copy the UPN again from the pupil record or the previous school\'s CTF.',
  },
  {
    code: 'upn/la-code', severity: 'error', title: 'A UPN whose characters 2–4 are not a recognised LA code',
    description: 'Characters 2–4 of a UPN are the code of the local authority that issued it; the census validators refuse a code not on their list (rule 1530). The list is in formats/england/la-codes.ts.',
    fix: 'Copy the UPN again from the MIS. If the LA code is new (LAs merge and get new codes), add it with the upnLaCodes setting or --la-codes 942.',
  },
  {
    code: 'uln/check-digit', severity: 'error', title: 'A ULN whose check digit is wrong',
    description: 'A Unique Learner Number is 10 digits, the last computed from the others.',
    fix: 'Copy the ULN again from the Learning Records Service.',
  },
];
