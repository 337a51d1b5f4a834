import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { flaggedNow, initialState, position, tableRows, type Action, type State } from '../../src/session/workstation-state.js';
import { fixText, rejections } from '../../src/session/rejections.js';
import { actionFor, forEachKey, splitKeys, type KeyPress } from '../../src/session/key-map.js';
import { issuesAt, isRejected, recordAt, unsavedEdits } from '../../src/session/live.js';
import { writeDoc } from '../../src/session/write-file.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { OPTIONS, SAMPLE, tempDir, tempFile } from '../helpers.js';

async function open(path = SAMPLE): Promise<State> {
  return initialState(await openDoc(path, OPTIONS));
}
import { DEFAULTS } from '../../src/session/settings.js';
const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);
const type = (state: State, text: string) => reducer(state, { type: 'text', input: text });
const field = (s: State, line: number, name: string) => {
  const r = recordAt(s.doc, s.live, line)!;
  return r.fields[r.layout.fields.findIndex((f) => f.name === name)];
};
const codes = (s: State, line: number) => issuesAt(s.live, line).map((i) => i.code);
const yes: Action = { type: 'answer', yes: true };
/** One read from the terminal, through the loop useKeys runs; the state each key leaves. */
function press(state: State, chunk: string, key: KeyPress = {}): State {
  let s = state;
  forEachKey(chunk, key, () => s, (action) => { s = reducer(s, action); });
  return s;
}
function chunkActions(state: State, chunk: string): Action[] {
  const actions: Action[] = [];
  let s = state;
  forEachKey(chunk, {}, () => s, (action) => { actions.push(action); s = reducer(s, action); });
  return actions;
}
const where = (s: State) => ({ screen: s.screen, line: s.record.line, field: s.record.field, row: s.table.row });

