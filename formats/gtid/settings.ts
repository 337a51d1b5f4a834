/**
 * GTID's own settings (seed 003): the submitting user's "current location" (district and school)
 * and a school directory to check schools against.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { CheckOptions } from '../../src/core/format.js';
import type { FormatSetting } from '../../src/core/format-setting.js';
import { describeFsError, InputError } from '../../src/io/input-error.js';

function parseCode(text: string): string {
  if (!/^[A-Za-z0-9]{0,8}$/.test(text)) throw new RangeError(`a district or school code is up to 8 letters or digits, not "${text}"`);
  return text;
}

function parseSchools(text: string): string {
  const path = text.trim();
  if (path && !existsSync(path)) throw new RangeError(`there is no file ${path}`);
  return path;
}

/** Reads a school directory: one school per line, school code then district code; a header line is skipped. */
function readSchoolDirectory(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw describeFsError(path, error);
  }
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: text.includes('\t') ? '\t' : ',', relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new InputError(`cannot read the school directory ${path}: ${(error as Error).message}`, 65);
  }
  const schools = new Map<string, string>();
  rows.forEach((row, i) => {
    if (i === 0 && !/\d/.test(row.join(''))) return; // a heading such as "school,district"
    if (row.length < 2 || row[0] === '' || row[1] === '') {
      throw new InputError(`the school directory ${path}, line ${i + 1}: expected a school code and a district code`, 65);
    }
    schools.set(row[0], row[1]);
  });
  return schools;
}

const DISTRICT: FormatSetting = {
  key: 'district',
  description: 'your current district (the GTID "current location"); empty: not checked',
  default: '',
  parse: parseCode,
  flag: { name: 'district', arg: 'CODE', help: ['your current district: records elsewhere are flagged'] },
};

const SCHOOL: FormatSetting = { key: 'school', description: 'your current school code', default: '', parse: parseCode };

const SCHOOLS: FormatSetting = {
  key: 'schools',
  description: 'school directory file (CSV: school code, district code)',
  default: '',
  parse: parseSchools,
  flag: { name: 'schools', arg: 'FILE', help: ['school directory, CSV of school code and district code'] },
  load: (path) => (path ? readSchoolDirectory(path) : undefined),
};

export const GTID_SETTINGS: readonly FormatSetting[] = [DISTRICT, SCHOOL, SCHOOLS];

/** The current district of a run, if set. */
export function currentDistrict(options: CheckOptions): string | undefined {
  return options.formatOptions?.[DISTRICT.key] as string | undefined;
}

/** The school directory of a run (school code → district code), if given. */
export function schoolDirectory(options: CheckOptions): ReadonlyMap<string, string> | undefined {
  return options.formatOptions?.[SCHOOLS.key] as ReadonlyMap<string, string> | undefined;
}
