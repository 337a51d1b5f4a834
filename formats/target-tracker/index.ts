/** Target Tracker's whole-school pupil spreadsheet (seed 000), saved from Excel as CSV. */
import type { CheckOptions, Format } from '../../src/core/format.js';
import { LA_CODES_SETTING } from '../england/la-codes.js';
import { issueAt, type Issue } from '../../src/core/issue.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import { splitRecord } from '../../src/io/delimited.js';
import { recordFixer, recordValidator, type RecordPasses } from '../../src/core/record-passes.js';
import { GENERIC_ISSUES, SHEET_ISSUES } from '../../src/core/generic-issues.js';
import { ENGLAND_ID_ISSUES } from '../england/issues.js';
import { TT_ISSUES } from './issues.js';
import { columnName, HEADINGS, mapHeadings } from './headings.js';
import { REORDERED, ttRecordModel } from './record-model.js';
import { FIELDS } from './spec.js';
import { cellKindOf } from '../../src/core/cell-kind.js';

function headingIssues(model: ReturnType<typeof ttRecordModel>): Issue[] {
  const { map, row, reorder } = model.layouts;
  const out: Issue[] = [];
  const missing = HEADINGS.filter((_, h) => map.columns[h] < 0);
  if (missing.length) out.push(issueAt('tt/missing-heading', 'reject', null, null, `Row 1 has no column headed ${missing.join(', ')}`));
  if (!map.exact && map.renamed.length) {
    out.push(issueAt('tt/headings', 'reject', null, null, `Row 1's headings are not exactly the 18 in order: ${map.renamed.join('; ')}`, reorder ? { confidence: 'safe', reason: 'rename and reorder the columns as shown (other columns after them)', action: 'rewrite-record' } : null));
  }
  for (const c of map.extra) out.push(issueAt('tt/extra-column', 'warning', null, null, `Column ${columnName(c)} ("${row[c]}") is none of the 18 headings${reorder ? ': it is moved after them' : ''}`));
  return out;
}

function passes(input: InputInfo, options: CheckOptions): RecordPasses {
  const model = ttRecordModel(input, options);
  const at = (fields: readonly string[], name: string) => fields[model.layouts.pupil.fields.findIndex((f) => f.name === name)]?.trim() ?? '';
  return {
    model,
    isDetail: (layout) => layout.kind === 'detail',
    fileIssues: () => headingIssues(model),
    fileChanges: () => (model.layouts.reorder ? [REORDERED] : []),
    rewriteAll: model.layouts.reorder,
    duplicates: [
      { code: 'tt/duplicate-upn', field: 'UPN', what: 'UPN', key: (_, fields) => at(fields, 'UPN').toUpperCase() || null },
      { code: 'tt/duplicate-pupil', field: null, what: 'pupil (surname, forename and date of birth)', key: (_, fields) => (at(fields, 'Surname') && at(fields, 'DOB') ? [at(fields, 'Surname'), at(fields, 'Forename'), at(fields, 'DOB')].join('|').toLowerCase() : null) },
    ],
    facts: {
      shape: 'comma-separated rows (CSV from Excel)',
      layout: model.layouts.map.exact ? 'the 18 headings, in order' : `${model.layouts.map.renamed.length} heading${model.layouts.map.renamed.length === 1 ? '' : 's'} renamed or moved${model.layouts.reorder ? ' when written' : ''}`,
      ...(model.layouts.map.renamed.length ? { mapping: model.layouts.map.renamed.join('; ') } : {}),
    },
  };
}

export const targetTracker: Format = {
  id: 'target-tracker',
  title: 'Target Tracker pupil spreadsheet',
  seed: '000_792f8ebe84fc1c39.txt',
  detection: 'row 1 holds most of the 18 Target Tracker headings (UPN, Surname, Forename, DOB, ...), in any order or spelling',
  detect(sample) {
    const found = mapHeadings(splitRecord(sample[0] ?? '', ',').fields).columns.filter((c) => c >= 0).length;
    return found >= 12 ? 0.9 : found >= 8 ? 0.5 : 0;
  },
  layouts: [ttRecordModel({ path: '', size: 0, encoding: 'utf-8', bom: false, eol: '\n', sample: [HEADINGS.join(',')] }).layouts.pupil],
  issueTypes: [...GENERIC_ISSUES, ...SHEET_ISSUES, ...ENGLAND_ID_ISSUES, ...TT_ISSUES],
  validator: (options, input) => recordValidator(passes(input, options)),
  fixer: (options, input) => recordFixer(passes(input, options)),
  records: (options, input) => ttRecordModel(input, options),
  settings: [LA_CODES_SETTING],
  // Its converter reads Excel: a workbook is written back as a workbook.
  sheet: {
    columns(row) {
      const { columns } = mapHeadings(row);
      return row.map((_, c) => {
        const h = columns.indexOf(c);
        return h >= 0 ? { field: FIELDS[h].name, kind: cellKindOf(FIELDS[h]) } : null;
      });
    },
    writes: 'workbook',
  },
};
