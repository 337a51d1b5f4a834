/**
 * GTID record rules that a field spec cannot say: last-name cleansing, the SSN's meaning, the
 * user's current location, and the UK/U1 birth-date cut-offs. `validateDetail` is the whole check
 * of one detail record (generic field checks + these rules), pure, so the workstation can re-run
 * it on every keystroke. Cross-record and whole-file rules live in validator.ts.
 */
import type { CheckOptions } from '../../src/core/format.js';
import type { Issue } from '../../src/core/issue.js';
import { checkFields } from '../../src/core/record-check.js';
import { lineBreakIssues } from '../../src/core/line-breaks.js';
import { parseDate } from '../../src/core/dates.js';
import { DETAIL, F } from './spec.js';
import { currentDistrict, schoolDirectory } from './settings.js';
import { cleanseLastName, isCleanLastName, type CleanseStep } from './last-name.js';

const field = DETAIL.fields;
const NINE_DIGITS = /^\d{9}$/;

function issue(line: number, index: number, code: string, severity: Issue['severity'], message: string, repair: Issue['repair'] = null): Issue {
  return { code, severity, scope: 'field', line, field: field[index].name, message, repair };
}

const STEP_CODE: Record<CleanseStep, string> = {
  suffix: 'gtid/last-name-suffix',
  parentheses: 'gtid/last-name-parentheses',
  characters: 'gtid/last-name-characters',
};

const listed = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

function lastNameRule(fields: readonly string[], line: number, out: Issue[]): void {
  const value = fields[F.last];
  if (value === '' || isCleanLastName(value)) return;
  const result = cleanseLastName(value, fields[F.suffix]);
  if (result.steps.length === 0) return;
  const what = result.steps.map((s) => ({ suffix: 'a suffix', parentheses: 'parentheses', characters: 'special characters' })[s]);
  const values: Record<string, string> = { [field[F.last].name]: result.last };
  if (result.suffix !== fields[F.suffix]) values[field[F.suffix].name] = result.suffix;
  const target = result.suffix !== fields[F.suffix] ? `"${result.last}" + suffix "${result.suffix}"` : `"${result.last}"`;
  out.push(issue(line, F.last, STEP_CODE[result.steps[0]], 'error', `Legal Last Name "${value}" contains ${listed(what)}`,
    result.last === '' ? null : { confidence: result.confidence, reason: [`cleansed to ${target}`, ...result.notes].join('; '), values }));
}

function ssnRule(fields: readonly string[], line: number, out: Issue[], clean: boolean): void {
  const ssn = fields[F.ssn];
  if (ssn.length !== 9 || (!clean && !NINE_DIGITS.test(ssn))) return;
  const clear = { confidence: 'review' as const, reason: 'clear the field (it is optional)', values: { [field[F.ssn].name]: '' } };
  if (ssn.startsWith('800')) {
    out.push(issue(line, F.ssn, 'gtid/ssn-migrant', 'error', 'Social Security Number holds a migrant "800" number, not an SSN', clear));
    return;
  }
  const area = ssn.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9' || ssn.slice(3, 5) === '00' || ssn.slice(5) === '0000') {
    out.push(issue(line, F.ssn, 'gtid/ssn-invalid', 'error', 'Social Security Number cannot be a real SSN (area 000, 666 or 9xx, group 00 or serial 0000)', clear));
  }
}

function locationRule(fields: readonly string[], line: number, options: CheckOptions, out: Issue[]): void {
  const district = fields[F.district];
  const current = currentDistrict(options);
  if (current && district !== current && district.trim() !== '') {
    out.push(issue(line, F.district, 'gtid/district-not-current', 'error', `Current District Code "${district}" is not your current location (${current})`,
      { confidence: 'review', reason: `set to your current district ${current}`, values: { [field[F.district].name]: current } }));
  }
  const school = fields[F.school];
  const schools = schoolDirectory(options);
  if (!schools || school.trim() === '') return;
  const schoolDistrict = schools.get(school);
  const expected = current ?? district;
  if (schoolDistrict === undefined) {
    out.push(issue(line, F.school, 'gtid/school-unknown', 'error', `Current School Code "${school}" is not in the school directory`));
  } else if (schoolDistrict !== expected) {
    out.push(issue(line, F.school, 'gtid/school-not-in-district', 'error', `School ${school} is in district ${schoolDistrict}, not ${expected}`));
  }
}

