/**
 * The file held for editing: its bytes as read, and where each line starts. A line is decoded
 * only when it is shown or edited, so a million records cost their bytes and 8 bytes of offset
 * each, not a JavaScript string per field (DESIGN.md section 2).
 *
 * Where a quoted value holds line breaks (`input.quotedBreaks`), a record covers several lines:
 * it is kept at its first line (`line(n)` is the whole record, its breaks as they were, and
 * `span(n)` says how many lines it covers), and its other lines read as nothing.
 */
import { readFile } from 'node:fs/promises';
import type { InputInfo } from './line-reader.js';
import { decodeCp1252 } from './cp1252.js';
import { describeFsError } from './input-error.js';
import { opensQuote, quotedSpan } from './quoted-records.js';

export class LineStore {
  private constructor(
    private bytes: Buffer,
    private starts: Float64Array,
    private ends: Float64Array,
    private encoding: InputInfo['encoding'],
    /** For each record over several lines, by its first line: its last. */
    private lastLines: ReadonlyMap<number, number>,
    private inside: ReadonlySet<number>,
    private file: Buffer = bytes,
  ) {}

  /** How many lines the record starting at line `n` covers: 1 unless a quoted value in it holds line breaks. */
  span(n: number): number {
    const last = this.lastLines.get(n);
    return last === undefined ? 1 : last - n + 1;
  }

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
    return new LineStore(Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')])), starts, ends, 'utf-8', new Map(), new Set(), file);
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
    if (this.inside.has(n)) return '';
    const bytes = this.bytes.subarray(this.starts[n - 1], this.ends[(this.lastLines.get(n) ?? n) - 1]);
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
    const lastLines = new Map<number, number>();
    const inside = new Set<number>();
    const delimiter = input.quotedBreaks;
    if (delimiter) {
      const decode = (n: number) => {
        const line = bytes.subarray(starts[n - 1], ends[n - 1]);
        return input.encoding === 'utf-8' ? line.toString('utf8') : decodeCp1252(line);
      };
      // Only a line with a quote in it can start a record over several lines (0x22 in both encodings).
      let quoteAt = bytes.indexOf(0x22, first);
      for (let n = 1; n <= starts.length && quoteAt >= 0; n++) {
        if (quoteAt >= ends[n - 1]) continue;
        const span = opensQuote(decode(n), delimiter) ? quotedSpan((k) => (n + k <= starts.length ? decode(n + k) : undefined), delimiter)! : 1;
        if (span > 1) {
          lastLines.set(n, n + span - 1);
          for (let k = 1; k < span; k++) inside.add(n + k);
          n += span - 1;
        }
        quoteAt = bytes.indexOf(0x22, starts[n] ?? bytes.length);
      }
    }
    return new LineStore(bytes, Float64Array.from(starts), Float64Array.from(ends), input.encoding, lastLines, inside);
  }
}
