/** The GTID Student Batch File format (seed 003), as the registry sees it. */
import type { Format } from '../../src/core/format.js';
import { GENERIC_ISSUES } from '../../src/core/generic-issues.js';
import { GTID_ISSUES } from './issues.js';
import { DETAIL, HEADER, TRAILER } from './spec.js';
import { GtidPartChecker, GtidValidator, mergeParts, type GtidPart } from './validator.js';
import { GtidFixer } from './fixer.js';
import { gtidRecordModel } from './record-model.js';
import { recordType, sniffDelimiter } from './records.js';
import { GTID_SETTINGS } from './settings.js';

export const gtid: Format = {
  id: 'gtid',
  // Nine digits, with or without the dashes: an SSN wherever it lands (columns shifted).
  isSensitiveValue: (value) => /^\d{3}-?\d{2}-?\d{4}$/.test(value),
  title: 'Student Batch File v1.0 (Uniq-ID / GTID)',
  seed: '003_31d233ec96d7aee7.txt',
  detection: "first record starts 'TH' then a tab or space, or records start 'ID' then a comma or tab; file names containing 'gtid'",
  detect(sample, fileName) {
    const records = sample.filter((l) => l.trim() !== '');
    if (records.length === 0) return /gtid/i.test(fileName) ? 0.3 : 0;
    if (/^TH[\t ]/.test(records[0])) return 1;
    const details = records.filter((l) => /^ID[\t,]/.test(l)).length;
    if (details > 0 && details >= records.length / 2) return 0.8;
    if (records.some((l) => recordType(l) === 'TT')) return 0.5;
    return /gtid/i.test(fileName) ? 0.3 : 0;
  },
  // A quoted detail field may hold line breaks (RFC 4180): one record over several lines.
  quotedBreaks: (input) => sniffDelimiter(input.sample) ?? ',',
  layouts: [HEADER, DETAIL, TRAILER],
  issueTypes: [...GENERIC_ISSUES, ...GTID_ISSUES],
  settings: GTID_SETTINGS,
  validator: (options, input) => new GtidValidator(options, input),
  fixer: (options, input) => new GtidFixer(options, input),
  records: gtidRecordModel,
  parts: {
    // The first record must be the header and the sample must show the delimiter, so every part
    // reads its records the same way without seeing the others.
    canSplit: (input) => /^TH[\t ]/.test(input.sample[0] ?? '') && sniffDelimiter(input.sample) !== null,
    checker: (options, input, first, share) => new GtidPartChecker(options, input, first, share),
    merge: (parts, options, input) => mergeParts(parts as GtidPart[], options, input),
  },
};
