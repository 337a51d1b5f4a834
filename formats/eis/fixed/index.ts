/**
 * The fixed-length EIS formats (seed 004), one per file type: each record exactly 200 or 250
 * bytes, CR LF between records, plain ASCII, no double quotes, one header first.
 */
import { basename } from 'node:path';
import type { Format } from '../../../src/core/format.js';
import { issueAt, type Issue } from '../../../src/core/issue.js';
import type { InputInfo } from '../../../src/io/line-reader.js';
import { recordFixer, recordValidator, type RecordPasses } from '../../../src/core/record-passes.js';
import { GENERIC_ISSUES } from '../../../src/core/generic-issues.js';
import { count } from '../../../src/core/count.js';
import { EIS_FIXED_ISSUES } from '../issues.js';
import { EIS_FILE_TYPES, nameNumber, type EisFileType } from './file-types.js';
import { otherLayout, recordLayouts, type FixedLayout } from './layouts.js';
import { fixedRecordModel } from './record-model.js';
import { lengthIssue } from './rules.js';

function passes(type: EisFileType, input: InputInfo): RecordPasses {
  const model = fixedRecordModel(type);
  const layouts = recordLayouts(type);
  return {
    model,
    // School session records (S) describe the school, not a student or a teacher.
    isDetail: (layout) => layout.kind !== 'header' && (layout as FixedLayout).type !== 'S',
    lineIssues(text, line, layout) {
      const issue = lengthIssue(layout as FixedLayout, text, line, input.encoding);
      return issue ? [issue] : [];
    },
    fileChanges: (stats) => (input.eol !== '\r\n' || stats.otherEndings > 0 ? [{ line: 0, field: '', before: 'bare LF or CR line endings', after: 'CR LF line endings', code: 'eis/line-endings' }] : []),
    rewriteChange: (text, written) => ({ before: `${Buffer.byteLength(text)} bytes`, after: `${written.length} bytes` }),
    fileIssues(stats, seen) {
      const out: Issue[] = [];
      if (seen.first?.kind !== 'header') out.push(issueAt('eis/missing-header', 'reject', null, null, 'The file does not start with a header record (record type H): every EIS file has exactly one, first'));
      if (input.eol !== '\r\n' || stats.otherEndings > 0) {
        const where = input.eol === '\r\n' ? `${count(stats.otherEndings)} line${stats.otherEndings === 1 ? ' ends' : 's end'} with a bare LF or CR` : `Records are separated by a bare ${input.eol === '\n' ? 'LF' : 'CR'}`;
        out.push(issueAt('eis/line-endings', 'reject', null, null, `${where}; EIS records are separated by CR LF and nothing else`, { confidence: 'safe', reason: 'write CR LF between records (rollfix always writes EIS files so)' }));
      }
      const inName = nameNumber(basename(input.path), type);
      const division = seen.header?.[layouts.get('H')!.fields.findIndex((f) => f.name === 'Division Number')]?.trim();
      if (inName && division && inName !== division) {
        out.push(issueAt('eis/division-mismatch', 'warning', null, null, `The file name says ${inName} but the header's Division Number is ${division}; the name holds the school or division number`));
      }
      return out;
    },
    facts: { shape: `fixed-length ${type.length}-byte records` },
  };
}

/** How sure it is that the first lines are a file of this type. */
function detect(type: EisFileType, sample: readonly string[], fileName: string): number {
  const records = sample.filter((l) => l.trim() !== '');
  const first = records[0] ?? '';
  const fixedLike = records.length > 0 && records.filter((l) => Math.abs(l.length - type.length) <= 20).length >= records.length / 2;
  const header = first[0] === 'H' && /^\d{4}$/.test(first.slice(14, 18));
  if (nameNumber(fileName, type) !== null) return header || fixedLike ? 0.95 : 0.3;
  if (!header || !fixedLike) return 0;
  if (type.letter) return first[1] === type.letter ? 0.9 : 0.1;
  const allowed = new Set(['H', ...type.types]);
  if (!records.every((l) => allowed.has(l[0]))) return 0.2;
  return records.some((l) => type.types.includes(l[0]) && l[0] !== 'I' && l[0] !== 'D') ? 0.6 : 0.4;
}

function fixedFormat(type: EisFileType): Format {
  const layouts = [...recordLayouts(type).values(), otherLayout(type)];
  return {
    id: type.id,
    title: type.title,
    seed: '004_c4457d38e91e0571.txt',
    detection: `fixed-length ${type.length}-byte records, a header record H first${type.letter ? ` with File Type '${type.letter}'` : ''}${type.name ? `; default name xxxx${type.name}.asc` : ''}; record types H, ${type.types.join(', ')}`,
    detect: (sample, fileName) => detect(type, sample, fileName),
    layouts,
    issueTypes: [...GENERIC_ISSUES, ...EIS_FIXED_ISSUES],
    validator: (_options, input) => recordValidator(passes(type, input)),
    fixer: (_options, input) => recordFixer(passes(type, input)),
    records: () => fixedRecordModel(type),
    outputEol: () => '\r\n',
  };
}

export const EIS_FIXED_FORMATS: readonly Format[] = EIS_FILE_TYPES.map(fixedFormat);
