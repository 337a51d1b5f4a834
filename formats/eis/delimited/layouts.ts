/**
 * The comma-delimited layouts of seed 004, in its field order and spelling. Dates are the
 * fields the seed lists without quotes. Custom fields may follow the listed ones.
 */
import { namesRowLayout, type RecordLayout } from '../../../src/core/format.js';
import { fieldSpec } from './descriptors.js';

export interface DelimitedLayout extends RecordLayout {
  /** The file it is, as EIS Collection names it. */
  file: string;
  /** How many fields the seed lists (custom fields come after). */
  base: number;
  /** Which fields are dates (written without quotes). */
  dates: ReadonlySet<string>;
}

const DATE = '@';
const LISTS: Readonly<Record<string, readonly string[]>> = {
  'Enroll.asc': ['MET Student Number', 'Surname', 'Given Name(s)', '@Birth Date', 'Gender', 'Previous Surname', 'School Student Number', 'Aboriginal Identity (1)', 'Aboriginal Identity (2)', 'Aboriginal Identity (3)', 'Aboriginal Other Description', 'Resident Division', 'School Attended', 'Grade', 'Enrolment', '@Enrolment Date', 'Postal Code', 'Home Room', 'Student Program (1)', 'Student Program (2)', 'Student Program (3)', 'Student Program (4)'],
  'StuMark.asc': ['MET Student Number', 'Surname', 'Given Name(s)', '@Birth Date', 'Subject Code', 'Subject Description', 'Subject Level', 'Credit', 'Language of Instruction', 'Final Mark', 'Semester', 'Exam Mark Included', 'Delivery Mode'],
  'Contract.asc': ['PSP Number', 'Surname', 'Given Name(s)', '@Division Start Date', '@Division Leave Date', 'School Employed', 'Is School', 'School Percent'],
  'InCont.asc': ['PSP Number', 'School Employed', 'Position', 'Position Percent', '@Position Start Date', '@Position End Date', 'Position Leave Reason'],
  'TPPper.asc': ['PSP Number', 'Surname', 'Given Name(s)', '@Birth date', 'Gender', 'Previous Surname', 'Previous Given Name', '@Name Change Date', 'Address', 'City', 'Postal Code', 'Home Phone Number', '@Address Change Date', 'Fax Number', 'Email Address'],
};

function build(file: string, names: readonly string[], kind: string, custom: readonly string[] = []): DelimitedLayout {
  const plain = names.map((n) => (n.startsWith(DATE) ? n.slice(1) : n));
  const dates = new Set(names.filter((n) => n.startsWith(DATE)).map((n) => n.slice(1)));
  const fields = [...plain, ...custom].map((name) => fieldSpec(name, dates.has(name)));
  const layout = kind === 'header' ? namesRowLayout(`${file} field names (first row)`, fields) : { kind, title: `${file} record, ${plain.length} fields${custom.length ? ` and ${custom.length} custom` : ''}`, fields };
  return { ...layout, file, base: plain.length, dates };
}

export const DELIMITED_LAYOUTS: readonly DelimitedLayout[] = Object.entries(LISTS).map(([file, names]) => build(file, names, 'detail'));

/** The layout with `custom` extra fields after the listed ones (names from the first row, or numbered). */
export function withCustom(layout: DelimitedLayout, custom: readonly string[], kind = 'detail'): DelimitedLayout {
  return build(layout.file, LISTS[layout.file], kind, custom);
}

const norm = (name: string) => name.replace(/["\u201d\s]/g, '').toLowerCase();

/** The layout whose field names start `names` (a first row of field names), or null. */
export function layoutOfNames(names: readonly string[]): DelimitedLayout | null {
  return DELIMITED_LAYOUTS.find((l) => l.fields.length <= names.length && l.fields.every((f, i) => norm(f.name) === norm(names[i] ?? ''))) ?? null;
}

export function layoutOfFile(fileName: string): DelimitedLayout | null {
  return DELIMITED_LAYOUTS.find((l) => l.file.toLowerCase() === fileName.toLowerCase()) ?? null;
}

/** The layout with exactly `count` fields, or with the most fields not above it (custom fields follow). */
export function layoutOfCount(count: number): DelimitedLayout | null {
  const exact = DELIMITED_LAYOUTS.find((l) => l.base === count);
  if (exact) return exact;
  return [...DELIMITED_LAYOUTS].filter((l) => l.base < count).sort((a, b) => b.base - a.base)[0] ?? null;
}