/**
 * Seed 003: for 2004-2005, a UK student must be born after 9/1/1999 and a U1 student after
 * 9/1/1998. Generalised: for the school year ending in Y, after September 1 of Y-6 (UK) and Y-7 (U1).
 */
function gradeAgeRule(fields: readonly string[], line: number, out: Issue[]): void {
  const grade = fields[F.grade];
  if (grade !== 'UK' && grade !== 'U1' && grade !== 'KK' && grade !== '01') return;
  const birth = parseDate(fields[F.birth], 'mm/dd/yyyy');
  const year = fields[F.year];
  if (!birth || !/^\d{4}$/.test(year)) return;
  // Numbers first, words only for an issue: a quarter of a million records pass through here.
  const end = Number(year);
  const born = birth[0] * 10000 + birth[1] * 100 + birth[2];
  const afterKinder = born > (end - 6) * 10000 + 901;
  const afterFirst = born > (end - 7) * 10000 + 901;
  const cutoff = (years: number) => `09/01/${end - years}`;
  const school = () => `${end - 1}-${year}`;
  const set = (value: string, confidence: 'review', reason: string) => ({ confidence, reason, values: { [field[F.grade].name]: value } });
  if (grade === 'UK' && !afterKinder) {
    out.push(issue(line, F.grade, 'gtid/uk-age', 'error', `Grade UK but born on or before ${cutoff(6)}: for ${school()} that is funded kindergarten, KK`, set('KK', 'review', 'born on or before the UK cut-off: KK')));
  } else if (grade === 'U1' && !afterFirst) {
    out.push(issue(line, F.grade, 'gtid/u1-age', 'error', `Grade U1 but born on or before ${cutoff(7)}: for ${school()} that is grade 01`, set('01', 'review', 'born on or before the U1 cut-off: 01')));
  } else if (grade === 'KK' && afterKinder) {
    out.push(issue(line, F.grade, 'gtid/kk-underage', 'warning', `Grade KK but born after ${cutoff(6)}: for ${school()} that is Underage Kindergarten, UK`, set('UK', 'review', 'born after the kindergarten cut-off: UK')));
  } else if (grade === '01' && afterFirst) {
    out.push(issue(line, F.grade, 'gtid/01-underage', 'warning', `Grade 01 but born after ${cutoff(7)}: for ${school()} that is Underage Grade 1, U1`, set('U1', 'review', 'born after the grade 1 cut-off: U1')));
  }
}

/**
 * The GTID rules of one detail record whose fields already passed the generic checks (or whose
 * generic issues are reported beside). Reads only the last name, suffix, SSN, school, district,
 * date of birth, grade and school year: the fast path gives just those. `clean`: the record
 * matched the clean-record pattern, so a 9-character SSN is 9 digits.
 */
export function recordRules(fields: readonly string[], line: number, options: CheckOptions, out: Issue[], clean = false): void {
  lastNameRule(fields, line, out);
  ssnRule(fields, line, out, clean);
  locationRule(fields, line, options, out);
  gradeAgeRule(fields, line, out);
}

/** The fields `recordRules` reads, by name. */
export const RULE_FIELDS = [F.last, F.suffix, F.ssn, F.school, F.district, F.birth, F.grade, F.year].map((i) => DETAIL.fields[i].name);

/** Every issue of one complete (16-field) detail record, cross-record duplicates aside. */
export function validateDetail(fields: readonly string[], line: number, options: CheckOptions, plain = false): Issue[] {
  const out: Issue[] = plain ? [] : lineBreakIssues('gtid/line-break', DETAIL, fields, line);
  checkFields(DETAIL, fields, line, plain, out);
  recordRules(fields, line, options, out);
  return out;
}
