/**
 * One SACE record: the generic checks driven by the file's field specs, dates in the chosen
 * format, and the rules the seed states beside its tables (phone parts all or none, overseas
 * addresses, names in mixed case, VET fields mandatory when embedded, a completed enrolment).
 */
import { lineBreakIssues } from '../../src/core/line-breaks.js';
import { issueAt, type Issue } from '../../src/core/issue.js';
import type { RecordLayout } from '../../src/core/format.js';
import { checkField } from '../../src/core/record-check.js';
import { dateIssue, type SaceDateFormat } from './dates.js';


const DATE_FIELDS = new Set(['Date of Birth', 'Start Date', 'End Date']);
const VET_EMBEDDED = ['Enrolment Year', 'Stage', 'SACE Code', 'Credits', 'Semester', 'Variant', 'Class Code', 'Results Due'];

const titleCase = (v: string) => v.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

export interface Dates {
  chosen: SaceDateFormat;
  used: SaceDateFormat;
}

export function checkRecord(layout: RecordLayout, fields: readonly string[], line: number, dates: Dates): Issue[] {
  const out: Issue[] = lineBreakIssues('sace/line-break', layout, fields, line);
  const at = (name: string) => (fields[layout.fields.findIndex((f) => f.name === name)] ?? '').trim();
  const has = (name: string) => layout.fields.some((f) => f.name === name);
  const embedded = has('VET Module ID') && /^\d+$/.test(at('Enrolment Number'));
  layout.fields.forEach((spec, i) => {
    const value = fields[i] ?? '';
    if (DATE_FIELDS.has(spec.name)) {
      if (value.trim() === '' && spec.required) out.push(issueAt('field/required', 'error', line, spec.name, `${spec.name} is required but empty`));
      const found = dateIssue(spec.name, value.trim(), line, dates.chosen, dates.used);
      if (found) out.push(found);
      return;
    }
    if (spec.name === 'Registration Number') {
      // The check character's algorithm is not public (ctf-reference.md): the shape only, as a warning.
      if (value.trim() && !/^\d{6}[A-Z]$/.test(value.trim())) out.push(issueAt('sace/registration', 'warning', line, spec.name, `Registration Number "${value}" is not six digits and a check letter (123456H)`, /^\d{6}[a-z]$/.test(value.trim()) ? { confidence: 'safe', reason: 'check letter in capitals', values: { [spec.name]: value.trim().toUpperCase() } } : null));
      return;
    }
    const required = spec.required || (embedded && VET_EMBEDDED.includes(spec.name));
    const found = checkField({ ...spec, required }, value, line);
    if (!found) return;
    out.push(found.code === 'field/required' && !spec.required ? { ...found, message: `${spec.name} is required for an embedded VET enrolment (Enrolment Number 0 or more)` } : found);
  });
  if (has('Phone Area Code')) {
    const parts = ['Phone Country Code', 'Phone Area Code', 'Local Phone Number'];
    const given = parts.filter((p) => at(p) !== '');
    if (given.length > 0 && given.length < 3) out.push(issueAt('sace/phone-parts', 'error', line, parts.find((p) => at(p) === '')!, `All three parts of the phone number must be given, or none: ${parts.filter((p) => at(p) === '').join(' and ')} ${given.length === 2 ? 'is' : 'are'} empty`));
  }
  if (has('Post Code') && (at('State') === 'OS') !== (at('Post Code') === 'OSOS')) {
    out.push(issueAt('sace/overseas', 'error', line, 'Post Code', at('State') === 'OS' ? 'State is OS (overseas), so the Post Code must be OSOS' : 'Post Code is OSOS (overseas), so the State must be OS'));
  }
  for (const name of ['Given Names', 'Family Name']) {
    const value = at(name);
    if (value.length > 1 && /\p{L}/u.test(value) && (value === value.toUpperCase() || value === value.toLowerCase())) {
      out.push(issueAt('sace/name-case', 'warning', line, name, `${name} "${value}" is not in mixed case`, { confidence: 'review', reason: `written "${titleCase(value)}" (check names like McKay or van der Berg)`, values: { [name]: titleCase(value) } }));
    }
  }
  const suburb = at('Suburb');
  if (suburb && suburb !== suburb.toUpperCase()) out.push(issueAt('sace/suburb-case', 'warning', line, 'Suburb', `Suburb "${suburb}" will be converted to upper case`, { confidence: 'safe', reason: 'suburb in upper case', values: { Suburb: suburb.toUpperCase() } }));
  if (at('Enrolment Status') === 'C') out.push(issueAt('sace/enrolment-completed', 'warning', line, 'Enrolment Status', "The enrolment's status is C (Completed): the import warns and does not change it"));
  return out;
}

/** Schools Online's own match for "a student already exists". */
export function studentKey(at: (name: string) => string): string | null {
  const family = at('Family Name').toLowerCase();
  return family && at('Date of Birth') ? [family, at('Gender').toUpperCase(), at('Date of Birth'), at('Given Names').slice(0, 1).toLowerCase()].join('|') : null;
}