describe('workstation reducer', () => {
  it('starts on the summary and Enter opens the first flagged record on its first flagged field', async () => {
    const s = run(await open(), 'summary.start');
    expect(s.screen).toBe('record');
    expect(s.record.line).toBe(3);
    expect(s.record.field).toBe(3); // Legal Last Name
  });
  it('accepts a repair, undoes it and redoes it', async () => {
    let s = run(await open(), 'summary.start', 'record.accept');
    expect([field(s, 3, 'Legal Last Name'), field(s, 3, 'Legal Name Suffix')]).toEqual(['Smith', 'Jr.']);
    expect(codes(s, 3)).toEqual(['gtid/duplicate-local-id']);
    expect(unsavedEdits(s.live)).toBe(1);
    s = run(s, 'app.undo');
    expect(field(s, 3, 'Legal Last Name')).toBe('Smith, Jr. (Jones)');
    expect(codes(s, 3)).toEqual(['gtid/last-name-suffix', 'gtid/duplicate-local-id']);
    s = run(s, 'app.redo');
    expect(field(s, 3, 'Legal Last Name')).toBe('Smith');
    expect(run(s, 'app.redo').message).toBe('Nothing to redo');
  });
  it('undoes any number of steps across records, and a new edit drops what was undone', async () => {
    let s = run(await open(), 'summary.start', 'record.accept', 'record.next', 'record.accept', 'record.next', 'record.accept');
    expect([field(s, 3, 'Legal Last Name'), field(s, 4, 'Current Grade Level'), field(s, 5, 'Legal Name Suffix')]).toEqual(['Smith', 'KK', 'III']);
    s = run(s, 'app.undo', 'app.undo');
    expect([field(s, 4, 'Current Grade Level'), field(s, 5, 'Legal Name Suffix')]).toEqual(['K', '']);
    expect([s.record.line, s.record.field]).toEqual([4, 9]); // shows what was undone
    s = run(s, 'record.accept');
    expect(s.live.log.entries).toHaveLength(2);
    expect(run(s, 'app.redo').message).toBe('Nothing to redo');
  });
  it('edits a field in place, checking the draft at every keystroke', async () => {
    let s = run(await open(), 'summary.start', 'record.next', 'record.next', 'record.next', 'record.next');
    expect(s.record.line).toBe(7);
    expect(s.record.field).toBe(7); // Gender
    s = run(s, 'record.edit');
    expect(s.record.draft?.text).toBe('Male');
    for (let i = 0; i < 4; i++) s = run(s, { type: 'text.backspace' });
    expect(s.record.draft?.issues.map((i) => i.code)).toEqual(['field/required']);
    s = type(s, 'X');
    expect(s.record.draft?.issues.map((i) => i.code)).toEqual(['field/code']);
    s = run(s, { type: 'text.backspace' });
    s = type(s, 'M');
    expect(s.record.draft?.issues).toEqual([]);
    s = run(s, { type: 'text.commit' });
    expect(field(s, 7, 'Gender')).toBe('M');
    expect(codes(s, 7)).toEqual([]);
    expect(run(run(s, 'record.edit'), { type: 'text.cancel' }).record.draft).toBeNull();
  });
  it('accepts one repair in every record with the same issue code, as one undo step', async () => {
    let s = run(await open(), 'summary.start', 'record.next'); // line 4, grade "K"
    s = run(s, 'record.accept-all');
    expect(s.confirm).toEqual({ kind: 'accept-all', code: 'field/code', count: 3, fields: ['Current Grade Level', 'Gender'], review: 0 });
    s = reducer(s, yes);
    expect([field(s, 4, 'Current Grade Level'), field(s, 7, 'Gender'), field(s, 15, 'Current Grade Level')]).toEqual(['KK', 'M', '03']);
    expect(s.live.log.entries).toHaveLength(1);
    s = run(s, 'app.undo');
    expect([field(s, 4, 'Current Grade Level'), field(s, 7, 'Gender'), field(s, 15, 'Current Grade Level')]).toEqual(['K', 'Male', 'Grade 3']);
  });
  it('A makes only the safe repairs of a code at once, then asks about each review repair on its record', async () => {
    let s = run(await open(), 'summary.start', 'record.next', 'record.next', 'record.next'); // line 6: an ISO date (safe)
    expect(s.record.line).toBe(6);
    s = run(s, 'record.accept-all');
    expect(s.confirm).toMatchObject({ kind: 'accept-all', code: 'field/date', count: 1, review: 1 });
    s = reducer(s, yes);
    expect(field(s, 6, 'Date of Birth')).toBe('05/09/2014');
    expect(field(s, 13, 'Date of Birth')).toBe('03-04-2015'); // "either way round": not made unseen
    expect(s.confirm).toMatchObject({ kind: 'review', code: 'field/date', at: 0 });
    expect(where(s)).toMatchObject({ screen: 'record', line: 13, field: 8 });
    s = reducer(s, yes);
    expect(field(s, 13, 'Date of Birth')).toBe('03/04/2015');
    expect(s.confirm).toBeNull();
    expect(s.message).toMatch(/Reviewed 1 field\/date repair: 1 accepted/);
    expect(s.live.log.entries).toHaveLength(2); // the safe ones, then the one reviewed
  });
  it('A skips a review repair with n and stops asking with Esc', async () => {
    let s = run(await open(), 'summary.start', 'record.next', 'record.next', 'record.next', 'record.accept-all');
    s = reducer(s, yes);
    const skipped = reducer(s, { type: 'answer', yes: false });
    expect(field(skipped, 13, 'Date of Birth')).toBe('03-04-2015');
    expect(skipped.message).toMatch(/0 accepted/);
    const stopped = reducer(s, { type: 'answer', yes: false, stop: true });
    expect(stopped.confirm).toBeNull();
    expect(stopped.message).toMatch(/^Stopped reviewing field\/date/);
  });
  it('A with no safe repair of its code left goes straight to asking about each review one', async () => {
    let s = run(await open(), 'summary.start', 'record.next', 'record.next', 'record.next', 'record.accept'); // line 6 by hand
    s = run(s, 'record.next', 'record.next', 'record.next', 'record.next', 'record.next', 'record.next'); // line 13
    expect(s.record.line).toBe(13);
    s = run(s, 'record.accept-all');
    expect(s.confirm).toMatchObject({ kind: 'review', code: 'field/date', queue: [{ line: 13, field: 'Date of Birth' }] });
  });
  it('A fixes every issue of its code in each record, not only the first', async () => {
    const file = tempFile(readFileSync(SAMPLE, 'utf8').replace('ID,0177,644,Williams,James,,,Male,', 'ID,0177,644,Williams,James,,,Male,').replace(/,Male,(\d\d\/\d\d\/\d{4}),(\d\d),/, ',Male,$1,Grade $2,'));
    let s = run(await open(file), 'app.table', 'table.jump');
    s = run(type(s, '7'), { type: 'text.commit' }, 'table.open');
    expect(codes(s, 7).filter((c) => c === 'field/code').length).toBe(2);
    s = reducer(run(s, 'record.accept-all'), yes);
    expect(codes(s, 7)).not.toContain('field/code');
    expect(s.live.log.entries).toHaveLength(1);
  });
  it('F asks how many records change, then makes every safe repair as one undo step', async () => {
    let s = run(await open(), 'app.fix-all');
    expect(s.confirm).toMatchObject({ kind: 'fix-all', plan: { records: 9 } });
    expect(run(s, { type: 'answer', yes: false }).live.log.entries).toHaveLength(0);
    s = reducer(s, yes);
    expect(s.live.log.entries).toHaveLength(1);
    expect(flaggedNow(s)).toBe(6);
    expect(isRejected(s.live)).toBe(false);
    expect(s.message).toMatch(/9 records changed \(u undoes it all\); 6 still flagged/);
    s = run(s, 'app.undo');
    expect(flaggedNow(s)).toBe(14);
    expect(run(run(s, 'app.redo'), 'app.fix-all').message).toMatch(/^Nothing for F to do/);
  });
  it('i shows what the issue under the cursor means (rollfix explain), and Esc goes back', async () => {
    let s = run(await open(), 'summary.start');
    s = reducer(s, actionFor(s, 'i', {})!);
    expect(s.explain).toBe('gtid/last-name-suffix');
    expect(actionFor(s, 'n', {})).toEqual({ type: 'disabled', reason: 'n: the explanation is open (Esc goes back)' }); // nothing else acts under it
    s = reducer(s, actionFor(s, '', { escape: true })!);
    expect([s.explain, s.screen, s.record.line]).toEqual([null, 'record', 3]);
    expect(run(await open(), 'app.table', 'app.explain').explain).toBe('gtid/last-name-suffix');
  });
  it('does not offer w as the way on while records are still flagged', async () => {
    let s = run(await open(), 'app.table', 'table.last', 'table.open');
    s = run(s, 'record.next');
    expect(s.message).toMatch(/still flagged .*w writes anyway, with 14 flagged/);
    expect(s.message).not.toMatch(/: w writes the file/);
  });
  it('deletes a repeated record after asking, which also mends the trailer count', async () => {
    let s = await open();
    expect(isRejected(s.live)).toBe(true);
    s = run(s, 'app.table', 'table.jump');
    s = run(type(s, '17'), { type: 'text.commit' }, 'table.open');
    expect(s.record.line).toBe(17);
    s = run(s, 'record.delete');
    expect(s.confirm).toEqual({ kind: 'delete', line: 17 });
    expect(run(s, 'record.delete', { type: 'answer', yes: false }).live.deleted.size).toBe(0);
    s = reducer(s, yes);
    expect(s.live.deleted.has(17)).toBe(true);
    expect(s.live.records).toBe(17);
    expect(codes(s, 18)).toEqual([]); // the trailer says 17: right again
    expect(isRejected(s.live)).toBe(false);
    s = run(s, 'app.undo');
    expect(codes(s, 18)).toEqual(['gtid/trailer-count']);
  });
  it('applies the safe whole-file fixes with f', async () => {
    const s = run(await open(), 'summary.fix-file');
    expect(field(s, 18, 'Number of Records')).toBe('18');
    expect(isRejected(s.live)).toBe(false);
  });
  it('f works on the write screen too, where a deletion after f shows the trailer count wrong again', async () => {
    let s = run(await open(), 'summary.fix-file', 'app.table', 'table.jump');
    s = run(type(s, '17'), { type: 'text.commit' }, 'table.open', 'record.delete', 'app.write');
    s = reducer(s, yes);
    expect(s.live.deleted.has(17)).toBe(true);
    expect(rejections(s).map((i) => `${i.line} ${i.code} ${fixText(s, i)}`)).toEqual(['18 gtid/trailer-count press f to recompute: 17']);
    s = run(s, 'summary.fix-file');
    expect(field(s, 18, 'Number of Records')).toBe('17');
    expect(isRejected(s.live)).toBe(false);
  });
  it('counts the flagged records left as edits fix them; the verdict of a write is dropped once the file changes', async () => {
    let s = run(await open(), 'summary.start');
    // 15 records to look at (the trailer among them), 14 flagged: as `check` counts them.
    expect([position(s), flaggedNow(s)]).toEqual([{ index: 1, total: 15 }, 14]);
    s = run(s, 'summary.fix-file', 'record.next', 'record.accept');
    expect([position(s), flaggedNow(s)]).toEqual([{ index: 2, total: 15 }, 13]); // the trailer and line 4 are fixed
    s = run(s, 'app.write', 'write.start');
    s = reducer(s, { type: 'write.done', written: await writeDoc(s.doc, s.live, join(tempDir(), 'out.txt')) });
    expect(s.write.status).toBe('done');
    expect(run(s, 'app.table').write.status).toBe('done'); // moving about changes nothing
    expect(run(s, 'app.undo').write).toMatchObject({ status: 'ready', written: undefined });
  });
  it('adds a missing trailer with f', async () => {
    const file = tempFile(readFileSync(join(import.meta.dirname, '../fixtures/gtid/missing-trailer.txt')));
    const s = run(await open(file), 'summary.fix-file');
    expect(s.live.appended).toEqual(['TT\t4711\t4']);
    expect(isRejected(s.live)).toBe(false);
  });
  it('moves through the table, pages, searches, jumps and filters by code', async () => {
    let s = run(await open(), 'app.table');
    expect(tableRows(s)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18]);
    s = run(s, 'table.down', 'table.down', 'table.up');
    expect(s.table.row).toBe(1);
    s = run(s, 'table.page-down');
    expect(s.table.row).toBe(14);
    s = run(s, 'table.first');
    expect(s.table.row).toBe(0);
    s = run(s, 'table.search');
    s = type(s, 'walsh');
    s = run(s, { type: 'text.commit' });
    expect(tableRows(s)).toEqual([5]);
    s = run(s, 'app.back');
    expect(tableRows(s)).toHaveLength(15);
    s = run(s, 'table.jump');
    s = type(s, '12');
    s = run(s, { type: 'text.commit' });
    expect(tableRows(s)[s.table.row]).toBe(12);
    s = run(s, 'table.filter');
    expect(s.table.picker).toEqual({ index: 0 });
    s = reducer(s, { type: 'picker.move', delta: 0 });
    expect(s.table.filter).toBe('field/code');
    expect(tableRows(s)).toEqual([4, 7, 15]);
  });
  it('asks before quitting with unsaved edits, and writes them', async () => {
    let s = run(await open(), 'app.quit');
    expect(s.quit).toBe(true);
    s = run(await open(), 'summary.start', 'record.accept', 'app.quit');
    expect(s.confirm).toEqual({ kind: 'quit' });
    s = reducer(s, { type: 'answer', yes: false });
    expect(s.quit).toBe(false);
    s = run(s, 'app.write');
    expect(s.write.path).toBe(SAMPLE.replace(/\.txt$/, '.fixed.txt'));
    s = run(s, 'write.edit-path');
    for (let i = 0; i < s.write.path.length; i++) s = run(s, { type: 'text.backspace' });
    const out = join(tempDir(), 'out.txt');
    s = run(type(s, out), { type: 'text.commit' }, 'write.start');
    expect(s.write).toMatchObject({ path: out, status: 'writing' });
    const written = await writeDoc(s.doc, s.live, out);
    s = reducer(s, { type: 'write.done', written });
    expect(unsavedEdits(s.live)).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[2]).toBe('ID,0177,644,Smith,Michael,,Jr.,M,07/22/2013,07,100235,,B,,644,2027');
    expect(readFileSync(written.changeReport, 'utf8')).toContain('3,Legal Last Name,"Smith, Jr. (Jones)",Smith,gtid/last-name-suffix');
  });
});

