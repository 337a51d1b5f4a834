/**
 * GTID records for the workstation: the three layouts cut and joined as the checker and the
 * fixer do, one record checked again after each edit, and the whole-file rejection reasons kept
 * up to date from the live record count and header.
 */
import type { CheckOptions, CrossRecordRules, RecordIdentity, LiveFile, RecordLayout, RecordModel } from '../../src/core/format.js';
import type { Issue } from '../../src/core/issue.js';
import type { InputInfo } from '../../src/io/line-reader.js';
import { count } from '../../src/core/count.js';
import { joinRecord, splitRecord } from '../../src/io/delimited.js';
import { DETAIL, F, HEADER, TRAILER, declaredDelimiter } from './spec.js';
import { envelopeSeparator, recordType, sniffDelimiter, splitEnvelope } from './records.js';
import { checkHeader, checkTrailer, extraFields } from './envelope.js';
import { validateDetail } from './rules.js';
import { DuplicateFinder, SHARED_KEYS } from './duplicates.js';

const CROSS_RECORD = new Set(['gtid/duplicate-record', 'gtid/duplicate-local-id', 'gtid/duplicate-ssn', 'gtid/duplicate-gtid']);
const KEY_INDEX = SHARED_KEYS.map((k) => DETAIL.fields.findIndex((f) => f.name === k.field));

/** The duplicate rule of the validator (DuplicateFinder), run over the records an edit touched. */
const CROSS_RECORD_RULES: CrossRecordRules = {
  rules: SHARED_KEYS.length,
  codes: [['gtid/duplicate-local-id', 'gtid/duplicate-record'], ['gtid/duplicate-ssn'], ['gtid/duplicate-gtid']],
  keyOf(rule, layout, fields) {
    if (layout !== DETAIL) return '';
    const key = SHARED_KEYS[rule].normalise(fields[KEY_INDEX[rule]] ?? '');
    return KEY_INDEX[rule] === F.ssn && key.length !== 9 ? '' : key;
  },
  linesWith: (keys, rule, key) => SHARED_KEYS[rule].linesWith(keys, key),
  issues(records) {
    const finder = new DuplicateFinder(records.length);
    records.forEach((r, i) => finder.add(i, r.fields, r.line));
    return DuplicateFinder.issues([{ keys: finder.data(), lineOffset: 0 }], (a, b) => records[a].text === records[b].text);
  },
};

/**
 * A student is their Local Student ID, and their GTID when the record has one (the keys the
 * duplicate rule compares: one declaration). The file is for the district and school of its
 * first student (the header names neither).
 */
const IDENTITY: RecordIdentity = {
  keyTitle: 'Local Student ID, and GTID when present',
  key(layout, fields) {
    if (layout !== DETAIL) return '';
    const local = CROSS_RECORD_RULES.keyOf(0, layout, fields);
    const state = CROSS_RECORD_RULES.keyOf(2, layout, fields);
    return state ? `${local} GTID ${state}` : local;
  },
  scopeTitle: 'the Current District Code and Current School Code of the first student',
  scope(records) {
    const first = records.find((r) => r.layout === DETAIL && r.fields[F.district]?.trim() && r.fields[F.school]?.trim());
    return first ? `${first.fields[F.district].trim()}/${first.fields[F.school].trim()}` : null;
  },
};

const LIMIT_CODES = new Set(['gtid/too-many-errors', 'gtid/too-many-records']);

export function gtidRecordModel(options: CheckOptions, input: InputInfo): RecordModel {
  const sniffed = sniffDelimiter(input.sample);
  const headerFields = /^TH[\t ]/.test(input.sample[0] ?? '') ? splitEnvelope(input.sample[0]) : null;
  const delimiter = sniffed ?? declaredDelimiter(headerFields?.[5]) ?? ',';
  const separators = new Map<RecordLayout, string>();
  const headerTid = (file: LiveFile) => (file.header && /^\d+$/.test(file.header[3] ?? '') ? file.header[3] : null);

  return {
    crossRecordCodes: CROSS_RECORD,
    sharedKeys: SHARED_KEYS,
    crossRecord: CROSS_RECORD_RULES,
    identity: IDENTITY,
    keyFields: ['Legal Last Name', 'Legal First Name', 'Local Student ID'],
    parse(text, line) {
      const type = recordType(text);
      if (type === 'ID') {
        const { fields, quoteError } = splitRecord(text, delimiter);
        return quoteError || fields.length < DETAIL.fields.length ? null : { layout: DETAIL, fields };
      }
      if (type === 'TH' && line === 1) {
        separators.set(HEADER, envelopeSeparator(text));
        return { layout: HEADER, fields: splitEnvelope(text) };
      }
      if (type === 'TT') {
        const fields = splitEnvelope(text);
        separators.set(TRAILER, envelopeSeparator(text));
        return fields.length >= TRAILER.fields.length ? { layout: TRAILER, fields } : null;
      }
      return null;
    },
    serialise(layout, fields, original) {
      if (layout === DETAIL) return joinRecord(fields, delimiter);
      const separator = separators.get(layout) ?? envelopeSeparator(original);
      return fields.join(separator === ',' ? '\t' : separator);
    },
    check(layout, fields, line, file) {
      if (layout === DETAIL) {
        const issues = validateDetail(fields, line, options);
        if (fields.length > DETAIL.fields.length) issues.unshift(extraFields(line, 'Detail record', fields, DETAIL.fields.length));
        return issues;
      }
      if (layout === HEADER) return checkHeader(fields, line, sniffed, separators.get(HEADER) ?? '\t');
      return checkTrailer(fields, line, { records: file.records, headerTransmissionId: headerTid(file) }, separators.get(TRAILER) ?? '\t');
    },
    fileIssues(checked, file) {
      // The written file has one line ending throughout: mixed ones are not left in it.
      const kept = checked.filter((i) => !LIMIT_CODES.has(i.code) && i.code !== 'file/mixed-line-endings' && !(file.appended && i.code === 'gtid/missing-record-type' && /trailer/.test(i.message)));
      const reject = (code: string, message: string): Issue => ({ code, severity: 'reject', scope: 'file', line: null, field: null, message, repair: null });
      if (options.maxRecords > 0 && file.records > options.maxRecords) kept.push(reject('gtid/too-many-records', `The file has ${count(file.records)} records; the limit is ${count(options.maxRecords)}`));
      if (options.maxErrors > 0 && file.flagged > options.maxErrors) kept.push(reject('gtid/too-many-errors', `${count(file.flagged)} records are in error; the limit is ${count(options.maxErrors)}`));
      return kept;
    },
    trailerFor(file) {
      const tid = headerTid(file);
      return tid === null ? null : ['TT', tid, String(file.records + 1)].join(envelopeSeparator(input.sample[0] ?? '') === ' ' ? ' ' : '\t');
    },
  };
}
