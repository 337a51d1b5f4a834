import { describe, expect, it } from 'vitest';
import { LinesAt } from '../../src/io/line-at.js';
import { tempFile } from '../helpers.js';

describe('LinesAt', () => {
  it('reads a line back by its offset, cut as the line reader cuts it', () => {
    const long = 'L'.repeat(10_000);
    const text = `ab\r\nab\r\nab\rc\r\n${long}\r\n${long}x`;
    const lines = new LinesAt(tempFile(text), '\r\n');
    expect(lines.line(0)?.toString()).toBe('ab');
    expect(lines.same(0, 4)).toBe(true);
    expect(lines.line(8)?.toString()).toBe('ab\rc'); // a CR inside a line is not its end
    expect(lines.same(0, 8)).toBe(false);
    const at = text.indexOf('L');
    expect(lines.line(at)?.toString()).toBe(long); // longer than one read
    expect(lines.same(at, at + long.length + 2)).toBe(false); // the last line, without a line break
    lines.close();
  });
  it('never calls two lines the same when the file cannot be read', () => {
    const lines = new LinesAt('/nonexistent/batch.txt', '\n');
    expect(lines.line(0)).toBeNull();
    expect(lines.same(0, 10)).toBe(false);
  });
});