describe('key map', () => {
  it('maps keys by screen, and text while typing', async () => {
    const s = await open();
    expect(actionFor(s, '', { return: true })).toEqual({ type: 'command', id: 'summary.start' });
    expect(actionFor(s, 'r', { ctrl: true })).toEqual({ type: 'command', id: 'app.redo' });
    expect(actionFor(s, 's', { ctrl: true })).toEqual({ type: 'disabled', reason: 'Ctrl-S: not a key here (? lists the keys of this screen)' }); // never bind Ctrl-S
    expect(actionFor(s, 'c', { ctrl: true })).toEqual({ type: 'command', id: 'app.quit' }); // asks first when edits are unsaved
    const record = run(s, 'summary.start');
    expect(actionFor(record, 'a', {})).toEqual({ type: 'command', id: 'record.accept' });
    const typing = run(record, 'record.edit');
    expect(actionFor(typing, 'a', {})).toEqual({ type: 'text', input: 'a' });
    expect(actionFor(typing, '\u001b[31m', {})).toEqual({ type: 'text', input: '[31m' });
    // Keys faster than the terminal is read arrive as one chunk: Backspaces and Enter still count.
    const fast = chunkActions(typing, 'ab\u007f\u007fc\r');
    expect(fast).toEqual([{ type: 'text', input: 'ab\u007f\u007fc' }, { type: 'text.commit' }]);
    const before = typing.record.draft!.text;
    expect(reducer(typing, fast[0]).record.draft!.text).toBe(`${before}c`);
    expect(actionFor(typing, '', { escape: true })).toEqual({ type: 'text.cancel' });
    expect(actionFor(typing, 'u', { ctrl: true })).toEqual({ type: 'text.clear' }); // as in a shell
    expect(reducer(typing, { type: 'text.clear' }).record.draft!.text).toBe('');
    const path = run(s, 'app.write', 'write.edit-path');
    expect(reducer(path, actionFor(path, 'u', { ctrl: true })!).write.draft).toBe('');
    expect(actionFor(run(record, 'record.delete'), 'y', {})).toEqual({ type: 'answer', yes: true });
  });
});

