/**
 * Reading back a few lines of a file by their byte offsets (from readLines), without reading the
 * rest: a check logs where each record starts instead of hashing every line, and reads
 * back only the records that share a key to tell an exact repeat.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { InputInfo } from './line-reader.js';

/** Compares lines of one file by content, reading each at most once. */
export class LinesAt implements SameLines {
  private fd: number | null = null;
  private cache = new Map<number, Buffer | null>();
  /** One buffer for every read: a record is a few hundred bytes, so one read almost always holds it. */
  private scratch = Buffer.allocUnsafe(4096);

  /** `eol`: the file's line ending, so that lines are cut exactly as readLines cuts them. */
  constructor(private path: string, private eol: string) {}

  /** The bytes of the line starting at `offset`, without its ending; null when it cannot be read. */
  line(offset: number): Buffer | null {
    let found = this.cache.get(offset);
    if (found !== undefined) return found;
    found = this.read(offset);
    this.cache.set(offset, found);
    return found;
  }

  /** True only when both lines could be read and hold the same bytes. */
  same(a: number, b: number): boolean {
    if (a === b) return true;
    const [x, y] = [this.line(a), this.line(b)];
    return x !== null && y !== null && x.equals(y);
  }

  private read(offset: number): Buffer | null {
    try {
      this.fd ??= openSync(this.path, 'r');
      const breakByte = this.eol === '\r' ? 0x0d : 0x0a;
      const pieces: Buffer[] = [];
      for (let at = offset; ; ) {
        const got = readSync(this.fd, this.scratch, 0, this.scratch.length, at);
        const end = this.scratch.subarray(0, got).indexOf(breakByte);
        if (end >= 0 || got < this.scratch.length) {
          pieces.push(Buffer.from(this.scratch.subarray(0, end >= 0 ? end : got)));
          const line = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
          // As readLines: every CR before the LF belongs to the line ending.
          let length = line.length;
          while (breakByte === 0x0a && length > 0 && line[length - 1] === 0x0d) length--;
          return line.subarray(0, length);
        }
        pieces.push(Buffer.from(this.scratch));
        at += got;
      }
    } catch {
      return null;
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Tells lines apart by content, by the offsets readLines gave them: from the file, or from memory. */
export interface SameLines {
  same(a: number, b: number): boolean;
  close(): void;
}

export function sameLines(input: InputInfo): SameLines {
  const lines = input.lines;
  if (lines) return { same: (a, b) => a === b || lines[a] === lines[b], close() {} };
  return new LinesAt(input.path, input.eol);
}
