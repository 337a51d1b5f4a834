/**
 * Fitting text into columns: every value goes through the sanitiser (control characters and
 * escape sequences become visible placeholders), then is cut to its width with an ellipsis and
 * padded, so no row ever wraps or moves the cursor.
 */
import stringWidth from 'string-width';
import { sanitise } from '../src/core/printable.js';
import { count } from '../src/core/count.js';

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const widthOf = (s: string) => (PLAIN_ASCII.test(s) ? s.length : stringWidth(s));

/**
 * `text` in exactly `width` columns. Most values are plain ASCII, where a character is a column;
 * only other text is measured character by character (measuring the growing prefix each time
 * made a table page take 50 ms).
 */
export function fit(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const safe = sanitise(text);
  const total = widthOf(safe);
  if (total <= width) return safe + ' '.repeat(width - total);
  const room = width - widthOf(ellipsis);
  if (PLAIN_ASCII.test(safe)) return safe.slice(0, Math.max(0, room)) + ellipsis;
  let out = '';
  let used = 0;
  for (const ch of safe) {
    const w = widthOf(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return out + ellipsis + ' '.repeat(Math.max(0, width - used - widthOf(ellipsis)));
}

export function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Words of `text` in lines of at most `width` columns (the last line cut if over `max`). */
export function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of sanitise(text).split(' ')) {
    if (current && stringWidth(current + ' ' + word) > width) {
      lines.push(current);
      current = word;
    } else current = current ? current + ' ' + word : word;
  }
  if (current) lines.push(current);
  if (lines.length > max) lines.splice(max - 1, lines.length, lines.slice(max - 1).join(' '));
  return lines;
}

/**
 * A path in `width` columns, shortened in the middle (/home/clerk/…/batch.fixed.txt): its start
 * and its file name are what tell paths apart.
 */
export function shortenMiddle(text: string, width: number, ellipsis = '…'): string {
  const chars = [...sanitise(text)];
  if (chars.length <= width) return chars.join('');
  const room = Math.max(0, width - [...ellipsis].length);
  const tail = Math.ceil(room * 0.6);
  return chars.slice(0, room - tail).join('') + ellipsis + chars.slice(chars.length - tail).join('');
}
