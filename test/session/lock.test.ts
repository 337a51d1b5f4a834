/**
 * One workstation per journal (issue #13, item 7): the second session on a file is told who has
 * it and never appends to the first one's journal; a lock left by a process that is gone is
 * taken over; a lock of another computer is respected.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { Journal, type JournalOp } from '../../src/session/journal.js';
import { currentHolder, FileLock, isStale, type LockHolder } from '../../src/session/lock.js';
import { tempDir } from '../helpers.js';

const bytes = Buffer.from('TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,\nID,...\n');
const op = (label: string): JournalOp => ({ op: 'commit', entry: { label, edits: [{ kind: 'delete', line: 2 }] } });

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function holder(overrides: Partial<LockHolder> = {}): LockHolder {
  return { ...currentHolder('/data/batch.txt'), ...overrides };
}

describe('the journal lock', () => {
  it('tells a second session who has the file, and never lets it append to the journal', () => {
    const dir = tempDir();
    const first = Journal.for('/data/batch.txt', bytes, dir);
    expect(first.lock().kind).toBe('mine');
    first.append(op('first'));
    const second = Journal.for('/data/batch.txt', bytes, dir);
    const told = second.lock();
    expect(told.kind).toBe('elsewhere');
    if (told.kind !== 'elsewhere') return;
    expect(told.holder).toMatchObject({ pid: process.pid, host: hostname(), file: '/data/batch.txt' });
    expect(told.path).toBe(join(dir, `${first.hash}.lock`));
    expect(() => second.append(op('second'))).toThrow(/open in another workstation/);
    expect(Journal.for('/data/batch.txt', bytes, dir).read()!.ops).toEqual([op('first')]);
    first.close();
  });

  it('is released when the session closes (not when it discards its edits), and then taken by the next', () => {
    const dir = tempDir();
    const first = Journal.for('/data/batch.txt', bytes, dir);
    first.append(op('first'));
    first.discard();
    expect(existsSync(first.lockPath)).toBe(true);
    expect(Journal.for('/data/batch.txt', bytes, dir).lock().kind).toBe('elsewhere');
    first.close();
    expect(existsSync(first.lockPath)).toBe(false);
    const next = Journal.for('/data/batch.txt', bytes, dir);
    expect(next.lock()).toMatchObject({ kind: 'mine', takenOver: null });
    next.close();
  });

  it('takes over a stale lock of this host (its process is gone) and says whose it was', () => {
    const dir = tempDir();
    const path = join(dir, 'x.lock');
    const gone = holder({ pid: deadPid(), since: '2026-12-01T09:00:00.000Z' });
    writeFileSync(path, JSON.stringify(gone));
    const result = FileLock.acquire(path, holder());
    expect(result).toMatchObject({ kind: 'mine', takenOver: { pid: gone.pid, since: gone.since } });
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    if (result.kind === 'mine') result.lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid is alive but is another process (the pid reused, the machine restarted)', () => {
    expect(isStale(holder())).toBe(false);
    expect(isStale(holder({ ticks: '1' }))).toBe(true);
    expect(isStale(holder({ boot: 'another-boot' }))).toBe(true);
  });

  it('takes over an empty lock file (a crash while it was written)', () => {
    const path = join(tempDir(), 'x.lock');
    writeFileSync(path, '');
    const result = FileLock.acquire(path, holder());
    expect(result.kind).toBe('mine');
    if (result.kind === 'mine') result.lock.release();
  });

  it("respects another computer's lock, even when a process of that pid is gone here", () => {
    const path = join(tempDir(), 'x.lock');
    const there = holder({ host: 'lab-3', pid: deadPid() });
    writeFileSync(path, JSON.stringify(there));
    expect(FileLock.acquire(path, holder())).toMatchObject({ kind: 'elsewhere', holder: { host: 'lab-3', pid: there.pid } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(there);
  });

  it('never removes a lock that is no longer its own', () => {
    const path = join(tempDir(), 'x.lock');
    const result = FileLock.acquire(path, holder());
    if (result.kind !== 'mine') throw new Error('not taken');
    const other = JSON.stringify(holder({ pid: 1 }));
    writeFileSync(path, other); // taken over by another session meanwhile
    result.lock.release();
    expect(readFileSync(path, 'utf8')).toBe(other);
  });

  it('is created 0600 and never writes through a link', () => {
    const dir = tempDir();
    const journal = Journal.for('/data/batch.txt', bytes, dir);
    journal.lock();
    expect(statSync(journal.lockPath).mode & 0o777).toBe(0o600);
    journal.close();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    symlinkSync(victim, journal.lockPath);
    const result = FileLock.acquire(journal.lockPath, holder());
    expect(result.kind).toBe('mine');
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(lstatSync(journal.lockPath).isSymbolicLink()).toBe(false);
    if (result.kind === 'mine') result.lock.release();
  });
});
