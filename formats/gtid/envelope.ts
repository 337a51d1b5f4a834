/**
 * The header and trailer ("envelope") checks shared by the validator and the fixer: field checks
 * through the layouts, the header's Delimiter against the records, and the trailer's two
 * whole-file rules (rejection reasons 3 and 4).
 */
import { count } from '../../src/core/count.js';
import type { CheckOptions } from '../../src/core/format.js';
import type { Issue } from '../../src/core/issue.js';
import { checkFields } from '../../src/core/record-check.js';
import { HEADER, TRAILER, declaredDelimiter } from './spec.js';
import { delimiterName, delimiterValue } from './records.js';

function missing(line: number, what: string, have: number, want: number, extra = ''): Issue {
  return { code: 'gtid/missing-fields', severity: 'reject', scope: 'record', line, field: null, message: `${what} has ${have} field${have === 1 ? '' : 's'}; it needs ${want}${extra}`, repair: null };
}

/** Issues of the header record; `actual` is the delimiter the detail records really use. */
export function checkHeader(fields: readonly string[], line: number, actual: string | null, separator: string): Issue[] {
  const out: Issue[] = [];
  if (separator === ',') {
    out.push(missing(line, 'The header record', 1, HEADER.fields.length, ': its fields must be separated by a single tab or space, not commas'));
    return out;
  }
  if (fields.length < HEADER.fields.length) out.push(missing(line, 'The header record', fields.length, HEADER.fields.length));
  if (fields.length > HEADER.fields.length) out.push(extraFields(line, 'The header record', fields, HEADER.fields.length));
  checkFields(HEADER, fields, line, false, out);
  const declared = declaredDelimiter(fields[5]);
  const delimiterIssue = out.find((i) => i.field === 'Delimiter');
  if (!declared && actual && delimiterIssue && !delimiterIssue.repair) {
    delimiterIssue.repair = { confidence: 'safe', reason: `the records are ${delimiterName(actual)}-delimited`, values: { Delimiter: delimiterValue(actual) } };
  }
  if (declared && actual && declared !== actual) {
    const at = out.findIndex((i) => i.field === 'Delimiter');
    if (at >= 0) out.splice(at, 1);
    out.push({
      code: 'gtid/missing-fields', severity: 'reject', scope: 'field', line, field: 'Delimiter',
      message: `The header says the records are ${delimiterName(declared)}-delimited but they are ${delimiterName(actual)}-delimited: every record would be missing fields`,
      repair: { confidence: 'safe', reason: `set to ${delimiterValue(actual)}`, values: { Delimiter: delimiterValue(actual) } },
    });
  }
  return out;
}

export function extraFields(line: number, what: string, fields: readonly string[], want: number): Issue {
  const emptyExtras = fields.slice(want).every((f) => f.trim() === '');
  return {
    code: 'gtid/extra-fields', severity: 'error', scope: 'record', line, field: null,
    message: `${what} has ${fields.length} fields; it should have ${want}${emptyExtras ? ' (the extra ones are empty)' : ''}`,
    repair: emptyExtras ? { confidence: 'safe', reason: 'remove the empty extra fields', action: 'drop-empty-extra-fields' } : null,
  };
}

export interface TrailerFacts {
  /** Records in the file, header and trailer included. */
  records: number;
  headerTransmissionId: string | null;
}

/** Issues of the trailer record, including rejection reasons 3 and 4. */
export function checkTrailer(fields: readonly string[], line: number, facts: TrailerFacts, separator: string): Issue[] {
  const out: Issue[] = [];
  if (separator === ',' || fields.length < TRAILER.fields.length) {
    out.push(missing(line, 'The trailer record', separator === ',' ? 1 : fields.length, TRAILER.fields.length, separator === ',' ? ': its fields must be separated by a single tab or space, not commas' : ''));
    return out;
  }
  if (fields.length > TRAILER.fields.length) out.push(extraFields(line, 'The trailer record', fields, TRAILER.fields.length));
  checkFields(TRAILER, fields.slice(0, 2), line, false, out);
  const count = fields[2];
  const actual = String(facts.records);
  if (count !== actual) {
    const said = /^\d+$/.test(count) ? `says ${count} records` : `says "${count}", not plain digits`;
    out.push({
      code: 'gtid/trailer-count', severity: 'reject', scope: 'field', line, field: 'Number of Records',
      message: `The trailer ${said}; the file has ${actual} (header and trailer included)`,
      repair: { confidence: 'safe', reason: `recompute: ${actual}`, action: 'recompute-trailer-count', values: { 'Number of Records': actual } },
    });
  }
  const header = facts.headerTransmissionId;
  if (header !== null && fields[1] !== header) {
    out.push({
      code: 'gtid/transmission-id-mismatch', severity: 'reject', scope: 'field', line, field: 'Transmission ID',
      message: `The trailer's Transmission ID "${fields[1]}" does not match the header's "${header}"`,
      repair: { confidence: 'safe', reason: `copy the header's ${header}`, action: 'copy-transmission-id', values: { 'Transmission ID': header } },
    });
  }
  return out;
}

/** The rejection limits, as the report shows them. */
export function limitsText(options: CheckOptions): string {
  const n = (v: number) => (v === 0 ? 'no limit' : count(v));
  return `at most ${n(options.maxErrors)} records in error, ${n(options.maxRecords)} records in all`;
}
