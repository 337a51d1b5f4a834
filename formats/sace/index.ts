/**
 * The six SACE Schools Online import files (seed 002), one format each, built from one table
 * (layouts.ts), checked by the generic record passes with SACE's own rules.
 */
import { basename } from 'node:path';
import type { CheckOptions, Format, RecordLayout } from '../../src/core/format.js';
import type { Issue } from '../../src/core/issue.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import { splitRecord } from '../../src/io/delimited.js';
import { recordFixer, recordValidator, type DuplicateRule, type RecordPasses } from '../../src/core/record-passes.js';
import { GENERIC_ISSUES, SHEET_ISSUES } from '../../src/core/generic-issues.js';
import { cellKindOf } from '../../src/core/cell-kind.js';
import { SACE_ISSUES } from './issues.js';
import { SACE_FILES, type SaceFile } from './layouts.js';
import { isNamesRow, REORDERED, saceRecordModel, swapText } from './record-model.js';
import { studentKey } from './rules.js';
import { typedFit } from './column-order.js';
import { chosenDateFormat, SACE_SETTINGS } from './settings.js';
import { DATE_FIELDS } from './record-model.js';

const valueIn = (layout: RecordLayout, fields: readonly string[], name: string) => (fields[layout.fields.findIndex((f) => f.name === name)] ?? '').trim();

function duplicates(file: SaceFile): DuplicateRule[] {
  if (file.id === 'sace-students') {
    return [
      { code: 'sace/duplicate-student', field: null, what: 'student (family name, gender, date of birth, first letter of the given names)', key: (l, f) => studentKey((n) => valueIn(l, f, n)) },
      { code: 'sace/duplicate-student-code', field: 'Student Code', what: 'Student Code', key: (l, f) => valueIn(l, f, 'Student Code') || null },
    ];
  }
  if (file.id === 'sace-teachers') return [{ code: 'sace/duplicate-teacher-code', field: 'Teacher Code', what: 'Teacher Code', key: (l, f) => valueIn(l, f, 'Teacher Code').toUpperCase() || null }];
  return [];
}

function passes(file: SaceFile, input: InputInfo, options: CheckOptions): RecordPasses {
  const model = saceRecordModel(file, input, options);
  const { shape } = model;
  return {
    model,
    isDetail: (layout) => layout.kind === 'detail',
    lineIssues(text, line, layout) {
      if (layout.kind !== 'detail') return [];
      const count = splitRecord(text, ',').fields.length;
      if (count >= file.minFields && count <= file.fields.length) return [];
      const want = count > file.fields.length ? `at most ${file.fields.length}` : file.minFields === file.fields.length ? String(file.fields.length) : `at least ${file.minFields} (up to Year Level)`;
      return [{ code: 'sace/field-count', severity: 'error', scope: 'record', line, field: null, message: `The record has ${count} fields; ${file.edsas} records have ${want}`, repair: null }];
    },
    duplicates: duplicates(file),
    fileIssues(_stats, seen) {
      const out: Issue[] = [];
      if (shape.swaps.length) out.push({ code: 'sace/column-order', severity: 'error', scope: 'file', line: null, field: null, message: `Columns in the wrong order: ${swapText(file, shape.swaps).join('; ')}`, repair: { confidence: 'safe', reason: 'swap the columns back in every row', action: 'rewrite-record' } });
      const dup = seen.issues.filter((i) => i.code === 'sace/duplicate-student');
      if (dup.length) out.push({ code: 'sace/students-rejected', severity: 'reject', scope: 'file', line: null, field: null, message: `The file holds the same student twice (lines ${[...new Set(dup.map((i) => i.line))].join(', ')}): Schools Online would refuse the whole import`, repair: null });
      return out;
    },
    fileChanges: () => (shape.swaps.length ? [REORDERED] : []),
    rewriteAll: shape.swaps.length > 0,
    facts: {
      shape: 'comma-separated records',
      layout: `${file.edsas}${shape.namesRow ? ' (first row: field names)' : ''}; dates ${shape.dates.used}${shape.dates.used !== shape.dates.chosen ? `, import set to ${shape.dates.chosen}` : ''}${shape.swaps.length ? '; columns swapped back when written:' : ''}`,
      ...(shape.swaps.length ? { mapping: swapText(file, shape.swaps).map((t) => t.replace(/: .*/, '')).join('; ') } : {}),
    },
  };
}

/** How sure: the EDSAS name, a first row of field names, or the first records fitting the fields. */
function detect(file: SaceFile, sample: readonly string[], fileName: string): number {
  if (basename(fileName).toLowerCase() === file.edsas.toLowerCase()) return 0.95;
  const rows = sample.filter((l) => l.trim() !== '').slice(0, 20).map((l) => splitRecord(l, ',').fields);
  if (rows.length === 0) return 0;
  if (isNamesRow(file, rows[0]) && rows[0].length >= file.minFields - 1) return 0.9;
  const fitting = rows.filter((r) => r.length >= file.minFields && r.length <= file.fields.length);
  if (fitting.length < rows.length * 0.8) return 0;
  const fit = typedFit(file.fields, fitting);
  return fit === null ? 0.2 : 0.2 + 0.6 * fit;
}

function saceFormat(file: SaceFile): Format {
  const model = (options: CheckOptions, input: InputInfo) => saceRecordModel(file, input, options);
  return {
    id: file.id,
    title: file.title,
    seed: '002_ec3e28736de24182.txt',
    detection: `named ${file.edsas}, or a first row of its field names, or records of ${file.minFields === file.fields.length ? file.fields.length : `${file.minFields} to ${file.fields.length}`} fields whose values fit them`,
    detect: (sample, fileName) => detect(file, sample, fileName),
    layouts: [{ kind: 'detail', title: `${file.title} record (${file.fields.length} fields, import order ${file.order})`, fields: file.fields }],
    issueTypes: [...GENERIC_ISSUES, ...SHEET_ISSUES, ...SACE_ISSUES],
    settings: SACE_SETTINGS,
    validator: (options, input) => recordValidator(passes(file, input, options)),
    fixer: (options, input) => recordFixer(passes(file, input, options)),
    records: model,
    outputEol: () => '\r\n',
    outputBom: () => false,
    importOrder: file.order,
    // Schools Online imports the CSV file, whatever the clerk keeps it in: a workbook becomes NAME.fixed.dat.
    sheet: {
      columns: (_row, options) => file.fields.map((f) => ({ field: f.name, kind: cellKindOf(f, DATE_FIELDS.includes(f.name) ? chosenDateFormat(options) : undefined) })),
      writes: { ext: '.dat' },
    },
  };
}

export const SACE_FORMATS: readonly Format[] = SACE_FILES.map(saceFormat);
