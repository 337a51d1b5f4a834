/**
 * SACE dates: the clerk chooses one of six formats on the Import Data screen, and a date the
 * import cannot read in it silently becomes 1/1/1950 (seed 002). rollfix finds the format the
 * file really uses (the one most of its dates can be read in), and flags each date that the
 * chosen format would read wrongly or not at all, with the date converted to the chosen format
 * for the clerk to confirm (`review`).
 */
import { dateExists } from '../../src/core/dates.js';
import type { Issue } from '../../src/core/issue.js';

export const SACE_DATE_FORMATS = ['dd/mm/yyyy', 'ddmmyyyy', 'mm/dd/yyyy', 'mmddyyyy', 'yyyy/mm/dd', 'yyyymmdd'] as const;
export type SaceDateFormat = (typeof SACE_DATE_FORMATS)[number];

type Ymd = [number, number, number];

function readAs(value: string, format: SaceDateFormat): Ymd | null {
  const m = {
    'dd/mm/yyyy': /^(\d{2})\/(\d{2})\/(\d{4})$/, ddmmyyyy: /^(\d{2})(\d{2})(\d{4})$/,
    'mm/dd/yyyy': /^(\d{2})\/(\d{2})\/(\d{4})$/, mmddyyyy: /^(\d{2})(\d{2})(\d{4})$/,
    'yyyy/mm/dd': /^(\d{4})\/(\d{2})\/(\d{2})$/, yyyymmdd: /^(\d{4})(\d{2})(\d{2})$/,
  }[format].exec(value);
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ymd: Ymd = format.startsWith('dd') ? [c, b, a] : format.startsWith('mm') ? [c, a, b] : [a, b, c];
  return dateExists(...ymd) ? ymd : null;
}

function writeAs([y, m, d]: Ymd, format: SaceDateFormat): string {
  const [dd, mm, yyyy] = [String(d).padStart(2, '0'), String(m).padStart(2, '0'), String(y)];
  const sep = format.includes('/') ? '/' : '';
  if (format.startsWith('dd')) return [dd, mm, yyyy].join(sep);
  if (format.startsWith('mm')) return [mm, dd, yyyy].join(sep);
  return [yyyy, mm, dd].join(sep);
}

/** 2/5/1984 and 2-5-1984 as Excel writes them: the digits padded, the separator kept as /. */
function tidy(value: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  if (m) return `${m[1].padStart(2, '0')}/${m[2].padStart(2, '0')}/${m[3]}`;
  const y = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value.trim());
  return y ? `${y[1]}/${y[2].padStart(2, '0')}/${y[3].padStart(2, '0')}` : value.trim();
}

/** The format that reads the most of `values`, the chosen one when it reads as many. */
export function detectDateFormat(values: readonly string[], chosen: SaceDateFormat): SaceDateFormat {
  const counts = new Map(SACE_DATE_FORMATS.map((f) => [f, 0]));
  for (const v of values) for (const f of SACE_DATE_FORMATS) if (readAs(tidy(v), f)) counts.set(f, counts.get(f)! + 1);
  let best = chosen;
  for (const f of SACE_DATE_FORMATS) if (counts.get(f)! > counts.get(best)!) best = f;
  return best;
}

const show = ([y, m, d]: Ymd) => new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-AU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The date's problem under the chosen format, knowing the format the file uses, or null. */
export function dateIssue(field: string, value: string, line: number, chosen: SaceDateFormat, used: SaceDateFormat): Issue | null {
  if (value.trim() === '') return null;
  const base = { code: 'sace/date-format', severity: 'error' as const, scope: 'field' as const, line, field };
  const asChosen = readAs(value, chosen);
  const clean = tidy(value);
  const asUsed = readAs(clean, used);
  const convert = (ymd: Ymd, confidence: 'safe' | 'review', reason: string) => ({ confidence, reason, values: { [field]: writeAs(ymd, chosen) } });
  if (asChosen) {
    if (used === chosen || !asUsed || asUsed.join() === asChosen.join()) return null;
    return { ...base, message: `${field} ${value} reads as ${show(asChosen)} in ${chosen} (the format chosen for the import), but this file writes dates ${used}: ${show(asUsed)}?`, repair: convert(asUsed, 'review', `read as ${used}, like the rest of the file`) };
  }
  const readings = SACE_DATE_FORMATS.map((f) => readAs(clean, f)).filter((r): r is Ymd => r !== null);
  const distinct = [...new Set(readings.map((r) => r.join()))];
  const message = `${field} "${value}" cannot be read as ${chosen}, the format chosen for the import: it would be imported as 1/1/1950`;
  // Always `review` (the issue's rule for SACE): a birth date is the student's identity.
  if (asUsed) return { ...base, message, repair: convert(asUsed, 'review', distinct.length === 1 ? `read as ${used}, the only way it can be read` : `read as ${used}, like the rest of the file`) };
  if (distinct.length === 1) return { ...base, message, repair: convert(readings[0], 'review', 'the only way it can be read') };
  return { ...base, message, repair: null };
}
