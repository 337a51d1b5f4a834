/** The comma-delimited EIS files (seed 004): Enroll.asc, StuMark.asc, Contract.asc, InCont.asc, TPPper.asc. */
import type { Format } from '../../../src/core/format.js';
import type { InputInfo } from '../../../src/io/line-reader.js';
import { recordFixer, recordValidator, type RecordPasses } from '../../../src/core/record-passes.js';
import { GENERIC_ISSUES, SHEET_ISSUES } from '../../../src/core/generic-issues.js';
import { cellKindOf } from '../../../src/core/cell-kind.js';
import { EIS_DELIMITED_ISSUES } from '../issues.js';
import { DELIMITED_LAYOUTS, layoutOfCount, layoutOfFile, layoutOfNames, type DelimitedLayout } from './layouts.js';
import { delimitedRecordModel, fileLayout, layoutIssues } from './record-model.js';
import { splitQuoted } from './split.js';

function passes(input: InputInfo): RecordPasses {
  const model = delimitedRecordModel(input);
  const { layout, namesRow } = fileLayout(input);
  return {
    model,
    isDetail: (l) => l.kind === 'detail',
    lineIssues: (text, line, l) => layoutIssues(l as DelimitedLayout, model.tokens(text), line),
    fileIssues: () => [],
    facts: { shape: 'comma-delimited records', layout: layout ? `${layout.file}${namesRow ? ' (first row: field names)' : ''}` : 'unknown' },
  };
}

const DATE = /(^|,)\d{1,2}\/[A-Za-z]{3,9}\.?\/\d{4}(,|$)/;

export const eisDelimited: Format = {
  id: 'eis-delimited',
  title: 'EIS comma-delimited export',
  seed: '004_c4457d38e91e0571.txt',
  detection: `file named ${DELIMITED_LAYOUTS.map((l) => l.file).join(', ')}, or a first row of their field names, or quoted comma-separated records with DD/MMM/YYYY dates`,
  detect(sample, fileName) {
    const first = sample.find((l) => l.trim() !== '') ?? '';
    if (layoutOfNames(splitQuoted(first).tokens.map((t) => t.value))) return 0.95;
    const quotedCsv = /^"[^"]*",/.test(first);
    if (layoutOfFile(fileName)) return quotedCsv || DATE.test(first) ? 0.95 : 0.4;
    return quotedCsv && DATE.test(first) && /\.asc$/i.test(fileName) ? 0.5 : 0;
  },
  layouts: DELIMITED_LAYOUTS,
  issueTypes: [...GENERIC_ISSUES, ...SHEET_ISSUES, ...EIS_DELIMITED_ISSUES],
  validator: (_options, input) => recordValidator(passes(input)),
  fixer: (_options, input) => recordFixer(passes(input)),
  records: (_options, input) => delimitedRecordModel(input),
  // EIS Collection takes the .asc file: text in quotes, dates bare, as the CSV path writes it.
  sheet: {
    columns(row) {
      const layout = layoutOfNames(row) ?? layoutOfCount(row.length);
      return Array.from({ length: Math.max(row.length, layout?.fields.length ?? 0) }, (_, c) => {
        const spec = layout?.fields[c];
        const kind = spec ? cellKindOf(spec) : null;
        return { field: spec?.name ?? `column ${c + 1}`, kind: kind && kind.kind === 'date' ? kind : { kind: 'text', quoted: true } };
      });
    },
    writes: { ext: '.asc' },
  },
};
