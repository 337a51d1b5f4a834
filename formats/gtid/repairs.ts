/**
 * GTID repairs that a field spec cannot express as plain data: grade words, year ranges, the
 * header's constants. Code aliases are data and live here beside them. Last-name cleansing has
 * its own file (last-name.ts). Every normaliser returns a value that passes the field's checks or
 * nothing at all.
 */
import type { Proposal } from '../../src/core/field-spec.js';

export const GENDER_ALIASES: Record<string, string> = {
  MALE: 'M', BOY: 'M', FEMALE: 'F', GIRL: 'F',
};

export const RACE_ALIASES: Record<string, string> = {
  ASIAN: 'A', 'PACIFIC ISLANDER': 'A', 'ASIAN/PACIFIC ISLANDER': 'A', 'ASIAN, PACIFIC ISLANDER': 'A', 'ASIAN PACIFIC ISLANDER': 'A',
  BLACK: 'B', 'AFRICAN AMERICAN': 'B', 'BLACK OR AFRICAN AMERICAN': 'B', 'BLACK, NOT OF HISPANIC ORIGIN': 'B',
  HISPANIC: 'H', LATINO: 'H', 'HISPANIC/LATINO': 'H', 'HISPANIC OR LATINO': 'H',
  'AMERICAN INDIAN': 'I', 'ALASKAN NATIVE': 'I', 'AMERICAN INDIAN/ALASKAN NATIVE': 'I', 'AMERICAN INDIAN OR ALASKA NATIVE': 'I', 'NATIVE AMERICAN': 'I',
  'MULTI-RACIAL': 'M', MULTIRACIAL: 'M', 'MULTI RACIAL': 'M', 'TWO OR MORE RACES': 'M',
  WHITE: 'W', CAUCASIAN: 'W', 'WHITE, NOT OF HISPANIC ORIGIN': 'W',
};

const ORDINALS = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'FIFTH', 'SIXTH', 'SEVENTH', 'EIGHTH', 'NINTH', 'TENTH', 'ELEVENTH', 'TWELFTH'];
const KINDERGARTEN = new Set(['K', 'KG', 'KN', 'KINDER', 'KINDERGARTEN', 'KINDERGARDEN']);
const PRE_K = new Set(['P', 'PRE-K', 'PREK', 'PRE K', 'PRE-KINDERGARTEN', 'PREKINDERGARTEN', 'PRE KINDERGARTEN']);

const grade = (value: string, reason: string, confidence: Proposal['confidence'] = 'safe'): Proposal => ({ value, confidence, reason });

/** `K` → KK, `1` → 01, `Grade 3` / `3rd` / `third grade` → 03, `Pre-K` → PK. */
export function normaliseGrade(raw: string): Proposal | null {
  const v = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (KINDERGARTEN.has(v)) return grade('KK', `"${raw}" is kindergarten: KK`);
  if (PRE_K.has(v)) return grade('PK', `"${raw}" is pre-kindergarten: PK`);
  const words = v.replace(/\bGRADE\b|\bGR\.?/g, '').trim();
  const ordinal = ORDINALS.indexOf(words) + 1;
  const m = /^G?0*(\d{1,2})(ST|ND|RD|TH)?$/.exec(words);
  const n = ordinal || (m ? Number(m[1]) : NaN);
  if (n >= 1 && n <= 12) return grade(String(n).padStart(2, '0'), `"${raw}" is grade ${n}: ${String(n).padStart(2, '0')}`);
  if (m && Number(m[1]) === 0) return grade('KK', `"${raw}": grade 0 is kindergarten in many systems; check it is not pre-K`, 'review');
  return null;
}

/** `2024-2025` and `2024-25` → 2025 (the seed counts a school year by the year it ends). */
export function normaliseSchoolYear(raw: string): Proposal | null {
  const v = raw.trim();
  let m = /^(?:SY\s*)?(\d{4})\s*[-/–]\s*(\d{4}|\d{2})$/i.exec(v);
  if (m) {
    const start = Number(m[1]);
    const end = m[2].length === 4 ? Number(m[2]) : Math.floor(start / 100) * 100 + Number(m[2]);
    if (end === start + 1) return { value: String(end), confidence: 'safe', reason: `school year ${v} ends in ${end}` };
    return null;
  }
  m = /^(\d{2})\s*[-/]\s*(\d{2})$/.exec(v);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) {
    return { value: `20${m[2]}`, confidence: 'review', reason: `school year ${v} read as ending in 20${m[2]}` };
  }
  m = /^(?:SY\s*)?(\d{4})(?:\.0+)?$/i.exec(v);
  if (m) return { value: m[1], confidence: 'safe', reason: `school year written as ${m[1]}` };
  return null;
}

/** The seed says the version is always '1.0'. */
export function normaliseVersion(raw: string): Proposal | null {
  return /^v?(ersion)?\s*1(\.0+)?$/i.test(raw.trim()) ? { value: '1.0', confidence: 'safe', reason: "the version is always '1.0'" } : null;
}

/** `delimiter=tab`, `delimiter=comma`, `DELIMITER=,` → the seed's spelling (hex for tab, as it recommends). */
export function normaliseDelimiter(raw: string): Proposal | null {
  const v = raw.trim().replace(/^delimiter\s*=\s*/i, '').toUpperCase();
  if ([',', 'COMMA', '0X2C', 'CSV'].includes(v)) return { value: 'delimiter=,', confidence: 'safe', reason: "a comma delimiter is written 'delimiter=,'" };
  if (['TAB', '\\T', '0X09', '0X9', 'TSV'].includes(v) || raw.trim().endsWith('\t')) {
    return { value: 'delimiter=0X09', confidence: 'safe', reason: "a tab delimiter is written 'delimiter=0X09'" };
  }
  return null;
}
