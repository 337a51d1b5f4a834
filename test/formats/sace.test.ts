import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, fixFile } from '../../src/core/engine.js';
import { checkFileSet } from '../../src/core/file-set.js';
import type { Issue } from '../../src/core/issue.js';
import { cli, OPTIONS, ROOT, rows, tempDir, tempFile } from '../helpers.js';
import { SACE_FILES } from '../../formats/sace/layouts.js';
import { registry } from '../../formats/registry.js';

const SAMPLES = join(ROOT, 'formats/sace/samples');
const csv = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');
const student = (over: Record<number, string> = {}, length = 24) => {
  const f = ['123', '', 'S001', '', 'Oliver', 'Smith', 'M', '14/03/2008', '061', '08', '82345678', '1 Main St', '', '', 'ADELAIDE', 'SA', '5000', '10A', '10', '', '', '', 'N', ''];
  for (const [i, v] of Object.entries(over)) f[Number(i)] = v;
  return csv(f.slice(0, length));
};
const check = (lines: string[], name = 'StudImp.dat', options = {}) => checkFile(registry, tempFile(lines.join('\r\n') + '\r\n', name), { ...OPTIONS, ...options });
const find = (issues: Issue[], line: number, field: string | null) => issues.find((i) => i.line === line && i.field === field);
const proposal = (i: Issue | undefined) => i?.repair && [i.repair.confidence, Object.values(i.repair.values ?? {})[0] ?? i.repair.action];