describe('keys that arrive together', () => {
  it('acts on every key of a chunk, in order, as if pressed one by one', async () => {
    const record = run(await open(), 'summary.start');
    const one = ['n', 'n', 'n'].reduce((s, k) => press(s, k), record);
    expect(where(press(record, 'nnn'))).toEqual(where(one));
    expect(where(one)).not.toEqual(where(record));
    expect(where(press(record, 'jj'))).toEqual(where(press(press(record, 'j'), 'j')));
    const table = run(await open(), 'app.table');
    expect(press(table, 'jjj').table.row).toBe(3);
    expect(press(table, 'jjjk').table.row).toBe(2);
  });
  it('types the text of a chunk into the field, commits at Enter, and reads the rest as keys', async () => {
    const record = run(await open(), 'summary.start');
    const typing = run(record, 'record.edit', { type: 'text.clear' });
    const byHand = run(type(typing, 'Smith'), { type: 'text.commit' }, 'record.next');
    const fast = press(typing, 'Smith\rn');
    expect(field(fast, 3, 'Legal Last Name')).toBe('Smith');
    expect(where(fast)).toEqual(where(byHand));
    expect(fast.record.draft).toBeFalsy();
  });
  it('reads Enter, Tab, Backspace and Ctrl keys inside a chunk as those keys', async () => {
    const s = await open();
    expect(press(s, 't\r').screen).toBe(run(s, 'app.table', 'table.open').screen);
    expect(splitKeys('jj\r', {})).toEqual([{ input: 'j', key: {} }, { input: 'j', key: {} }, { input: '', key: { return: true } }]);
    expect(splitKeys('a\u0012\u007f\t', {})).toEqual([{ input: 'a', key: {} }, { input: 'r', key: { ctrl: true } }, { input: '', key: { backspace: true } }, { input: '', key: { tab: true } }]);
    expect(splitKeys('', { upArrow: true })).toEqual([{ input: '', key: { upArrow: true } }]);
  });
});

