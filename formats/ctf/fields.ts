/**
 * The fields rollfix shows and edits, as paths under a record's element (ctf-reference.md):
 * the header's, and each pupil's core and the BasicDetails a clerk most often corrects.
 */
import type { FieldSpec } from '../../src/core/field-spec.js';
import type { RecordLayout } from '../../src/core/format.js';

const text = (name: string, required = false): FieldSpec => ({ name, required, maxLength: 255, kind: 'text' });

export const HEADER_PATHS = [
  'DocumentName', 'CTFversion', 'DateTime', 'DocumentQualifier', 'DataQualifier', 'DataDescriptor', 'SupplierID',
  'SourceSchool/LEA', 'SourceSchool/Estab', 'SourceSchool/URN', 'SourceSchool/SchoolName', 'SourceSchool/AcademicYear',
  'DestSchool/LEA', 'DestSchool/Estab', 'DestSchool/URN',
] as const;

export const PUPIL_PATHS = [
  'UPN', 'UniqueLearnerNumber', 'UCI', 'Surname', 'Forename', 'DOB', 'Sex',
  'BasicDetails/FormerUPN', 'BasicDetails/PreferredSurname', 'BasicDetails/PreferredForename', 'BasicDetails/FormerSurname',
  'BasicDetails/FormerForename', 'BasicDetails/MiddleNames', 'BasicDetails/NCyearActual', 'BasicDetails/Ethnicity', 'BasicDetails/EnrolStatus',
] as const;

const REQUIRED = new Set(['UPN', 'Surname', 'Forename', 'DOB', 'Sex']);

/**
 * The name of the element that holds the pupil's sex, Sex or Gender (older versions), shown and
 * edited as a field of its own: renaming it is the repair of a Gender in a version 24 or later file.
 */
export const SEX_ELEMENT = 'Sex element';

export const HEADER_LAYOUT: RecordLayout = { kind: 'header', title: 'Header: the sending and receiving schools', fields: HEADER_PATHS.map((p) => text(p)) };
export const PUPIL_LAYOUT: RecordLayout = { kind: 'detail', title: 'Pupil: the core fields and BasicDetails', fields: [...PUPIL_PATHS.map((p) => text(p, REQUIRED.has(p))), text(SEX_ELEMENT)] };
