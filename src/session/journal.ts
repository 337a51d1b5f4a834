/**
 * The crash journal: every change to the edit log (a new entry, an undo, a redo) and every write
 * is appended to a file and fsynced before the screen shows it as done, so a killed SSH session
 * loses nothing. Opening the same file again (same content) offers to resume.
 *
 * Where: $XDG_STATE_HOME/rollfix (else ~/.local/state/rollfix; $ROLLFIX_STATE_DIR for tests),
 * folder 0700, files 0600, named by the SHA-256 of the input's content.
 * What: one JSON object a line. The first says which file and when; each other line is an
 * operation whose content (field values: names, SSNs) is encrypted with AES-256-GCM under a key
 * derived from the input file's own bytes, so the journal alone reveals no student data.
 * A torn or foreign line (killed mid-write) fails to parse or to authenticate and costs only
 * itself: the lines after it are read, and the next append starts on a line of its own. A
 * journal that is a symbolic link is refused, never followed.
 * Who: one session at a time (lock.ts, `<hash>.lock` beside it): a journal never appends while
 * another workstation holds its lock, so two sessions never undo or save each other's edits.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry } from './edit-log.js';
import { currentHolder, FileLock, type LockResult } from './lock.js';

export type JournalOp = { op: 'commit'; entry: LogEntry } | { op: 'undo' } | { op: 'redo' } | { op: 'saved'; output: string };

export interface JournalHeader {
  v: 1;
  file: string;
  hash: string;
  created: string;
}

export interface JournalContents {
  header: JournalHeader;
  ops: JournalOp[];
  /** When the last operation was written. */
  modified: Date;
  path: string;
  /** Lines that could not be read (a torn write), skipped. */
  damaged: number;
}

/** A journal must be a file of ours, never a link to some other file. */
function refuseLink(path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return; // not there yet
  }
  if (link) throw new Error(`the journal ${path} is a symbolic link; rollfix does not follow it (remove it)`);
}

function endsWithNewline(fd: number): boolean {
  const { size } = fstatSync(fd);
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

function headAndTail(path: string): { header: JournalHeader; tail: string; modified: Date } {
  const fd = openSync(path, 'r');
  try {
    const { size, mtime } = fstatSync(fd);
    const head = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 64));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const text = head.toString('utf8');
    return { header: JSON.parse(text.slice(0, text.indexOf('\n'))), tail: tail.toString('utf8'), modified: mtime };
  } finally {
    closeSync(fd);
  }
}

/** Written in clear after each 'saved' operation, so cleanup needs no key. */
const SAVED_MARK = '{"saved":true}';

/** Done journals older than this are removed when rollfix starts. */
const KEEP_DONE_MS = 30 * 24 * 3600 * 1000;

export function journalDir(env = process.env): string {
  if (env.ROLLFIX_STATE_DIR) return env.ROLLFIX_STATE_DIR;
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'rollfix');
}

export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The key: from the file's bytes, under a label of its own (the file name is another hash). */
function keyFor(bytes: Buffer): Buffer {
  return createHmac('sha256', 'rollfix journal key v1').update(bytes).digest();
}

