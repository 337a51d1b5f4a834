/**
 * From a key press to an action, given what is on screen: a pure function, so every binding is
 * tested without a terminal. Key bindings are data (key-bindings.ts); this decides only which
 * mode is active: a yes/no question, typing (a prompt, a field, the output path), the code
 * picker, or the screen's own keys.
 */
import { KEY_BINDINGS, type CommandId, type ScreenId } from './key-bindings.js';
import { keyLabel, SCREEN_TITLES } from './help-text.js';
import type { LineKey } from './line-edit.js';
import { modeBinding, questionKeys, type Mode, type ModeCommand } from './mode-keys.js';
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
  shift?: boolean;
  tab?: boolean;
}

/** The name a binding uses for a key press. */
export function keyName(input: string, key: KeyPress): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
  if (input === ' ') return 'space';
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

export function isTyping(state: State): boolean {
  return Boolean(state.table.prompt || state.record.draft || state.record.keep || state.write.draft !== null || state.settings.draft !== null);
}

/** Which keys are live now: a question's, help's, the picker's, typing's, or the screen's own. */
export function modeOf(state: State): Mode | ScreenId {
  if (state.confirm) return 'confirm';
  if (state.help) return 'help';
  if (state.table.picker) return 'picker';
  if (isTyping(state)) return 'typing';
  return state.screen;
}

const LINE_KEYS: Partial<Record<ModeCommand, LineKey>> = {
  'text.left': 'left', 'text.right': 'right', 'text.home': 'home', 'text.end': 'end', 'text.delete': 'delete', 'text.kill-word': 'kill-word', 'text.kill-end': 'kill-end',
};

/** What a binding of the workstation does, as an action (the file list's and resume prompt's are theirs). */
function commandAction(state: State, command: ModeCommand | CommandId): Action | null {
  const page = Math.max(1, state.rows - 5);
  switch (command) {
    case 'confirm.yes': return { type: 'answer', yes: true };
    case 'confirm.no': return { type: 'answer', yes: false };
    case 'confirm.stop': return { type: 'answer', yes: false, stop: true };
    case 'confirm.write': return { type: 'answer', yes: false, next: 'app.write' };
    case 'picker.down': return { type: 'picker.move', delta: 1 };
    case 'picker.up': return { type: 'picker.move', delta: -1 };
    case 'picker.page-down': return { type: 'picker.move', delta: 10 };
    case 'picker.page-up': return { type: 'picker.move', delta: -10 };
    case 'picker.first': return { type: 'picker.move', delta: -Infinity };
    case 'picker.last': return { type: 'picker.move', delta: Infinity };
    case 'picker.pick': return { type: 'picker.move', delta: 0 };
    case 'picker.cancel': return { type: 'picker.move', delta: Number.NaN };
    case 'help.down': return { type: 'help.scroll', by: 1 };
    case 'help.up': return { type: 'help.scroll', by: -1 };
    case 'help.page-down': return { type: 'help.scroll', by: page };
    case 'help.page-up': return { type: 'help.scroll', by: -page };
    case 'help.half-down': return { type: 'help.scroll', by: Math.ceil(page / 2) };
    case 'help.half-up': return { type: 'help.scroll', by: -Math.ceil(page / 2) };
    case 'help.first': return { type: 'help.scroll', by: -Infinity };
    case 'help.last': return { type: 'help.scroll', by: Infinity };
    case 'help.close': return { type: 'command', id: 'app.help' };
    case 'text.commit': return { type: 'text.commit' };
    case 'text.cancel': return { type: 'text.cancel' };
    case 'text.backspace': return { type: 'text.backspace' };
    // Ctrl-U clears what is before the cursor, as in a shell: a whole path or value replaced at once.
    case 'text.kill-start': return { type: 'text.clear' };
  }
  const edit = LINE_KEYS[command as ModeCommand];
  if (edit) return { type: 'text.key', key: edit };
  return command.includes('.') && (KEY_BINDINGS as readonly { command: string }[]).some((b) => b.command === command) ? { type: 'command', id: command as CommandId } : null;
}

