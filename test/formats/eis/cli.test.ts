import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../../helpers.js';
import { EIS_SAMPLES } from './eis-helpers.js';

describe('rollfix on EIS files', () => {
  it('check --json names the format and the layout, and exits 2 when the file would be rejected', () => {
    const result = cli(['check', '--json', join(EIS_SAMPLES, '1234enr.asc')]);
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.format).toBe('eis-enrolment');
    expect(report.issues.find((i: { code: string }) => i.code === 'eis/record-length')).toMatchObject({ line: 4, severity: 'reject', field: null });
    const delimited = JSON.parse(cli(['check', '--json', join(EIS_SAMPLES, 'StuMark.asc')]).stdout);
    expect(delimited.format).toBe('eis-delimited');
    expect(delimited.facts).toMatchObject({ layout: 'StuMark.asc' });
  });

  it('fix --auto writes CR LF and a change report, and never touches the input', () => {
    const dir = tempDir();
    const input = join(dir, 'StuMark.asc');
    copyFileSync(join(EIS_SAMPLES, 'StuMark.asc'), input);
    const result = cli(['fix', '--auto', input]);
    expect(result.status).toBe(1); // review repairs are left
    expect(readFileSync(join(dir, 'StuMark.fixed.changes.csv'), 'utf8')).toContain('2,Credit,1.0,010,field/format');
    expect(readFileSync(join(dir, 'StuMark.fixed.asc'), 'utf8').split('\r\n')[1]).toBe('"104567892","Côté","Jean-Paul",04/Nov/2000,"0002","Mathématiques","40S","010","F","91","","Y","1"');
    expect(readFileSync(input)).toEqual(readFileSync(join(EIS_SAMPLES, 'StuMark.asc')));
  });

  it('explains the EIS codes and lists the formats', () => {
    expect(cli(['explain', 'eis/record-length']).stdout).toContain('exactly 200 bytes (250 for Student Demographics and Student Enrolment)');
    const formats = cli(['formats']).stdout;
    for (const id of ['eis-enrolment', 'eis-marks', 'eis-met', 'eis-delimited']) expect(formats).toContain(id);
  });

  it('--format names a type the content cannot tell apart', () => {
    const dir = tempDir();
    const path = join(dir, 'marks.asc');
    const record = (parts: string) => parts.padEnd(200);
    writeFileSync(path, [record('HM300620131234201341.0'), record('I0456104567891')].join('\r\n') + '\r\n');
    expect(JSON.parse(cli(['check', '--json', '--format', 'eis-marks', path]).stdout).format).toBe('eis-marks');
  });
});

