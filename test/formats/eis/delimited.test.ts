import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, fixFile } from '../../../src/core/engine.js';
import type { Issue } from '../../../src/core/issue.js';
import { OPTIONS, rows, tempDir, tempFile } from '../../helpers.js';
import { EIS_SAMPLES } from './eis-helpers.js';
import { registry } from '../../../formats/registry.js';

const check = (lines: string[], name = 'Enroll.asc') => checkFile(registry, tempFile(lines.join('\r\n') + '\r\n', name), OPTIONS);
const sample = (name: string) => checkFile(registry, join(EIS_SAMPLES, name), OPTIONS);
const proposal = (i: Issue | undefined) => i?.repair && [i.repair.confidence, Object.values(i.repair.values ?? {})[0] ?? i.repair.action];
const find = (issues: Issue[], line: number, field: string) => issues.find((i) => i.line === line && i.field === field);

const ENROLL = (over: Record<number, string> = {}) => {
  const f = ['"104567891"', '"Tremblay"', '"Marie"', '12/Mar/2001', '"F"', '""', '"S1001"', '"1"', '""', '""', '""', '"01"', '"1234"', '"7"', '"11"', '04/Sep/2013', '"R3C 4A5"', '"7A"', '"100"', '""', '""', '""'];
  for (const [i, v] of Object.entries(over)) f[Number(i)] = v;
  return f.join(',');
};

