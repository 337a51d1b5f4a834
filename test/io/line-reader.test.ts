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
  it('gives each line the file offset of its first byte (BOM, CR LF, accents, chunk edges, a part)', async () => {
    // Lines of varied width and characters, past several 1 MB chunks, so lines straddle chunk
    // edges both in plain ASCII stretches and in stretches with two- and three-byte characters.
    const rows = Array.from({ length: 40_000 }, (_, i) => `ID,${i},${i % 7 === 0 ? 'Núñez€' : 'Smith'},${'x'.repeat(i % 53)}`);
    const bytes = Buffer.from('\ufeff' + rows.join('\r\n') + '\r\nTT', 'utf8');
    const info = await inspectInput(tempFile(bytes));
    const lineAt = (offset: number) => bytes.subarray(offset, bytes.indexOf(0x0d, offset) < 0 ? bytes.length : bytes.indexOf(0x0d, offset)).toString('utf8');
    const seen: Array<[string, number]> = [];
    await readLines(info, (text, _line, offset) => seen.push([text, offset]));
    expect(seen.length).toBe(40_001);
    for (const [text, offset] of seen) expect(lineAt(offset)).toBe(text);
    // A part that starts mid-file counts from its own first byte.
    const start = bytes.indexOf('\n', 1_200_000) + 1;
    const part: number[] = [];
    await readLines(info, (_t, _l, offset) => part.push(offset), { start, end: bytes.length });
    expect(start).toBeGreaterThan(1_200_000);
    expect(part[0]).toBe(start);
    expect(lineAt(part[5])).toBe(seen.find(([, o]) => o === part[5])![0]);
  });
  it('gives byte offsets in a Windows-1252 file too', async () => {
    const bytes = Buffer.from([0x41, 0x92, 0x0a, 0x80, 0x42, 0x0a, 0x43]);
    const offsets: number[] = [];
    await readLines(await inspectInput(tempFile(bytes)), (_t, _l, offset) => offsets.push(offset));
    expect(offsets).toEqual([0, 3, 6]);
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
