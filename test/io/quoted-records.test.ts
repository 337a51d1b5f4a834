/** Where a record over several lines ends, and where a quote that never closes well leaves its line alone. */
import { describe, expect, it } from 'vitest';
import { inspectInput, readLines } from '../../src/io/line-reader.js';
import { cutRecords, MAX_SPAN } from '../../src/io/quoted-records.js';
import { withoutLineBreaks } from '../../src/core/line-breaks.js';
import { tempFile } from '../helpers.js';

async function records(text: string): Promise<Array<[number, string]>> {
  const input = { ...(await inspectInput(tempFile(text))), quotedBreaks: ',' };
  const out: Array<[number, string]> = [];
  const stats = await readLines(input, (t, line) => out.push([line, t]));
  expect(cutRecords(text, input.eol, ',')).toEqual(out.map(([, t]) => t));
  expect(stats.lines).toBe(text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
  return out;
}

describe('records over several lines', () => {
  it('keeps an Alt+Enter cell (LF inside a CR LF file) in one record, at its first line, bytes as read', async () => {
    expect(await records('a,"x\ny",b\r\nc,d\r\n')).toEqual([[1, 'a,"x\ny",b'], [3, 'c,d']]);
  });
  it('reads a quote inside a plain value as a character, not as an opening', async () => {
    expect(await records('O"Brien,1\nx,2\n')).toEqual([[1, 'O"Brien,1'], [2, 'x,2']]);
  });
  it('leaves a line alone when its quote closes with text after it, or never closes', async () => {
    expect(await records('a,"open\nb,"c"d\ne,f\n')).toEqual([[1, 'a,"open'], [2, 'b,"c"d'], [3, 'e,f']]);
    expect(await records('a,"open\nb,c\n')).toEqual([[1, 'a,"open'], [2, 'b,c']]);
  });
  it(`never takes more than ${MAX_SPAN} line breaks into one record`, async () => {
    const long = `a,"x${'\nline'.repeat(MAX_SPAN + 1)}"\nz,1\n`;
    const got = await records(long);
    expect(got[0]).toEqual([1, 'a,"x']);
    expect(got.length).toBe(MAX_SPAN + 3); // every line alone
  });
  it('a break becomes one space, with the spaces around it; one at either end leaves none', () => {
    expect(withoutLineBreaks('Unit 4 \r\n 2 High St')).toBe('Unit 4 2 High St');
    expect(withoutLineBreaks('a\n\nb')).toBe('a b');
    expect(withoutLineBreaks('\nSmith\n')).toBe('Smith');
  });
});