describe('EIS comma-delimited files', () => {
  it('knows the layout by its first row of names, its file name, or its field count', async () => {
    const named = await check(['"MET Student Number","Surname","Given Name(s)",Birth Date,"Gender","Previous Surname","School Student Number","Aboriginal Identity (1)","Aboriginal Identity (2)","Aboriginal Identity (3)","Aboriginal Other Description","Resident Division","School Attended","Grade","Enrolment",Enrolment Date,"Postal Code","Home Room","Student Program (1)","Student Program (2)","Student Program (3)","Student Program (4)"', ENROLL()], 'students.csv');
    expect(named).toMatchObject({ format: { id: 'eis-delimited' }, facts: { layout: 'Enroll.asc (first row: field names)' }, records: 2, detailRecords: 1 });
    expect(rows(named)).toEqual([]);
    expect((await check([ENROLL()])).facts.layout).toBe('Enroll.asc');
    expect((await check([ENROLL()], 'export.asc')).facts.layout).toBe('Enroll.asc');
  });

  it('reads DD/MMM/YYYY dates with a month name, and rewrites digit dates: review when day and month could swap', async () => {
    const { issues } = await check([ENROLL(), ENROLL({ 3: '04/11/2000' }), ENROLL({ 3: '22/08/1999' }), ENROLL({ 3: '1999-01-01' }), ENROLL({ 3: '01/January/1999' }), ENROLL({ 3: '31/Feb/2000' }), ENROLL({ 3: '01/09/99' })]);
    expect(proposal(find(issues, 2, 'Birth Date'))).toEqual(['review', '04/Nov/2000']);
    expect(proposal(find(issues, 3, 'Birth Date'))).toEqual(['safe', '22/Aug/1999']);
    expect(proposal(find(issues, 4, 'Birth Date'))).toEqual(['safe', '01/Jan/1999']);
    expect(find(issues, 5, 'Birth Date')).toBeUndefined();
    expect(find(issues, 6, 'Birth Date')?.message).toBe('Birth Date "31/Feb/2000" is not a date that exists (DD/MMM/YYYY)');
    expect(proposal(find(issues, 7, 'Birth Date'))).toEqual(['review', '01/Sep/1999']);
  });

  it('checks gender, grade codes and the quoting, and counts the fields', async () => {
    const { issues } = await check([ENROLL({ 4: '"Male"', 13: '"Grade 8"' }), ENROLL({ 13: '"k"' }), ENROLL({ 13: '"13"' }), ENROLL({ 15: '"04/Sep/2013"', 1: 'Tremblay' }), ENROLL().split(',').slice(0, 16).join(',')]);
    expect(proposal(find(issues, 1, 'Gender'))).toEqual(['safe', 'M']);
    expect(proposal(find(issues, 1, 'Grade'))).toEqual(['safe', '8']);
    expect(proposal(find(issues, 2, 'Grade'))).toEqual(['safe', 'K']);
    expect(find(issues, 3, 'Grade')).toMatchObject({ code: 'field/code', repair: null });
    expect(issues.find((i) => i.line === 4)).toMatchObject({ code: 'eis/quoting', message: 'Quoted the wrong way: dates in quotes (Enrolment Date); text without quotes (Surname)', repair: { confidence: 'safe', action: 'rewrite-record' } });
    expect(issues.find((i) => i.line === 5)).toMatchObject({ code: 'eis/field-count', message: 'The record has 16 fields; Enroll.asc has 22' });
  });

  it('StuMark.asc: credit ×10 without a decimal point, Semester 0 when not semestered, Exam Mark Included Y or N, four-digit subject codes', async () => {
    const { issues } = await sample('StuMark.asc');
    expect(rows({ issues } as never)).toEqual(['2 field/format [Credit]', '2 field/required [Semester]', '2 field/code [Exam Mark Included]', '3 field/format [Subject Code]', '3 field/format [Credit]', '4 field/code [Exam Mark Included]']);
    expect(proposal(find(issues, 2, 'Credit'))).toEqual(['safe', '010']);
    expect(proposal(find(issues, 3, 'Credit'))).toEqual(['safe', '005']);
    expect(proposal(find(issues, 2, 'Semester'))).toEqual(['review', '0']);
    expect(proposal(find(issues, 2, 'Exam Mark Included'))).toEqual(['safe', 'Y']);
    expect(find(issues, 4, 'Exam Mark Included')?.repair).toBeNull();
  });

  it('Contract.asc and InCont.asc: Is School Y or N, percentages 0–999, the surname required', async () => {
    const contract = await sample('Contract.asc');
    expect(rows(contract)).toEqual(['3 field/date [Division Start Date]', '3 field/code [Is School]', '4 field/format [School Percent]', '5 field/required [Surname]']);
    expect(proposal(find(contract.issues, 3, 'Is School'))).toEqual(['safe', 'Y']);
    const incont = await sample('InCont.asc');
    expect(rows(incont)).toEqual(['2 eis/quoting', '2 field/format [Position Percent]', '2 field/date [Position Start Date]', '3 field/date [Position End Date]']);
  });

  it('TPPper.asc: custom fields at the end take their names and rules from the first row', async () => {
    const report = await sample('TPPper.asc');
    expect(rows(report)).toEqual(['3 field/code [Gender]', '3 field/format [Days/Cycle]', '3 field/format [Number of Classes]']);
    expect(find(report.issues, 3, 'Days/Cycle')?.message).toBe('Days/Cycle "16" must be a whole number from 1 to 15');
    const numbered = await check(['"P1","Fontaine","Luc",03/Apr/1970,"M","","",,"","","","",,"","","extra 1","extra 2"'], 'TPPper.asc');
    expect(rows(numbered)).toEqual([]);
  });

  it('Y-or-blank flags, Eligible % and counts wherever a first row names them', async () => {
    const head = '"PSP Number","Surname","Given Name(s)",Birth date,"Gender","Previous Surname","Previous Given Name",Name Change Date,"Address","City","Postal Code","Home Phone Number",Address Change Date,"Fax Number","Email Address","Care of CFS","Has Diploma","Eligible %","Credit Flag","Male Enrolment"';
    const row = (cfs: string, diploma: string, eligible: string, flag = '', males = '12') => `"P1","Fontaine","Luc",03/Apr/1970,"M","","",,"","","","",,"","","${cfs}","${diploma}","${eligible}","${flag}","${males}"`;
    const { issues } = await check([head, row('Y', '', '100', 'Y', '0'), row('N', 'Yes', '0'), row('X', 'Y', '101', 'y', '1000')], 'TPPper.asc');
    expect(proposal(find(issues, 4, 'Credit Flag'))).toEqual(['safe', 'Y']);
    expect(find(issues, 4, 'Male Enrolment')?.message).toBe('Male Enrolment "1000" must be a whole number from 0 to 999');
    expect(proposal(find(issues, 3, 'Care of CFS'))).toEqual(['safe', '']);
    expect(proposal(find(issues, 3, 'Has Diploma'))).toEqual(['safe', 'Y']);
    expect(find(issues, 3, 'Eligible %')?.code).toBe('field/format');
    expect(find(issues, 4, 'Care of CFS')?.code).toBe('field/code');
    expect(find(issues, 4, 'Eligible %')?.message).toBe('Eligible % "101" must be a whole number from 1 to 100, or blank');
    expect(issues.filter((i) => i.line === 2)).toEqual([]);
  });

  it('fix --auto writes text in quotes and dates bare, applies the safe repairs, and keeps the first row and CR LF', async () => {
    const out = join(tempDir(), 'Enroll.fixed.asc');
    const fixed = await fixFile(registry, join(EIS_SAMPLES, 'Enroll.asc'), out, out + '.csv', OPTIONS);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe(readFileSync(join(EIS_SAMPLES, 'Enroll.asc'), 'utf8').split('\r\n')[0]);
    expect(lines[4]).toBe('"10456","McKay","John ""Jack""",01/Jan/1999,"M","","S1004","2","","","","01","1234","K","11",04/Sep/2013,"R3C 4A5","8B","100","","",""');
    expect(lines[5]).toBe('"104567895","Fontaine","Luc",15/May/2001,"M","","S1005","","","","","01","1234","10","11",04/Sep/2013,"R3C 4A5","9C","100","","",""');
    expect(rows(fixed.after)).toEqual(['3 field/date [Birth Date]', '5 eis/double-quote [Given Name(s)]', '5 eis/met-number [MET Student Number]', '7 eis/field-count']);
  });
});
