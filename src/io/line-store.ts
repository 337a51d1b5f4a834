/**
 * The file held for editing: its bytes as read, and where each line starts. A line is decoded
 * only when it is shown or edited, so a million records cost their bytes and 8 bytes of offset
 * each, not a JavaScript string per field (DESIGN.md section 2).
 */
import { readFile } from 'node:fs/promises';
import type { InputInfo } from './line-reader.js';
import { decodeCp1252 } from './cp1252.js';
import { describeFsError } from './input-error.js';

export class LineStore {
  private constructor(
    private bytes: Buffer,
    private starts: Float64Array,
    private ends: Float64Array,
    private encoding: InputInfo['encoding'],
    private file: Buffer = bytes,
  ) {}

  /** The file's bytes as read (for its content hash): a workbook's own, not its sheet's text. */
  get raw(): Buffer {
    return this.file;
  }

  /** Lines already decoded (a workbook's sheet as text), held as UTF-8; `file`: the bytes on disk they came from. */
  static fromLines(lines: readonly string[], file: Buffer): LineStore {
    const parts = lines.map((l) => Buffer.from(l, 'utf8'));
    const starts = new Float64Array(parts.length);
    const ends = new Float64Array(parts.length);
    let at = 0;
    parts.forEach((p, i) => {
      starts[i] = at;
      ends[i] = at + p.length;
      at += p.length + 1;
    });
    return new LineStore(Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')])), starts, ends, 'utf-8', file);
  }

  /** Whether the last line ends with a line break. */
  get endsWithNewline(): boolean {
    if (this.file !== this.bytes) return true;
    const last = this.bytes[this.bytes.length - 1];
    return last === 0x0a || last === 0x0d;
  }

  /** Number of physical lines. */
  get count(): number {
    return this.starts.length;
  }

  /** Line `n` (1-based) without its line ending. */
  line(n: number): string {
    const bytes = this.bytes.subarray(this.starts[n - 1], this.ends[n - 1]);
    return this.encoding === 'utf-8' ? bytes.toString('utf8') : decodeCp1252(bytes);
  }

  static async load(input: InputInfo): Promise<LineStore> {
    let bytes: Buffer;
    try {
      bytes = await readFile(input.path);
    } catch (error) {
      throw describeFsError(input.path, error);
    }
    const first = input.bom ? 3 : 0;
    const breakByte = input.eol === '\r' ? 0x0d : 0x0a;
    const starts: number[] = [];
    const ends: number[] = [];
    let start = first;
    while (start < bytes.length) {
      let cut = bytes.indexOf(breakByte, start);
      if (cut < 0) cut = bytes.length;
      let end = cut;
      // Every CR before the LF is line ending, as the reader says (line-reader.ts).
      if (breakByte === 0x0a) while (end > start && bytes[end - 1] === 0x0d) end--;
      if (cut === bytes.length && end === start) break; // stray CRs after the last line break
      starts.push(start);
      ends.push(end);
      start = cut + 1;
    }
    return new LineStore(bytes, Float64Array.from(starts), Float64Array.from(ends), input.encoding);
  }
}
