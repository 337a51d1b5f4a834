/**
 * Streaming input: the file is read in 1 MB chunks, decoded and cut into lines without ever
 * holding the whole file. `inspectInput` looks at the first 64 KB to refuse what is not text and
 * to guess the encoding and line ending; `readLines` then streams every line to a callback.
 *
 * Encoding: UTF-8 (with or without BOM) unless the bytes are not valid UTF-8, then Windows-1252.
 * The first 64 KB may be plain ASCII while a later name is not UTF-8: `readLines` then throws
 * `EncodingChanged` and `scanLines` starts the pass again as Windows-1252, so no byte is ever
 * replaced by U+FFFD and lost.
 */
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { decodeCp1252 } from './cp1252.js';
import { describeFsError, InputError } from './input-error.js';
import type { WorkbookInput } from './sheet-text.js';

export type Encoding = 'utf-8' | 'windows-1252';
export type LineEnding = '\n' | '\r\n' | '\r';

export interface InputInfo {
  path: string;
  size: number;
  encoding: Encoding;
  bom: boolean;
  eol: LineEnding;
  /** The first lines, decoded, for format detection. */
  sample: string[];
  /**
   * The whole text, already decoded and cut into lines, when it is not on disk (the workstation's
   * file as it would be written, checked after every edit): read from here, never from `path`.
   */
  lines?: readonly string[];
  /** With `lines`: whether the text ends with a line break. */
  endsWithNewline?: boolean;
  /** Set when `lines` are a sheet of an Excel workbook (line n: row n): the workbook and what only it showed. */
  workbook?: WorkbookInput;
}

export interface ReadStats {
  lines: number;
  /** Lines ending otherwise than `eol` (the output uses `eol` throughout). */
  otherEndings: number;
  endsWithNewline: boolean;
}

const CHUNK = 1 << 20;
/** How much of the start of a file inspectInput reads. */
export const SNIFF = 1 << 16;
/** A batch record is a few hundred bytes; a longer "line" means this is not a batch file. */
export const MAX_LINE = 16 << 20;

/** The file is not UTF-8 after all: the pass must start again as Windows-1252. */
export class EncodingChanged extends Error {}

/** Length of `bytes` without an incomplete UTF-8 sequence at its end. */
function completeUtf8(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function looksBinary(head: Buffer): string | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return 'it is UTF-16 text; save it as UTF-8 or Windows-1252 (in Excel: "CSV UTF-8") and try again';
  }
  let controls = 0;
  for (const b of head) {
    if (b === 0) return 'it contains NUL bytes, so it is a binary file (a spreadsheet, archive or image?), not a text batch file';
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return controls > head.length / 10 ? 'most of it is control bytes, so it is a binary file, not a text batch file' : null;
}

function detectEol(text: string): LineEnding {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

export async function inspectInput(path: string): Promise<InputInfo> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw describeFsError(path, error);
  }
  if (info.isDirectory()) throw new InputError(`cannot read ${path}: it is a folder, not a file`);
  if (!info.isFile()) throw new InputError(`cannot read ${path}: it is not a regular file (a pipe or device?); copy it to a file first`);
  const head = Buffer.alloc(Math.min(SNIFF, info.size));
  try {
    const handle = await open(path, 'r');
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw describeFsError(path, error);
  }
  return describeHead(path, info.size, head);
}

/** What the first 64 KB of a file (`head`, all of it if shorter) tell of it: inspectInput's verdict. */
export function describeHead(path: string, size: number, head: Buffer): InputInfo {
  const binary = looksBinary(head);
  if (binary) throw new InputError(`cannot check ${path}: ${binary}`);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const body = head.subarray(bom ? 3 : 0, completeUtf8(head));
  const encoding: Encoding = bom || isUtf8(body) ? 'utf-8' : 'windows-1252';
  const text = encoding === 'utf-8' ? body.toString('utf8') : decodeCp1252(head);
  const eol = detectEol(text);
  const sample = text.split(eol === '\r' ? '\r' : '\n', 50).map((l) => l.replace(/\r+$/, ''));
  return { path, size, encoding, bom, eol, sample };
}

/** Told the fraction of the file (or range) read so far, and the lines read, after each chunk. */
export type Progress = (fraction: number, lines: number) => void;

/** A byte range of the file, starting just after a line break (or at 0) and ending at one. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Told each line (without its ending), its 1-based line number and the file offset of its first byte. */
export type OnLine = (text: string, line: number, offset: number) => void;

/**
 * Streams every line to `onLine`, numbered from the start of `range` when one is given. The
 * byte offset costs one addition a line: a chunk whose text has as many characters as bytes
 * (ASCII, or any Windows-1252) needs no counting; only lines of a chunk with multi-byte UTF-8
 * characters are measured.
 */
