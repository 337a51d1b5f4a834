/**
 * GTID issue types. The six `reject` codes are seed 003's whole-file rejection reasons, in its
 * order; their codes are fixed by the issue that asked for them and are a public contract.
 */
import type { IssueType } from '../../src/core/issue-type.js';

export const GTID_ISSUES: readonly IssueType[] = [
  {
    code: 'gtid/missing-record-type', severity: 'reject', title: 'A record type is missing (rejection reason 1)',
    description: "Every file needs a TH header as its first record, at least one ID detail record, and a TT trailer as its last record.",
    fix: 'A missing trailer is added by `rollfix fix --auto` (it counts the records and copies the Transmission ID). A missing header must be re-exported or typed.',
  },
  {
    code: 'gtid/missing-fields', severity: 'reject', title: 'A record has fields missing (rejection reason 2)',
    description: 'The header has 6 fields, each detail record 16 and the trailer 3. One short record rejects the whole file. Often the header declares one delimiter and the records use the other.',
    fix: 'Add the missing fields (empty ones still need their delimiter), or make the header\'s Delimiter match the records.',
  },
  {
    code: 'gtid/trailer-count', severity: 'reject', title: 'The trailer\'s Number of Records is wrong (rejection reason 3)',
    description: "The trailer's Number of Records must equal the number of records in the file, header and trailer included, written as plain digits without spaces.",
    fix: '`rollfix fix --auto` recomputes it. If records were lost in a transfer, export the file again instead.',
  },
  {
    code: 'gtid/transmission-id-mismatch', severity: 'reject', title: 'Header and trailer Transmission IDs differ (rejection reason 4)',
    description: 'The Transmission ID in the trailer must match the one in the header.',
    fix: "`rollfix fix --auto` copies the header's Transmission ID into the trailer.",
  },
  {
    code: 'gtid/too-many-errors', severity: 'reject', title: 'Too many records in error (rejection reason 5)',
    description: 'The receiving system rejects a file whose detail records in error exceed its maximum. rollfix assumes 1,000 unless you set another limit (--max-errors, or the max-errors setting).',
    fix: 'Fix records until the count is under the limit; `rollfix fix --auto` fixes the safe ones.',
  },
  {
    code: 'gtid/too-many-records', severity: 'reject', title: 'Too many records in the file (rejection reason 6)',
    description: 'The receiving system rejects a file with more records than its maximum. rollfix assumes 1,000,000 unless you set another limit (--max-records, or the max-records setting).',
    fix: 'Split the students into several batch files, each with its own header and trailer.',
  },
  {
    code: 'gtid/misplaced-record', severity: 'error', title: 'A header or trailer in the middle of the file',
    description: 'TH must be the first record and TT the last; another TH or TT between detail records is read as a bad record.',
    fix: 'Delete it (files joined together often carry the second file\'s header and trailer).',
  },
  {
    code: 'gtid/unknown-record-type', severity: 'error', title: 'A record type other than TH, ID or TT',
    description: "Every record starts with its Record Type: 'TH', 'ID' or 'TT'.",
    fix: 'Correct the record type, or delete the line if it is not a student.',
  },
  {
    code: 'gtid/extra-fields', severity: 'error', title: 'A record has more fields than its layout',
    description: 'A detail record has 16 fields. Extra empty fields usually come from a spreadsheet; extra values usually from an unquoted comma in a name.',
    fix: 'Empty extra fields are removed by `rollfix fix --auto`; otherwise quote or remove the stray delimiter.',
  },
  {
    code: 'gtid/last-name-suffix', severity: 'error', title: 'A suffix inside Legal Last Name',
    description: 'Suffixes (Jr, Sr, I, II, III, IV, V, VI) must be parsed out of the last name into Legal Name Suffix.',
    fix: 'Accept the repair: "Smith, Jr. (Jones)" becomes last name "Smith" and suffix "Jr.". A lone I or V is confirmed by a person (it may be an initial).',
  },
  {
    code: 'gtid/last-name-parentheses', severity: 'error', title: 'Parentheses in Legal Last Name',
    description: 'Parentheses and the text between them must be removed from the last name.',
    fix: 'Accept the repair: "Smith (Jones)" becomes "Smith".',
  },
  {
    code: 'gtid/last-name-characters', severity: 'error', title: 'Special characters in Legal Last Name',
    description: 'Every special character other than hyphen and single quote must be removed from the last name.',
    fix: 'Accept the repair; removing digits is confirmed by a person.',
  },
  {
    code: 'gtid/district-not-current', severity: 'error', title: 'Current District Code is not your current location',
    description: 'The district must be the one the submitting user has set as current location (--district, or the district setting).',
    fix: 'Move the student to a file for their district, or correct the code.',
  },
  {
    code: 'gtid/school-unknown', severity: 'error', title: 'Current School Code is not in the school directory',
    description: 'The school code is not listed in the school directory file (--schools, or the schools setting).',
    fix: 'Correct the school code, or update the directory file.',
  },
  {
    code: 'gtid/school-not-in-district', severity: 'error', title: 'The school is not in the current district',
    description: 'The school must be located in the district the submitting user has set as current location.',
    fix: 'Correct the school or district code.',
  },
  {
    code: 'gtid/uk-age', severity: 'error', title: 'UK student old enough for kindergarten',
    description: 'Underage Kindergarten (UK) students must be born after September 1 of the school year\'s start, five years earlier (after 9/1/1999 for 2004-2005); older ones are funded kindergarten, KK.',
    fix: 'Accept KK, or correct the date of birth.',
  },
  {
    code: 'gtid/u1-age', severity: 'error', title: 'U1 student old enough for grade 1',
    description: 'Underage Grade 1 (U1) students must be born after September 1, six years before the school year starts (after 9/1/1998 for 2004-2005); older ones are grade 01.',
    fix: 'Accept 01, or correct the date of birth.',
  },
  {
    code: 'gtid/kk-underage', severity: 'warning', title: 'KK student younger than the kindergarten cut-off',
    description: 'A kindergarten student who was not five on September 1 is Underage Kindergarten (UK).',
    fix: 'Accept UK after checking the date of birth.',
  },
  {
    code: 'gtid/01-underage', severity: 'warning', title: 'Grade 01 student younger than the grade 1 cut-off',
    description: 'A first-grade student who was not six on September 1 is Underage Grade 1 (U1).',
    fix: 'Accept U1 after checking the date of birth.',
  },
  {
    code: 'gtid/ssn-migrant', severity: 'error', title: 'A migrant "800" number in the SSN field',
    description: 'Migrant IDs (800 numbers) must not be placed in the Social Security Number field.',
    fix: 'Clear the field (it is optional).',
  },
  {
    code: 'gtid/ssn-invalid', severity: 'error', title: 'Not a real Social Security Number',
    description: 'Real SSNs never have area 000, 666 or 900-999, group 00 or serial 0000.',
    fix: 'Correct it from the student information system, or clear the field (it is optional).',
  },
  {
    code: 'gtid/duplicate-record', severity: 'error', title: 'The same record twice',
    description: 'This line is identical to an earlier one.',
    fix: '`rollfix fix --auto` deletes the repeated copy.',
  },
  {
    code: 'gtid/duplicate-local-id', severity: 'error', title: 'Two students with the same Local Student ID',
    description: 'Local Student ID identifies one student in the local system; two different records share it.',
    fix: 'Check both records in the student information system and correct one.',
  },
  {
    code: 'gtid/duplicate-ssn', severity: 'error', title: 'Two students with the same SSN',
    description: 'Two different records carry the same Social Security Number.',
    fix: 'Check both records; correct or clear one SSN.',
  },
  {
    code: 'gtid/duplicate-gtid', severity: 'error', title: 'Two students with the same GTID',
    description: 'A GTID (state ID) belongs to one student; two different records carry it.',
    fix: 'Check both records; correct or clear one GTID.',
  },
  {
    code: 'gtid/line-break', severity: 'error', title: 'A line break inside a value',
    description: 'A quoted value may hold a line break (Alt+Enter in an Excel cell), and rollfix reads the record whole, as RFC 4180 has it. The batch file layout has one record per line (seed 003), so the state system would read the break as the end of the record: assumed, as the seed names no quoting at all.',
    fix: 'Accept the repair: each line break becomes one space.',
  },
];
