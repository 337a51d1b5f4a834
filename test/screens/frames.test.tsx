/**
 * Every screen at 80x24, rendered with ink-testing-library and compared with the frames stored
 * under snapshots/screens/ (without colour codes, so a diff reads as text: review it as code).
 */
import { describe, expect, it } from 'vitest';
import { cursorCells } from '../../screens/components/cells.js';
import { render } from 'ink-testing-library';
import { Frame } from '../../screens/app.js';
import { ThemeContext } from '../../screens/theme-context.js';
import { makeTheme } from '../../screens/theme.js';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../../src/session/workstation-state.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { join } from 'node:path';
import { FileSetScreen } from '../../screens/file-set-screen.js';
import { checkFileSet } from '../../src/core/file-set.js';
import { checked, initialFileSet, move } from '../../src/session/file-set-state.js';
import { OPTIONS, ROOT, SAMPLE, tempFile, gtidFile, detail } from '../helpers.js';
import { registry } from '../../formats/registry.js';

const ANSI = /\u001b\[[0-9;]*m/g;

function frame(state: State, theme = makeTheme({ color: true, ascii: false })): string {
  const { lastFrame, unmount } = render(<ThemeContext.Provider value={theme}><Frame state={state} /></ThemeContext.Provider>);
  const text = lastFrame()!.replace(ANSI, '');
  unmount();
  return text;
}

const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);

async function sample(path = SAMPLE): Promise<State> {
  const state = initialState(await openDoc(path, OPTIONS), 80, 24);
  return { ...state, doc: { ...state.doc, name: 'sample.txt' }, write: { ...state.write, path: '/home/clerk/sample.fixed.txt' } };
}

function fits(text: string): void {
  const lines = text.split('\n');
  expect(lines.length).toBeLessThanOrEqual(24);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
}

