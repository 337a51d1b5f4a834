import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../src/core/engine.js';
import { checkText, detail, fixture, gtidFile, OPTIONS, rows, tempFile } from '../../helpers.js';
import { registry } from '../../../formats/registry.js';

const check = (name: string, options = {}) => checkFile(registry, fixture(name), { ...OPTIONS, ...options });

describe('GTID: clean files', () => {
  it.each(['clean.txt', 'clean-crlf.txt', 'clean-tab.txt', 'utf8-bom.txt'])('%s has no issue', async (name) => {
    const report = await check(name);
    expect(rows(report)).toEqual([]);
    expect(report.rejected).toBe(false);
    expect(report.format.id).toBe('gtid');
  });
  it('counts records as the trailer does, header and trailer included', async () => {
    expect(await check('clean.txt')).toMatchObject({ records: 5, detailRecords: 3, flaggedRecords: 0 });
  });
});

describe('GTID: the six whole-file rejection reasons', () => {
  it('1. a missing record type: trailer, header, or detail records', async () => {
    expect(rows(await check('missing-trailer.txt'))).toEqual(['- gtid/missing-record-type']);
    expect((await check('missing-trailer.txt')).issues[0].repair).toMatchObject({ confidence: 'safe', action: 'add-trailer' });
    expect(rows(await check('missing-header.txt'))).toEqual(['- gtid/missing-record-type']);
    expect(rows(await check('no-details.txt'))).toEqual(['- gtid/missing-record-type']);
  });
  it('2. fields omitted from a record, or a header delimiter the records do not use', async () => {
    expect(rows(await check('missing-fields.txt'))).toEqual(['3 gtid/missing-fields']);
    const mismatch = await check('delimiter-mismatch.txt');
    expect(rows(mismatch)).toEqual(['1 gtid/missing-fields [Delimiter]']);
    expect(mismatch.issues[0].repair).toMatchObject({ confidence: 'safe', values: { Delimiter: 'delimiter=0X09' } });
  });
  it('3. a wrong Number of Records in the trailer', async () => {
    const report = await check('trailer-count.txt');
    expect(rows(report)).toEqual(['5 gtid/trailer-count [Number of Records]']);
    expect(report.issues[0].message).toBe('The trailer says 4 records; the file has 5 (header and trailer included)');
    // "left aligned and no trailing spaces"
    const spaced = await checkText(gtidFile([detail()]).replace('\t3\n', '\t3 \n'));
    expect(rows(spaced)).toEqual(['3 gtid/trailer-count [Number of Records]']);
    expect(spaced.issues[0].message).toMatch(/not plain digits/);
  });
  it('4. Transmission IDs that differ between header and trailer', async () => {
    const report = await check('transmission-id.txt');
    expect(rows(report)).toEqual(['5 gtid/transmission-id-mismatch [Transmission ID]']);
    expect(report.issues[0].repair).toMatchObject({ confidence: 'safe', values: { 'Transmission ID': '4711' } });
  });
  it('5. more records in error than the limit allows', async () => {
    const file = gtidFile([detail({ 7: 'X', 10: '1' }), detail({ 7: 'Y', 10: '2' }), detail({ 10: '3' })]);
    expect(rows(await checkText(file, { maxErrors: 1 }))).toContain('- gtid/too-many-errors');
    expect(rows(await checkText(file, { maxErrors: 2 }))).not.toContain('- gtid/too-many-errors');
    expect(rows(await checkText(file, { maxErrors: 0 }))).not.toContain('- gtid/too-many-errors');
  });
  it('6. more records in the file than the limit allows', async () => {
    const file = gtidFile([detail({ 10: '1' }), detail({ 10: '2' })]);
    expect(rows(await checkText(file, { maxRecords: 3 }))).toEqual(['- gtid/too-many-records']);
    expect(rows(await checkText(file, { maxRecords: 4 }))).toEqual([]);
  });
  it('a truncated file: the record is short, the trailer missing, and adding one is left to a person', async () => {
    const report = await check('truncated.txt');
    expect(rows(report)).toEqual(['- gtid/missing-record-type', '3 gtid/missing-fields']);
    expect(report.issues[0].repair?.confidence).toBe('review');
  });
});