describe('duplicates while editing', () => {
  it('clears a duplicate Local Student ID on both records when one is changed, and undo brings it back', async () => {
    let s = run(await open(), 'summary.start', 'record.accept'); // line 3; cursor moves to Local Student ID
    expect(s.record.field).toBe(10);
    s = run(s, 'record.edit');
    s = run(type(run(s, { type: 'text.backspace' }), '0'), { type: 'text.commit' });
    expect(field(s, 3, 'Local Student ID')).toBe('100230');
    expect(codes(s, 3)).toEqual([]);
    expect(codes(s, 12)).toEqual([]);
    s = run(s, 'app.undo');
    expect(codes(s, 3)).toEqual(['gtid/duplicate-local-id']);
    expect(codes(s, 12)).toEqual(['gtid/duplicate-local-id']);
  });
  it('clears the pair when one record is deleted', async () => {
    let s = run(await open(), 'app.table', 'table.jump');
    s = run(type(s, '12'), { type: 'text.commit' }, 'table.open', 'record.delete', { type: 'answer', yes: true } as Action);
    expect(codes(s, 3)).toEqual(['gtid/last-name-suffix']);
  });
});

describe('the rest of the actions', () => {
  it('picker moves, picks and cancels; reveal toggles masking; help toggles', async () => {
    let s = run(await open(), 'app.table', 'table.filter');
    s = reducer(reducer(s, { type: 'picker.move', delta: 1 }), { type: 'picker.move', delta: 1 });
    expect(s.table.picker).toEqual({ index: 2 });
    s = reducer(s, { type: 'picker.move', delta: -1 });
    expect(s.table.picker).toEqual({ index: 1 });
    expect(reducer(s, { type: 'picker.move', delta: NaN }).table).toMatchObject({ picker: null, filter: null });
    expect(run(await open(), 'summary.start', 'record.reveal').record.reveal).toBe(true);
    expect(run(await open(), 'app.help').help).toBe(true);
    expect(run(await open(), 'app.help', 'app.help').help).toBe(false);
  });
  it('asks before replacing an existing output file, and reports a failed write', async () => {
    let s = run(await open(), 'app.write', 'write.start');
    expect(s.write.status).toBe('writing');
    s = reducer(s, { type: 'write.exists' });
    expect(s.confirm).toEqual({ kind: 'replace', path: s.write.path });
    s = reducer(s, yes);
    expect(s.write).toMatchObject({ status: 'writing', replace: true });
    s = reducer(s, { type: 'write.failed', error: 'permission denied' });
    expect(s.write).toMatchObject({ status: 'failed', error: 'permission denied' });
  });
  it('resizes, and Esc goes back from the record to the table on its row', async () => {
    let s = reducer(await open(), { type: 'resize', columns: 120, rows: 40 });
    expect([s.columns, s.rows]).toEqual([120, 40]);
    s = run(s, 'summary.start', 'record.next', 'record.next', 'app.back');
    expect(s.screen).toBe('table');
    expect(tableRows(s)[s.table.row]).toBe(5);
    expect(run(s, 'app.back').screen).toBe('summary');
  });
});

