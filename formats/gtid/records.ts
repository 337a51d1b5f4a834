/**
 * Cutting GTID lines into fields. Header and trailer are separated by "a single tab or space"
 * (seed 003), whichever follows the record type; detail records by the header's delimiter.
 */
import { DETAIL } from './spec.js';

export type RecordType = 'TH' | 'ID' | 'TT' | 'other';

export function recordType(text: string): RecordType {
  const t = text.slice(0, 2);
  return t === 'TH' || t === 'ID' || t === 'TT' ? t : 'other';
}

/** The separator a header or trailer uses: the character after the record type. */
export function envelopeSeparator(text: string): string {
  const c = text.charAt(2);
  return c === '\t' || c === ' ' || c === ',' ? c : '\t';
}

export function splitEnvelope(text: string): string[] {
  return text.length <= 2 ? [text] : text.split(envelopeSeparator(text));
}

/**
 * The delimiter the detail records really use, judged from the first ID lines: the one that
 * gives 16 fields. Null when the sample has no detail record or neither gives 16.
 */
export function sniffDelimiter(sample: readonly string[]): ',' | '\t' | null {
  const want = DETAIL.fields.length;
  let tab = 0;
  let comma = 0;
  for (const line of sample) {
    if (recordType(line) !== 'ID') continue;
    if (line.split('\t').length === want) tab++;
    else if (line.split(',').length >= want) comma++;
  }
  if (tab === 0 && comma === 0) return null;
  return tab >= comma ? '\t' : ',';
}

export const delimiterName = (d: string) => (d === '\t' ? 'tab' : 'comma');
export const delimiterValue = (d: string) => (d === '\t' ? 'delimiter=0X09' : 'delimiter=,');
