/**
 * The sample workbooks (formats/target-tracker/samples/pupils.xlsx, formats/sace/samples/excel/StudImp.xlsx),
 * built with ExcelJS (a devDependency: a writer that is not rollfix's own reader) as a clerk's
 * Excel would save them: date cells, numbers that lost their leading zeros, TRUE/FALSE cells, a
 * formula, a hidden row, a second sheet, and headings out of order. Tests build theirs with the
 * same functions. Run: node scripts/sample-workbooks.mjs
 */
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

/** Target Tracker's 18 headings, Forename and Surname swapped (a heading row moved). */
export const TT_HEADINGS = ['UPN', 'Forename', 'Surname', 'DOB', 'Gender', 'DOA', 'Eligible for free meals', 'Mother tongue code', 'Ethnicity', 'SEN Status code', 'Reg', 'Year', 'Postcode', 'In LEA Care', 'Gifted', 'Possible', 'Authorised absences', 'Unauthorised absences'];

export const TT_PUPILS = [
  ['B801200005001', 'Oliver', 'Smith', day(2016, 3, 14), 'M', day(2020, 9, 1), false, 'ENG', 'WBRI', '', 'Red class', 'Y4', 'CM1 1AA', 'F', 'F', { formula: '2*90', result: 180 }, 4, 0],
  ['r201100018042', 'Amelia', 'Jones', day(2016, 11, 2), 'Female', day(2020, 9, 1), true, 'ENG', 'WBRI', 'P', 'Red class', 4, 'CM1 2BB', 'F', 'F', 180, 2, 1],
  ['B201100018048', 'Harry', 'Patel', day(2015, 7, 21), 'M', day(2019, 9, 1), false, 'GUJ', 'AIND', '', 'Blue class', 'Y5', 'CM2 3CC', 'F', 'T', 180, 10, 2],
  ['X201100018055', 'Isla', 'Brown', day(2015, 2, 28), 'F', day(2019, 9, 3), false, 'ENG', 'WBRI', 'S', 'Blue class', 'Yr5', 'CM2 4DD', 'T', 'F', 180, 150, 40],
];

/** A Target Tracker workbook: sheet "Pupils" (row 4 hidden) and a sheet "Notes" that is kept. */
export async function targetTrackerWorkbook(path, { headings = TT_HEADINGS, pupils = TT_PUPILS, firstSheet = null } = {}) {
  const book = new ExcelJS.Workbook();
  if (firstSheet) book.addWorksheet(firstSheet).addRow(['something else']);
  const sheet = book.addWorksheet('Pupils');
  sheet.addRow(headings).font = { bold: true };
  for (const pupil of pupils) sheet.addRow(pupil);
  for (const col of [4, 6]) sheet.getColumn(col).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(1).width = 16;
  if (sheet.rowCount >= 4) sheet.getRow(4).hidden = true;
  const notes = book.addWorksheet('Notes');
  notes.addRow(['Exported from the MIS', day(2026, 9, 1)]);
  notes.mergeCells('A3:C3');
  notes.getCell('A3').value = 'kept as it is';
  await book.xlsx.writeFile(path);
}

export const SACE_STUDENTS = [
  [123, '', 'S001', '', 'Oliver', 'Smith', 'M', day(2008, 3, 14), 61, 8, 82345678, '1 Main St', '', '', 'ADELAIDE', 'SA', 5000, '10A', 10],
  [123, '', 'S002', '', 'Charlotte', 'Jones', 'F', day(2008, 5, 2), 61, 8, 82345679, '2 High St', '', '', 'NORWOOD', 'SA', 5067, '10A', 10],
  [123, '', 'S003', '', 'Jack', 'Nguyen', 'M', day(2008, 7, 21), '', '', '', '3 Beach Rd', '', '', 'DARWIN', 'NT', 800, '10B', 10],
];

/** A SACE students workbook (StudImp as Excel keeps it): dates as date cells, numbers that lost their zeros. */
export async function saceStudentsWorkbook(path, students = SACE_STUDENTS) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('StudImp');
  for (const s of students) sheet.addRow(s);
  sheet.getColumn(8).numFmt = 'dd/mm/yyyy';
  await book.xlsx.writeFile(path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  await targetTrackerWorkbook(join(root, 'formats/target-tracker/samples/pupils.xlsx'));
  await saceStudentsWorkbook(join(root, 'formats/sace/samples/excel/StudImp.xlsx'));
  console.log('wrote formats/target-tracker/samples/pupils.xlsx and formats/sace/samples/excel/StudImp.xlsx');
}
