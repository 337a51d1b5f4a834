/**
 * Editing a fixed-length EIS record in the workstation moves no other byte: the written file is
 * compared byte for byte with the input, outside the columns of the edited fields.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../../src/session/workstation-state.js';
import { issuesAt, recordAt } from '../../src/session/live.js';
import { writeDoc } from '../../src/session/write-file.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { OPTIONS, tempDir, tempFile } from '../helpers.js';
import { EIS_SAMPLES, enrolment, student } from '../formats/eis/eis-helpers.js';

const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);
const open = async (path: string) => initialState(await openDoc(path, OPTIONS));
/** Opens `line` with the cursor on `field`. */
function at(s: State, line: number, field: string): State {
  const record = recordAt(s.doc, s.live, line)!;
  return { ...s, screen: 'record', record: { ...s.record, line, field: record.layout.fields.findIndex((f) => f.name === field), draft: null } };
}
function retype(s: State, text: string): State {
  let next = run(s, 'record.edit');
  for (let i = 0; i < 300; i++) next = reducer(next, { type: 'text.backspace' });
  return reducer(reducer(next, { type: 'text', input: text }), { type: 'text.commit' });
}

describe('fixed-length records in the workstation', () => {
  it('an edited field changes its own columns and no other byte', async () => {
    const path = join(tempDir(), '1234enr.asc');
    copyFileSync(join(EIS_SAMPLES, '1234enr.asc'), path);
    let s = await open(path);
    s = retype(at(s, 5, 'Eligible %'), '99'); // 150 → 99, bytes 179–181
    s = retype(at(s, 3, 'Home Room'), '12B'); // bytes 189–200
    expect(issuesAt(s.live, 5)).toEqual([]);
    const out = join(tempDir(), 'out.asc');
    const written = await writeDoc(s.doc, s.live, out);
    const before = readFileSync(path);
    const after = readFileSync(out);
    expect(after.length).toBe(before.length);
    // Offsets in bytes: latin1 reads one character per byte (line 4 holds UTF-8 letters).
    const lineStart = (n: number) => before.toString('latin1').split('\r\n').slice(0, n - 1).reduce((sum, l) => sum + l.length + 2, 0);
    const changed: string[] = [];
    for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changed.push(String(i));
    const columns = (n: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => String(lineStart(n) + from - 1 + k));
    const allowed = new Set([...columns(5, 179, 181), ...columns(3, 189, 200)]);
    expect(changed.filter((b) => !allowed.has(b))).toEqual([]);
    expect(after.subarray(lineStart(5) + 178, lineStart(5) + 181).toString()).toBe('99 ');
    expect(after.subarray(lineStart(3) + 188, lineStart(3) + 200).toString()).toBe('12B         ');
    expect(written.changes).toBe(2);
  });

  it('refuses a value wider than its field and keeps the draft to shorten', async () => {
    let s = await open(tempFile(enrolment(student()), '1234enr.asc'));
    s = retype(at(s, 2, 'Eligible %'), '1000');
    expect(s.record.draft?.issues[0].message).toBe('Does not fit, not kept: Eligible % is 3 bytes wide (positions 179–181); "1000" is 4');
    expect(recordAt(s.doc, s.live, 2)!.fields[s.record.field]).toBe('100');
  });

  it('accepting the padding of a short record writes it at full length; LF files are written with CR LF', async () => {
    const text = enrolment(student().slice(0, 230), student()).replaceAll('\r\n', '\n');
    let s = await open(tempFile(text, '1234enr.asc'));
    expect(s.live.fileIssues).toEqual([]); // the LF rejection is fixed by writing, so it is not shown as left
    s = run(at(s, 2, 'Record Type'), 'record.accept');
    expect(issuesAt(s.live, 2)).toEqual([]);
    const out = join(tempDir(), 'out.asc');
    const written = await writeDoc(s.doc, s.live, out);
    expect(readFileSync(out, 'latin1')).toBe(enrolment(student(), student()));
    expect(written.after.issues).toEqual([]);
    expect(readFileSync(written.changeReport, 'utf8')).toContain('2,,(record as read),(record written again in its layout),eis/record-length');
  });
});