describe('settings screen', () => {
  it('edits a setting, refusing a bad value with a message and never storing it', async () => {
    let s = run(await open(), 'summary.settings');
    expect(s.screen).toBe('settings');
    const downs = Object.keys(DEFAULTS).indexOf('maxErrors'); // the formats' own settings come first
    s = run(s, ...Array(downs).fill('settings.down'), 'settings.edit');
    expect(s.settings.draft).toBe('1000');
    for (let i = 0; i < 4; i++) s = run(s, { type: 'text.backspace' });
    s = run(type(s, 'lots'), { type: 'text.commit' });
    expect(s.message).toMatch(/^Not saved: maxErrors must be a whole number/);
    expect(s.settings.saving).toBeNull();
    for (let i = 0; i < 4; i++) s = run(s, { type: 'text.backspace' });
    s = run(type(s, '250'), { type: 'text.commit' });
    expect(s.settings.saving).toEqual({ key: 'maxErrors', value: 250 });
    s = reducer(s, { type: 'settings.saved', key: 'maxErrors', value: 250 });
    expect(s.settings.values.maxErrors).toBe(250);
    expect(run(s, 'app.back').screen).toBe('summary');
  });
});

describe('duplicates an edit makes', () => {
  it('flags a Local Student ID or SSN typed in that another record already has, while typing and after', async () => {
    let s = run(await open(), 'summary.start', 'record.next'); // line 4, cursor on Current Grade Level
    s = run(s, 'record.down', 'record.edit'); // Local Student ID
    expect(s.record.draft?.text).toBe('100236');
    for (let i = 0; i < 6; i++) s = run(s, { type: 'text.backspace' });
    s = type(s, '100240');
    expect(s.record.draft?.issues.map((i) => i.message)).toEqual(['This Local Student ID is also on line 8']);
    s = run(s, { type: 'text.commit' });
    expect(codes(s, 4)).toContain('gtid/duplicate-local-id');
    s = run(s, 'record.down', 'record.edit'); // Social Security Number, empty
    s = run(type(s, '123456789'), { type: 'text.commit' }); // line 8 has 123-45-6789: the same SSN
    expect(issuesAt(s.live, 4).filter((i) => i.code === 'gtid/duplicate-ssn').map((i) => i.message)).toEqual(['This SSN is also on line 8']);
    s = run(s, 'app.undo', 'app.undo');
    expect(codes(s, 4)).not.toContain('gtid/duplicate-local-id');
    expect(codes(s, 4)).not.toContain('gtid/duplicate-ssn');
  });
});
