/**
 * Student Batch File Layout v1.0 (seed 003): the three record layouts and their code lists, as
 * data. Maximum lengths are the VarChar2 sizes of the seed; the generic checks in src/core do the
 * rest. Field names are written exactly as the seed writes them: they are the public contract of
 * `check --json`.
 */
import type { FieldSpec } from '../../src/core/field-spec.js';
import type { RecordLayout } from '../../src/core/format.js';
import { normaliseDelimiter, normaliseGrade, normaliseSchoolYear, normaliseVersion, RACE_ALIASES, GENDER_ALIASES } from './repairs.js';

const GENDER_CODES = ['M', 'F'] as const;
const GRADE_CODES = ['PK', 'UK', 'U1', 'KK', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;
const RACE_CODES = ['A', 'B', 'H', 'I', 'M', 'W'] as const;

const constant = (name: string, value: string): FieldSpec => ({ name, required: true, maxLength: 2, kind: 'code', codes: [value] });
const text = (name: string, maxLength: number, required = true): FieldSpec => ({ name, required, maxLength, kind: 'text' });

export const HEADER: RecordLayout = {
  kind: 'header',
  title: "Header record: first record, 'TH', fields separated by a single tab or space",
  fields: [
    constant('Record Type', 'TH'),
    { name: 'Extract Date', required: true, maxLength: 10, kind: 'date', dateFormat: 'mm/dd/yyyy' },
    { name: 'Extract Time', required: true, maxLength: 8, kind: 'pattern', pattern: /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, patternText: "a time in the 'hh:mm:ss' format" },
    { name: 'Transmission ID', required: true, maxLength: 10, kind: 'digits' },
    { name: 'Version', required: true, maxLength: 10, kind: 'code', codes: ['1.0'], normalise: normaliseVersion },
    { name: 'Delimiter', required: true, maxLength: 25, kind: 'pattern', pattern: /^delimiter=(,|0[xX]2[cC]|0[xX]09|\t)$/, patternText: "'delimiter=,' or 'delimiter=0X2C' (comma), or 'delimiter=0X09' (tab)", normalise: normaliseDelimiter },
  ],
};

export const DETAIL: RecordLayout = {
  kind: 'detail',
  title: "Detail record: 'ID', 16 fields, comma- or tab-delimited as the header says",
  fields: [
    constant('Record Type', 'ID'),
    text('Current School Code', 6),
    text('Resident District Code', 8),
    text('Legal Last Name', 60),
    text('Legal First Name', 60),
    text('Legal Middle Name', 60, false),
    text('Legal Name Suffix', 10, false),
    { name: 'Gender', required: true, maxLength: 6, kind: 'code', codes: GENDER_CODES, aliases: GENDER_ALIASES },
    { name: 'Date of Birth', required: true, maxLength: 10, kind: 'date', dateFormat: 'mm/dd/yyyy' },
    { name: 'Current Grade Level', required: true, maxLength: 2, kind: 'code', codes: GRADE_CODES, normalise: normaliseGrade },
    text('Local Student ID', 20),
    { name: 'Social Security Number', required: false, maxLength: 11, kind: 'digits', digits: 9, sensitive: true },
    { name: 'Race / Ethnicity', required: true, maxLength: 4, kind: 'code', codes: RACE_CODES, aliases: RACE_ALIASES },
    text('GTID (State ID)', 25, false),
    text('Current District Code', 8),
    { name: 'Current School Year', required: true, maxLength: 10, kind: 'pattern', pattern: /^\d{4}$/, patternText: "a school ending year in the 'yyyy' format ('2005' for 2004-2005)", normalise: normaliseSchoolYear },
  ],
};

export const TRAILER: RecordLayout = {
  kind: 'trailer',
  title: "Trailer record: last record, 'TT', fields separated by a single tab or space",
  fields: [
    constant('Record Type', 'TT'),
    { name: 'Transmission ID', required: true, maxLength: 10, kind: 'digits' },
    { name: 'Number of Records', required: true, maxLength: 10, kind: 'digits' },
  ],
};

/** Field positions used by the rules, looked up once by name so the layouts stay the only source. */
function fieldIndex(layout: RecordLayout, name: string): number {
  const index = layout.fields.findIndex((f) => f.name === name);
  if (index < 0) throw new Error(`no field ${name} in ${layout.kind}`);
  return index;
}

export const F = {
  school: fieldIndex(DETAIL, 'Current School Code'),
  residentDistrict: fieldIndex(DETAIL, 'Resident District Code'),
  last: fieldIndex(DETAIL, 'Legal Last Name'),
  first: fieldIndex(DETAIL, 'Legal First Name'),
  suffix: fieldIndex(DETAIL, 'Legal Name Suffix'),
  birth: fieldIndex(DETAIL, 'Date of Birth'),
  grade: fieldIndex(DETAIL, 'Current Grade Level'),
  localId: fieldIndex(DETAIL, 'Local Student ID'),
  ssn: fieldIndex(DETAIL, 'Social Security Number'),
  gtid: fieldIndex(DETAIL, 'GTID (State ID)'),
  district: fieldIndex(DETAIL, 'Current District Code'),
  year: fieldIndex(DETAIL, 'Current School Year'),
} as const;

/** The detail-record delimiter a header's Delimiter field declares, or null when it says neither. */
export function declaredDelimiter(value: string | undefined): ',' | '\t' | null {
  const m = /^delimiter=(.*)$/i.exec((value ?? '').trim() === '' ? '' : (value ?? '').replace(/^\s+|[ ]+$/g, ''));
  if (!m) return null;
  const d = m[1].toUpperCase();
  if (d === ',' || d === '0X2C') return ',';
  if (d === '\t' || d === '0X09') return '\t';
  return null;
}
