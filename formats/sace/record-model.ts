/**
 * SACE records: a CSV line cut into the file's fields, read through the column order the values
 * show (swapped columns read straight), and written back as CSV the import accepts: quoting only
 * where a value needs it, the fields in the seed's order, as many as the record had.
 */
import { namesRowLayout, type CheckOptions, type RecordLayout, type RecordModel } from '../../src/core/format.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import { joinRecord, splitRecord } from '../../src/io/delimited.js';
import { readAllLines } from '../../src/io/whole-file.js';
import { columnLetter, findSwaps, orderOf, type Swap } from './column-order.js';
import { detectDateFormat } from './dates.js';
import { chosenDateFormat } from './settings.js';
import type { SaceFile } from './layouts.js';
import { checkRecord, type Dates } from './rules.js';
import { isNamesRow, namesRowIssue } from './names-row.js';
import { leadingColumn, type Leading } from './leading-column.js';

export { isNamesRow };
import { fieldIdentity } from '../../src/core/record-identity.js';
/**
 * A record is its student, teacher or class, and for an enrolment the subject it is in: the codes
 * of these that its file has, joined. The Contact School Number says whose file it is.
 */
const IDENTITY = fieldIdentity({
  keyTitle: 'Student Code, Teacher Code, Class Code (with SACE Code, Year and Semester where the file has them)',
  alternatives: [['Student Code', 'SACE Code', 'Year', 'Semester', 'Class Code'], ['Student Code', 'SACE Code', 'Year', 'Semester', 'School Class Code'], ['Student Code', 'SACE Code', 'Enrolment Year', 'Semester', 'Class Code'], ['Student Code'], ['Teacher Code', 'SACE Code', 'Year', 'Semester', 'School Class Code'], ['Teacher Code']],
  scopeTitle: 'the Contact School Number of the first record',
  scopeFields: ['Contact School Number'],
});

export const CROSS_RECORD = new Set(['sace/duplicate-student', 'sace/duplicate-student-code', 'sace/duplicate-teacher-code']);
export const REWRITE = new Set(['sace/field-count']);

/** The dates read in the format chosen on the Import Data screen (the VET dates are always dd/mm/yyyy). */
export const DATE_FIELDS: readonly string[] = ['Date of Birth', 'Start Date', 'End Date'];

export interface SaceShape {
  namesRow: boolean;
  /** A column a spreadsheet added in front of the fields (dropped when written), or null. */
  leading: Leading | null;
  /** Cells before the first field: 1 with a leading column, else 0. */
  skip: number;
  swaps: Swap[];
  order: number[];
  dates: Dates;
  detail: RecordLayout;
  header: RecordLayout;
}

function shapeOf(file: SaceFile, lines: readonly string[], options: CheckOptions): SaceShape {
  const rows = lines.filter((l) => l.trim() !== '').map((l) => splitRecord(l, ',').fields);
  const namesRow = rows.length > 0 && isNamesRow(file, rows[0]);
  const leading = leadingColumn(file, rows.slice(0, 200));
  const skip = leading ? 1 : 0;
  const data = (namesRow ? rows.slice(1) : rows).slice(0, 1000).map((r) => r.slice(skip));
  const swaps = findSwaps(file.fields, data);
  const order = orderOf(file.fields.length, swaps);
  const chosen = chosenDateFormat(options);
  const dateColumns = file.fields.flatMap((f, i) => (DATE_FIELDS.includes(f.name) ? [order[i]] : []));
  const used = detectDateFormat(data.flatMap((r) => dateColumns.map((c) => r[c] ?? '').filter((v) => v.trim() !== '')), chosen);
  return {
    namesRow, leading, skip, swaps, order, dates: { chosen, used },
    detail: { kind: 'detail', title: `${file.title} record`, fields: file.fields },
    header: namesRowLayout('First row: the field names', file.fields),
  };
}

/** How the columns were swapped, in a clerk's words: `Given Names (column E) ↔ Family Name (column F)`. */
export function swapText(file: SaceFile, swaps: readonly Swap[]): string[] {
  return swaps.map((s) => `${file.fields[s.b].name} (column ${columnLetter(s.a)}) ↔ ${file.fields[s.a].name} (column ${columnLetter(s.b)}): ${s.why}`);
}

export const REORDERED = { line: 0, field: '', before: '(columns as read)', after: '(swapped columns put back in the order of the import file format)', code: 'sace/column-order' };
export const LEAD_DROPPED = { line: 0, field: '', before: '(column A, in front of the fields)', after: '(dropped from every row)', code: 'sace/leading-column' };

/** The one change of writing every record again: the columns swapped back, or the leading column dropped. */
export function rewriteChange(shape: SaceShape) {
  return shape.leading ? LEAD_DROPPED : shape.swaps.length ? REORDERED : null;
}

/** `lines`: the whole file, when the caller has read it already. */
export function saceRecordModel(file: SaceFile, input: InputInfo, options: CheckOptions, lines: readonly string[] = readAllLines(input)): RecordModel & { shape: SaceShape } {
  const shape = shapeOf(file, lines, options);
  const { order, header, detail, skip } = shape;
  const count = (text: string) => splitRecord(text, ',').fields.length - skip;
  return {
    shape,
    crossRecordCodes: CROSS_RECORD,
    rewriteCodes: REWRITE,
    sharedKeys: [],
    identity: IDENTITY,
    keyFields: file.fields.some((f) => f.name === 'Family Name') ? ['Family Name', 'Given Names', file.fields.some((f) => f.name === 'Student Code') ? 'Student Code' : 'Teacher Code'] : [file.fields[1].name, file.fields[2].name, file.fields[3].name],
    keyTitles: file.fields.some((f) => f.name === 'Family Name') ? ['Family name', 'Given names', 'Code'] : [file.fields[1].name, file.fields[2].name, file.fields[3].name].map((n) => n.replace(' Number', '')),
    parse(text, line) {
      if (text.trim() === '') return null;
      const cells = splitRecord(text, ',').fields.slice(skip);
      if (line === 1 && shape.namesRow) return { layout: header, fields: file.fields.map((_, i) => cells[i] ?? '') };
      return { layout: detail, fields: file.fields.map((_, i) => cells[order[i]] ?? '') };
    },
    serialise(layout, fields, original) {
      if (layout === header) return skip ? joinRecord(splitRecord(original, ',').fields.slice(skip), ',') : original;
      // As many fields as the record had (Students may stop after Year Level), or up to the last value.
      const had = count(original);
      let last = fields.length;
      while (last > Math.max(had, file.minFields) && fields[last - 1] === '') last--;
      return joinRecord(fields.slice(0, Math.max(last, Math.min(had, fields.length))), ',');
    },
    check: (layout, fields, line) => (layout === header ? [namesRowIssue(file, line)] : checkRecord(layout, fields, line, shape.dates)),
    // What writing every record again puts right is not in the file as it would be written.
    fileIssues: (checked) => checked.filter((i) => !(i.code === 'sace/column-order' && shape.swaps.length) && !(i.code === 'sace/leading-column' && shape.leading)),
    trailerFor: () => null,
    rewritesAll: rewriteChange(shape),
  };
}
