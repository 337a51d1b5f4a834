import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Journal, otherJournals, parseJournal, unsavedOps, type JournalOp } from '../../src/session/journal.js';
import { openDoc } from '../../src/session/document.js';
import { replay } from '../../src/session/resume.js';
import { initialState } from '../../src/session/workstation-state.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { journalOp } from '../../src/session/resume.js';
import { OPTIONS, SAMPLE, tempDir } from '../helpers.js';
import { createHmac } from 'node:crypto';

const bytes = Buffer.from('TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,\nID,...\n');
const ops: JournalOp[] = [
  { op: 'commit', entry: { label: 'fix SSN', edits: [{ kind: 'set', line: 2, field: 'Social Security Number', before: '123-45-6789', after: '123456789', code: 'field/format' }] } },
  { op: 'commit', entry: { label: 'name', edits: [{ kind: 'set', line: 2, field: 'Legal Last Name', before: 'Smith Jr', after: 'Smith' }] } },
  { op: 'undo' },
  { op: 'redo' },
  { op: 'commit', entry: { label: 'delete', edits: [{ kind: 'delete', line: 3 }] } },
];

describe('the crash journal', () => {
  it('loses only a torn line: the edits appended after it are read, on lines of their own', () => {
    const dir = tempDir();
    const first = Journal.for('/data/batch.txt', bytes, dir);
    first.append(ops[0]);
    first.close();
    appendFileSync(first.path, '{"iv":"AAAA","tag":'); // killed in the middle of a write
    const second = Journal.for('/data/batch.txt', bytes, dir);
    second.append(ops[1]);
    second.append(ops[2]);
    second.close();
    appendFileSync(first.path, 'not a journal line\n'); // a foreign line
    const third = Journal.for('/data/batch.txt', bytes, dir);
    third.append(ops[3]);
    third.close();
    const read = Journal.for('/data/batch.txt', bytes, dir).read()!;
    expect(read.ops).toEqual([ops[0], ops[1], ops[2], ops[3]]);
    expect(read.damaged).toBe(2);
  });
  it('refuses a journal that is a symbolic link, and never writes through it', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    const journal = Journal.for('/data/batch.txt', bytes, dir);
    symlinkSync(victim, journal.path);
    expect(() => journal.append(ops[0])).toThrow(/symbolic link/);
    expect(() => journal.read()).toThrow(/symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
  });

  it('writes every operation, 0600 in a 0700 folder, with no student data in clear', () => {
    const dir = join(tempDir(), 'state');
    const journal = Journal.for('/data/batch.txt', bytes, dir);
    for (const op of ops) journal.append(op);
    journal.close();
    expect(statSync(journal.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const text = readFileSync(journal.path, 'utf8');
    for (const secret of ['123456789', '123-45-6789', 'Smith']) expect(text).not.toContain(secret);
    expect(Journal.for('/data/batch.txt', bytes, dir).read()!.ops).toEqual(ops);
  });
  it('never throws and never loses a complete entry, wherever the file is cut', () => {
    const dir = tempDir();
    const journal = Journal.for('/data/batch.txt', bytes, dir);
    for (const op of ops) journal.append(op);
    journal.close();
    const text = readFileSync(journal.path, 'utf8');
    const key = createHmac('sha256', 'rollfix journal key v1').update(bytes).digest();
    const ends = [...text.matchAll(/\n/g)].map((m) => m.index!);
    for (let cut = 0; cut <= text.length; cut++) {
      const contents = parseJournal(text.slice(0, cut), key);
      const complete = Math.max(0, ends.filter((e) => e < cut).length - 1); // lines after the header
      if (cut <= ends[0]) {
        expect(contents === null || contents.ops.length === 0).toBe(true);
        continue;
      }
      expect(contents!.ops.slice(0, complete)).toEqual(ops.slice(0, complete));
      expect(contents!.ops.length - complete).toBeLessThanOrEqual(1);
    }
  });
  it('counts what is unsaved, and tells journals of a changed file apart', () => {
    expect(unsavedOps([...ops, { op: 'saved', output: 'x' }])).toBe(0);
    expect(unsavedOps([...ops, { op: 'saved', output: 'x' }, { op: 'undo' }])).toBe(1);
    const dir = tempDir();
    const old = Journal.for('/data/batch.txt', Buffer.from('old content'), dir);
    old.append(ops[0]);
    old.close();
    const now = Journal.for('/data/batch.txt', bytes, dir);
    expect(otherJournals('/data/batch.txt', now.hash, dir).map((j) => j.path)).toEqual([old.path]);
  });
  it('removes done journals after 30 days', () => {
    const dir = tempDir();
    const done = Journal.for('/data/a.txt', Buffer.from('a'), dir);
    done.append(ops[0]);
    done.saved('/data/a.fixed.txt');
    done.close();
    expect(Journal.for('/data/a.txt', Buffer.from('a'), dir).read()!.ops.at(-1)).toEqual({ op: 'saved', output: '/data/a.fixed.txt' });
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(done.path, old, old);
    otherJournals('/data/other.txt', 'x', dir);
    expect(existsSync(done.path)).toBe(false);
  });
  it('replays a session exactly: edits, undo history and the last write', async () => {
    const doc = await openDoc(SAMPLE, OPTIONS);
    let state = initialState(doc);
    const journaled: JournalOp[] = [];
    for (const id of ['summary.start', 'record.accept', 'record.next', 'record.accept', 'app.undo', 'record.next', 'record.accept', 'app.undo', 'app.redo'] as const) {
      const next = reducer(state, { type: 'command', id });
      const op = journalOp(state.live, next.live);
      if (op) journaled.push(op);
      state = next;
    }
    const live = replay(doc, journaled);
    expect(live.log).toEqual(state.live.log);
    expect([...live.fields]).toEqual([...state.live.fields]);
    expect([...live.issues.keys()].sort()).toEqual([...state.live.issues.keys()].sort());
  });
});
