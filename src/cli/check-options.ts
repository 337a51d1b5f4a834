/**
 * The options `check` and `fix` share: flags override the stored settings for one run.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { CheckOptions } from '../core/format.js';
import { describeFsError, InputError } from '../io/input-error.js';
import { loadSettings, parseDateFormat, parseLimit, type Settings } from '../session/settings.js';
import { UsageError } from './usage-error.js';

export const CHECK_FLAGS = {
  format: { type: 'string' },
  district: { type: 'string' },
  schools: { type: 'string' },
  'max-errors': { type: 'string' },
  'max-records': { type: 'string' },
  'date-format': { type: 'string' },
} as const;

export const CHECK_FLAGS_HELP = `  --format F         the file's format (default: detected; see rollfix formats)
  --district CODE    your current district: records elsewhere are flagged
  --schools FILE     school directory, CSV of school code and district code
  --max-errors N     records in error before the file is rejected (0: no limit)
  --max-records N    records per file before it is rejected (0: no limit)
  --date-format F    SACE: the date format chosen on the Import Data screen
                     (dd/mm/yyyy, ddmmyyyy, mm/dd/yyyy, mmddyyyy, yyyy/mm/dd, yyyymmdd)`;

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

function dateFormat(flag: string | boolean | undefined, stored: string): string {
  if (typeof flag !== 'string') return parseDateFormat(stored);
  try {
    return parseDateFormat(flag);
  } catch (error) {
    throw new UsageError(`--date-format: ${(error as Error).message}`);
  }
}

/** `settings`: read once by the command and passed on (default: read them now). */
export function checkOptions(values: Record<string, string | boolean | undefined>, settings: Settings = loadSettings()): CheckOptions {
  const limit = (flag: string, fallback: number) => {
    const text = values[flag];
    if (typeof text !== 'string') return fallback;
    try {
      return parseLimit(text, `--${flag}`);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const district = typeof values.district === 'string' ? values.district : settings.district;
  const schoolsFile = typeof values.schools === 'string' ? values.schools : settings.schools;
  return {
    district: district || undefined,
    schools: schoolsFile ? readSchoolDirectory(schoolsFile) : undefined,
    maxErrors: limit('max-errors', settings.maxErrors),
    maxRecords: limit('max-records', settings.maxRecords),
    saceDateFormat: dateFormat(values['date-format'], settings.saceDateFormat),
  };
}
