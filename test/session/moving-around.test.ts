/**
 * Issue #14, items 5, 6 and 11: moving around a record and the file. Tab to the fields with an
 * issue; / searches every record (flagged or not) and n/N step through the matches; :line opens
 * any record; the code filter carries into n/p; Esc goes back where you came from; a deletion
 * lands in one place either way; the keys of less and vim on every list; q closes a screen.
 */
import { describe, expect, it } from 'vitest';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, position, tableRows, type Action, type State } from '../../src/session/workstation-state.js';
import { actionFor, forEachKey, type KeyPress } from '../../src/session/key-map.js';
import { recordAt, unsavedEdits } from '../../src/session/live.js';
import { KEY_BINDINGS, type CommandId } from '../../src/session/key-bindings.js';
import { helpLines } from '../../src/session/help-text.js';
import { fileSetKey, fileSetMove } from '../../src/session/file-set-state.js';
import { OPTIONS, SAMPLE } from '../helpers.js';

const open = async (): Promise<State> => initialState(await openDoc(SAMPLE, OPTIONS));
const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);
const type = (state: State, text: string) => run(state, { type: 'text', input: text }, { type: 'text.commit' });
const fieldName = (s: State) => recordAt(s.doc, s.live, s.record.line)!.layout.fields[s.record.field].name;
const where = (s: State) => ({ screen: s.screen, line: s.record.line, field: s.record.field, row: s.table.row });
function press(state: State, chunk: string, key: KeyPress = {}): State {
  let s = state;
  forEachKey(chunk, key, () => s, (action) => { s = reducer(s, action); });
  return s;
}

describe('moving around a record and the file (item 5)', () => {
  it('Tab and Shift-Tab go to the next and previous field with an issue, round the record, also when sent together', async () => {
    let s = run(await open(), 'summary.start');
    expect([s.record.line, fieldName(s)]).toEqual([3, 'Legal Last Name']);
    expect(actionFor(s, '', { tab: true })).toEqual({ type: 'command', id: 'record.next-issue' });
    expect(actionFor(s, '', { tab: true, shift: true })).toEqual({ type: 'command', id: 'record.previous-issue' });
    s = run(s, 'record.next-issue');
    expect(fieldName(s)).toBe('Local Student ID');
    s = run(s, 'record.next-issue');
    expect(fieldName(s)).toBe('Legal Last Name'); // round from the end
    s = run(s, 'record.previous-issue');
    expect(fieldName(s)).toBe('Local Student ID');
    expect(fieldName(press(s, '\t\t\t'))).toBe('Legal Last Name');
    // A record with one field at fault says so; Tab while typing is not a command.
    s = run(s, 'record.next');
    expect(run(s, 'record.next-issue').message).toBe('The only field with an issue on this record');
    expect(actionFor(run(s, 'record.edit'), '', { tab: true })).toMatchObject({ type: 'disabled' });
  });

  it('/ in the table lists every record holding the text, flagged or not; Enter opens an unflagged one on the match, to be edited', async () => {
    let s = run(await open(), 'app.table', 'table.search');
    s = type(s, 'VANCE');
    expect(tableRows(s)).toEqual([11]); // line 11 has no issue: the table never listed it
    s = run(s, 'table.open');
    expect([s.screen, s.record.line, fieldName(s)]).toEqual(['record', 11, 'Legal Last Name']);
    s = run(s, 'record.edit', { type: 'text.clear' });
    s = type(s, 'Vancey');
    expect(recordAt(s.doc, s.live, 11)!.fields[3]).toBe('Vancey');
    expect(unsavedEdits(s.live)).toBe(1);
    expect(s.message).toBe('Legal Last Name changed');
  });

  it('/ on a record opens the next match, n and N step through the matches, and the status says so', async () => {
    let s = run(await open(), 'summary.start', 'record.search');
    expect(s.table.prompt).toEqual({ kind: 'search', text: '' });
    s = type(s, '100235'); // lines 3 and 12
    expect([s.record.line, fieldName(s)]).toEqual([12, 'Local Student ID']);
    expect(position(s)).toEqual({ index: 2, total: 2, by: 'matching "100235"' });
    expect(run(s, 'record.next').message).toBe('No record after this one matching "100235" (Esc in the table shows all)');
    expect(actionFor(s, 'N', { shift: true })).toEqual({ type: 'command', id: 'record.previous' });
    s = run(s, 'record.previous');
    expect(s.record.line).toBe(3);
    // Past the last match the search starts at the top again, as less and vim do.
    s = run(s, 'record.next', 'record.search');
    s = type(run(s, { type: 'text.clear' }), 'ivy');
    expect(s.record.line).toBe(11);
    s = run(s, 'record.search');
    s = type(run(s, { type: 'text.clear' }), 'emily'); // lines 2 and 17 (a repeat of line 2)
    expect([s.record.line, s.message]).toEqual([17, null]);
    s = type(run(s, 'record.search'), ''); // the prompt opens with the last search: Enter looks again
    expect([s.record.line, s.message]).toEqual([2, 'Search went past the last record: from the top again']);
    s = run(s, 'record.search');
    s = type(run(s, { type: 'text.clear' }), 'nobody');
    expect([s.record.line, s.message, s.table.search]).toEqual([2, 'No record holds "nobody"', '']);
  });

  it(':line opens any record: from the table one it does not list, from a record any line', async () => {
    let s = run(await open(), 'app.table', 'table.jump');
    s = type(s, '12');
    expect(where(s)).toMatchObject({ screen: 'table', row: 8 }); // listed: the cursor goes to it
    s = type(run(s, 'table.jump'), '11');
    expect([s.screen, s.record.line, s.message]).toEqual(['record', 11, 'Line 11 has no issue (Esc goes back to the table)']);
    s = type(run(s, 'record.jump'), '2');
    expect([s.screen, s.record.line]).toEqual(['record', 2]);
    expect(type(run(s, 'record.jump'), '99').message).toBe('No line 99 (the file has 18)');
    // n from a record that is not listed goes to the next one that is.
    expect(run(s, 'record.next').record.line).toBe(3);
  });

  it('the c filter carries into n and p: only records with that code, a fixed one drops out, and the status says the filter is on', async () => {
    let s = run(await open(), 'app.table', 'table.filter');
    s = reducer(s, { type: 'picker.move', delta: 0 });
    expect(tableRows(s)).toEqual([4, 7, 15]);
    s = run(s, 'table.open', 'record.next');
    expect(s.record.line).toBe(7);
    expect(position(s)).toEqual({ index: 2, total: 3, by: 'with field/code' });
    s = run(s, 'record.accept'); // Gender "Male" -> "M": line 7 has no field/code now
    expect(position(s)).toEqual({ index: 0, total: 2, by: 'with field/code' });
    s = run(s, 'record.next');
    expect(s.record.line).toBe(15);
    expect(run(s, 'record.next').message).toBe('No record after this one with field/code (Esc in the table shows all)');
    expect(run(s, 'record.previous').record.line).toBe(4);
    // Esc in the table ends it: n steps through every flagged record again.
    s = run(s, 'app.back', 'app.back');
    expect([s.screen, s.table.filter]).toEqual(['table', null]);
    expect(position(run(s, 'table.open')).by).toBeNull();
  });
});

