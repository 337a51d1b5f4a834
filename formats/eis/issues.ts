/**
 * EIS issue types (seed 004). The `reject` ones are the file-level rules the seed states
 * plainly: record length, CR LF, ASCII, no double quotes, one header. Codes are a public contract.
 */
import type { IssueType } from '../../src/core/issue-type.js';

const SHARED: readonly IssueType[] = [
  {
    code: 'eis/non-ascii', severity: 'reject', title: 'A character that is not plain ASCII',
    description: 'EIS files are plain ASCII. Accented letters (French names are common in Manitoba), curly quotes and dashes from word processors are refused; in UTF-8 they also make a fixed-length record longer than its length.',
    fix: 'rollfix proposes the name without accents (Bélanger → Belanger) for you to confirm: it is a legal name.',
  },
  {
    code: 'eis/double-quote', severity: 'reject', title: 'A double quote inside a value',
    description: 'Double quotes (") are not allowed in fixed-length EIS files, and in comma-delimited ones they only surround text fields.',
    fix: 'rollfix proposes an apostrophe instead; confirm it or retype the value.',
  },
  {
    code: 'eis/met-number', severity: 'warning', title: 'A MET Number that is not 9 digits',
    description: 'MET numbers are validated only when present. rollfix assumes nine digits (positions 6–14 of the fixed-length records); the seed does not say it in words, so this is a warning.',
    fix: 'Correct the number from the MET file, or leave it blank for a student who has none.',
  },
];

export const EIS_FIXED_ISSUES: readonly IssueType[] = [
  {
    code: 'eis/record-length', severity: 'reject', title: 'A record is not the file\'s record length',
    description: 'Every record of a fixed-length EIS file is exactly 200 bytes (250 for Student Demographics and Student Enrolment); one record of another length refuses the whole file.',
    fix: 'Trailing spaces are removed and a short header is padded by `rollfix fix --auto`; a record cut short inside its data is padded only when you accept it, after checking nothing is missing.',
  },
  {
    code: 'eis/missing-header', severity: 'reject', title: 'The file has no header record',
    description: 'Each EIS file starts with one header record (type H): file type, reporting date, division number, academic year, EIS version.',
    fix: 'Export the file again from the school system; the header cannot be guessed.',
  },
  {
    code: 'eis/repeated-header', severity: 'reject', title: 'A second header record',
    description: 'A file has exactly one header, on its first line. A second one usually means two files were joined.',
    fix: 'Delete the extra header (confirm it first: the records after it may belong to another file).',
  },
  {
    code: 'eis/record-type', severity: 'reject', title: 'A record type the file does not hold',
    description: 'Each file holds only its own record types (Enrolment: H, S, D; Course Registration, Marks, Activities, BEF K-8 Classroom: H, I, D; MET and Missing MET: H, I).',
    fix: 'A type letter in lower case is put in capitals; otherwise correct the letter or delete the record.',
  },
  {
    code: 'eis/line-endings', severity: 'reject', title: 'Records not separated by CR LF',
    description: 'Files contain no delimiters other than a carriage return and line feed between records; a file saved with bare LF line endings is refused.',
    fix: 'rollfix always writes EIS files with CR LF (`rollfix fix --auto`, or w in the workstation).',
  },
  ...SHARED,
  {
    code: 'eis/file-type', severity: 'error', title: 'The header\'s File Type does not match the file',
    description: "Position 2 of the header says which file this is ('C' BEF K-8 Classroom, 'R' Course Registration).",
    fix: 'Set the letter of the file you are sending.',
  },
  {
    code: 'eis/filler', severity: 'warning', title: 'The header\'s filler is not blank',
    description: 'Positions 24 to the end of the header are filler and should be spaces.',
    fix: 'Blank it, once you have checked nothing there matters.',
  },
  {
    code: 'eis/division-mismatch', severity: 'warning', title: 'The file name and the header disagree on the number',
    description: 'The default name is xxxx + a suffix + .asc, where xxxx is the school or division number; it usually equals the header\'s Division Number.',
    fix: 'Rename the file, or correct the Division Number, whichever is wrong.',
  },
];

export const EIS_DELIMITED_ISSUES: readonly IssueType[] = [
  ...SHARED.filter((t) => t.code !== 'eis/non-ascii'),
  {
    code: 'eis/field-count', severity: 'error', title: 'A record has fewer fields than its layout',
    description: 'Each comma-delimited layout has a fixed list of fields, then any custom fields at the end; a record with fewer fields is read into the wrong columns.',
    fix: 'Add the missing fields (empty ones still need their comma), or export the file again.',
  },
  {
    code: 'eis/quoting', severity: 'warning', title: 'A field is quoted the wrong way',
    description: 'Text fields are in double quotes and dates are not (seed 004: "Dates do not have quotes").',
    fix: '`rollfix fix --auto` writes the record again with the quoting EIS Collection writes.',
  },
  {
    code: 'eis/line-break', severity: 'error', title: 'A line break inside a value',
    description: 'A quoted value may hold a line break (Alt+Enter in an Excel cell), and rollfix reads the record whole, as RFC 4180 has it. EIS files hold no delimiters other than a carriage return and line feed between the records (seed 004), so a break inside a value ends the record there.',
    fix: 'Accept the repair: each line break becomes one space.',
  },
];