describe('GTID: record rules (the Fix Errors stage)', () => {
  it('flags every rule of records.txt on the right line and field', async () => {
    const report = await check('records.txt', { formatOptions: { district: '644' } });
    expect(rows(report)).toEqual([
      '2 gtid/last-name-suffix [Legal Last Name]',
      '2 gtid/duplicate-local-id [Local Student ID]',
      '3 gtid/last-name-suffix [Legal Last Name]',
      '5 gtid/last-name-characters [Legal Last Name]',
      '6 field/code [Current Grade Level]',
      '7 field/date [Date of Birth]',
      '8 field/code [Gender]',
      '9 field/format [Social Security Number]',
      '10 field/format [Current School Year]',
      '11 gtid/uk-age [Current Grade Level]',
      '13 gtid/u1-age [Current Grade Level]',
      '14 field/required [Legal First Name]',
      '15 gtid/ssn-migrant [Social Security Number]',
      '16 gtid/duplicate-local-id [Local Student ID]',
      '17 gtid/duplicate-record',
      '18 field/date [Date of Birth]',
      '19 field/date [Date of Birth]',
      '20 gtid/ssn-invalid [Social Security Number]',
      '21 field/code [Race / Ethnicity]',
      '21 gtid/district-not-current [Current District Code]',
    ]);
    expect(report).toMatchObject({ records: 22, detailRecords: 20, flaggedRecords: 18, rejected: false });
  });
  it('applies the UK and U1 cut-offs of the seed example (2004-2005) at their exact days', async () => {
    const grade = async (birth: string, level: string, year = '2005') =>
      rows(await checkText(gtidFile([detail({ 8: birth, 9: level, 15: year })]))).join(' ');
    expect(await grade('09/01/1999', 'UK')).toBe('2 gtid/uk-age [Current Grade Level]');
    expect(await grade('09/02/1999', 'UK')).toBe('');
    expect(await grade('09/01/1998', 'U1')).toBe('2 gtid/u1-age [Current Grade Level]');
    expect(await grade('09/02/1998', 'U1')).toBe('');
    expect(await grade('09/02/1999', 'KK')).toBe('2 gtid/kk-underage [Current Grade Level]');
    expect(await grade('09/02/1998', '01')).toBe('2 gtid/01-underage [Current Grade Level]');
    // the same rule for any year: 2026-2027 moves both cut-offs 22 years on
    expect(await grade('09/01/2021', 'UK', '2027')).toBe('2 gtid/uk-age [Current Grade Level]');
    expect(await grade('09/02/2021', 'UK', '2027')).toBe('');
    expect(await grade('09/01/2020', 'U1', '2027')).toBe('2 gtid/u1-age [Current Grade Level]');
  });
  it('checks the current location against --district and the school directory', async () => {
    const schools = new Map([['0177', '644'], ['0200', '611']]);
    const file = gtidFile([detail({ 10: '1' }), detail({ 1: '0200', 10: '2' }), detail({ 1: '9999', 10: '3' }), detail({ 14: '611', 10: '4' })]);
    expect(rows(await checkText(file, { formatOptions: { district: '644', schools } }))).toEqual([
      '3 gtid/school-not-in-district [Current School Code]',
      '4 gtid/school-unknown [Current School Code]',
      '5 gtid/district-not-current [Current District Code]',
    ]);
    expect(rows(await checkText(file))).toEqual([]);
  });
  it('finds duplicates as the receiving system compares them (SSN digits only)', async () => {
    const file = gtidFile([detail({ 10: '1', 11: '123456789', 13: '7000000001' }), detail({ 10: '2', 11: '123-45-6789', 13: '7000000001' }), detail({ 10: '3' })]);
    expect(rows(await checkText(file))).toEqual([
      '2 gtid/duplicate-ssn [Social Security Number]',
      '2 gtid/duplicate-gtid [GTID (State ID)]',
      '3 field/format [Social Security Number]',
      '3 gtid/duplicate-ssn [Social Security Number]',
      '3 gtid/duplicate-gtid [GTID (State ID)]',
    ]);
  });
  it('calls a record an exact repeat only when every byte is the same, in every encoding, line ending and thread', async () => {
    // Records sharing a Local Student ID are read back by their byte offsets: accents before them
    // shift the offsets, CR LF and a CR inside a value must not cut a line short.
    const same = detail({ 3: 'Núñez', 10: '7' });
    const lateDifference = detail({ 3: 'Núñez', 10: '7', 15: '2027' });
    const crInside = detail({ 3: 'Núñez', 10: '7', 5: 'Ro\rse' });
    const file = gtidFile([detail({ 3: 'Côté' }), same, detail({ 10: '8' }), same, lateDifference, crInside]);
    const expected = [
      '3 gtid/duplicate-local-id [Local Student ID]', // with line 6 and 7, not with its exact repeat
      '5 gtid/duplicate-record',
      '6 gtid/duplicate-local-id [Local Student ID]',
      '7 gtid/line-break [Legal Middle Name]', // a CR alone is a line break too: it becomes a space
      '7 gtid/duplicate-local-id [Local Student ID]',
    ];
    for (const eol of ['\n', '\r\n']) {
      const report = await checkText(file.replace(/\n/g, eol));
      expect(rows(report)).toEqual(expected);
    }
    const cp1252 = Buffer.from(file, 'latin1'); // one byte a letter: Windows-1252, not UTF-8
    const report = await checkFile(registry, tempFile(cp1252), OPTIONS);
    expect(report.input.encoding).toBe('windows-1252');
    expect(rows(report)).toEqual(expected);
  });
  it('flags blank lines, misplaced and unknown records, extra fields and unclosed quotes', async () => {
    const file = [
      'TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,', detail({ 10: '1' }), '', `${detail({ 10: '2' })},,`,
      `${detail({ 10: '3' })},x`, 'XX,something', 'TT\t4711\t9', 'TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,',
      'ID,0177,644,"Brown,Olivia,,,F,02/28/2017,03,9,,W,,644,2026', 'TT\t4711\t9',
    ].join('\n') + '\n';
    expect(rows(await checkText(file))).toEqual([
      '3 file/blank-line', '4 gtid/extra-fields', '5 gtid/extra-fields', '6 gtid/unknown-record-type',
      '7 gtid/misplaced-record', '8 gtid/misplaced-record',
      // the fields are split as if the quote were a character, which makes it a special character
      '9 record/unclosed-quote', '9 gtid/last-name-characters [Legal Last Name]',
    ]);
  });
  it('reports a run of blank lines once, however long', async () => {
    const report = await checkText(gtidFile([detail({ 10: '1' }), '', '', '', detail({ 10: '2' }), ''], { count: 4 }));
    expect(rows(report)).toEqual(['3 file/blank-line', '7 file/blank-line']);
    expect(report.issues.map((i) => i.message)).toEqual(['3 blank lines (lines 3 to 5)', 'Blank line between records']);
  });
  it('reads Windows-1252 names and cleanses a curly apostrophe', async () => {
    const report = await check('windows-1252.txt');
    expect(report.input.encoding).toBe('windows-1252');
    expect(rows(report)).toEqual(['3 gtid/last-name-characters [Legal Last Name]']);
    expect(report.issues[0].repair?.values).toEqual({ 'Legal Last Name': "O'Neil" });
  });
  it('never lets a value move the cursor: escape sequences are flagged and a repair that strips the whole sequence proposed', async () => {
    const report = await checkText(gtidFile([detail({ 4: 'Emi\u001b]0;pwned\u0007ly' })]));
    expect(rows(report)).toEqual(['2 field/non-printable [Legal First Name]']);
    expect(report.issues[0].repair?.values).toEqual({ 'Legal First Name': 'Emily' });
  });
});
