/**
 * The workbook bench: one Target Tracker sheet of n pupils written by ExcelJS's streaming writer
 * (shared strings and date cells, as Excel saves them), and the very same rows as the CSV Excel
 * would save; `rollfix check --json` of each is timed in the same rounds (issue #16: within 3×).
 */
import ExcelJS from 'exceljs';
import { existsSync, writeFileSync } from 'node:fs';

const HEADINGS = ['UPN', 'Surname', 'Forename', 'DOB', 'Gender', 'DOA', 'Eligible for free meals', 'Mother tongue code', 'Ethnicity', 'SEN Status code', 'Reg', 'Year', 'Postcode', 'In LEA Care', 'Gifted', 'Possible', 'Authorised absences', 'Unauthorised absences'];
const NAMES = ['Smith', 'Jones', 'Patel', 'Brown', 'Taylor', 'Khan', 'Wilson', 'Evans'];
const two = (n) => String(n).padStart(2, '0');

function pupil(i) {
  const dob = new Date(Date.UTC(2012 + (i % 6), i % 12, 1 + (i % 28)));
  const doa = new Date(Date.UTC(2017 + (i % 6), 8, 1 + (i % 5)));
  const upn = `B8012${String(i).padStart(8, '0')}`;
  return [upn, NAMES[i % 8], `Pupil${i}`, dob, i % 2 ? 'M' : 'F', doa, i % 7 === 0, 'ENG', 'WBRI', '', `Class ${i % 30}`, `Y${1 + (i % 6)}`, `CM${i % 9} ${i % 10}AA`, 'F', 'F', 180, i % 9, i % 3];
}

const csvCell = (v) => (v instanceof Date ? `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}` : v === true ? 'TRUE' : v === false ? 'FALSE' : String(v));

/** Writes pupils-N.xlsx and pupils-N.csv into `dir` (once), and returns their paths. */
export async function workbookPair(n, dir) {
  const xlsx = `${dir}/pupils-${n}.xlsx`;
  const csv = `${dir}/pupils-${n}.csv`;
  if (!existsSync(xlsx)) {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true, useStyles: true });
    const sheet = book.addWorksheet('Pupils');
    sheet.columns = HEADINGS.map((header, i) => ({ header, key: String(i), style: i === 3 || i === 5 ? { numFmt: 'dd/mm/yyyy' } : {} }));
    for (let i = 0; i < n; i++) sheet.addRow(pupil(i)).commit();
    sheet.commit();
    await book.commit();
  }
  if (!existsSync(csv)) {
    const lines = [HEADINGS.join(',')];
    for (let i = 0; i < n; i++) lines.push(pupil(i).map(csvCell).join(','));
    writeFileSync(csv, lines.join('\r\n') + '\r\n');
  }
  return { xlsx, csv };
}
