/**
 * From a key press to an action, given what is on screen: a pure function, so every binding is
 * tested without a terminal. Key bindings are data (key-bindings.ts); this decides only which
 * mode is active: a yes/no question, typing (a prompt, a field, the output path), the code
 * picker, or the screen's own keys.
 */
import { KEY_BINDINGS } from './key-bindings.js';
import type { LineKey } from './line-edit.js';
import type { Action, State } from './workstation-state.js';

/** The subset of Ink's Key that we read. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  home?: boolean;
  end?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  /** The forward Delete key (Ink names Backspace's DEL "delete" too: use-keys.ts tells them apart). */
  delete?: boolean;
  ctrl?: boolean;
  tab?: boolean;
}

/** The name a binding uses for a key press. */
function keyName(input: string, key: KeyPress): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
  return input;
}

/**
 * One key of a chunk, as Ink names a key read alone. Keys typed faster than they are read (a
 * slow SSH link, key repeat, a paste) arrive as one chunk ("nnn", "jj\r"); Ink cuts escape
 * sequences (arrows) out of it, but not the keys between them.
 */
function singleKey(char: string): { input: string; key: KeyPress } {
  if (char === '\r' || char === '\n') return { input: '', key: { return: true } };
  if (char === '\t') return { input: '', key: { tab: true } };
  if (char === '\u007f' || char === '\b') return { input: '', key: { backspace: true } };
  if (char === '\u001b') return { input: '', key: { escape: true } };
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ctrl: true } };
  return { input: char, key: {} };
}

/** Text as read, with no key named by Ink: one key or several, to be cut into keys here. */
function isPlainChunk(input: string, key: KeyPress): boolean {
  return input.length > 0 && !Object.values(key).some((flag) => flag === true);
}

/** A chunk as the keys in it, in order (for screens with no text to type). */
export function splitKeys(input: string, key: KeyPress): Array<{ input: string; key: KeyPress }> {
  return isPlainChunk(input, key) ? [...input].map(singleKey) : [{ input, key }];
}

/**
 * The actions of the first key (or, while typing, the first run of text) of a chunk, and the
 * rest of it, to be read again in the mode these actions leave the screen in. While typing, the
 * text up to a control key is one paste (Backspaces inside it are applied in order by the
 * reducer); the control key (Enter, Ctrl-U) then acts, and what follows is read again.
 */
export function takeKeys(state: State, input: string, key: KeyPress): { actions: Action[]; rest: string } {
  if (!isPlainChunk(input, key)) {
    const action = actionFor(state, input, key);
    return { actions: action ? [action] : [], rest: '' };
  }
  if (isTyping(state)) {
    // Text runs to the first control key other than Backspace (Enter, Ctrl-U, ...), which acts.
    const end = input.search(/[\u0000-\u0007\u0009-\u001f]/);
    if (end !== 0) return { actions: nonNull(actionFor(state, end < 0 ? input : input.slice(0, end), {})), rest: end < 0 ? '' : input.slice(end) };
  }
  const [first] = input;
  const single = singleKey(first);
  return { actions: nonNull(actionFor(state, single.input, single.key)), rest: input.slice(first.length) };
}

/** Every key of a chunk, each acted on in the state the previous one left (`current`). */
export function forEachKey(input: string, key: KeyPress, current: () => State | null, act: (action: Action) => void): void {
  let rest = input;
  let flags = key;
  do {
    const state = current();
    if (!state) return;
    const next = takeKeys(state, rest, flags);
    for (const action of next.actions) act(action);
    rest = next.rest;
    flags = {};
  } while (rest);
}

function nonNull(action: Action | null): Action[] {
  return action ? [action] : [];
}

/** The keys of a shell line (readline's), while typing. */
function lineKey(name: string, key: KeyPress): LineKey | null {
  if (key.leftArrow || name === 'ctrl-b') return 'left';
  if (key.rightArrow || name === 'ctrl-f') return 'right';
  if (key.home || name === 'ctrl-a') return 'home';
  if (key.end || name === 'ctrl-e') return 'end';
  if (key.delete || name === 'ctrl-d') return 'delete';
  if (name === 'ctrl-w') return 'kill-word';
  if (name === 'ctrl-k') return 'kill-end';
  return null;
}

export function isTyping(state: State): boolean {
  return Boolean(state.table.prompt || state.record.draft || state.record.keep || state.write.draft !== null || state.settings.draft !== null);
}

export function actionFor(state: State, input: string, key: KeyPress): Action | null {
  const name = keyName(input, key);
  if (state.confirm) {
    if (input === 'y' || input === 'Y') return { type: 'answer', yes: true };
    if (input === 'n' || input === 'N' || name === 'escape') return { type: 'answer', yes: false };
    return null;
  }
  if (state.help) return name === 'escape' || name === '?' || name === 'q' || name === 'enter' ? { type: 'command', id: 'app.help' } : null;
  if (state.table.picker) {
    if (name === 'up' || name === 'k') return { type: 'picker.move', delta: -1 };
    if (name === 'down' || name === 'j') return { type: 'picker.move', delta: 1 };
    if (name === 'enter') return { type: 'picker.move', delta: 0 };
    if (name === 'escape') return { type: 'picker.move', delta: NaN };
    return null;
  }
  if (isTyping(state)) {
    if (name === 'enter') return { type: 'text.commit' };
    if (name === 'escape') return { type: 'text.cancel' };
    if (key.backspace) return { type: 'text.backspace' };
    // Ctrl-U clears what is before the cursor, as in a shell: a whole path or value replaced at once.
    if (name === 'ctrl-u') return { type: 'text.clear' };
    const edit = lineKey(name, key);
    if (edit) return { type: 'text.key', key: edit };
    if (key.ctrl || key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.tab) return null;
    // Pasted or typed text; control characters never enter a value from the keyboard, except
    // Backspace/Delete (DEL, BS), which arrive inside the text when keys come faster than
    // they are read (a held Backspace over SSH) and are applied in order by the reducer.
    const typed = input.replace(/[\u0000-\u0007\u0009-\u001f]/g, '');
    return typed ? { type: 'text', input: typed } : null;
  }
  const binding = KEY_BINDINGS.find((b) => b.keys.includes(name) && (!b.screens || b.screens.includes(state.screen)));
  return binding ? { type: 'command', id: binding.command } : null;
}
