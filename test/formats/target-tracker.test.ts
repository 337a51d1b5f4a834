import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, fixFile } from '../../src/core/engine.js';
import type { Issue } from '../../src/core/issue.js';
import { OPTIONS, ROOT, rows, tempDir, tempFile } from '../helpers.js';
import { HEADINGS } from '../../formats/target-tracker/headings.js';
import { registry } from '../../formats/registry.js';

const SAMPLE = join(ROOT, 'formats/target-tracker/samples/pupils.csv');
const HEAD = HEADINGS.join(',');
const pupil = (over: Record<string, string> = {}) => {
  const values: Record<string, string> = { UPN: 'B801200005001', Surname: 'Smith', Forename: 'Oliver', DOB: '14/03/2016', Gender: 'M', DOA: '01/09/2020', 'Eligible for free meals': 'F', Year: 'Y4', Possible: '180', 'Authorised absences': '4', 'Unauthorised absences': '0', ...over };
  return HEADINGS.map((h) => values[h] ?? '').join(',');
};
const check = (lines: string[]) => checkFile(registry, tempFile(lines.join('\r\n') + '\r\n', 'pupils.csv'), OPTIONS);
const find = (issues: Issue[], line: number, field: string | null) => issues.find((i) => i.line === line && i.field === field);
const proposal = (i: Issue | undefined) => i?.repair && [i.repair.confidence, Object.values(i.repair.values ?? {})[0]];