describe('Esc goes back to where you came from; a deletion lands in one place (item 6)', () => {
  it('from the write screen to the record or the table you left, from settings to the summary', async () => {
    let s = run(await open(), 'summary.start', 'record.next', 'record.down', 'app.write');
    expect(s.screen).toBe('write');
    s = run(s, 'app.back');
    expect(where(s)).toMatchObject({ screen: 'record', line: 4, field: 10 });
    s = run(s, 'app.back', 'table.down', 'table.down', 'app.write', 'app.back');
    expect(where(s)).toMatchObject({ screen: 'table', row: 3 });
    s = run(s, 'app.back', 'summary.settings', 'app.write', 'app.back');
    expect(s.screen).toBe('settings');
    expect(run(s, 'app.back').screen).toBe('summary');
  });

  it('d y and a on a repeated record both go to the next record to look at', async () => {
    const at17 = run(type(run(await open(), 'app.table', 'table.jump'), '17'), 'table.open');
    expect(at17.record.line).toBe(17);
    const deleted = run(at17, 'record.delete', { type: 'answer', yes: true });
    const accepted = run(at17, 'record.accept');
    expect(deleted.live.deleted.has(17) && accepted.live.deleted.has(17)).toBe(true);
    expect(where(accepted)).toEqual(where(deleted));
    // The trailer's count is right again after it: no record after 17 is left to look at.
    expect(deleted.record.line).toBe(17);
    expect([deleted.message, accepted.message]).toEqual(['Deleted line 17 (u brings it back)', expect.stringMatching(/^Accepted/)]);
    const at12 = run(type(run(await open(), 'app.table', 'table.jump'), '12'), 'table.open', 'record.delete', { type: 'answer', yes: true } as Action);
    expect([at12.record.line, at12.message]).toEqual([13, 'Deleted line 12 (u brings it back)']);
  });
});

