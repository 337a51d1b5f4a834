/**
 * Help tells the truth: in every mode, every key help lists does something (a command, or a
 * message saying why not now), and every key that does something is listed. Keys not listed say
 * why they do nothing. Help, the footer and the key map are all read from the same tables.
 */
import { describe, expect, it } from 'vitest';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../../src/session/workstation-state.js';
import { actionFor, modeKey, modeOf, type KeyPress } from '../../src/session/key-map.js';
import { KEY_BINDINGS, type CommandId, type ScreenId } from '../../src/session/key-bindings.js';
import { bindingsIn, MODE_BINDINGS, MODES_OF, type Mode } from '../../src/session/mode-keys.js';
import { helpLines, keyLabel } from '../../src/session/help-text.js';
import { OPTIONS, SAMPLE } from '../helpers.js';

const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);

const NAMED = ['up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'enter', 'escape', 'tab', 'shift-tab', 'backspace', 'delete', 'space'];
const CHARS = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));
const CTRL = Array.from({ length: 26 }, (_, i) => `ctrl-${String.fromCharCode(97 + i)}`).filter((k) => !['ctrl-i', 'ctrl-m', 'ctrl-h'].includes(k));
const EVERY_KEY = [...NAMED, ...CHARS, ...CTRL];

/** A key as Ink hands it to the key map. */
function press(name: string): { input: string; key: KeyPress } {
  const flags: Record<string, KeyPress> = {
    up: { upArrow: true }, down: { downArrow: true }, left: { leftArrow: true }, right: { rightArrow: true }, home: { home: true }, end: { end: true },
    pageup: { pageUp: true }, pagedown: { pageDown: true }, enter: { return: true }, escape: { escape: true }, tab: { tab: true },
    'shift-tab': { tab: true, shift: true }, backspace: { backspace: true }, delete: { delete: true },
  };
  if (flags[name]) return { input: '', key: flags[name] };
  if (name === 'space') return { input: ' ', key: {} };
  if (name.startsWith('ctrl-')) return { input: name.slice(5), key: { ctrl: true } };
  return { input: name, key: {} };
}

/** The keys help lists for what is on screen now. */
function listed(state: State): Set<string> {
  const mode = modeOf(state);
  const bindings = mode in MODE_BINDINGS
    ? bindingsIn(mode as Mode, state.confirm?.kind)
    : KEY_BINDINGS.filter((b) => !b.screens || b.screens.includes(mode as ScreenId));
  return new Set(bindings.flatMap((b) => b.keys));
}

async function states(): Promise<Array<[string, State]>> {
  const s = initialState(await openDoc(SAMPLE, OPTIONS), 80, 24);
  const record = run(s, 'summary.start');
  const edited = run(record, 'record.accept');
  return [
    ['summary', s],
    ['table', run(s, 'app.table')],
    ['record', record],
    ['write', run(s, 'app.write')],
    ['settings', run(s, 'summary.settings')],
    ['help', run(record, 'app.help')],
    ['picker', run(s, 'app.table', 'table.filter')],
    ['typing a field', run(record, 'record.edit')],
    ['typing a search', run(s, 'app.table', 'table.search')],
    ['typing the path', run(s, 'app.write', 'write.edit-path')],
    ['the delete question', run(record, 'record.delete')],
    ['the quit question', run(edited, 'app.quit')],
  ];
}

describe('every key help lists works, and every key that works is listed', () => {
  it('in every mode of the workstation', async () => {
    for (const [what, state] of await states()) {
      const keys = listed(state);
      for (const name of EVERY_KEY) {
        const { input, key } = press(name);
        const action = actionFor(state, input, key);
        const isListed = keys.has(name) || (keys.has('text') && (name.length === 1 || name === 'space'));
        if (isListed) {
          expect(action, `${what}: ${name} is listed but does nothing`).not.toBeNull();
          expect(action!.type, `${what}: ${name} is listed but says it does not work`).not.toBe('disabled');
          expect(reducer(state, action!), `${what}: ${name} changes nothing`).not.toBe(state);
        } else if (action) {
          expect(action, `${what}: ${name} works but is not listed`).toMatchObject({ type: 'disabled' });
          expect((action as { reason: string }).reason.startsWith(`${keyLabel(name)}: `), `${what}: ${name}`).toBe(true);
        }
      }
    }
  });
  it('help names every key of every mode of each screen', () => {
    for (const screen of Object.keys(MODES_OF) as ScreenId[]) {
      const text = helpLines(screen, 80).map((l) => l.text).join('\n');
      const bindings = [...KEY_BINDINGS.filter((b) => !b.screens || b.screens.includes(screen)), ...MODES_OF[screen].flatMap((m) => MODE_BINDINGS[m])];
      for (const b of bindings) expect(text, `${screen}: ${b.command}`).toContain(`${b.keys.map(keyLabel).join(', ')}`);
      for (const line of helpLines(screen, 80)) expect(line.text.length, line.text).toBeLessThanOrEqual(80);
    }
  });
  it('on the screens before a file is open: the file list, the resume prompt, a file open elsewhere', () => {
    for (const [mode, kind] of [['file-set'], ['resume', 'earlier'], ['resume', 'changed'], ['open-elsewhere']] as Array<[Mode, string?]>) {
      const keys = new Set(bindingsIn(mode, kind).flatMap((b) => b.keys));
      for (const name of EVERY_KEY) {
        const { input, key } = press(name);
        const found = modeKey(mode, input, key, kind);
        if (keys.has(name)) expect(found, `${mode}: ${name}`).toHaveProperty('command');
        else if (found) expect(found, `${mode}: ${name}`).toHaveProperty('reason');
      }
      expect(keys.has('?'), `${mode} answers ?`).toBe(true);
    }
  });
  it('says why a key does nothing where it was pressed', async () => {
    const [, table] = (await states())[1];
    expect(reducer(table, actionFor(table, 'f', {})!).message).toBe('f: no whole-file repair here (the Summary and Write screens have it)');
    const [, quit] = (await states()).find(([w]) => w === 'the quit question')!;
    expect(run(quit, actionFor(quit, 'w', {})!).screen).toBe('write');
    const [, typing] = (await states()).find(([w]) => w === 'typing a field')!;
    expect(actionFor(typing, 'c', { ctrl: true })).toEqual({ type: 'command', id: 'app.quit' });
  });
});