describe('Target Tracker', () => {
  it('accepts the 18 headings in order and a clean pupil', async () => {
    const report = await check([HEAD, pupil()]);
    expect(report.format.id).toBe('target-tracker');
    expect(rows(report)).toEqual([]);
  });

  it('maps headings in another order, case, spacing or spelling, and fix --auto renames and reorders every row', async () => {
    const head = ['Forename', 'surname ', 'UPN', 'D.O.B', ...HEADINGS.slice(4, 8), 'Ethnicty', ...HEADINGS.slice(9), 'Notes'].join(',');
    const row = ['Oliver', 'Smith', 'B801200005001', '14/03/2016', 'M', '01/09/2020', 'F', 'ENG', 'WBRI', '', 'Red', 'Y4', '', '', '', '180', '4', '0', 'a note'].join(',');
    const input = tempFile([head, row].join('\r\n') + '\r\n', 'pupils.csv');
    const report = await checkFile(registry, input, OPTIONS);
    expect(rows(report)).toEqual(['- tt/headings', '- tt/extra-column']);
    expect(report.issues[0].message).toBe('Row 1\'s headings are not exactly the 18 in order: "UPN" (column C) → UPN; "surname " (column B) → Surname; "Forename" (column A) → Forename; "D.O.B" (column D) → DOB; "Ethnicty" (column I) → Ethnicity');
    expect(report.issues[0].repair?.confidence).toBe('safe');
    const out = join(tempDir(), 'out.csv');
    const fixed = await fixFile(registry, input, out, out + '.changes.csv', OPTIONS);
    expect(readFileSync(out, 'utf8').split('\r\n').slice(0, 2)).toEqual([`${HEAD},Notes`, `${pupil({ Reg: 'Red', 'Mother tongue code': 'ENG', Ethnicity: 'WBRI' })},a note`]);
    expect(fixed.changes.map((c) => c.code)).toEqual(['tt/headings']);
    expect(rows(fixed.after)).toEqual(['- tt/extra-column']); // kept, after the 18
  });

  it('knows the names MIS exports give the columns (Sex, Date of Birth, FSM)', async () => {
    const head = HEADINGS.map((h) => ({ Gender: 'Sex', DOB: 'Date of Birth', 'Eligible for free meals': 'FSM' })[h as string] ?? h).join(',');
    const report = await check([head, pupil()]);
    expect(rows(report)).toEqual(['- tt/headings']);
    expect(report.issues[0].message).toContain('"Sex" (column E) → Gender');
    expect(report.issues[0].repair?.confidence).toBe('safe');
  });

  it('names a missing heading and then keeps the columns where they are', async () => {
    const head = HEADINGS.filter((h) => h !== 'Gender').join(',');
    const report = await check([head, pupil().split(',').filter((_, i) => i !== 4).join(',')]);
    expect(rows(report)).toEqual(['- tt/missing-heading', '2 field/required [Gender]']);
    expect(report.issues[0]).toMatchObject({ message: 'Row 1 has no column headed Gender', repair: null });
  });

  it('requires Surname, Forename, DOB, DOA and Gender; dates dd/mm/yyyy that exist, converted from other layouts', async () => {
    const { issues } = await check([HEAD, pupil({ Surname: '', Gender: 'Female' }), pupil({ UPN: '', DOB: '2016-03-14' }), pupil({ UPN: '', DOB: '3/4/2016', Forename: 'A' }), pupil({ UPN: '', DOB: '11/13/2016', Forename: 'B' }), pupil({ UPN: '', DOB: '30/02/2016', Forename: 'C' })]);
    expect(find(issues, 2, 'Surname')?.code).toBe('field/required');
    expect(proposal(find(issues, 2, 'Gender'))).toEqual(['safe', 'F']);
    expect(proposal(find(issues, 3, 'DOB'))).toEqual(['safe', '14/03/2016']);
    expect(proposal(find(issues, 4, 'DOB'))).toEqual(['safe', '03/04/2016']); // dd/mm/yyyy missing its zeros
    expect(proposal(find(issues, 5, 'DOB'))).toEqual(['review', '13/11/2016']);
    expect(find(issues, 6, 'DOB')).toMatchObject({ code: 'field/date', repair: null });
  });

  it('admission not before birth; free meals T or F; SEN S, P or A; Year Y1… with R and N', async () => {
    const { issues } = await check([HEAD, pupil({ DOA: '01/09/2015' }), pupil({ UPN: '', Forename: 'A', 'Eligible for free meals': 'Yes', 'SEN Status code': 'X', Year: 'Year 3' }), pupil({ UPN: '', Forename: 'B', 'Eligible for free meals': 'FALSE', Year: 'Reception' }), pupil({ UPN: '', Forename: 'C', Year: 'Nursery' }), pupil({ UPN: '', Forename: 'D', Year: 'Yr1' }), pupil({ UPN: '', Forename: 'E', Year: '7' }), pupil({ UPN: '', Forename: 'F', Year: 'Y14' })]);
    expect(find(issues, 2, 'DOA')?.code).toBe('tt/doa-before-dob');
    expect(proposal(find(issues, 3, 'Eligible for free meals'))).toEqual(['safe', 'T']);
    expect(find(issues, 3, 'SEN Status code')).toMatchObject({ code: 'field/code', repair: null });
    expect(proposal(find(issues, 3, 'Year'))).toEqual(['safe', 'Y3']);
    expect(proposal(find(issues, 4, 'Eligible for free meals'))).toEqual(['safe', 'F']);
    expect(proposal(find(issues, 4, 'Year'))).toEqual(['safe', 'R']);
    expect(proposal(find(issues, 5, 'Year'))).toEqual(['safe', 'N']);
    expect(proposal(find(issues, 6, 'Year'))).toEqual(['safe', 'Y1']);
    expect(proposal(find(issues, 7, 'Year'))).toEqual(['safe', 'Y7']);
    expect(find(issues, 8, 'Year')?.repair).toBeNull();
  });

  it('attendance: whole numbers, absences not above Possible', async () => {
    const { issues } = await check([HEAD, pupil({ Possible: '180.5' }), pupil({ UPN: '', Forename: 'A', 'Authorised absences': '150', 'Unauthorised absences': '40' }), pupil({ UPN: '', Forename: 'B', 'Authorised absences': '180' })]);
    expect(find(issues, 2, 'Possible')?.code).toBe('field/format');
    expect(find(issues, 3, 'Possible')).toMatchObject({ code: 'tt/absences-above-possible', message: '190 sessions absent (authorised and unauthorised) but only 180 possible' });
    expect(issues.filter((i) => i.line === 4)).toEqual([]);
  });

  it('UPN check letter and case; duplicate UPNs and duplicate pupils', async () => {
    const report = await check([HEAD, pupil(), pupil({ UPN: 'b801200005001', Forename: 'Olly' }), pupil({ UPN: 'Q207000016049', Forename: 'Harry' }), pupil({ UPN: '' })]);
    expect(rows(report)).toEqual(['2 tt/duplicate-upn [UPN]', '2 tt/duplicate-pupil', '3 upn/format [UPN]', '3 tt/duplicate-upn [UPN]', '4 upn/check-letter [UPN]', '5 tt/duplicate-pupil']);
    expect(proposal(find(report.issues, 3, 'UPN'))).toEqual(['safe', 'B801200005001']);
    expect(report.flaggedRecords).toBe(4);
  });

  it('the bundled sample shows a clerk every kind of problem', async () => {
    const report = await checkFile(registry, SAMPLE, OPTIONS);
    expect(new Set(report.issues.map((i) => i.code))).toEqual(new Set(['tt/headings', 'tt/extra-column', 'tt/duplicate-upn', 'tt/duplicate-pupil', 'upn/format', 'upn/check-letter', 'field/code', 'field/date', 'field/required', 'tt/absences-above-possible', 'tt/doa-before-dob']));
  });
});
