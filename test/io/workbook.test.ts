/**
 * Excel workbooks built with ExcelJS (not rollfix's own reader): checked, fixed and read back by
 * the built program as a clerk runs it. Target Tracker comes back as a workbook that ExcelJS
 * opens with its other sheet, styles and formula kept; SACE as the CSV import file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
// @ts-expect-error: a plain ES module script, without types
import { saceStudentsWorkbook, targetTrackerWorkbook, TT_HEADINGS, TT_PUPILS } from '../../scripts/sample-workbooks.mjs';
import { cli, tempDir } from '../helpers.js';
import { rewriteZip } from '../../src/io/zip.js';

const json = (path: string, ...flags: string[]) => {
  const run = cli(['check', path, '--json', ...flags]);
  return { status: run.status, report: JSON.parse(run.stdout), stderr: run.stderr };
};

/** Pupils with only safely repairable errors beside the sample's (no absences above Possible). */
const FIXABLE = TT_PUPILS.map((p: unknown[]) => p.map((v, i) => (i === 16 ? 1 : i === 17 ? 0 : v)));

describe('a Target Tracker workbook', () => {
  it('reads cells as Excel shows them, with sheet and cell on each issue', async () => {
    const path = join(tempDir(), 'pupils.xlsx');
    await targetTrackerWorkbook(path, { firstSheet: 'Cover' });
    const { status, report } = json(path);
    expect(status).toBe(2); // headings out of order: the tt/headings rejection
    const at = (code: string, cell: string) => report.issues.find((i: { code: string; cell: string }) => i.code === code && i.cell === cell);
    expect(at('upn/format', 'A3')).toMatchObject({ line: 3, field: 'UPN', sheet: 'Pupils' });
    expect(at('field/code', 'L3').message).toContain('Year "4"'); // a whole number, without .0
    expect(at('sheet/formula', 'P2').message).toContain('"180"');
    expect(report.issues.find((i: { code: string }) => i.code === 'sheet/hidden-row')).toMatchObject({ line: 4, cell: null });
    // Date cells read as dd/mm/yyyy and booleans as T/F: no date or free-meals issue at all.
    expect(report.issues.filter((i: { field: string }) => ['DOB', 'DOA', 'Eligible for free meals'].includes(i.field))).toEqual([]);
    const text = cli(['check', path]);
    expect(text.stdout).toContain('sheet    "Pupils" of an Excel workbook (3 sheets)');
    expect(text.stdout).toContain('line 3 A3  upn/format');
  });

  it('is fixed into the same workbook, which opens again and checks clean', async () => {
    const dir = tempDir();
    const path = join(dir, 'pupils.xlsx');
    await targetTrackerWorkbook(path, { pupils: FIXABLE });
    const fix = cli(['fix', path, '--auto']);
    expect(fix.stderr).toBe('');
    const output = join(dir, 'pupils.fixed.xlsx');
    expect(fix.stdout).toContain(`Wrote ${output}`);
    expect(readFileSync(join(dir, 'pupils.fixed.changes.csv'), 'utf8')).toContain('3,UPN,r201100018042,R201100018042,upn/format,A3');
    const again = json(output);
    expect(again.report.issues.filter((i: { severity: string }) => i.severity !== 'warning')).toEqual([]);
    expect(again.status).toBe(0);
    // Another reader sees the fixed cells as text, the untouched ones as they were, and the other sheet.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Pupils', 'Notes']);
    const sheet = book.getWorksheet('Pupils')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'UPN', 'Surname', 'Forename', ...TT_HEADINGS.slice(3)]);
    expect(sheet.getCell('A3').value).toBe('R201100018042');
    expect(sheet.getCell('L3').value).toBe('Y4');
    expect(sheet.getCell('D3').value).toEqual(new Date(Date.UTC(2016, 10, 2))); // a date cell kept as one
    expect(sheet.getCell('P2').value).toEqual({ formula: '2*90', result: 180 });
    expect(sheet.getColumn(1).width).toBe(16);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(4).hidden).toBe(true);
    expect(book.getWorksheet('Notes')!.getCell('A3').isMerged).toBe(true);
  });

  it('reads the sheet named by --sheet, and says which it took when two fit', async () => {
    const dir = tempDir();
    const path = join(dir, 'two.xlsx');
    const book = new ExcelJS.Workbook();
    for (const name of ['Autumn', 'Spring']) {
      const sheet = book.addWorksheet(name);
      sheet.addRow(TT_HEADINGS);
      sheet.addRow(FIXABLE[0].map((v: unknown) => (v && typeof v === 'object' && 'result' in v ? v.result : v)));
    }
    await book.xlsx.writeFile(path);
    const chosen = json(path);
    expect(chosen.report.issues[0]).toMatchObject({ code: 'sheet/several-sheets', line: null });
    expect(chosen.report.issues[0].message).toContain('rollfix read "Autumn"');
    expect(json(path, '--sheet', 'Spring').report.issues.every((i: { sheet: string }) => i.sheet === 'Spring')).toBe(true);
    const missing = cli(['check', path, '--sheet', 'Summer']);
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain('has no sheet named "Summer"; its sheets: "Autumn", "Spring"');
  });
});

