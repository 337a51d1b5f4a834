/**
 * The 18 columns as field specs (seed 000): Surname, Forename, DOB, DOA and Gender must have
 * data; dates dd/mm/yyyy; free meals T or F; SEN Status code S, P or A; Year Y1, Y2, ... (and R, N
 * for reception and nursery, the Early Years classes); Possible and absences whole numbers.
 */
import type { FieldSpec, Proposal } from '../../src/core/field-spec.js';
import { HEADINGS } from './headings.js';

const YEARS = ['N', 'R', ...Array.from({ length: 13 }, (_, i) => `Y${i + 1}`)];

/** "1", "Year 1", "Yr1", "Y01", "Reception", "Nursery": the Year code. */
function yearCode(value: string): Proposal | null {
  const v = value.trim().toLowerCase();
  if (/^(reception|rec)$/.test(v)) return { value: 'R', confidence: 'safe', reason: 'reception is R' };
  if (/^(nursery|nur)$/.test(v)) return { value: 'N', confidence: 'safe', reason: 'nursery is N' };
  const m = /^(?:year|yr|y)?\s*0*(\d{1,2})$/.exec(v);
  if (m && YEARS.includes(`Y${Number(m[1])}`)) return { value: `Y${Number(m[1])}`, confidence: 'safe', reason: `"${value}" is written Y${Number(m[1])}` };
  return null;
}

const count: Partial<FieldSpec> = { kind: 'pattern', pattern: /^\d+$/, patternText: 'a whole number' };

const RULES: Readonly<Record<string, Partial<FieldSpec>>> = {
  Surname: { required: true },
  Forename: { required: true },
  DOB: { required: true, kind: 'date', dateFormat: 'dd/mm/yyyy' },
  DOA: { required: true, kind: 'date', dateFormat: 'dd/mm/yyyy' },
  Gender: { required: true, kind: 'code', codes: ['M', 'F'], aliases: { MALE: 'M', FEMALE: 'F', BOY: 'M', GIRL: 'F' } },
  'Eligible for free meals': { kind: 'code', codes: ['T', 'F'], aliases: { YES: 'T', NO: 'F', Y: 'T', N: 'F', TRUE: 'T', FALSE: 'F' } },
  'SEN Status code': { kind: 'code', codes: ['S', 'P', 'A'] },
  Year: { kind: 'code', codes: YEARS, normalise: yearCode },
  Possible: count,
  'Authorised absences': count,
  'Unauthorised absences': count,
};

export const FIELDS: readonly FieldSpec[] = HEADINGS.map((name) => ({ name, required: false, maxLength: 255, kind: 'text', ...RULES[name] }));
