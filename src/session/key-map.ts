/**
 * From a key press to an action, given what is on screen: a pure function, so every binding is
 * tested without a terminal. Key bindings are data (key-bindings.ts); this decides only which
 * mode is active: a yes/no question, typing (a prompt, a field, the output path), the code
 * picker, or the screen's own keys.
 */
import { KEY_BINDINGS } from './key-bindings.js';
import type { Action, State } from './workstation-state.js';

/** The subset of Ink's Key that we read. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
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
 * The actions of one read from the terminal. Keys typed faster than they are read arrive as one
 * chunk ("99\r"): while typing, Enter inside it still commits, after the text before it.
 */
export function actionsFor(state: State, input: string, key: KeyPress): Action[] {
  const enter = isTyping(state) && input.length > 1 ? input.indexOf('\r') : -1;
  if (enter < 0) {
    const action = actionFor(state, input, key);
    return action ? [action] : [];
  }
  const before = actionFor(state, input.slice(0, enter), {});
  return [...(before ? [before] : []), { type: 'text.commit' }];
}

export function isTyping(state: State): boolean {
  return Boolean(state.table.prompt || state.record.draft || state.write.draft !== null || state.settings.draft !== null);
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
    if (key.backspace || key.delete) return { type: 'text.backspace' };
    // Ctrl-U clears what is typed, as in a shell: a whole path or value replaced at once.
    if (name === 'ctrl-u') return { type: 'text.clear' };
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
