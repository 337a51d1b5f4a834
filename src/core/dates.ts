/**
 * Dates: checking a value against the one layout a field requires, and proposing that layout
 * from the others clerks' exports produce. A proposal is `safe` only when the value can mean a
 * single date; when day and month could be swapped, or the century is a guess, it is `review`.
 */
import type { Proposal } from './field-spec.js';

/**
 * `dd/mmm/yyyy`: seed 004's exports: a day, a month name (three letters, with or without a
 * full stop, or in full, any case) and a four-digit year: 01/Sep/2013.
 * `ddmmyyyy`: a fixed-length header's date (seed 004), eight digits.
 */
export type DateFormat = 'mm/dd/yyyy' | 'dd/mm/yyyy' | 'dd/mmm/yyyy' | 'ddmmyyyy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_TITLES = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1));

/** The month of a name written as seed 004 accepts it (Jan, Jan., January, any case), or 0. */
function namedMonth(name: string): number {
  const lower = name.toLowerCase();
  const short = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  const i = short.length === 3 ? MONTHS.indexOf(short) : MONTH_NAMES.indexOf(short);
  return i + 1;
}

/** [year, month, day] of a date written in one of the formats that are not nn/nn/nnnn, or null when it has not that shape. */
function otherParts(value: string, format: DateFormat): [number, number, number] | null {
  if (format === 'ddmmyyyy') {
    const m = /^(\d\d)(\d\d)(\d{4})$/.exec(value);
    return m ? [+m[3], +m[2], +m[1]] : null;
  }
  const m = /^(\d{1,2})\/([A-Za-z]{3,9}\.?)\/(\d{4})$/.exec(value);
  if (!m) return null;
  const month = namedMonth(m[2]);
  return month ? [+m[3], month, +m[1]] : null;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function dateExists(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS[month] + (leap ? 1 : 0);
}

/** Two ASCII digits at `i` as a number, or -1. Hand-parsed: this runs for every date of every record. */
function twoDigits(value: string, i: number): number {
  const a = value.charCodeAt(i) - 48;
  const b = value.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Splits a strict `nn/nn/nnnn` into its three numbers, or null. */
function strictParts(value: string): [number, number, number] | null {
  if (value.length !== 10 || value.charCodeAt(2) !== 47 || value.charCodeAt(5) !== 47) return null;
  const a = twoDigits(value, 0);
  const b = twoDigits(value, 3);
  const hi = twoDigits(value, 6);
  const lo = twoDigits(value, 8);
  return a < 0 || b < 0 || hi < 0 || lo < 0 ? null : [a, b, hi * 100 + lo];
}

/** Returns why the value is not a valid date in `format`, or null when it is. */
export function dateProblem(value: string, format: DateFormat): string | null {
  if (format === 'dd/mmm/yyyy' || format === 'ddmmyyyy') {
    const parts = otherParts(value, format);
    if (!parts) return format === 'ddmmyyyy' ? "must have the 'DDMMYYYY' format (8 digits)" : "must have the 'DD/MMM/YYYY' format, with the month as a name (01/Sep/2013)";
    return dateExists(...parts) ? null : `is not a date that exists (${format === 'ddmmyyyy' ? 'DDMMYYYY' : 'DD/MMM/YYYY'})`;
  }
  const parts = strictParts(value);
  if (!parts) return `must have the '${format}' format`;
  // No arrays for the month and day: this runs for every date of a million records.
  const us = format === 'mm/dd/yyyy';
  if (!dateExists(parts[2], us ? parts[0] : parts[1], us ? parts[1] : parts[0])) return `is not a date that exists (${format})`;
  return null;
}

function formatDate(year: number, month: number, day: number, format: DateFormat): string {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  const yyyy = String(year).padStart(4, '0');
  if (format === 'dd/mmm/yyyy') return `${dd}/${MONTH_TITLES[month - 1]}/${yyyy}`;
  if (format === 'ddmmyyyy') return `${dd}${mm}${yyyy}`;
  return format === 'mm/dd/yyyy' ? `${mm}/${dd}/${yyyy}` : `${dd}/${mm}/${yyyy}`;
}

/** Parses the date as `format` (strictly) into [year, month, day], or null. */
export function parseDate(value: string, format: DateFormat): [number, number, number] | null {
  let date: [number, number, number] | null;
  if (format === 'dd/mmm/yyyy' || format === 'ddmmyyyy') {
    date = otherParts(value, format);
  } else {
    const parts = strictParts(value); // parsed once: this runs for a quarter of a million records
    date = parts && (format === 'mm/dd/yyyy' ? [parts[2], parts[0], parts[1]] : [parts[2], parts[1], parts[0]]);
  }
  return date && dateExists(...date) ? date : null;
}

function fullYear(twoDigits: number, now = new Date()): number {
  const year = 2000 + twoDigits;
  return year <= now.getFullYear() ? year : 1900 + twoDigits;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function propose(y: number, m: number, d: number, format: DateFormat, confidence: Proposal['confidence'], reason: string): Proposal | null {
  if (!dateExists(y, m, d)) return null;
  return { value: formatDate(y, m, d, format), confidence, reason };
}

/** Proposes `format` for a date written another way; null when it cannot tell what date it is. */
export function repairDate(raw: string, format: DateFormat): Proposal | null {
  const value = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (m) return propose(+m[1], +m[2], +m[3], format, 'safe', 'year-first date rewritten as ' + format);
  m = /^((?:19|20)\d\d)(\d\d)(\d\d)$/.exec(value);
  if (m) return propose(+m[1], +m[2], +m[3], format, 'safe', 'yyyymmdd date rewritten as ' + format);
  m = /^(\d{1,2})[-\s./]?([A-Za-z]{3,9})\.?[-\s.,/]*(\d{4})$/.exec(value);
  if (m && monthIndex(m[2]) > 0) return propose(+m[3], monthIndex(m[2]), +m[1], format, 'safe', 'month name rewritten as ' + format);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(value);
  if (m && monthIndex(m[1]) > 0) return propose(+m[3], monthIndex(m[1]), +m[2], format, 'safe', 'month name rewritten as ' + format);
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(value);
  if (!m) return null;
  const [a, sep, b, yearText] = [+m[1], m[2], +m[3], m[4]];
  const year = yearText.length === 4 ? +yearText : fullYear(+yearText);
  const [month, day] = format === 'mm/dd/yyyy' ? [a, b] : [b, a];
  const asWritten = dateExists(year, month, day);
  const swapped = dateExists(year, day, month) && a !== b;
  if (format === 'dd/mmm/yyyy' || format === 'ddmmyyyy') return numericDayFirst(year, month, day, asWritten, swapped, yearText.length === 2, format);
  if (yearText.length === 2) {
    if (!asWritten) return null;
    return propose(year, month, day, format, 'review', `two-digit year read as ${year}`);
  }
  if (asWritten && !swapped) {
    return propose(year, month, day, format, 'safe', `rewritten as ${format}`);
  }
  if (asWritten && swapped) {
    // 3/4/2011 with slashes is this format missing its zeros; with dashes or dots it may come
    // from a system that writes the day first.
    const confidence = sep === '/' ? 'safe' : 'review';
    return propose(year, month, day, format, confidence, confidence === 'safe' ? `rewritten as ${format}` : `day and month could be either way round: read as ${format}`);
  }
  if (swapped) {
    return propose(year, day, month, format, 'review', `day and month appear swapped: read the other way round`);
  }
  return null;
}

/**
 * Day-first dates written with digits: read day first (as DD/MMM/YYYY exports are), `safe` only when the
 * value cannot be read the other way round (seed 004 warns of exactly this confusion).
 */
function numericDayFirst(year: number, month: number, day: number, asWritten: boolean, swapped: boolean, shortYear: boolean, format: DateFormat): Proposal | null {
  if (asWritten) {
    if (shortYear) return propose(year, month, day, format, 'review', `two-digit year read as ${year}`);
    if (swapped) return propose(year, month, day, format, 'review', 'day and month could be either way round: read day first');
    return propose(year, month, day, format, 'safe', 'month written as a name');
  }
  if (swapped) return propose(year, day, month, format, shortYear ? 'review' : 'safe', 'the date was written month first: month written as a name');
  return null;
}
