/**
 * The six SACE Schools Online import files (seed 002, "Import file format"), in the seed's
 * import order, each field with its name, maximum length, mandatory flag and rule exactly as the
 * seed's tables give them. Field kinds shared by several files are defined once in kinds.ts.
 */
import type { FieldSpec } from '../../src/core/field-spec.js';
import { K, type Kind } from './kinds.js';

export interface SaceFile {
  id: string;
  title: string;
  /** The EDSAS file name. */
  edsas: string;
  /** Import order, 1 first. */
  order: number;
  fields: readonly FieldSpec[];
  /** Fields that may be left off the end of a record (Students: those after Year Level). */
  minFields: number;
}

type Row = [name: string, max: number, mandatory: boolean, kind?: Kind];

const file = (id: string, title: string, edsas: string, order: number, rows: readonly Row[], minFields = rows.length): SaceFile => ({
  id, title, edsas, order, minFields,
  fields: rows.map(([name, maxLength, required, kind]) => ({ name, maxLength, required, kind: 'text', ...(kind ? K[kind] : {}) })),
});

export const SACE_FILES: readonly SaceFile[] = [
  file('sace-students', 'SACE Students import', 'StudImp.dat', 1, [
    ['Contact School Number', 3, true, 'school'], ['Registration Number', 7, false, 'registration'], ['Student Code', 20, true],
    ['Title', 4, false], ['Given Names', 45, true, 'name'], ['Family Name', 45, true, 'name'], ['Gender', 1, true, 'gender'],
    ['Date of Birth', 10, true, 'date'], ['Phone Country Code', 3, false, 'country'], ['Phone Area Code', 4, false, 'area'],
    ['Local Phone Number', 10, false, 'phone'], ['Street Address Line 1', 30, true], ['Street Address Line 2', 30, false],
    ['Street Address Line 3', 30, false], ['Suburb', 45, true, 'suburb'], ['State', 3, true, 'state'], ['Post Code', 4, true, 'postcode'],
    ['Home Group', 8, false], ['Year Level', 2, false, 'yearLevel'], ['Street Address Line 4', 30, false], ['TAFE ID', 10, false],
    ['ED ID', 13, false], ['Ab/Tr Ind', 1, false, 'yesNo'], ['Email address', 100, false],
  ], 19),
  file('sace-teachers', 'SACE Teachers import', 'TchrImp.dat', 2, [
    ['Contact School Number', 3, true, 'school'], ['Teacher Code', 8, true], ['Family Name', 30, true, 'name'], ['Initials', 4, true],
    ['Title', 4, true], ['Type', 1, true, 'teacherType'], ['Teacher Registration Number', 50, false], ['Email Address', 100, false],
    ['Given Names', 50, false, 'name'], ['Date of Birth', 10, false, 'date'], ['Gender', 1, false, 'gender'],
  ]),
  file('sace-classes', 'SACE Classes import', 'ClassImp.dat', 3, [
    ['Contact School Number', 3, true, 'school'], ['Year', 4, true, 'year'], ['Stage', 1, true, 'stage'], ['SACE Code', 3, true, 'saceCode'],
    ['Credits', 2, true, 'credits'], ['Class Number', 2, true, 'classNumber'], ['Program Variant', 1, false, 'variant'],
    ['Semester', 1, true, 'semester'], ['Teacher Code', 8, true], ['School Class Code', 10, false], ['Results Due', 1, true, 'resultsDue'],
  ]),
  file('sace-enrolments', 'SACE Enrolments import', 'EnrlImp.dat', 4, [
    ['Contact School Number', 3, true, 'school'], ['Registration Number', 7, false, 'registration'], ['Student Code', 20, true],
    ['Year', 4, true, 'year'], ['Semester', 1, true, 'semester'], ['Stage', 1, true, 'stage'], ['SACE Code', 3, true, 'saceCode'],
    ['Credits', 2, true, 'credits'], ['Enrolment Number', 2, false, 'integer'], ['Results Due', 1, true, 'resultsDue'],
    ['Program Variant', 1, false, 'variant'], ['Teaching School Number', 3, true, 'school'], ['Assessment School Number', 3, true, 'school'],
    ['Class Number', 2, true, 'classNumber'], ['Enrolment Status', 1, true, 'enrolmentStatus'], ['Repeat Indicator', 1, false, 'yesNo'],
    ['School Class Code', 10, false], ['Stage 1 Grade', 1, false, 'grade'], ['Partial Credits', 2, false, 'integer'], ['ED ID', 13, false, 'integer'],
  ]),
  file('sace-vet', 'SACE VET Enrolments import', 'VETRImp.dat', 5, [
    ['Contact School Number', 3, true, 'school'], ['Registration Number', 7, false, 'registration'], ['Student Code', 20, true],
    ['Commencement Date', 10, true, 'vetDate'], ['Enrolment Number', 3, true, 'vetEnrolment'], ['VET Module Number', 3, false, 'integer'],
    ['VET Module ID', 15, true], ['Result', 1, true], ['When Changed', 10, false, 'vetDate'], ['Who Changed', 10, false],
    ['Enrolment Year', 4, false, 'year'], ['Stage', 1, false, 'stage'], ['SACE Code', 3, false, 'saceCode'], ['Credits', 2, false, 'integer'],
    ['Semester', 1, false, 'semester'], ['Variant', 1, false, 'variant'], ['Class Code', 10, false], ['Results Due', 1, false, 'resultsDue'],
    ['Registered Training Organisation ID', 10, true], ['Certificate ID', 10, true], ['School Apprenticeship Flag', 1, true, 'yesNoStrict'],
    ['Result Date', 10, false, 'vetDate'],
  ]),
  file('sace-cea', 'SACE CEA Data import', 'CEAImp.dat', 6, [
    ['Contact School Number', 3, true, 'school'], ['Registration Number', 7, false, 'registration'], ['Student Code', 20, true],
    ['ED ID', 13, false], ['CEA Type', 4, true], ['CEA Category', 10, true], ['Deleted Indicator', 1, false, 'yOrBlank'],
    ['Start Date', 10, true, 'date'], ['End Date', 10, false, 'date'],
  ]),
];