/** A key the clerk could mean: a named one, a control key or one character (not an unknown sequence). */
function isKey(name: string): boolean {
  return keyLabel(name) !== name || /^ctrl-[a-z]$/.test(name) || ([...name].length === 1 && name >= ' ');
}

/** Why a key does nothing here, said in the status line (as lazygit's disabled reasons are). */
function unavailable(state: State, mode: Mode | ScreenId, name: string): Action | null {
  if (!isKey(name)) return null;
  const label = keyLabel(name);
  const reason = (text: string): Action => ({ type: 'disabled', reason: `${label}: ${text}` });
  switch (mode) {
    case 'confirm': return reason(`answer the question first (${questionKeys(state.confirm!.kind)})`);
    case 'help': return reason('help is open (? or Esc closes it)');
    case 'picker': return reason('pick a code first (Enter picks, Esc cancels)');
    case 'typing': return reason('not while typing (Enter keeps it, Esc cancels)');
  }
  const elsewhere = KEY_BINDINGS.find((b) => b.keys.includes(name));
  if (!elsewhere) return reason('not a key here (? lists the keys of this screen)');
  const screens = (elsewhere.screens ?? []).map((id) => SCREEN_TITLES[id]).join(' and ');
  return reason(elsewhere.unavailable ?? `${elsewhere.description}, on the ${screens} screen${elsewhere.screens!.length > 1 ? 's' : ''}`);
}

function typingAction(state: State, name: string, input: string, key: KeyPress): Action | null {
  const binding = modeBinding('typing', name);
  if (binding) return commandAction(state, binding.command);
  if (key.ctrl || key.upArrow || key.downArrow || key.pageUp || key.pageDown || key.tab) return unavailable(state, 'typing', name);
  // Pasted or typed text; control characters never enter a value from the keyboard, except
  // Backspace/Delete (DEL, BS), which arrive inside the text when keys come faster than
  // they are read (a held Backspace over SSH) and are applied in order by the reducer.
  const typed = input.replace(/[\u0000-\u0007\u0009-\u001f]/g, '');
  return typed ? { type: 'text', input: typed } : null;
}

export function actionFor(state: State, input: string, key: KeyPress): Action | null {
  const name = keyName(input, key);
  const mode = modeOf(state);
  if (mode === 'typing') return typingAction(state, name, input, key);
  if (mode === 'confirm' || mode === 'help' || mode === 'picker') {
    const binding = modeBinding(mode, name, state.confirm?.kind);
    return binding ? commandAction(state, binding.command) : unavailable(state, mode, name);
  }
  // The explanation of an issue (i) is closed by i again, Esc, q, Enter or ?; nothing else acts under it.
  if (state.explain) {
    return ['escape', 'i', 'q', 'enter', '?'].includes(name) ? { type: 'command', id: 'app.explain' } : isKey(name) ? { type: 'disabled', reason: `${keyLabel(name)}: the explanation is open (Esc goes back)` } : null;
  }
  const binding = KEY_BINDINGS.find((b) => b.keys.includes(name) && (!b.screens || b.screens.includes(state.screen)));
  return binding ? { type: 'command', id: binding.command } : unavailable(state, mode, name);
}

/**
 * A key on a screen before a file is open (the file list, the resume prompt, a file open
 * elsewhere): the command its table binds it to, or why it does nothing.
 */
export function modeKey(mode: Mode, input: string, key: KeyPress, kind?: string): { command: ModeCommand | CommandId } | { reason: string } | null {
  const name = keyName(input, key);
  const binding = modeBinding(mode, name, kind);
  if (binding) return { command: binding.command };
  return isKey(name) ? { reason: `${keyLabel(name)}: not a key here (? lists the keys)` } : null;
}