describe('SACE import files, one at a time', () => {
  it('recognises each file by its EDSAS name, a first row of field names, or its values', async () => {
    for (const [name, id] of [['StudImp.dat', 'sace-students'], ['TchrImp.dat', 'sace-teachers'], ['ClassImp.dat', 'sace-classes'], ['EnrlImp.dat', 'sace-enrolments'], ['VETRImp.dat', 'sace-vet'], ['CEAImp.dat', 'sace-cea']]) {
      expect((await checkFile(registry, join(SAMPLES, name), OPTIONS)).format.id).toBe(id);
    }
    expect((await check([student()], 'students.csv')).format.id).toBe('sace-students');
    // Teachers and Classes both have 11 fields: the values tell them apart.
    expect((await check([csv(['123', '2025', '1', 'BIG', '10', '01', '', '1', 'TSM', 'B1', 'J'])], 'export.csv')).format.id).toBe('sace-classes');
    expect((await check([csv(['123', 'TSM', 'Smith', 'JS', 'Mr', 'T', '', '', 'John', '', 'M'])], 'export.csv')).format.id).toBe('sace-teachers');
    const named = await check([SACE_FILES[0].fields.map((f) => f.name).join(','), student({}, 19)], 'students.csv');
    expect(named).toMatchObject({ format: { id: 'sace-students' }, records: 2, detailRecords: 1 });
  });

  it('knows a file by a first row of its field names before any field count: every file, and Enrolments is not Classes', async () => {
    const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8').trimEnd().split(/\r?\n/);
    for (const file of SACE_FILES) {
      const report = await check([file.fields.map((f) => f.name).join(','), ...sample(file.edsas)], 'export.csv');
      expect(report.format.id, file.id).toBe(file.id);
      expect(rows(report), file.id).toContain('1 sace/names-row');
    }
  });

  it('flags a row of field names, which the import reads as a record, and drops it when fixing', async () => {
    const names = SACE_FILES[3].fields.map((f) => f.name).join(',');
    const path = tempFile([names, ...readFileSync(join(SAMPLES, 'EnrlImp.dat'), 'utf8').trimEnd().split(/\r?\n/)].join('\r\n') + '\r\n', 'enrolments.csv');
    const report = await checkFile(registry, path, OPTIONS);
    expect(report.issues[0]).toMatchObject({ code: 'sace/names-row', severity: 'error', line: 1, repair: { confidence: 'safe', action: 'delete-record' } });
    const out = join(tempDir(), 'out.csv');
    const fixed = await fixFile(registry, path, out, `${out}.changes.csv`, OPTIONS, 'sace-enrolments');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('123,,S001,2025,1,1,BIG,10,,J,,123,123,01,E,,BIO1A,,,');
    expect(rows(fixed.after)).not.toContain('1 sace/names-row');
  });

  it('recognises a column spreadsheet tools add in front (an unnamed index, a leftover subject column) and drops it', async () => {
    const enrolments = readFileSync(join(SAMPLES, 'EnrlImp.dat'), 'utf8').trimEnd().split(/\r?\n/);
    const names = SACE_FILES[3].fields.map((f) => f.name).join(',');
    const pandas = [`,${names}`, ...enrolments.map((l, i) => `${i},${l}`)];
    const leftover = readFileSync(join(SAMPLES, 'ClassImp.dat'), 'utf8').trimEnd().split(/\r?\n/).map((l) => `Biology,${l}`);
    for (const [lines, id, name] of [[pandas, 'sace-enrolments', 'enrolments.csv'], [leftover, 'sace-classes', 'classes.csv']] as const) {
      const path = tempFile(lines.join('\r\n') + '\r\n', name);
      const report = await checkFile(registry, path, OPTIONS);
      expect(report.format.id, name).toBe(id);
      const lead = report.issues.find((i) => i.code === 'sace/leading-column');
      expect(lead, name).toMatchObject({ severity: 'error', line: null, repair: { confidence: 'safe' } });
      expect(rows(report).filter((r) => r.includes('field-count')), name).toEqual([]);
      const out = join(tempDir(), name);
      const fixed = await fixFile(registry, path, out, `${out}.changes.csv`, OPTIONS);
      const written = readFileSync(out, 'utf8').split('\r\n');
      expect(written[0], name).toMatch(/^123,/);
      expect(written.filter((l) => l !== '').every((l) => l.split(',').length === SACE_FILES.find((f) => f.id === id)!.fields.length), name).toBe(true);
      expect(rows(fixed.after).filter((r) => /leading-column|names-row/.test(r)), name).toEqual([]);
    }
    // A file without one is left alone.
    expect(rows(await checkFile(registry, join(SAMPLES, 'ClassImp.dat'), OPTIONS)).filter((r) => r.includes('leading-column'))).toEqual([]);
  });

  it('checks every field against the seed: mandatory, maximum length, codes', async () => {
    const { issues } = await check([student({ 2: '', 6: 'X', 15: 'XX', 22: 'Q', 5: 'S'.repeat(46) })]);
    expect(find(issues, 1, 'Student Code')?.code).toBe('field/required');
    expect(find(issues, 1, 'Family Name')?.code).toBe('field/too-long');
    expect(find(issues, 1, 'Gender')?.code).toBe('field/code');
    expect(find(issues, 1, 'State')?.code).toBe('field/code');
    expect(find(issues, 1, 'Ab/Tr Ind')?.code).toBe('field/code');
  });

  it('lets a Students record stop after Year Level, no earlier', async () => {
    expect(rows(await check([student({}, 19)]))).toEqual([]);
    expect(rows(await check([student({}, 17)]))).toEqual(['1 sace/field-count']);
  });

  it('repairs Excel damage safely: lost leading zeros, spaces in phone numbers, suburb case', async () => {
    const { issues } = await check([student({ 0: '12', 8: '61', 9: '8', 10: '8234 5678', 14: 'Norwood' }), student({ 2: 'S2', 4: 'Jack', 15: 'NT', 16: '800', 7: '21/07/2008' })]);
    expect(proposal(find(issues, 1, 'Contact School Number'))).toEqual(['safe', '012']);
    expect(proposal(find(issues, 1, 'Phone Country Code'))).toEqual(['safe', '061']);
    expect(proposal(find(issues, 1, 'Phone Area Code'))).toEqual(['safe', '08']);
    expect(proposal(find(issues, 1, 'Local Phone Number'))).toEqual(['safe', '82345678']);
    expect(find(issues, 1, 'Suburb')).toMatchObject({ code: 'sace/suburb-case', severity: 'warning', repair: { confidence: 'safe', values: { Suburb: 'NORWOOD' } } });
    expect(proposal(find(issues, 2, 'Post Code'))).toEqual(['safe', '0800']);
  });

  it('phone: all three parts or none; overseas: OS and OSOS together; names in mixed case', async () => {
    const { issues } = await check([student({ 8: '', 10: '' }), student({ 2: 'S2', 4: 'Jack', 15: 'OS' }), student({ 2: 'S3', 4: 'Amelia', 5: 'JONES', 8: '', 9: '', 10: '' }), student({ 2: 'S4', 4: 'Noah\u200b' })]);
    expect(find(issues, 1, 'Phone Country Code')).toMatchObject({ code: 'sace/phone-parts', message: 'All three parts of the phone number must be given, or none: Phone Country Code and Local Phone Number are empty' });
    expect(find(issues, 2, 'Post Code')?.code).toBe('sace/overseas');
    expect(proposal(find(issues, 3, 'Family Name'))).toEqual(['review', 'Jones']);
    expect(find(issues, 4, 'Given Names')?.code).toBe('field/non-printable');
  });

  it('dates: read in the chosen format, the file\'s own format found, conversions offered', async () => {
    const report = await check([student({ 7: '02/28/2008' }), student({ 2: 'S2', 4: 'Jack', 7: '21/07/2008' }), student({ 2: 'S3', 4: 'Isla', 7: '2008-07-21' })]);
    expect(find(report.issues, 1, 'Date of Birth')).toMatchObject({ code: 'sace/date-format', repair: { confidence: 'review', values: { 'Date of Birth': '28/02/2008' } } });
    expect(find(report.issues, 1, 'Date of Birth')!.message).toContain('it would be imported as 1/1/1950');
    expect(proposal(find(report.issues, 3, 'Date of Birth'))).toEqual(['review', '21/07/2008']);
    // A file written month first, imported as dd/mm/yyyy: 03/04/2008 would be read as 3 April.
    const us = await check([student({ 7: '12/25/2007' }), student({ 2: 'S2', 4: 'Jack', 7: '11/30/2007' }), student({ 2: 'S3', 4: 'Isla', 7: '03/04/2008' })]);
    expect(us.facts.layout).toBe('StudImp.dat; dates mm/dd/yyyy, import set to dd/mm/yyyy');
    expect(find(us.issues, 3, 'Date of Birth')).toMatchObject({ code: 'sace/date-format', repair: { confidence: 'review', values: { 'Date of Birth': '04/03/2008' } } });
    expect(rows(await check([student({ 7: '12/25/2007' })], 'StudImp.dat', { formatOptions: { saceDateFormat: 'mm/dd/yyyy' } }))).toEqual([]);
  });

  it('finds swapped columns from the values and swaps them back in every row', async () => {
    const names = [['Smith', 'Oliver'], ['Jones', 'Charlotte'], ['Nguyen', 'Jack'], ['Brown', 'Amelia']];
    const input = tempFile(names.map(([family, given], i) => student({ 2: `S${i}`, 4: family, 5: given })).join('\r\n') + '\r\n', 'StudImp.dat');
    const report = await checkFile(registry, input, OPTIONS);
    expect(report.issues[0]).toMatchObject({ code: 'sace/column-order', repair: { confidence: 'safe' } });
    expect(report.issues[0].message).toContain('Family Name (column E) ↔ Given Names (column F)');
    const out = join(tempDir(), 'StudImp.dat');
    const fixed = await fixFile(registry, input, out, out + '.csv', OPTIONS);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('123,,S0,,Oliver,Smith,M,14/03/2008,061,08,82345678,1 Main St,,,ADELAIDE,SA,5000,10A,10,,,,N,');
    expect(rows(fixed.after)).toEqual([]);
    const typed = await check(['Oliver', 'Jack', 'Noah', 'Leo'].map((given, i) => student({ 2: `S${i}`, 4: given, 6: '14/03/2008', 7: 'M' })));
    expect(typed.issues.find((i) => i.code === 'sace/column-order')!.message).toContain('Date of Birth (column G) ↔ Gender (column H): the values of Gender fit Date of Birth and the other way round');
  });

  it('duplicate students make the students import fail; Student and Teacher Codes are unique', async () => {
    const report = await check([student(), student({ 4: 'Olivia' }), student({ 2: 'S1', 4: 'Jack', 7: '21/07/2008' })]);
    expect(rows(report)).toEqual(['- sace/students-rejected', '1 sace/duplicate-student', '1 sace/duplicate-student-code [Student Code]', '2 sace/duplicate-student', '2 sace/duplicate-student-code [Student Code]']);
    expect(rows(await checkFile(registry, join(SAMPLES, 'TchrImp.dat'), OPTIONS))).toEqual(['1 sace/duplicate-teacher-code [Teacher Code]', '3 field/code [Type]', '3 sace/duplicate-teacher-code [Teacher Code]']);
  });

  it('classes, enrolments, VET and CEA: their codes and numbers', async () => {
    const classes = await checkFile(registry, join(SAMPLES, 'ClassImp.dat'), OPTIONS);
    expect(proposal(find(classes.issues, 1, 'Class Number'))).toEqual(['safe', '01']);
    expect(find(classes.issues, 3, 'Credits')?.code).toBe('field/code');
    expect(proposal(find(classes.issues, 3, 'Program Variant'))).toEqual(['safe', 'A']);
    const enrolments = await checkFile(registry, join(SAMPLES, 'EnrlImp.dat'), OPTIONS);
    expect(proposal(find(enrolments.issues, 1, 'Enrolment Status'))).toEqual(['safe', 'E']);
    expect(find(enrolments.issues, 4, 'Enrolment Status')?.code).toBe('sace/enrolment-completed');
    const vet = await checkFile(registry, join(SAMPLES, 'VETRImp.dat'), OPTIONS);
    expect(vet.issues.filter((i) => i.line === 2).map((i) => i.field)).toEqual(['Enrolment Year', 'Stage', 'SACE Code', 'Credits', 'Semester', 'Variant', 'Class Code', 'Results Due']);
    expect(find(vet.issues, 2, 'Stage')?.message).toBe('Stage is required for an embedded VET enrolment (Enrolment Number 0 or more)');
    expect(vet.issues.filter((i) => i.line === 3).map((i) => i.code)).toEqual(['field/date', 'field/code']); // -1 standalone needs none of them
    expect((await check([csv(['123', '', 'S1', '16/02/2025', '-2', '', 'X', 'P', '', '', '', '', '', '', '', '', '', '', 'R', 'C', 'N', ''])], 'VETRImp.dat')).issues[0]).toMatchObject({ field: 'Enrolment Number', code: 'field/format' });
    const cea = await checkFile(registry, join(SAMPLES, 'CEAImp.dat'), OPTIONS);
    expect(proposal(find(cea.issues, 3, 'Start Date'))).toEqual(['review', '01/02/2025']);
  });

  it('fix --auto writes CSV the import accepts: quotes only where needed, CR LF, no BOM', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'StudImp.dat'), '\ufeff' + [student({ 11: '1, Main St', 8: '61' }), student({ 2: 'S2', 4: 'Jack', 7: '21/07/2008' })].join('\n') + '\n');
    const result = cli(['fix', '--auto', join(dir, 'StudImp.dat')]);
    expect(result.status).toBe(0);
    const bytes = readFileSync(join(dir, 'StudImp.fixed.dat'));
    expect(bytes[0]).toBe(0x31); // "1", no BOM
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('123,,S001,,Oliver,Smith,M,14/03/2008,061,08,82345678,"1, Main St",,,ADELAIDE,SA,5000,10A,10,,,,N,');
  });
});

