/**
 * Record layouts by position. The header is the one layout the seed (with the public facts in
 * ctf-reference.md) gives whole; of the other records it shows only some positions, so the
 * rest is cut into spans named by their columns ("Positions 15–93"), which the clerk can still
 * read and edit without moving any other byte.
 */
import type { FieldSpec } from '../../../src/core/field-spec.js';
import type { RecordLayout } from '../../../src/core/format.js';
import type { EisFileType } from './file-types.js';

export interface FixedLayout extends RecordLayout {
  /** The record type letter this layout is for, or '' for a type the file may not hold. */
  type: string;
  length: number;
  /** Whether the last field is filler, so that padding a short record with spaces loses nothing. */
  fillerLast: boolean;
}

type Known = Omit<FieldSpec, 'maxLength' | 'position' | 'required' | 'kind'> & Partial<FieldSpec> & { from: number; to: number };

function field(known: Known): FieldSpec {
  const { from, to, ...rest } = known;
  return { required: false, kind: 'text', ...rest, position: from, maxLength: to - from + 1 };
}

/** The fields of a record of `length` bytes: the known ones, and spans for the columns between. */
export function spans(length: number, known: readonly Known[]): FieldSpec[] {
  const fields: FieldSpec[] = [];
  let at = 1;
  for (const k of [...known].sort((a, b) => a.from - b.from)) {
    if (k.from > at) fields.push(field({ name: `Positions ${at}–${k.from - 1}`, from: at, to: k.from - 1 }));
    fields.push(field(k));
    at = k.to + 1;
  }
  if (at <= length) fields.push(field({ name: `Positions ${at}–${length}`, from: at, to: length }));
  return fields;
}

const RECORD_TYPE: Known = { name: 'Record Type', from: 1, to: 1, required: true };
/** Seed 004 marks it "validated only if a value is present"; 9 digits is an assumption (README). */
const MET: Known = { name: 'MET Number', from: 6, to: 14 };

function headerLayout(type: EisFileType): FixedLayout {
  return {
    kind: 'header', type: 'H', length: type.length, fillerLast: true, title: `Header record (H), ${type.length} bytes`,
    fields: spans(type.length, [
      RECORD_TYPE,
      { name: 'File Type', from: 2, to: 2, required: true },
      { name: 'Reporting Date (DDMMYYYY)', from: 3, to: 10, kind: 'date', dateFormat: 'ddmmyyyy' },
      { name: 'Division Number', from: 11, to: 14, kind: 'pattern', pattern: /^\d{4}$/, patternText: '4 digits' },
      { name: 'Academic Year (YYYY)', from: 15, to: 18, required: true, kind: 'pattern', pattern: /^\d{4}$/, patternText: 'a four-digit year' },
      { name: 'EIS Version', from: 19, to: 23 },
      { name: 'Filler', from: 24, to: type.length },
    ]),
  };
}

const TITLES: Readonly<Record<string, string>> = { I: 'Identifier record (I)', D: 'Detail record (D)', S: 'School session record (S)' };

/** The positions the seed names for each record type of each file. */
function knownFields(type: EisFileType, letter: string): Known[] {
  if (type.id === 'eis-enrolment' && letter === 'D') {
    return [RECORD_TYPE, MET,
      { name: 'Eligible %', from: 179, to: 181, kind: 'pattern', pattern: /^0{0,2}(100|[1-9]\d?)$/, patternText: 'a whole number from 1 to 100, or blank' },
      { name: 'Home Room', from: 189, to: 200 },
      { name: 'Aboriginal Identity (1)', from: 201, to: 203 }];
  }
  if (letter === 'I' && ['eis-registration', 'eis-demographics', 'eis-marks', 'eis-met', 'eis-missing-met'].includes(type.id)) return [RECORD_TYPE, MET];
  return [RECORD_TYPE];
}

const built = new Map<EisFileType, Map<string, FixedLayout>>();

/** The file type's layouts by record type letter, built once per type. */
export function recordLayouts(type: EisFileType): ReadonlyMap<string, FixedLayout> {
  const known = built.get(type);
  if (known) return known;
  const layouts = new Map<string, FixedLayout>([['H', headerLayout(type)]]);
  built.set(type, layouts);
  for (const letter of type.types) {
    layouts.set(letter, { kind: 'detail', type: letter, length: type.length, fillerLast: false, title: `${TITLES[letter]}, ${type.length} bytes`, fields: spans(type.length, knownFields(type, letter)) });
  }
  return layouts;
}

/** A record whose type letter this file may not hold: its type and the rest, to be corrected. */
export function otherLayout(type: EisFileType): FixedLayout {
  return { kind: 'other', type: '', length: type.length, fillerLast: false, title: 'A record of a type this file does not hold', fields: spans(type.length, [RECORD_TYPE]) };
}
