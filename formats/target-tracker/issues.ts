/** Target Tracker issue types (seed 000). Codes are a public contract. */
import type { IssueType } from '../../src/core/issue-type.js';

export const TT_ISSUES: readonly IssueType[] = [
  {
    code: 'tt/headings', severity: 'reject', title: 'Row 1\'s headings are not exactly the 18, in order',
    description: 'Target Tracker reads the columns by position: row 1 must hold the 18 headings exactly as the seed spells them, in its order, starting in column A with UPN.',
    fix: 'rollfix shows which column is which heading; `rollfix fix --auto` (or writing from the workstation) renames and reorders the columns, extra columns after them.',
  },
  {
    code: 'tt/missing-heading', severity: 'reject', title: 'A heading is missing from row 1',
    description: 'One of the 18 headings is in no column, even allowing for case, spacing and a letter or two.',
    fix: 'Add the column (it may stay empty except for Surname, Forename, DOB, DOA and Gender) or fix the heading\'s spelling.',
  },
  {
    code: 'tt/extra-column', severity: 'warning', title: 'A column that is none of the 18',
    description: 'The converter reads only the 18 columns; others are ignored or, before them, shift everything after.',
    fix: 'Delete the column in Excel, or let rollfix move it after the 18.',
  },
  {
    code: 'tt/doa-before-dob', severity: 'error', title: 'Date of admission before date of birth',
    description: 'A pupil cannot be admitted before they are born: usually day and month swapped in one date.',
    fix: 'Check both dates against the MIS.',
  },
  {
    code: 'tt/absences-above-possible', severity: 'error', title: 'More absences than sessions possible',
    description: 'Authorised and unauthorised absences together cannot exceed the sessions possible so far this year.',
    fix: 'Export the attendance figures again for the same date range.',
  },
  {
    code: 'tt/duplicate-upn', severity: 'error', title: 'Two pupils with one UPN',
    description: 'A UPN belongs to one pupil (census error 1520).',
    fix: 'Delete a repeated row, or correct the UPN from the MIS.',
  },
  {
    code: 'tt/duplicate-pupil', severity: 'error', title: 'The same pupil twice',
    description: 'Two rows with the same surname, forename and date of birth are almost always one pupil entered twice.',
    fix: 'Delete the repeated row (d), after checking it is not twins with one name.',
  },
  {
    code: 'tt/line-break', severity: 'error', title: 'A line break inside a cell',
    description: 'A quoted cell may hold a line break (Alt+Enter in Excel), and rollfix reads the row whole, as RFC 4180 has it. Every Target Tracker column is one value (a name, a date, a code; seed 000), so a break is never wanted: assumed, as the seed says nothing of breaks in cells.',
    fix: 'Accept the repair: each line break becomes one space.',
  },
];