export async function readLines(input: InputInfo, onLine: OnLine, range?: ByteRange, onProgress?: Progress): Promise<ReadStats> {
  if (input.lines) return readMemoryLines(input, onLine);
  const handle = await open(input.path, 'r').catch((error) => {
    throw describeFsError(input.path, error);
  });
  const buffer = Buffer.allocUnsafe(CHUNK);
  let position = range?.start ?? 0;
  const end = range?.end ?? Infinity;
  const cutter = new LineCutter(input, onLine, position);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      onProgress?.((position - (range?.start ?? 0)) / ((range?.end ?? input.size) - (range?.start ?? 0) || 1), cutter.stats.lines);
      cutter.push(buffer.subarray(0, bytesRead));
    }
    return cutter.end();
  } finally {
    await handle.close();
  }
}

/**
 * Bytes in, lines out: what readLines does with each chunk it reads, for bytes that come from
 * elsewhere too (a file being written, checked as it is written), so both cut lines alike.
 * `start`: the file offset of the first byte pushed (a BOM there is skipped).
 */
export class LineCutter {
  readonly stats: ReadStats = { lines: 0, otherEndings: 0, endsWithNewline: false };
  private splitOn: string;
  private carry = '';
  private pending = Buffer.alloc(0);
  private atStart: boolean;
  /** File offset of the next line's first byte, and whether the carried text is one byte a character. */
  private lineOffset: number;
  private carryOneByte = true;

  constructor(private input: InputInfo, private onLine: OnLine, start = 0) {
    this.splitOn = input.eol === '\r' ? '\r' : '\n';
    this.atStart = start === 0;
    this.lineOffset = start === 0 && input.bom ? 3 : start;
  }

  /** The next bytes of the file; `chunk` may be reused by the caller once this returns. */
  push(chunk: Buffer): void {
    const { input, stats, splitOn } = this;
    let bytes = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    if (this.atStart && input.bom) bytes = bytes.subarray(3);
    this.atStart = false;
    let text: string;
    let oneByte: boolean = this.carryOneByte;
    if (input.encoding === 'utf-8') {
      const end = completeUtf8(bytes);
      const whole = bytes.subarray(0, end);
      if (!isUtf8(whole)) throw new EncodingChanged();
      this.pending = Buffer.from(bytes.subarray(end));
      text = whole.toString('utf8');
      oneByte &&= text.length === whole.length;
    } else {
      this.pending = Buffer.alloc(0);
      text = decodeCp1252(bytes);
    }
    text = this.carry + text;
    let start = 0;
    let lineOffset = this.lineOffset;
    for (let cut = text.indexOf(splitOn); cut !== -1; cut = text.indexOf(splitOn, start)) {
      let end = cut;
      // "\r\r\n" comes from a CRLF file converted twice: every CR before the LF is line ending.
      if (splitOn === '\n') while (end > start && text.charCodeAt(end - 1) === 13) end--;
      const crlf = end !== cut;
      if (crlf !== (input.eol === '\r\n')) stats.otherEndings++;
      const line = text.slice(start, end);
      this.onLine(line, ++stats.lines, lineOffset);
      lineOffset += oneByte ? cut + 1 - start : Buffer.byteLength(line) + cut + 1 - end;
      start = cut + 1;
    }
    this.lineOffset = lineOffset;
    this.carry = text.slice(start);
    this.carryOneByte = input.encoding !== 'utf-8' || oneByte || Buffer.byteLength(this.carry) === this.carry.length;
    if (this.carry.length > MAX_LINE) {
      throw new InputError(`cannot check ${input.path}: line ${stats.lines + 1} is longer than ${MAX_LINE >> 20} MB, so this is not a batch file`, 65);
    }
  }

  /** After the last byte: the last line, if it has no ending, and the counts. */
  end(): ReadStats {
    const { stats } = this;
    if (this.pending.length) throw new EncodingChanged();
    stats.endsWithNewline = this.carry.length === 0 && stats.lines > 0;
    let carry = this.carry;
    if (this.splitOn === '\n') carry = carry.replace(/\r+$/, '');
    if (carry.length > 0) this.onLine(carry, ++stats.lines, this.lineOffset);
    return stats;
  }
}

/**
 * The lines of an input held in memory, at once. The "offset" of a line is its index: a number
 * unique to the line, which is all the checks use it for (sameLines reads it back).
 */
export function readMemoryLines(input: InputInfo, onLine: OnLine): ReadStats {
  const lines = input.lines ?? [];
  for (let i = 0; i < lines.length; i++) onLine(lines[i], i + 1, i);
  return { lines: lines.length, otherEndings: 0, endsWithNewline: lines.length > 0 && input.endsWithNewline === true };
}

/**
 * Runs one full pass: `start()` makes a fresh consumer, and if the file turns out not to be
 * UTF-8 part way through, the pass starts again as Windows-1252 with a new consumer.
 */
export async function scanLines<T>(
  input: InputInfo,
  start: (input: InputInfo) => { line: OnLine; finish: (stats: ReadStats) => T },
  onProgress?: Progress,
): Promise<{ result: T; input: InputInfo }> {
  try {
    const consumer = start(input);
    return { result: consumer.finish(await readLines(input, consumer.line, undefined, onProgress)), input };
  } catch (error) {
    if (!(error instanceof EncodingChanged)) throw error;
    const retry: InputInfo = { ...input, encoding: 'windows-1252' };
    const consumer = start(retry);
    return { result: consumer.finish(await readLines(retry, consumer.line, undefined, onProgress)), input: retry };
  }
}
