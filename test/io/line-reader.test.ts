import { describe, expect, it } from 'vitest';
import { mkfifoSync } from './mkfifo.js';
import { inspectInput, readLines, scanLines, type InputInfo } from '../../src/io/line-reader.js';
import { InputError } from '../../src/io/input-error.js';
import { tempDir, tempFile } from '../helpers.js';

async function lines(input: InputInfo): Promise<string[]> {
  const out: string[] = [];
  await readLines(input, (text) => out.push(text));
  return out;
}

describe('inspectInput', () => {
  it('detects UTF-8, a BOM, and the line ending', async () => {
    const info = await inspectInput(tempFile('\ufeffTH a\r\nID,b\r\n'));
    expect(info).toMatchObject({ encoding: 'utf-8', bom: true, eol: '\r\n' });
    expect(info.sample.slice(0, 2)).toEqual(['TH a', 'ID,b']);
    expect(await lines(info)).toEqual(['TH a', 'ID,b']);
  });
  it('reads Windows-1252, curly quotes and euro sign included', async () => {
    const info = await inspectInput(tempFile(Buffer.from([0x4f, 0x92, 0x4e, 0x65, 0x69, 0x6c, 0x20, 0x80, 0x0a])));
    expect(info.encoding).toBe('windows-1252');
    expect(await lines(info)).toEqual(['O\u2019Neil \u20ac']);
  });
  it('starts again as Windows-1252 when a late line is not UTF-8, losing nothing', async () => {
    const ascii = 'ID,plain\n'.repeat(20_000); // past the 64 KB sniff
    const path = tempFile(Buffer.concat([Buffer.from(ascii), Buffer.from([0x4d, 0x75, 0xf1, 0x6f, 0x7a, 0x0a])]));
    const info = await inspectInput(path);
    expect(info.encoding).toBe('utf-8');
    const { result, input } = await scanLines(info, () => {
      const seen: string[] = [];
      return { line: (t) => seen.push(t), finish: () => seen };
    });
    expect(input.encoding).toBe('windows-1252');
    expect(result.length).toBe(20_001);
    expect(result.at(-1)).toBe('Muñoz');
  });
  it('keeps a multi-byte character cut by a chunk boundary whole', async () => {
    const text = 'x'.repeat((1 << 20) - 1) + 'é\nID\n';
    expect((await lines(await inspectInput(tempFile(text))))[0].endsWith('é')).toBe(true);
  });
  it('handles CR-only files, mixed endings and a missing final newline', async () => {
    expect(await lines(await inspectInput(tempFile('a\rb\rc')))).toEqual(['a', 'b', 'c']);
    const info = await inspectInput(tempFile('a\r\nb\nc'));
    const stats = await readLines(info, () => {});
    expect(stats).toMatchObject({ lines: 3, otherEndings: 1, endsWithNewline: false });
  });
  it('takes every CR before an LF as line ending ("\\r\\r\\n" from a file converted twice)', async () => {
    expect(await lines(await inspectInput(tempFile('\nTHTH\r\r\nID\r\r')))).toEqual(['', 'THTH', 'ID']);
  });
  it('reads a 5 MB single line', async () => {
    const long = 'ID,' + 'x'.repeat(5 << 20);
    expect((await lines(await inspectInput(tempFile(long))))[0].length).toBe(long.length);
  });
  it('refuses binary files, UTF-16, folders, pipes and missing files with a clear message', async () => {
    await expect(inspectInput(tempFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).rejects.toThrow(/binary file/);
    await expect(inspectInput(tempFile(Buffer.from([0xff, 0xfe, 0x54, 0x00])))).rejects.toThrow(/UTF-16/);
    await expect(inspectInput(tempDir())).rejects.toThrow(/folder/);
    await expect(inspectInput('/nonexistent/batch.txt')).rejects.toThrow(/no such file/);
    const fifo = mkfifoSync();
    if (fifo) await expect(inspectInput(fifo)).rejects.toThrow(/not a regular file/);
    await expect(inspectInput('/nonexistent')).rejects.toBeInstanceOf(InputError);
  });
});