function seal(key: Buffer, op: JournalOp): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(op), 'utf8'), cipher.final()]);
  return JSON.stringify({ iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') });
}

function open(key: Buffer, line: string): JournalOp | null {
  try {
    const { iv, tag, data } = JSON.parse(line);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8'));
  } catch {
    return null; // torn or damaged: ignored
  }
}

/**
 * Reads a journal: every complete operation, in order, and how many lines could not be read.
 * Nothing in a damaged journal throws; a damaged line is skipped (a torn write was never shown as
 * done, and what was appended after it was).
 */
export function parseJournal(text: string, key: Buffer, path = ''): JournalContents | null {
  const lines = text.split('\n');
  let header: JournalHeader;
  try {
    header = JSON.parse(lines[0]);
    if (header?.v !== 1 || typeof header.hash !== 'string') return null;
  } catch {
    return null;
  }
  const ops: JournalOp[] = [];
  let damaged = 0;
  for (const line of lines.slice(1)) {
    if (line === '' || line === SAVED_MARK) continue;
    const op = open(key, line);
    if (op) ops.push(op);
    else damaged++;
  }
  return { header, ops, modified: new Date(0), path, damaged };
}

/** Operations after the last write: what a crash would lose without the journal. */
export function unsavedOps(ops: readonly JournalOp[]): number {
  const last = ops.map((o) => o.op).lastIndexOf('saved');
  return ops.length - last - 1;
}

/** Why the journal could not be written, in a clerk's words (its folder: journalDir()). */
export function journalTrouble(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const words: Record<string, string> = {
    EROFS: `its folder ${journalDir()} is on a read-only file system`,
    EACCES: `permission denied in its folder ${journalDir()}`,
    EPERM: `permission denied in its folder ${journalDir()}`,
    ENOSPC: 'the disk is full',
    EDQUOT: 'your disk quota is used up',
  };
  return words[code] ?? (error as Error)?.message ?? String(error);
}

export class Journal {
  private fd: number | null = null;
  private held: FileLock | null = null;

  private constructor(readonly path: string, private key: Buffer, private header: JournalHeader) {}

  /** The file this journal was made for (its full path). */
  get file(): string {
    return this.header.file;
  }

  /** The SHA-256 of the file content this journal belongs to. */
  get hash(): string {
    return this.header.hash;
  }

  /** The journal of a file's content (not created on disk until the first operation). */
  static for(file: string, bytes: Buffer, dir = journalDir(), hash = contentHash(bytes)): Journal {
    return new Journal(join(dir, `${hash}.journal`), keyFor(bytes), { v: 1, file, hash, created: new Date().toISOString() });
  }

  /** The lock file beside the journal. */
  get lockPath(): string {
    return this.path.replace(/\.journal$/, '.lock');
  }

  /**
   * Takes the lock of this journal for this session, or says which session has it. Held until
   * close() (or the process exits); taking it again while held is a no-op.
   */
  lock(): LockResult {
    if (this.held) return { kind: 'mine', lock: this.held, takenOver: null };
    mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
    chmodSync(join(this.path, '..'), 0o700);
    const result = FileLock.acquire(this.lockPath, currentHolder(this.header.file));
    if (result.kind === 'mine') this.held = result.lock;
    return result;
  }

  /** What an earlier session left, or null. */
  read(): JournalContents | null {
    let text: string;
    refuseLink(this.path);
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`the journal ${this.path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const contents = parseJournal(text, this.key, this.path);
    if (contents) contents.modified = statSync(this.path).mtime;
    return contents;
  }

  /** Appends one operation and waits until it is on disk. */
  append(op: JournalOp): void {
    if (!this.held) {
      const lock = this.lock();
      if (lock.kind === 'elsewhere') throw new Error(`${lock.holder.file || 'this file'} is open in another workstation (process ${lock.holder.pid} on ${lock.holder.host}); this one does not record edits`);
    }
    if (this.fd === null) {
      mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
      chmodSync(join(this.path, '..'), 0o700);
      refuseLink(this.path);
      const fresh = !this.exists();
      // O_NOFOLLOW: a link put in its place between the check and the open is refused too.
      this.fd = openSync(this.path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
      if (fresh) writeSync(this.fd, JSON.stringify(this.header) + '\n');
      else if (!endsWithNewline(this.fd)) writeSync(this.fd, '\n'); // after a torn write: a line of its own
    }
    writeSync(this.fd, seal(this.key, op) + '\n');
    fsyncSync(this.fd);
  }

  /**
   * Records a successful write: the 'saved' operation, then a mark in clear that says the journal
   * is done (so cleanup can tell without the key). Edits after it make it unsaved again.
   */
  saved(output: string): void {
    this.append({ op: 'saved', output });
    writeSync(this.fd!, SAVED_MARK + '\n');
    fsyncSync(this.fd!);
  }

  /** Starts again empty (the clerk discarded the earlier session). */
  discard(): void {
    this.closeFile(); // the lock is kept: this session goes on with an empty journal
    try {
      unlinkSync(this.path);
    } catch {
      // already gone
    }
  }

  /** Closed at the end of the session: the file, then the lock. */
  close(): void {
    this.closeFile();
    this.held?.release();
    this.held = null;
  }

  private closeFile(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private exists(): boolean {
    try {
      return statSync(this.path).size > 0;
    } catch {
      return false;
    }
  }
}

/**
 * Journals of the same path whose file content has changed since: never applied, but the clerk
 * is told they exist. Also removes done journals older than 30 days.
 */
export function otherJournals(file: string, hash: string, dir = journalDir(), now = Date.now()): Array<{ path: string; modified: Date; unsaved: boolean }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.journal'));
  } catch {
    return [];
  }
  const found: Array<{ path: string; modified: Date; unsaved: boolean }> = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      // Only the first line (the header) and the last few bytes (the saved mark) are read: a
      // journal can hold megabytes of sealed edits, and this runs every time a file is opened.
      const { header, tail, modified } = headAndTail(path);
      const done = tail.trimEnd().endsWith(SAVED_MARK);
      if (done && now - modified.getTime() > KEEP_DONE_MS) {
        unlinkSync(path);
        continue;
      }
      if (header.file === file && header.hash !== hash && !done) found.push({ path, modified, unsaved: true });
    } catch {
      // not a journal of ours
    }
  }
  return found;
}

