/**
 * What the clerk is told when opening a file (issue #13): that it is open in another workstation
 * (and the read-only view that is offered), what the journal's damage was on the resume prompt
 * too, and how a write stops when the input changed on disk. Frames under snapshots/screens/.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, Frame } from '../../screens/app.js';
import { OpenElsewhere } from '../../screens/resume-prompt.js';
import { ThemeContext } from '../../screens/theme-context.js';
import { makeTheme } from '../../screens/theme.js';
import { openDoc } from '../../src/session/document.js';
import { Journal } from '../../src/session/journal.js';
import { openForEditing } from '../../src/session/workstation-effects.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../../src/session/workstation-state.js';
import { DEFAULTS } from '../../src/session/settings.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { OPTIONS, SAMPLE, tempDir } from '../helpers.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const theme = makeTheme({ color: true, ascii: false });
const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);

let stateDir = '';
beforeEach(() => {
  stateDir = tempDir();
  process.env.ROLLFIX_STATE_DIR = stateDir;
});
afterEach(() => {
  delete process.env.ROLLFIX_STATE_DIR;
});

async function until(frame: () => string | undefined, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const text = (frame() ?? '').replace(ANSI, '');
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`never showed ${pattern}:\n${frame()}`);
}

/** A key, once the screen that reads it has started listening (Ink subscribes after the frame). */
async function press(stdin: { write: (s: string) => void }, key: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 100));
  stdin.write(key);
}

function app(file: string) {
  return render(<ThemeContext.Provider value={theme}><App load={(progress) => openForEditing(file, OPTIONS, undefined, progress)} name="sample.txt" settings={DEFAULTS} onError={(e) => { throw e; }} /></ThemeContext.Provider>);
}

function copy(): string {
  const file = join(tempDir(), 'sample.txt');
  copyFileSync(SAMPLE, file);
  return file;
}

const edit = { op: 'commit' as const, entry: { label: 'delete line 17', edits: [{ kind: 'delete' as const, line: 17 }] } };

describe('opening a file', () => {
  it('open in another workstation: said, never merged; v views it read-only', async () => {
    const file = copy();
    const other = Journal.for(resolve(file), readFileSync(file), stateDir);
    expect(other.lock().kind).toBe('mine'); // the first workstation
    other.append(edit);
    const { lastFrame, stdin, unmount } = app(file);
    const told = await until(lastFrame, /open in another rollfix workstation/);
    expect(told).toContain(`process ${process.pid} on this computer`);
    expect(told).not.toMatch(/unsaved edit/); // the other session's edits are never offered here
    await press(stdin, 'v');
    await until(lastFrame, /READ-ONLY/);
    await press(stdin, '\r');
    await until(lastFrame, /Record │ READ-ONLY/);
    await press(stdin, 'a');
    const refused = await until(lastFrame, /Read-only: sample.txt is open in another workstation/);
    expect(refused).toContain('read-only');
    unmount();
    expect(Journal.for(resolve(file), readFileSync(file), stateDir).read()!.ops).toEqual([edit]);
    other.close();
  });

  it('the screen that says so, on this computer and on another', async () => {
    const holder = { pid: 4242, host: 'lab-3', since: '2026-12-02T13:40:00.000Z', file: '/home/clerk/sample.txt' };
    const shot = (sameHost: boolean, tried: Date | null) => {
      const { lastFrame, unmount } = render(<ThemeContext.Provider value={theme}><OpenElsewhere name="sample.txt" file="/home/clerk/sample.txt" holder={holder} sameHost={sameHost} lockPath="/home/clerk/.local/state/rollfix/3fb2.lock" tried={tried} columns={80} rows={24} onAnswer={() => {}} /></ThemeContext.Provider>);
      const text = lastFrame()!.replace(ANSI, '');
      unmount();
      return text;
    };
    await expect(shot(true, null)).toMatchFileSnapshot('../../snapshots/screens/open-elsewhere.txt');
    await expect(shot(false, new Date('2026-12-02T13:45:10Z'))).toMatchFileSnapshot('../../snapshots/screens/open-elsewhere-other-host.txt');
  });

  it('damaged journal lines are said on the resume prompt too', async () => {
    const file = copy();
    const earlier = Journal.for(resolve(file), readFileSync(file), stateDir);
    earlier.append(edit);
    earlier.close();
    appendFileSync(earlier.path, 'torn line\n');
    const { lastFrame, unmount } = app(file);
    const prompt = await until(lastFrame, /r resume them/);
    expect(prompt).toContain('1 damaged line in the journal skipped');
    expect(prompt).toContain('1 unsaved edit from');
    unmount();
  });

  it('the write screen when the input changed on disk', async () => {
    const state = initialState(await openDoc(SAMPLE, OPTIONS), 80, 24);
    const sample = { ...state, doc: { ...state.doc, name: 'sample.txt' }, write: { ...state.write, path: '/home/clerk/sample.fixed.txt' } };
    const asked = run(sample, 'summary.start', 'record.accept', 'app.write', 'write.start', { type: 'write.input-changed', change: { how: 'changed', modified: new Date('2026-12-02T13:52:00Z') } });
    const frame = (s: State) => {
      const { lastFrame, unmount } = render(<ThemeContext.Provider value={theme}><Frame state={s} /></ThemeContext.Provider>);
      const text = lastFrame()!.replace(ANSI, '');
      unmount();
      return text;
    };
    await expect(frame(asked)).toMatchFileSnapshot('../../snapshots/screens/write-input-changed.txt');
    const deleted = run(sample, 'summary.start', 'record.accept', 'app.write', 'write.start', { type: 'write.input-changed', change: { how: 'deleted', modified: null } });
    expect(frame(deleted)).toMatch(/sample.txt was deleted or moved since you opened it/);
    expect(frame(deleted)).toMatch(/sample.txt was deleted since you opened it. Write anyway\? y writes, n no/);
  });
});
