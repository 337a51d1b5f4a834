/**
 * One pupil row: the generic checks driven by the field specs, the UPN check letter (shared
 * with CTF), admission not before birth, and absences not above the sessions possible.
 */
import { issueAt, type Issue } from '../../src/core/issue.js';
import { checkField } from '../../src/core/record-check.js';
import { parseDate } from '../../src/core/dates.js';
import { upnIssue } from '../england/upn.js';
import type { RecordLayout } from '../../src/core/format.js';

const at = (layout: RecordLayout, fields: readonly string[], name: string) => fields[layout.fields.findIndex((f) => f.name === name)] ?? '';

export function checkPupil(layout: RecordLayout, fields: readonly string[], line: number, las?: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  layout.fields.forEach((spec, i) => {
    if (spec.name === 'UPN' || spec.name.startsWith('Extra: ')) return;
    const value = fields[i] ?? '';
    const found = checkField(spec, value, line);
    if (found) issues.push(found);
  });
  const upn = upnIssue(at(layout, fields, 'UPN'), line, 'UPN', las);
  if (upn) issues.unshift(upn);
  const dob = parseDate(at(layout, fields, 'DOB'), 'dd/mm/yyyy');
  const doa = parseDate(at(layout, fields, 'DOA'), 'dd/mm/yyyy');
  const ordinal = ([y, m, d]: [number, number, number]) => y * 10_000 + m * 100 + d;
  if (dob && doa && ordinal(doa) < ordinal(dob)) {
    issues.push(issueAt('tt/doa-before-dob', 'error', line, 'DOA', `DOA ${at(layout, fields, 'DOA')} is before DOB ${at(layout, fields, 'DOB')}: day and month swapped, or the two dates the wrong way round?`));
  }
  const possible = at(layout, fields, 'Possible');
  const absent = ['Authorised absences', 'Unauthorised absences'].map((n) => at(layout, fields, n));
  if (/^\d+$/.test(possible) && absent.every((a) => a === '' || /^\d+$/.test(a))) {
    const total = absent.reduce((sum, a) => sum + (a === '' ? 0 : Number(a)), 0);
    if (total > Number(possible)) {
      issues.push(issueAt('tt/absences-above-possible', 'error', line, 'Possible', `${total} sessions absent (authorised and unauthorised) but only ${possible} possible`));
    }
  }
  return issues;
}
