/**
 * The fixed-length EIS files of seed 004, as far as the document (a garbled PDF) states them.
 * `name` and `letter` are null where the seed does not give the default file name or the
 * header's File Type letter; those files are then recognised by the other facts and --format.
 */
export interface EisFileType {
  id: string;
  title: string;
  /** The default name's suffix: `xxxx` + suffix + `.asc`, xxxx the school or division number. */
  name: string | null;
  /** The header's File Type (position 2), where the seed gives it. */
  letter: string | null;
  /** Every record's length in bytes. */
  length: 200 | 250;
  /** Record types after the header. */
  types: readonly string[];
}

export const EIS_FILE_TYPES: readonly EisFileType[] = [
  { id: 'eis-enrolment', title: 'EIS Student Enrolment', name: 'enr', letter: null, length: 250, types: ['S', 'D'] },
  { id: 'eis-demographics', title: 'EIS Student Demographics', name: null, letter: null, length: 250, types: ['I'] },
  { id: 'eis-classroom', title: 'EIS BEF K-8 Classroom', name: 'bcs', letter: 'C', length: 200, types: ['I', 'D'] },
  { id: 'eis-registration', title: 'EIS Student Course Registration', name: null, letter: 'R', length: 200, types: ['I', 'D'] },
  { id: 'eis-marks', title: 'EIS Student Marks', name: null, letter: null, length: 200, types: ['I', 'D'] },
  { id: 'eis-activities', title: 'EIS TPP Activities', name: 'act', letter: null, length: 200, types: ['I', 'D'] },
  { id: 'eis-met', title: 'EIS Student MET', name: 'met', letter: null, length: 200, types: ['I'] },
  { id: 'eis-missing-met', title: 'EIS Student Missing MET', name: null, letter: null, length: 200, types: ['I'] },
];

/** The school or division number in a default file name (`1234enr.asc` → 1234), or null. */
export function nameNumber(fileName: string, type: EisFileType): string | null {
  if (!type.name) return null;
  const m = new RegExp(`^(\\d{4})${type.name}\\.asc$`, 'i').exec(fileName);
  return m ? m[1] : null;
}
