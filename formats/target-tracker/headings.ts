/**
 * Row 1 of a Target Tracker spreadsheet: the 18 headings of seed 000, "exactly as follows" and
 * "in the same order". Headings in another order, case or spacing, or misspelt by a letter or
 * two, are mapped to the right ones so the columns can be renamed and reordered.
 */
export const HEADINGS = [
  'UPN', 'Surname', 'Forename', 'DOB', 'Gender', 'DOA', 'Eligible for free meals', 'Mother tongue code', 'Ethnicity',
  'SEN Status code', 'Reg', 'Year', 'Postcode', 'In LEA Care', 'Gifted', 'Possible', 'Authorised absences', 'Unauthorised absences',
] as const;

const squash = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** What MIS exports call the same columns (squashed), mapped to the seed's headings. */
const SYNONYMS: Readonly<Record<string, string>> = {
  sex: 'Gender', dateofbirth: 'DOB', birthdate: 'DOB', dateofadmission: 'DOA', admissiondate: 'DOA', admitted: 'DOA',
  fsm: 'Eligible for free meals', freeschoolmeals: 'Eligible for free meals', fsmeligible: 'Eligible for free meals',
  firstlanguage: 'Mother tongue code', mothertongue: 'Mother tongue code', sen: 'SEN Status code', senstatus: 'SEN Status code',
  reggroup: 'Reg', registrationgroup: 'Reg', class: 'Reg', form: 'Reg', yeargroup: 'Year', ncyear: 'Year', postcode: 'Postcode',
  lookedafter: 'In LEA Care', inlacare: 'In LEA Care', cla: 'In LEA Care', giftedandtalented: 'Gifted', gt: 'Gifted',
  possiblesessions: 'Possible', authorisedabsence: 'Authorised absences', unauthorisedabsence: 'Unauthorised absences',
  legalsurname: 'Surname', familyname: 'Surname', lastname: 'Surname', legalforename: 'Forename', firstname: 'Forename', givenname: 'Forename',
};

/** Letters to change to turn a into b (Levenshtein), stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

export interface HeadingMap {
  /** For each of the 18 headings, the column it is in, or -1 when no column is it. */
  columns: number[];
  /** Columns that are none of the 18, by index. */
  extra: number[];
  /** Whether row 1 is exactly the 18 headings in order (extra columns may follow). */
  exact: boolean;
  /** Headings found under another spelling or in another place: `"surname " (column C) → Surname`. */
  renamed: string[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const columnName = (i: number) => (i < 26 ? LETTERS[i] : LETTERS[Math.floor(i / 26) - 1] + LETTERS[i % 26]);

/**
 * Which column holds each heading: exactly first, then ignoring case and punctuation, then under
 * a name MIS exports use for it (Sex, Date of Birth, FSM), then by a letter or two.
 */
export function mapHeadings(row: readonly string[]): HeadingMap {
  const columns = HEADINGS.map(() => -1);
  const taken = new Set<number>();
  const passes: Array<(cell: string, heading: string) => boolean> = [
    (cell, heading) => cell === heading,
    (cell, heading) => squash(cell) === squash(heading),
    (cell, heading) => SYNONYMS[squash(cell)] === heading,
    (cell, heading) => squash(cell).length > 2 && distance(squash(cell), squash(heading), 2) <= Math.min(2, Math.floor(squash(heading).length / 4)),
  ];
  for (const matches of passes) {
    HEADINGS.forEach((heading, h) => {
      if (columns[h] >= 0) return;
      const at = row.findIndex((cell, c) => !taken.has(c) && matches(cell, heading));
      if (at >= 0) {
        columns[h] = at;
        taken.add(at);
      }
    });
  }
  const extra = row.map((_, c) => c).filter((c) => !taken.has(c) && row[c].trim() !== '');
  const exact = HEADINGS.every((heading, h) => columns[h] === h && row[h] === heading);
  // With a heading missing, the columns after it are out of place by nature: name only misspellings.
  const complete = columns.every((c) => c >= 0);
  const renamed = HEADINGS.flatMap((heading, h) => (columns[h] >= 0 && (row[columns[h]] !== heading || (complete && columns[h] !== h)) ? [`"${row[columns[h]]}" (column ${columnName(columns[h])}) → ${heading}`] : []));
  return { columns, extra, exact, renamed };
}
