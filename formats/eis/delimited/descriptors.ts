/**
 * The rules of seed 004's "Field Descriptions", by field name: a field gets its rule wherever it
 * appears (in a layout, or as a custom field named in the first row). What the seed leaves to
 * its code tables (Enrolment list, Delivery Mode list, ...) is not checked.
 */
import type { FieldSpec, Proposal } from '../../../src/core/field-spec.js';

type Rule = Omit<FieldSpec, 'name' | 'maxLength'> & { maxLength?: number };

const range = (low: number, high: number, extra = ''): Rule => ({
  required: false, kind: 'pattern', pattern: new RegExp(`^0*(${Array.from({ length: high - low + 1 }, (_, i) => high - i).join('|')})$`), patternText: `a whole number from ${low} to ${high}${extra}`,
});

const yOrBlank: Rule = { required: false, kind: 'code', codes: ['Y'], aliases: { YES: 'Y', N: '', NO: '' } };
const yesNo: Rule = { required: false, kind: 'code', codes: ['Y', 'N'], aliases: { YES: 'Y', NO: 'N', TRUE: 'Y', FALSE: 'N' } };
const date: Rule = { required: false, kind: 'date', dateFormat: 'dd/mmm/yyyy' };

/** "Number is read as 99.9. Multiply the credit value by ten to remove the decimal (1.0 > 010, 0.5 > 005)." */
function creditTimesTen(value: string): Proposal | null {
  const m = /^(\d{1,2})?\.(\d)$/.exec(value.trim()) ?? /^(\d{1,2})\.(\d)0*$/.exec(value.trim());
  if (!m) return null;
  const tenths = Number(m[1] ?? 0) * 10 + Number(m[2]);
  return { value: String(tenths).padStart(3, '0'), confidence: 'safe', reason: `credit written ×10 without the decimal point (${value.trim()} → ${String(tenths).padStart(3, '0')})` };
}

/** "Grade 5", "05", "gr. k": the grade list's code. */
function gradeCode(value: string): Proposal | null {
  const m = /^(?:grade|gr\.?)?\s*0*(\d{1,2}|[a-z]{1,2})$/i.exec(value.trim());
  if (!m) return null;
  const code = m[1].toUpperCase();
  return GRADES.includes(code) ? { value: code, confidence: 'safe', reason: `"${value}" is grade ${code}` } : null;
}

const GRADES = ['N', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', 'SE', 'SS'];

const DESCRIPTORS: Readonly<Record<string, Rule>> = {
  Surname: { required: true, kind: 'text' },
  Gender: { required: false, kind: 'code', codes: ['M', 'F'], aliases: { MALE: 'M', FEMALE: 'F' } },
  Grade: { required: false, kind: 'code', codes: GRADES, normalise: gradeCode },
  'Low Grade': { required: false, kind: 'code', codes: GRADES, normalise: gradeCode },
  'High Grade': { required: false, kind: 'code', codes: GRADES, normalise: gradeCode },
  'Care of CFS': yOrBlank,
  'Has Diploma': yOrBlank,
  'Credit Flag': yOrBlank,
  'Exam Mark Included': yesNo,
  'Is School': yesNo,
  'Eligible %': range(1, 100, ', or blank'),
  'School Percent': range(0, 999),
  'Position Percent': range(0, 999),
  'Contract Percent': range(0, 999),
  'Male Enrolment': range(0, 999),
  'Female Enrolment': range(0, 999),
  'Minutes per Cycle': range(0, 999),
  'Days/Cycle': range(1, 15),
  'Number of Classes': range(1, 10),
  Semester: { required: true, kind: 'pattern', pattern: /^\d$/, patternText: 'one digit, 0 for a course that is not semestered' },
  Credit: { required: false, kind: 'pattern', pattern: /^\d{1,3}$/, patternText: 'the credit ×10 without a decimal point (1.0 is 010, 0.5 is 005)', normalise: creditTimesTen },
  'Subject Code': { required: false, kind: 'pattern', pattern: /^\d{4}$/, patternText: 'the four-digit code the department assigned' },
};

/** The spec of a field of this name: its descriptor's rule, or free text. */
export function fieldSpec(name: string, isDate: boolean): FieldSpec {
  const rule = isDate ? date : (DESCRIPTORS[name] ?? { required: false, kind: 'text' as const });
  return { maxLength: 255, ...rule, name };
}
