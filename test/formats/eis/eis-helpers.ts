/** Building EIS test files: fixed-length records by position, and the bundled samples. */
import { join } from 'node:path';
import { ROOT } from '../../helpers.js';

export const EIS_SAMPLES = join(ROOT, 'formats/eis/samples');

/** A record of `length` spaces with values written at 1-based positions. */
export function record(length: number, parts: Record<number, string>): string {
  const bytes = Array.from({ length }, () => ' ');
  for (const [at, value] of Object.entries(parts)) [...value].forEach((c, i) => (bytes[Number(at) - 1 + i] = c));
  return bytes.join('');
}

export const header = (length = 250, parts: Record<number, string> = {}) => record(length, { 1: 'H', 2: 'E', 3: '30092013', 11: '1234', 15: '2013', 19: '4.1.0', ...parts });
export const student = (parts: Record<number, string> = {}) => record(250, { 1: 'D', 2: '0456', 6: '104567891', 15: 'TREMBLAY', 45: 'MARIE', 179: '100', 189: '7A', ...parts });

/** An enrolment file: CR LF between records and after the last. */
export const enrolment = (...records: string[]) => [header(), ...records].join('\r\n') + '\r\n';
