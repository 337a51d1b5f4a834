/**
 * The kinds of SACE field the six files share, as field-spec fragments: codes, numbers and the
 * Excel damage their repairs undo (a lost leading zero: area code 8 → 08, class 1 → 01, country
 * 61 → 061, Northern Territory post code 800 → 0800).
 */
import type { FieldSpec, Proposal } from '../../src/core/field-spec.js';

const pad = (width: number, what: string) => (value: string): Proposal | null =>
  /^\d+$/.test(value) && value.length < width ? { value: value.padStart(width, '0'), confidence: 'safe', reason: `the leading zero${width - value.length > 1 ? 's' : ''} of the ${what} put back (lost in Excel)` } : null;

const letters = (values: string): Partial<FieldSpec> => ({ kind: 'code', codes: values.split('') });

export const K = {
  school: { kind: 'pattern', pattern: /^\d{3}$/, patternText: 'the 3-digit school number', normalise: pad(3, 'school number') },
  registration: { kind: 'pattern', pattern: /^\d{6}[A-Z]$/, patternText: 'six digits and a check letter (123456H)', normalise: (v: string) => (/^\d{6}[a-z]$/.test(v) ? { value: v.toUpperCase(), confidence: 'safe', reason: 'check letter in capitals' } : null) },
  name: {},
  gender: { kind: 'code', codes: ['M', 'F'], aliases: { MALE: 'M', FEMALE: 'F' } },
  // Checked in dates.ts against the chosen format; the shape here serves detection and column order.
  date: { kind: 'pattern', pattern: /^(\d{1,2}[/.-]?\d{1,2}[/.-]?\d{4}|\d{4}[/.-]?\d{1,2}[/.-]?\d{1,2})$/, patternText: 'a date' },
  vetDate: { kind: 'date', dateFormat: 'dd/mm/yyyy' },
  country: { kind: 'pattern', pattern: /^\d{3}$/, patternText: 'a 3-digit telephone country code (061 = Australia)', normalise: pad(3, 'country code') },
  area: { kind: 'pattern', pattern: /^\d{2}$/, patternText: 'a 2-digit area code (08 = South Australia)', normalise: pad(2, 'area code') },
  phone: { kind: 'pattern', pattern: /^\d{8,10}$/, patternText: '8 to 10 digits with no spaces', normalise: (v: string) => (/^[\d\s-]+$/.test(v) && /^\d{8,10}$/.test(v.replace(/[\s-]/g, '')) ? { value: v.replace(/[\s-]/g, ''), confidence: 'safe', reason: 'spaces removed' } : null) },
  suburb: {},
  state: { kind: 'code', codes: ['SA', 'NSW', 'VIC', 'QLD', 'WA', 'TAS', 'NT', 'ACT', 'OS'] },
  postcode: { kind: 'pattern', pattern: /^(\d{4}|OSOS)$/, patternText: '4 digits, or OSOS for an overseas address', normalise: (v: string) => (/^8\d\d$/.test(v) ? { value: `0${v}`, confidence: 'safe', reason: 'the leading zero of a Northern Territory post code put back (lost in Excel)' } : null) },
  yearLevel: { kind: 'pattern', pattern: /^([89]|1[0-3]|[A-Z0-9]{1,2})$/, patternText: '8 to 13, or an EDSAS census year level' },
  yesNo: letters('YN'),
  yesNoStrict: { ...letters('YN'), aliases: { YES: 'Y', NO: 'N' } },
  yOrBlank: letters('Y'),
  teacherType: letters('T'),
  year: { kind: 'pattern', pattern: /^\d{4}$/, patternText: 'a year, ccyy' },
  stage: letters('12'),
  semester: letters('12'),
  saceCode: { kind: 'pattern', pattern: /^[A-Z0-9]{3}$/, patternText: 'the 3-character SACE subject code (BIG)', normalise: (v: string) => (/^[a-z0-9]{3}$/i.test(v) ? { value: v.toUpperCase(), confidence: 'safe', reason: 'subject code in capitals' } : null) },
  credits: { kind: 'code', codes: ['10', '20'] },
  classNumber: { kind: 'pattern', pattern: /^(0[1-9]|[1-8]\d|9[0-8])$/, patternText: 'a class number from 01 to 98', normalise: pad(2, 'class number') },
  variant: { kind: 'pattern', pattern: /^[A-Z]$/, patternText: 'a letter from A to Z', normalise: (v: string) => (/^[a-z]$/.test(v) ? { value: v.toUpperCase(), confidence: 'safe', reason: 'in capitals' } : null) },
  resultsDue: { kind: 'code', codes: ['J', 'D'], aliases: { JUNE: 'J', DECEMBER: 'D' } },
  enrolmentStatus: letters('CDXPEFW'),
  grade: letters('ABCDEPN'),
  integer: { kind: 'pattern', pattern: /^-?\d+$/, patternText: 'a whole number' },
  vetEnrolment: { kind: 'pattern', pattern: /^(-1|\d+)$/, patternText: 'a positive number, 0 (embedded) or -1 (standalone)' },
} satisfies Record<string, Partial<FieldSpec>>;

export type Kind = keyof typeof K;
