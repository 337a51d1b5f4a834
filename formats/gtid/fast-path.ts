/**
 * The clean-record fast path shared by the check and the fixer: a detail record the pattern
 * built from the layout matches (src/core/line-pattern.ts), with real dates, has passed every
 * generic field check; only the GTID rules and the duplicate keys remain. Its captured fields
 * are exactly what those need.
 */
import { linePattern, type LinePattern } from '../../src/core/line-pattern.js';
import { dateProblem } from '../../src/core/dates.js';
import { DETAIL } from './spec.js';
import { RULE_FIELDS } from './rules.js';

const CAPTURED = new Set([...RULE_FIELDS, 'Local Student ID', 'Social Security Number', 'GTID (State ID)']);
const patterns = new Map<string, LinePattern | null>();

export function cleanRecordPattern(delimiter: string): LinePattern | null {
  if (!patterns.has(delimiter)) patterns.set(delimiter, linePattern(DETAIL, delimiter, CAPTURED));
  return patterns.get(delimiter)!;
}

/** Fills `fields` (at the captured positions) and says whether `text` is clean so far. */
export function matchClean(pattern: LinePattern, text: string, fields: string[]): boolean {
  const m = pattern.regex.exec(text);
  if (!m) return false;
  const { captured, dateGroups } = pattern;
  for (let d = 0; d < dateGroups.length; d++) if (dateProblem(m[dateGroups[d]], 'mm/dd/yyyy') !== null) return false;
  for (let g = 0; g < captured.length; g++) fields[captured[g]] = m[g + 1] ?? '';
  return true;
}
