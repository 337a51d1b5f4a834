import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, fixFile } from '../../../src/core/engine.js';
import { OPTIONS, rows, tempDir, tempFile } from '../../helpers.js';
import { EIS_SAMPLES, enrolment, header, record, student } from './eis-helpers.js';
import { registry } from '../../../formats/registry.js';

const check = (text: string | Buffer, name = '1234enr.asc') => checkFile(registry, tempFile(text, name), OPTIONS);

describe('EIS fixed-length files', () => {
  it('detects the file type from the default name and from the header letter', async () => {
    expect((await check(enrolment(student()))).format.id).toBe('eis-enrolment');
    const classroom = [header(200, { 2: 'C' }), record(200, { 1: 'I' }), record(200, { 1: 'D' })].join('\r\n') + '\r\n';
    expect((await check(classroom, 'export.asc')).format.id).toBe('eis-classroom');
    expect((await check([header(200, { 2: 'R' }), record(200, { 1: 'I', 6: '104567891' })].join('\r\n') + '\r\n', 'x.asc')).format.id).toBe('eis-registration');
    expect((await check([header(200, { 2: 'Q' }), record(200, { 1: 'I' })].join('\r\n') + '\r\n', '1234met.asc')).format.id).toBe('eis-met');
  });

  it('passes a clean file', async () => {
    const report = await check(enrolment(record(250, { 1: 'S', 2: '0456' }), student(), student({ 6: '104567892' })));
    expect(rows(report)).toEqual([]);
    expect(report).toMatchObject({ records: 4, detailRecords: 2, rejected: false, facts: { shape: 'fixed-length 250-byte records' } });
  });

  it('rejects a record of the wrong length, saying by how much', async () => {
    const report = await check(enrolment(student().slice(0, 240), student() + '   ', student() + 'XY'));
    expect(report.issues.filter((i) => i.code === 'eis/record-length').map((i) => [i.line, i.severity, i.message, i.repair?.confidence ?? null])).toEqual([
      [2, 'reject', 'The record is 240 bytes, 10 short of 250', 'review'],
      [3, 'reject', 'The record is 253 bytes, 3 more than 250 (trailing spaces)', 'safe'],
      [4, 'reject', 'The record is 252 bytes, 2 more than 250', null],
    ]);
  });

  it('pads a short header safely (its end is filler), a short detail record only on review', async () => {
    const out = join(tempDir(), 'out.asc');
    const input = tempFile([header().slice(0, 30), student().slice(0, 240), student() + '  '].join('\r\n') + '\r\n', '1234enr.asc');
    const fixed = await fixFile(registry, input, out, out + '.csv', OPTIONS);
    const lines = readFileSync(out, 'latin1').split('\r\n');
    expect(lines.map((l) => l.length)).toEqual([250, 240, 250, 0]);
    expect(rows(fixed.after)).toEqual(['2 eis/record-length']);
  });

  it('rejects LF line endings and writes CR LF', async () => {
    const input = tempFile(enrolment(student()).replaceAll('\r\n', '\n'), '1234enr.asc');
    expect(rows(await checkFile(registry, input, OPTIONS))).toEqual(['- eis/line-endings']);
    const out = join(tempDir(), 'out.asc');
    const fixed = await fixFile(registry, input, out, out + '.csv', OPTIONS);
    expect(readFileSync(out, 'latin1')).toBe(enrolment(student()));
    expect(fixed.changes).toEqual([{ line: 0, field: '', before: 'bare LF or CR line endings', after: 'CR LF line endings', code: 'eis/line-endings' }]);
    expect(rows(fixed.after)).toEqual([]);
  });

  it('rejects a missing header, a second header and a record type the file does not hold', async () => {
    expect(rows(await check([student(), student()].join('\r\n') + '\r\n'))).toEqual(['- eis/missing-header']);
    const report = await check(enrolment(student(), header(), student({ 1: 'I' }), student({ 1: 'd' })));
    expect(rows(report)).toEqual(['3 eis/repeated-header', '4 eis/record-type [Record Type]', '5 eis/record-type [Record Type]']);
    expect(report.issues[1].message).toBe('Record type "I" is not one of the types a Student Enrolment file holds (H, S, D)');
    expect(report.issues[2].repair).toMatchObject({ confidence: 'safe', values: { 'Record Type': 'D' } });
  });

  it('rejects non-ASCII bytes, proposing the name without accents for review', async () => {
    const utf8 = await check(Buffer.from(enrolment(student({ 15: 'CÔTÉ' })), 'utf8'));
    expect(rows(utf8)).toEqual(['2 eis/record-length', '2 eis/non-ascii [Positions 15–178]']);
    expect(utf8.issues[1].repair).toMatchObject({ confidence: 'review', reason: 'CÔTÉ → COTE (a legal name: check it)' });
    // In Windows-1252 the letters are one byte each: the length is right, the bytes are still not ASCII.
    const cp1252 = await check(Buffer.from(enrolment(student({ 15: 'BÉLANGER' })), 'latin1'));
    expect(rows(cp1252)).toEqual(['2 eis/non-ascii [Positions 15–178]']);
  });

  it('rejects double quotes, proposing apostrophes for review', async () => {
    const report = await check(enrolment(student({ 45: 'JOHN "JACK"' })));
    expect(rows(report)).toEqual(['2 eis/double-quote [Positions 15–178]']);
    expect(report.issues[0].repair).toMatchObject({ confidence: 'review' });
    expect(report.issues[0].repair!.values!['Positions 15–178']).toContain("JOHN 'JACK'");
  });

  it('checks the header by position and the name against the division number', async () => {
    const report = await check(enrolment(student()).replace(header(), header(250, { 3: '31022013', 11: '12A4', 15: '13  ', 40: 'junk' })), '5678enr.asc');
    expect(rows(report)).toEqual(['- eis/division-mismatch', '1 field/date [Reporting Date (DDMMYYYY)]', '1 field/format [Division Number]', '1 field/format [Academic Year (YYYY)]', '1 eis/filler [Filler]']);
    const classroom = [header(200, { 2: 'X' }), record(200, { 1: 'I' })].join('\r\n') + '\r\n';
    expect(rows(await check(classroom, '1234bcs.asc'))).toEqual(['1 eis/file-type [File Type]']);
  });

  it("checks the enrolment record's known fields: Eligible % 1–100 or blank, MET number 9 digits", async () => {
    const report = await check(enrolment(student({ 179: '150' }), student({ 179: '   ' }), student({ 179: '050', 6: '10456    ' })));
    expect(rows(report)).toEqual(['2 field/format [Eligible %]', '4 eis/met-number [MET Number]']);
  });

  it('the bundled sample shows every rejection a clerk meets', async () => {
    const report = await checkFile(registry, join(EIS_SAMPLES, '1234enr.asc'), OPTIONS);
    expect(new Set(report.issues.map((i) => i.code))).toEqual(new Set(['eis/record-length', 'eis/non-ascii', 'eis/double-quote', 'eis/record-type', 'field/format', 'eis/met-number']));
  });
});
