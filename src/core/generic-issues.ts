/**
 * Issue types every format shares. Their codes are a public contract (`check --json`, scripts,
 * `rollfix explain`): extend this list, never rename or repurpose an entry.
 */
import type { IssueType } from './issue-type.js';

export const GENERIC_ISSUES: readonly IssueType[] = [
  {
    code: 'field/required', severity: 'error', title: 'A required field is empty',
    description: 'The specification marks this field required; the receiving system flags the record.',
    fix: 'Type the value from the student information system. rollfix cannot guess it.',
  },
  {
    code: 'field/too-long', severity: 'error', title: 'A value is longer than the field allows',
    description: 'Each field has a maximum length (VarChar2(n) counts bytes, so accented letters count twice in UTF-8).',
    fix: 'Shorten the value. Surrounding spaces are removed for you; anything else needs a person.',
  },
  {
    code: 'field/code', severity: 'error', title: 'A value is not in the code list',
    description: 'Coded fields (gender, grade level, race/ethnicity, ...) accept only the listed codes, in capitals.',
    fix: 'Common spellings ("Male", "k", "Grade 3", "White") are mapped to their code automatically.',
  },
  {
    code: 'field/date', severity: 'error', title: 'A date has the wrong layout or does not exist',
    description: "Dates must have the layout the specification gives (e.g. 'mm/dd/yyyy') and be real dates.",
    fix: 'Dates written another way are rewritten; when day and month could be either way round, confirm the proposal.',
  },
  {
    code: 'field/format', severity: 'error', title: 'A value does not have the required format',
    description: "The field must match a format: digits only, 9 digits for a national ID, 'hh:mm:ss', 'yyyy', ...",
    fix: 'Punctuation such as the dashes in a national ID is removed automatically; otherwise correct the value.',
  },
  {
    code: 'field/non-printable', severity: 'error', title: 'A value contains invisible or control characters',
    description: 'Control characters, escape sequences, zero-width and direction-changing characters break imports and can hide text.',
    fix: 'Accept the repair: the invisible characters are removed and the rest is kept.',
  },
  {
    code: 'field/whitespace', severity: 'warning', title: 'A value has spaces before or after it',
    description: 'Leading or trailing spaces can make matching fail in the receiving system.',
    fix: 'Accept the repair: the spaces are removed.',
  },
  {
    code: 'record/unclosed-quote', severity: 'error', title: 'A quote in the record never closes',
    description: 'A field starts with a double quote that does not close before the end of the line, so the fields cannot be split reliably.',
    fix: 'Remove the stray quote or close it. Records never continue on the next line in these files.',
  },
  {
    code: 'file/blank-line', severity: 'warning', title: 'A blank line between records',
    description: 'Blank lines are not records; some receiving systems count them or stop at them.',
    fix: '`rollfix fix --auto` removes them.',
  },
  {
    code: 'file/mixed-line-endings', severity: 'warning', title: 'The file mixes line endings',
    description: 'Some lines end with CR LF (Windows) and others with LF, usually after editing in two systems.',
    fix: 'The written file uses one line ending throughout (the one the file starts with).',
  },
  {
    code: 'file/no-records', severity: 'error', title: 'The file holds no student records',
    description: 'Every line is a heading, a header or a trailer, or the file is empty of data: an import of it would add nothing, so it is not ready to upload.',
    fix: 'Export the file again from the student information system, with its students in it; or check that this is the file you meant.',
  },
];

/** What only a workbook shows (a formula, merged cells, a hidden row): issues of every format read from Excel. */
export const SHEET_ISSUES: readonly IssueType[] = [
  {
    code: 'sheet/formula', severity: 'warning', title: 'A cell holds a formula',
    description: 'rollfix reads the value Excel last calculated and saved; the receiving system gets that value, never the formula.',
    fix: 'Check the value is right. To be sure, copy the column and Paste Values in Excel; a cell rollfix rewrites is written as its value.',
  },
  {
    code: 'sheet/merged-cells', severity: 'warning', title: 'Merged cells',
    description: 'Merged cells hold their value in the first cell only; the other cells of the range read as empty.',
    fix: 'Unmerge the cells in Excel and fill each one.',
  },
  {
    code: 'sheet/hidden-row', severity: 'warning', title: 'A hidden row',
    description: 'A row hidden in Excel is still part of the sheet: it is imported like every other row.',
    fix: 'Unhide the row in Excel and look at it; delete it if it should not be imported.',
  },
  {
    code: 'sheet/several-sheets', severity: 'warning', title: 'More than one sheet looks like the batch',
    description: 'The workbook has several sheets whose first rows fit the format; rollfix read the first of them.',
    fix: 'Name the sheet to read with --sheet NAME.',
  },
];