describe('screens at 80x24', () => {
  it('summary', async () => {
    const text = frame(await sample());
    fits(text);
    await expect(text).toMatchFileSnapshot('../../snapshots/screens/summary.txt');
  });
  it('error table: 15 or more records fit', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => detail({ 10: String(i), 7: 'Male', 3: `Smith${i} Jr` }));
    const state = run(await sample(tempFile(gtidFile(rows))), 'app.table', 'table.down', 'table.down');
    const text = frame(state);
    fits(text);
    expect(text.split('\n').filter((l) => /^ \d+ /.test(l)).length).toBeGreaterThanOrEqual(15);
    await expect(frame(run(await sample(), 'app.table', 'table.down'))).toMatchFileSnapshot('../../snapshots/screens/table.txt');
  });
  it('record, and a field being edited', async () => {
    const state = run(await sample(), 'summary.start');
    await expect(frame(state)).toMatchFileSnapshot('../../snapshots/screens/record.txt');
    const editing = reducer(run(state, 'record.edit'), { type: 'text', input: '!' });
    await expect(frame(editing)).toMatchFileSnapshot('../../snapshots/screens/record-editing.txt');
    // The row follows the draft at every keystroke, as the message below it does.
    let clean = run(state, 'record.edit');
    for (let i = 0; i < 'Smith, Jr. (Jones)'.length; i++) clean = reducer(clean, { type: 'text.backspace' });
    clean = reducer(clean, { type: 'text', input: 'Smith' });
    expect(frame(clean).split('\n').find((l) => l.includes('Legal Last Name'))).toMatch(/Smith\s+✓\s*$/);
    // The cursor moves (Home, Right) and text goes in where it is; the cells draw it inverse.
    const moved = run(clean, { type: 'text.key', key: 'home' }, { type: 'text.key', key: 'right' });
    const inserted = run(moved, { type: 'text', input: 'x' }, { type: 'text.key', key: 'delete' });
    expect(cursorCells(inserted.record.draft!.text, inserted.caretFromEnd, 10).map((c) => [c.text, c.width, Boolean(c.inverse)])).toEqual([['Sx', 2, false], ['i', 1, true], ['th', 7, false]]);
    expect(inserted.record.draft!.text).toBe('Sxith');
  });
  it('masks SSNs, and v shows only the one under the cursor, until the cursor moves', async () => {
    const ssnRow = (s: State) => frame(s).split('\n').find((l) => l.includes('Social Security Number') && !l.includes('must'))!;
    let s = run(await sample(), 'app.table', 'table.jump', { type: 'text', input: '8' }, { type: 'text.commit' }, 'table.open');
    expect(s.record.line).toBe(8);
    expect(ssnRow(s)).toContain('*******6789');
    expect(ssnRow(run(s, 'record.up', 'record.reveal'))).toContain('*******6789'); // v on another field
    s = run(s, 'record.reveal');
    expect(ssnRow(s)).toContain('123-45-6789');
    expect(ssnRow(s)).toContain('"123456789"'); // the proposal too
    expect(ssnRow(run(s, 'record.down'))).toContain('*******6789');
    expect(ssnRow(run(s, 'record.next', 'record.previous'))).toContain('*******6789');
    expect(ssnRow(run(s, 'record.reveal'))).toContain('*******6789'); // v again masks it
  });
  it('write, help, and a question in the status line', async () => {
    const state = run(await sample(), 'summary.start', 'record.accept', 'app.write');
    await expect(frame(state)).toMatchFileSnapshot('../../snapshots/screens/write.txt');
    await expect(frame(run(state, 'app.help'))).toMatchFileSnapshot('../../snapshots/screens/help-write.txt');
    await expect(frame(run(await sample(), 'summary.start', 'record.next', 'record.accept-all'))).toMatchFileSnapshot('../../snapshots/screens/accept-all-question.txt');
  });
  it('EIS fixed-length: summary, table, and a record with the byte columns of the field under the cursor', async () => {
    const eis = async (name: string) => {
      const state = initialState(await openDoc(join(ROOT, 'formats/eis/samples', name), OPTIONS), 80, 24);
      return { ...state, doc: { ...state.doc, name } };
    };
    const enrolment = await eis('1234enr.asc');
    await expect(frame(enrolment)).toMatchFileSnapshot('../../snapshots/screens/eis-summary.txt');
    await expect(frame(run(enrolment, 'app.table'))).toMatchFileSnapshot('../../snapshots/screens/eis-table.txt');
    const record = run(enrolment, 'summary.start', 'record.next');
    fits(frame(record));
    await expect(frame(record)).toMatchFileSnapshot('../../snapshots/screens/eis-record.txt');
    // 22 fields and more: a window of fields follows the cursor.
    const delimited = run(await eis('Enroll.asc'), 'summary.start', ...Array.from({ length: 12 }, () => 'record.down' as const));
    const text = frame(delimited);
    fits(text);
    await expect(text).toMatchFileSnapshot('../../snapshots/screens/eis-delimited-record.txt');
  });
  it('England: the Target Tracker summary shows the column mapping; a CTF has one row per pupil', async () => {
    const open = async (path: string, name: string) => {
      const state = initialState(await openDoc(join(ROOT, path), OPTIONS), 80, 24);
      return { ...state, doc: { ...state.doc, name } };
    };
    const tt = await open('formats/target-tracker/samples/pupils.csv', 'pupils.csv');
    fits(frame(tt));
    await expect(frame(tt)).toMatchFileSnapshot('../../snapshots/screens/tt-summary.txt');
    const ctf = await open('formats/ctf/samples/8231234_CTF_8239876_001.XML', '8231234_CTF_8239876_001.XML');
    await expect(frame(run(ctf, 'app.table'))).toMatchFileSnapshot('../../snapshots/screens/ctf-table.txt');
    const record = run(ctf, 'summary.start');
    fits(frame(record));
    await expect(frame(record)).toMatchFileSnapshot('../../snapshots/screens/ctf-record.txt');
  });
  it('several files: the SACE set in import order, with what only the set shows', async () => {
    const set = await checkFileSet(registry, [join(ROOT, 'formats/sace/samples')], OPTIONS);
    const rel = (p: string) => p.replace(join(ROOT, 'formats/sace/samples') + '/', '');
    // Paths relative, so the frame does not depend on where the repository is.
    const state = move(move(move(checked(initialFileSet([]), { ...set, reports: set.reports.map((r) => ({ ...r, file: rel(r.file) })), across: set.across.map((i) => ({ ...i, file: rel(i.file) })), references: set.references.map((r) => ({ ...r, path: rel(r.path) })) }), 1), 1), 1);
    const { lastFrame, unmount } = render(<ThemeContext.Provider value={makeTheme({ color: true, ascii: false })}><FileSetScreen state={state} columns={80} rows={24} busy={null} /></ThemeContext.Provider>);
    const text = lastFrame()!.replace(ANSI, '');
    unmount();
    fits(text);
    expect(state.rows.map((r) => r.report?.format.importOrder)).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(text).toMatchFileSnapshot('../../snapshots/screens/file-set.txt');
  });
  it('settings', async () => {
    await expect(frame(run(await sample(), 'summary.settings', 'settings.down'))).toMatchFileSnapshot('../../snapshots/screens/settings.txt');
  });
  it('a file whose names hold escape sequences looks like one that does not, but for the placeholders', async () => {
    const clean = gtidFile([detail({ 3: 'Evil', 4: 'Name', 7: 'X' }), detail({ 10: '2', 7: 'X' })]);
    const hostile = gtidFile([detail({ 3: 'Ev\u001b[31mil', 4: 'Na\u202eme', 7: 'X' }), detail({ 10: '2', 7: 'X' })]);
    for (const screen of [['app.table'], ['summary.start']] as CommandId[][]) {
      const a = frame(run(await sample(tempFile(clean)), ...screen)).split('\n');
      const b = frame(run(await sample(tempFile(hostile)), ...screen)).split('\n');
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i++) {
        const plain = b[i].replace(/<U\+[0-9A-F]{4}>\[31m|<U\+[0-9A-F]{4}>/g, '');
        if (plain.trimEnd() !== a[i].trimEnd()) {
          // only the status of the hostile fields may differ (they are flagged non-printable), and
          // their messages, said in full, leave fewer rows for the window of fields
          expect(b[i], `line ${i}`).toMatch(/<U\+|flagged|issue|Proposed|accepts|non-printable|invisible|special characters|✗|^ fields \d/);
        }
        expect(b[i]).not.toMatch(/\u001b|\u202e/);
      }
    }
  });
  it('without colour or line drawing: symbols carry every state', async () => {
    const text = frame(run(await sample(), 'app.table'), makeTheme({ color: false, ascii: true }));
    expect(text).not.toMatch(/[│─✗✓…›]/);
    await expect(text).toMatchFileSnapshot('../../snapshots/screens/table-ascii.txt');
  });
  it('says so instead of drawing when the terminal is too narrow', async () => {
    expect(frame({ ...(await sample()), columns: 60 })).toMatch(/needs a terminal of at least 80x20; this one is\s+60x24/);
  });
  it('shows escape sequences in values as placeholders', async () => {
    const state = run(await sample(tempFile(gtidFile([detail({ 3: 'Evil\u001b]0;owned\u0007\u001b[2J' })]))), 'app.table');
    const text = frame(state);
    expect(text).toContain('Evil<U+001B>]0');
    expect(text).not.toContain('\u001b]');
    const record = frame(run(state, 'table.open'));
    expect(record).toContain('Evil<U+001B>]0;owned<U+0007>');
    expect(record).not.toMatch(/\u001b[\][]/);
  });
});
