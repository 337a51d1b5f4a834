/**
 * Target Tracker rows: the cells read into the 18 columns by heading (wherever row 1 put them),
 * any other columns after them, and written back either in the order read or, when every heading
 * was found but not exactly as the seed spells or orders them, in the seed's order with its
 * headings: the whole file at once, so the columns never disagree between rows.
 */
import { namesRowLayout, type CheckOptions, type RecordLayout, type RecordModel } from '../../src/core/format.js';
import { laCodes } from '../england/la-codes.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import { joinRecord, splitRecord } from '../../src/io/delimited.js';
import { columnName, HEADINGS, mapHeadings, type HeadingMap } from './headings.js';
import { FIELDS } from './spec.js';
import { checkPupil } from './rules.js';
import { fieldIdentity } from '../../src/core/record-identity.js';

/** A pupil is their UPN; a Target Tracker import names no school, so one scope holds every file. */
const IDENTITY = fieldIdentity({ keyTitle: 'UPN', alternatives: [['UPN']], scopeTitle: 'none: the import names no school, so every Target Tracker file shares one' });

/** The change report's line for renaming and reordering the columns. */
export const REORDERED = { line: 1, field: '', before: '(headings and columns as read)', after: '(the 18 headings, in order; other columns after them)', code: 'tt/headings' };

export const CROSS_RECORD = new Set(['tt/duplicate-upn', 'tt/duplicate-pupil']);

export interface TtLayouts {
  map: HeadingMap;
  row: readonly string[];
  header: RecordLayout;
  pupil: RecordLayout;
  /** Row 1 is to be rewritten with the seed's headings and every row reordered. */
  reorder: boolean;
}

function ttLayouts(input: InputInfo): TtLayouts {
  const row = splitRecord(input.sample[0] ?? '', ',').fields;
  const map = mapHeadings(row);
  const extras = map.extra.map((c) => `Extra: ${row[c] || `column ${columnName(c)}`}`);
  const fields = [...FIELDS, ...extras.map((name) => ({ name, required: false, maxLength: 255, kind: 'text' as const }))];
  return {
    map, row,
    header: namesRowLayout('Row 1: the column headings', fields),
    pupil: { kind: 'detail', title: 'A pupil row', fields },
    reorder: !map.exact && map.columns.every((c) => c >= 0),
  };
}

export function ttRecordModel(input: InputInfo, options?: CheckOptions): RecordModel & { layouts: TtLayouts } {
  const las = laCodes(options);
  const layouts = ttLayouts(input);
  const { map, header, pupil } = layouts;
  const order = [...map.columns, ...map.extra];
  return {
    layouts,
    crossRecordCodes: CROSS_RECORD,
    sharedKeys: [],
    identity: IDENTITY,
    keyFields: ['Surname', 'Forename', 'UPN'],
    keyTitles: ['Surname', 'Forename', 'UPN'],
    parse(text, line) {
      if (text.trim() === '') return null;
      const { fields: cells } = splitRecord(text, ',');
      return { layout: line === 1 ? header : pupil, fields: order.map((c) => (c >= 0 ? (cells[c] ?? '') : '')) };
    },
    serialise(layout, fields, original) {
      if (layouts.reorder) return joinRecord(layout === header ? [...HEADINGS, ...map.extra.map((c) => layouts.row[c])] : fields, ',');
      // Columns stay where they were (a heading is missing, or all is in order): cells back in place.
      const cells = [...splitRecord(original, ',').fields];
      order.forEach((c, i) => {
        if (c >= 0) cells[c] = fields[i];
      });
      return joinRecord(cells, ',');
    },
    check: (layout, fields, line) => (layout === header ? [] : checkPupil(layout, fields, line, las)),
    fileIssues: (checked) => (layouts.reorder ? checked.filter((i) => i.code !== 'tt/headings') : [...checked]),
    trailerFor: () => null,
    rewritesAll: layouts.reorder ? REORDERED : null,
  };
}
