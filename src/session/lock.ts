/**
 * One workstation per journal: a lock file beside it (`<hash>.lock` in the state folder),
 * created with O_EXCL so only one session can hold it, holding who holds it (pid, host, when,
 * and the process's start time, so a reused pid is not mistaken for the holder).
 *
 * A lock of this host whose process is gone (a kill -9, a power cut) is stale and taken over;
 * the caller says so. A lock of another host (a home folder shared over NFS) is always
 * respected: its process cannot be seen from here. Released on close and when the process
 * exits (quit, SIGHUP, SIGTERM, an internal error), through process.on('exit').
 */
import { closeSync, constants, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO). */
  since: string;
  /** The file the holder opened (a copy with the same content shares its journal). */
  file: string;
  /** Linux: the process's start time in clock ticks since boot, and the boot's id. */
  ticks?: string;
  boot?: string;
}

export type LockResult =
  | { kind: 'mine'; lock: FileLock; takenOver: LockHolder | null }
  | { kind: 'elsewhere'; holder: LockHolder; path: string };

function readOr(path: string, fallback: string | undefined): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** Field 22 of /proc/PID/stat: when the process started, in ticks since boot. */
function startTicks(pid: number | 'self'): string | undefined {
  const stat = readOr(`/proc/${pid}/stat`, undefined);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

/** Who this process is, as a lock says it. */
export function currentHolder(file: string): LockHolder {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString(), file, ticks: startTicks('self'), boot: readOr('/proc/sys/kernel/random/boot_id', undefined)?.trim() };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // there, but not ours
  }
}

/** Whether a lock of this host was left by a process that is gone (or a pid since reused). */
export function isStale(holder: LockHolder, here = currentHolder('')): boolean {
  if (holder.host !== here.host) return false; // cannot be seen from here: respected
  if (holder.boot && here.boot && holder.boot !== here.boot) return true; // the machine restarted
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !alive(holder.pid)) return true;
  if (holder.ticks && here.ticks) return startTicks(holder.pid) !== holder.ticks; // the pid reused
  return false;
}

function parseHolder(text: string | undefined): LockHolder | null {
  try {
    const holder = JSON.parse(text ?? '');
    return typeof holder?.pid === 'number' && typeof holder.host === 'string' ? holder : null;
  } catch {
    return null;
  }
}

export class FileLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(readonly path: string, private readonly text: string) {
    process.on('exit', this.onExit);
  }

  /**
   * Takes the lock at `path` for `holder`, or says who has it. A stale lock is taken over (and
   * returned as `takenOver`); an unreadable lock file (empty: a crash while it was written) too,
   * when it is older than a few seconds.
   */
  static acquire(path: string, holder: LockHolder, here = holder): LockResult {
    const text = JSON.stringify(holder);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
        try {
          writeSync(fd, text);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        return { kind: 'mine', lock: new FileLock(path, text), takenOver: null };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const found = readOr(path, undefined);
      if (found === undefined) continue; // released meanwhile: try again
      const other = parseHolder(found);
      if (other && !isStale(other, here)) return { kind: 'elsewhere', holder: other, path };
      if (!other && attempt < 2) {
        // Being written by a session starting this very moment: give it a moment.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      if (FileLock.takeOver(path, found)) {
        const result = FileLock.acquire(path, holder, here);
        return result.kind === 'mine' ? { ...result, takenOver: other ?? { pid: 0, host: here.host, since: '', file: '' } } : result;
      }
    }
    const holderNow = parseHolder(readOr(path, undefined));
    return { kind: 'elsewhere', holder: holderNow ?? { pid: 0, host: '?', since: '', file: '' }, path };
  }

  /**
   * Removes a stale lock, unless another session replaced it meanwhile: it is moved aside (one
   * rename wins), and put back if what was moved is not the stale lock that was read.
   */
  private static takeOver(path: string, stale: string): boolean {
    const aside = `${path}.${process.pid}.stale`;
    try {
      renameSync(path, aside);
    } catch {
      return true; // gone already: try to create it
    }
    if (readOr(aside, undefined) !== stale) {
      try {
        linkSync(aside, path); // a fresh lock of someone else: back in place (never over another)
      } catch {
        // another one is there already
      }
      unlinkSync(aside);
      return false;
    }
    unlinkSync(aside);
    return true;
  }

  /** Gives the lock up, if it is still ours (never removes another session's lock). */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    if (readOr(this.path, undefined) !== this.text) return;
    try {
      unlinkSync(this.path);
    } catch {
      // gone already
    }
  }
}
