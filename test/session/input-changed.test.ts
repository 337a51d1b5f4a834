/**
 * The input changed on disk while the workstation had it open (issue #13, item 4): the write
 * stops and asks, says how it changed, and on yes writes from the copy as opened, edits included.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDoc } from '../../src/session/document.js';
import { inputChange } from '../../src/session/input-on-disk.js';
import { performWrite } from '../../src/session/workstation-effects.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../../src/session/workstation-state.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { OPTIONS, SAMPLE, tempDir } from '../helpers.js';

const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);

/** The sample opened from a folder of its own, its first flagged record's repair accepted, the write asked for. */
async function editedAndWriting(): Promise<{ state: State; input: string }> {
  const input = join(tempDir(), 'batch.txt');
  copyFileSync(SAMPLE, input);
  const state = run(initialState(await openDoc(input, OPTIONS)), 'summary.start', 'record.accept', 'app.write', 'write.start');
  expect(state.write.status).toBe('writing');
  return { state, input };
}

/** performWrite's answer, applied as the app applies it. */
async function write(state: State): Promise<State> {
  const actions: Action[] = [];
  await performWrite(state.doc, state.live, state.write, (a) => actions.push(a));
  expect(actions).toHaveLength(1);
  return reducer(state, actions[0]);
}

describe('the input changed on disk since it was opened', () => {
  it('stops the write and asks; y writes from the copy as opened, with the edits', async () => {
    const { state, input } = await editedAndWriting();
    appendFileSync(input, 'ID,0177,644,Added,ByExport,,,F,03/14/2015,05,999999,,W,,644,2027\r\n');
    const asked = await write(state);
    expect(asked.confirm).toMatchObject({ kind: 'input-changed', change: { how: 'changed' } });
    expect(asked.write.status).toBe('ready');
    expect(existsSync(asked.write.path)).toBe(false);

    const no = run(asked, { type: 'answer', yes: false });
    expect(no.message).toMatch(/Not written; your edits are kept/);
    expect(no.live.log.cursor).toBe(1);

    const yes = run(asked, { type: 'answer', yes: true });
    expect(yes.write).toMatchObject({ status: 'writing', anyway: true });
    const done = await write(yes);
    expect(done.write.status).toBe('done');
    const written = readFileSync(done.write.path, 'utf8');
    expect(written).toContain(',Smith,Michael,,Jr.,'); // the edit
    expect(written).not.toContain('ByExport'); // the copy as opened: what changed on disk is not in it
    expect(done.write.inputChanged?.how).toBe('changed'); // still said on the write screen
  });

  it('tells deleted and replaced apart, and asks nothing when only the times changed', async () => {
    const deleted = await editedAndWriting();
    rmSync(deleted.input);
    expect(await inputChange(deleted.state.doc)).toEqual({ how: 'deleted', modified: null });

    const replaced = await editedAndWriting();
    const other = join(tempDir(), 'other.txt');
    writeFileSync(other, readFileSync(SAMPLE, 'utf8').replace('Garcia', 'Garcias'));
    renameSync(other, replaced.input);
    expect((await inputChange(replaced.state.doc))?.how).toBe('replaced');

    const touched = await editedAndWriting();
    utimesSync(touched.input, new Date(), new Date(Date.now() + 60_000));
    expect(await inputChange(touched.state.doc)).toBeNull();
    const copiedBack = join(tempDir(), 'same.txt');
    copyFileSync(SAMPLE, copiedBack);
    renameSync(copiedBack, touched.input); // another file, the same content
    expect(await inputChange(touched.state.doc)).toBeNull();
    expect((await write(touched.state)).write.status).toBe('done');
  });

  it('asks again at the next write, and again after "Replace it?"', async () => {
    const { state, input } = await editedAndWriting();
    writeFileSync(input, 'changed\n');
    writeFileSync(state.write.path, 'an older output\n');
    const asked = await write(state);
    const replaceAsked = await write(run(asked, { type: 'answer', yes: true }));
    expect(replaceAsked.confirm).toMatchObject({ kind: 'replace' });
    const done = await write(run(replaceAsked, { type: 'answer', yes: true }));
    expect(done.write.status).toBe('done');
    expect((await write(run(done, 'write.start'))).confirm?.kind).toBe('input-changed');
  });
});

describe('the input changes while it is being opened', () => {
  const ADDED = 'ID,0177,644,Added,ByExport,,,F,03/14/2015,05,999999,,W,,644,2027\r\n';

  it('is read again, so the report and the copy held are of the same bytes', async () => {
    const input = join(tempDir(), 'batch.txt');
    copyFileSync(SAMPLE, input);
    let changes = 0;
    // The check's progress comes while the file is read: another program appends a record then.
    const doc = await openDoc(input, OPTIONS, undefined, () => {
      if (changes++ === 0) appendFileSync(input, ADDED);
    });
    expect(changes).toBeGreaterThan(1); // read twice
    expect(doc.store.raw.equals(readFileSync(input))).toBe(true);
    expect(doc.report.input.size).toBe(doc.store.raw.length);
    expect(doc.opened?.size).toBe(doc.store.raw.length);
    expect(doc.report.records).toBe(19); // the sample's 18 and the one added
  });

  it('is refused with a clear message when it keeps changing', async () => {
    const input = join(tempDir(), 'batch.txt');
    copyFileSync(SAMPLE, input);
    // At each read (the first progress of a read comes before its first line), a record is appended.
    const changing = (_: number, lines: number) => lines === 0 && appendFileSync(input, ADDED);
    await expect(openDoc(input, OPTIONS, undefined, changing)).rejects.toThrow(/batch\.txt changed while it was being read \(is another program still writing it\?\); open it again when it has finished/);
  });
});