describe('a SACE students workbook', () => {
  it('flags lost zeros as in a CSV and becomes an import file that checks clean', async () => {
    const dir = tempDir();
    const path = join(dir, 'students.xlsx');
    await saceStudentsWorkbook(path);
    const { report } = json(path);
    expect(report.format).toBe('sace-students');
    const repairs = report.issues.map((i: { cell: string; repair: { values: Record<string, string> } }) => `${i.cell} ${Object.values(i.repair?.values ?? {}).join()}`);
    expect(repairs).toEqual(['I1 061', 'J1 08', 'I2 061', 'J2 08', 'Q3 0800']);
    const fix = cli(['fix', path, '--auto']);
    expect(fix.status).toBe(0);
    const output = join(dir, 'students.fixed.dat');
    expect(readFileSync(output, 'utf8').split('\r\n')[0]).toBe('123,,S001,,Oliver,Smith,M,14/03/2008,061,08,82345678,1 Main St,,,ADELAIDE,SA,5000,10A,10');
    expect(json(output, '--format', 'sace-students').status).toBe(0);
    // The chosen SACE date format decides how date cells read.
    expect(cli(['check', path, '--date-format', 'yyyymmdd', '--json']).stdout).not.toContain('sace/date-format');
  });
});

describe('a file that is not a workbook it can read', () => {
  const refuse = (bytes: Buffer, name = 'pupils.xlsx') => {
    const path = join(tempDir(), name);
    writeFileSync(path, bytes);
    const run = cli(['check', path]);
    expect(run.stderr).not.toMatch(/at \w+ \(|node:internal/);
    return run;
  };
  const zip = (parts: Record<string, Buffer | string>) => {
    const entries = Object.keys(parts).map((name) => ({ name, flags: 0, method: 8, crc: 0, compressedSize: 0, size: 0, offset: 0, central: centralFor(name) }));
    return rewriteZip(Buffer.alloc(0), entries, new Map(Object.entries(parts).map(([k, v]) => [k, Buffer.isBuffer(v) ? v : Buffer.from(v)])));
  };

  it('an .xls or a password-protected workbook (an OLE file)', () => {
    const run = refuse(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    expect(run.status).toBe(66);
    expect(run.stderr).toContain('Excel 97-2003 workbook (.xls) or a password-protected one');
  });

  it('a zip that is no workbook, and one cut short', async () => {
    expect(refuse(zip({ 'word/document.xml': '<w/>' })).stderr).toContain('not an Excel workbook (no xl/workbook.xml)');
    const path = join(tempDir(), 'pupils.xlsx');
    await targetTrackerWorkbook(path);
    const cut = refuse(readFileSync(path).subarray(0, 3000));
    expect(cut.status).toBe(66);
    expect(cut.stderr).toContain('not a complete zip archive');
  });

  it('a zip bomb and a huge shared-strings table stop at the limit, in bounded memory', () => {
    const book = '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';
    const bomb = refuse(zip({ 'xl/workbook.xml': book, 'xl/_rels/workbook.xml.rels': rels, 'xl/worksheets/sheet1.xml': Buffer.alloc(300 << 20, 0x20) }));
    expect(bomb.status).toBe(66);
    expect(bomb.stderr).toContain('inflates to more than 256 MB');
    const strings = refuse(zip({ 'xl/workbook.xml': book, 'xl/_rels/workbook.xml.rels': rels, 'xl/worksheets/sheet1.xml': '<sheetData/>', 'xl/sharedStrings.xml': Buffer.alloc(80 << 20, 0x41) }));
    expect(strings.stderr).toContain('shared-strings table inflates to more than 64 MB');
    expect(deflateRawSync(Buffer.alloc(1 << 20)).length).toBeLessThan(2000); // what makes a bomb small on disk
  });
});

/** A central-directory record for a new entry (rewriteZip fills in sizes, CRC and offset). */
function centralFor(name: string): Buffer {
  const central = Buffer.alloc(46 + Buffer.byteLength(name));
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(Buffer.byteLength(name), 28);
  central.write(name, 46);
  return central;
}
