/**
 * Writing a new file so that it is never left half-written: lines go to a temporary file beside
 * the target (same folder, so the rename cannot cross file systems), which is fsynced and then
 * renamed over the target in one step; the folder is fsynced so the rename survives a crash.
 * Files are created 0600: they hold students' personal data.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Encoding } from './line-reader.js';
import { encodeCp1252 } from './cp1252.js';

const FLUSH_AT = 1 << 20;

/** The temporary file a target is written to first: beside it, so the rename stays on one file system. */
function tempFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
}

/** Which of `targets` a file-system error of a safe write was about (its temporary file's), else the first. */
export function failedTarget(error: unknown, targets: readonly string[]): string {
  const path = (error as NodeJS.ErrnoException)?.path;
  return targets.find((t) => path === tempFor(t) || path === t) ?? targets[0];
}

export class SafeWriter {
  private fd: number;
  private buffered: string[] = [];
  private size = 0;
  readonly temp: string;

  /** `onBytes`: told every byte once it is written to the file (a check of the file while it is written). */
  constructor(readonly target: string, private encoding: Encoding = 'utf-8', bom = false, private onBytes?: (bytes: Uint8Array) => void) {
    this.temp = tempFor(target);
    this.fd = openSync(this.temp, 'wx', 0o600);
    if (bom && encoding === 'utf-8') this.writeBytes(Buffer.from([0xef, 0xbb, 0xbf]));
  }

  write(text: string): void {
    this.buffered.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  /** Bytes as they are (a workbook), after any text written before. */
  writeBuffer(bytes: Uint8Array): void {
    this.flush();
    this.writeBytes(bytes);
  }

  private flush(): void {
    if (this.size === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.size = 0;
    this.writeBytes(this.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encodeCp1252(text));
  }

  /** The bytes are not used once written: `onBytes` may keep them (move them to another thread). */
  private writeBytes(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
    this.onBytes?.(bytes);
  }

  /** Makes the file appear at its target, complete. */
  commit(): void {
    this.prepare();
    this.publish();
  }

  /** Every byte on disk (fsynced) under the temporary name; nothing visible at the target yet. */
  prepare(): void {
    try {
      this.flush();
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1; // closed: abort() must never close a number the system has given to another file
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /** After prepare(): the rename that makes the file appear, and the folder's fsync. */
  publish(): void {
    renameSync(this.temp, this.target);
    try {
      const dir = openSync(dirname(this.target), 'r');
      fsyncSync(dir);
      closeSync(dir);
    } catch {
      // some file systems cannot fsync a folder; the rename is still atomic
    }
  }

  /** Leaves nothing behind. */
  abort(): void {
    try {
      if (this.fd >= 0) closeSync(this.fd);
      this.fd = -1;
    } catch {
      // already closed
    }
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
  }
}

/** Writes a whole small file (a change report) the same safe way. */
export function writeFileSafely(target: string, text: string, encoding: Encoding = 'utf-8'): void {
  const writer = new SafeWriter(target, encoding);
  writer.write(text);
  writer.commit();
}

/**
 * A file and its change report as one unit: both written in full under temporary names first,
 * then renamed, so a report that cannot be written (a read-only folder, a full disk) leaves
 * neither behind, and "nothing was written" stays true.
 */
export function commitTogether(main: SafeWriter, reportPath: string, reportText: string): void {
  let report: SafeWriter | null = null;
  try {
    report = new SafeWriter(reportPath);
    report.write(reportText);
    main.prepare();
    report.prepare();
  } catch (error) {
    main.abort();
    report?.abort();
    throw error;
  }
  main.publish();
  report.publish();
}