describe('SACE files together', () => {
  it('checks them in import order and reports what only the set shows, with file and line', async () => {
    const set = await checkFileSet(registry, [SAMPLES], OPTIONS);
    expect(set.reports.map((r) => r.format.id)).toEqual(['sace-students', 'sace-teachers', 'sace-classes', 'sace-enrolments', 'sace-vet', 'sace-cea']);
    expect(set.across.map((i) => `${i.file.split('/').pop()}:${i.line} ${i.code}`)).toEqual([
      'ClassImp.dat:3 sace/teacher-not-loaded', 'EnrlImp.dat:3 sace/student-not-loaded', 'EnrlImp.dat:4 sace/class-not-loaded', 'CEAImp.dat:3 sace/student-not-loaded', 'CEAImp.dat:3 sace/cea-category',
    ]);
  });

  it('names both sides of a student in two students files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'StudImp.dat'), student() + '\r\n');
    writeFileSync(join(dir, 'StudImp2.dat'), student({ 2: 'S900', 4: 'Olly' }) + '\r\n');
    const set = await checkFileSet(registry, [join(dir, 'StudImp.dat'), join(dir, 'StudImp2.dat')], OPTIONS);
    expect(set.across).toEqual([expect.objectContaining({ code: 'sace/duplicate-student', file: join(dir, 'StudImp2.dat'), line: 1, other: { file: join(dir, 'StudImp.dat'), line: 1 }, message: 'The same student as StudImp.dat line 1: the students import would fail' })]);
  });

  it('says nothing about what it cannot know: no students file, no check of enrolments\' students', async () => {
    const set = await checkFileSet(registry, [join(SAMPLES, 'EnrlImp.dat')], OPTIONS);
    expect(set.across).toEqual([]);
  });

  it('on the command line: one report per file, then ACROSS FILES; --json has files and acrossFiles', () => {
    const dir = tempDir();
    for (const f of ['EnrlImp.dat', 'StudImp.dat']) copyFileSync(join(SAMPLES, f), join(dir, f));
    const text = cli(['check', join(dir, 'EnrlImp.dat'), join(dir, 'StudImp.dat')]);
    expect(text.stdout.indexOf('StudImp.dat\n')).toBeLessThan(text.stdout.indexOf('EnrlImp.dat\n'));
    expect(text.stdout).toContain('ACROSS FILES (in import order: StudImp.dat, EnrlImp.dat)');
    expect(text.stdout).toContain('EnrlImp.dat line 3  sace/student-not-loaded  [Student Code]');
    expect(text.status).toBe(2); // the students file would be rejected
    const json = JSON.parse(cli(['check', '--json', dir]).stdout);
    expect(json.files.map((f: { format: string }) => f.format)).toEqual(['sace-students', 'sace-enrolments']);
    expect(json.acrossFiles[0]).toMatchObject({ code: 'sace/student-not-loaded', line: 3, file: join(dir, 'EnrlImp.dat') });
  });
});