describe('the keys of terminal users on every list; q closes a screen (item 11)', () => {
  const key = (s: State, input: string, k: KeyPress = {}) => actionFor(s, input, k);
  it('Space, PgDn, Ctrl-F/B/D/U, Home/End and g/G move the table', async () => {
    let s = reducer(run(await open(), 'app.table'), { type: 'resize', columns: 80, rows: 12 }); // a page of 6 rows
    expect(key(s, ' ')).toEqual({ type: 'command', id: 'table.page-down' });
    expect(key(s, 'f', { ctrl: true })).toEqual({ type: 'command', id: 'table.page-down' });
    expect(key(s, 'b', { ctrl: true })).toEqual({ type: 'command', id: 'table.page-up' });
    expect(key(s, '', { end: true })).toEqual({ type: 'command', id: 'table.last' });
    expect(key(s, '', { home: true })).toEqual({ type: 'command', id: 'table.first' });
    s = press(s, ' ');
    expect(s.table.row).toBe(6);
    s = press(s, '\u0004'); // Ctrl-D: half a page
    expect(s.table.row).toBe(9);
    s = press(s, '\u0015\u0002'); // Ctrl-U, Ctrl-B
    expect(s.table.row).toBe(0);
    expect(press(s, 'G').table.row).toBe(14);
  });

  it('the summary codes, help, settings and the code picker scroll with the same keys', async () => {
    let s = await open();
    s = press(s, 'jjj');
    expect(s.summaryTop).toBe(3);
    s = press(s, 'g');
    expect(s.summaryTop).toBe(0);
    s = press(reducer(s, { type: 'resize', columns: 80, rows: 20 }), '?j');
    expect([s.help, s.helpTop]).toEqual([true, 1]);
    const end = helpLines('summary', 80).length - 17; // a page of 17 rows
    s = press(s, 'G');
    expect(s.helpTop).toBe(end);
    expect(press(s, 'j').helpTop).toBe(end); // the end stays the end
    expect(press(s, '\u0015').helpTop).toBeLessThan(end); // Ctrl-U: half a page up
    expect(press(s, 'g').helpTop).toBe(0);
    s = press(s, 'q');
    expect(s.help).toBe(false);
    s = press(s, 'sG');
    expect(s.settings.cursor).toBe(Object.keys(s.settings.values).length - 1);
    expect(press(s, 'g').settings.cursor).toBe(0);
    s = press(s, '\u001btc', {});
    expect(s.table.picker).toEqual({ index: 0 });
    s = press(s, 'G');
    expect(s.table.picker!.index).toBeGreaterThan(5);
    expect(press(s, 'q').table.picker).toBeNull();
  });

  it('the file-set list moves by the same keys', () => {
    expect(['j', 'k', ' ', 'g', 'G'].map((k) => fileSetKey(k, k === 'G' ? { shift: true } : {}))).toEqual(['down', 'up', 'page-down', 'first', 'last']);
    expect([fileSetKey('d', { ctrl: true }), fileSetKey('', { end: true }), fileSetKey('b', { ctrl: true })]).toEqual(['half-down', 'last', 'page-up']);
    expect([fileSetMove('page-down', 10), fileSetMove('half-up', 10), fileSetMove('last', 10)]).toEqual([10, -5, Infinity]);
  });

  it('q closes the current screen and quits only from the summary, asking first when edits are not written; Ctrl-C quits anywhere', async () => {
    let s = run(await open(), 'summary.start');
    expect(key(s, 'q')).toEqual({ type: 'command', id: 'app.close' });
    expect(key(s, 'c', { ctrl: true })).toEqual({ type: 'command', id: 'app.quit' });
    s = run(s, 'record.accept', 'app.write', 'app.close');
    expect(s.screen).toBe('record');
    s = run(s, 'app.close');
    expect(s.screen).toBe('table');
    s = run(s, 'table.filter', { type: 'picker.move', delta: 0 } as Action, 'app.close');
    expect([s.screen, s.table.filter]).toEqual(['summary', null]); // closing the table drops its filter
    s = run(s, 'app.close');
    expect([s.quit, s.confirm]).toEqual([false, { kind: 'quit' }]);
    expect(run(await open(), 'app.table', 'app.close', 'app.close').quit).toBe(true);
    expect(run(await open(), 'summary.start', 'app.quit').quit).toBe(true);
  });

  it('every new key is in the binding table, so help and the footers show it', () => {
    const keys = new Set(KEY_BINDINGS.flatMap((b) => b.keys));
    for (const k of ['tab', 'shift-tab', 'space', 'ctrl-f', 'ctrl-b', 'ctrl-d', 'ctrl-u', 'home', 'end', 'g', 'G', 'N', '/', ':', 'q']) expect(keys).toContain(k);
    // None of the keys the bulk repairs use (A, F, e, x, s) was taken for moving around.
    const moving = KEY_BINDINGS.filter((b) => /^(list\.|table\.(half|page|first|last)|record\.(next|previous|search|jump))/.test(b.command));
    expect(moving.flatMap((b) => b.keys).filter((k) => ['F', 'A', 'e', 'x', 's'].includes(k))).toEqual([]);
  });
});
