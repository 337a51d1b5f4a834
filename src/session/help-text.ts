/**
 * What help says, as lines of text: generated from the binding tables (key-bindings.ts for the
 * screens' own keys, mode-keys.ts for questions, the picker, typing, help itself and the screens
 * before a file is open), so it lists exactly the keys that work. Pure and plain ASCII: the
 * reducer scrolls it by its length, and it reads the same with --ascii.
 */
import { KEY_BINDINGS, type ScreenId } from './key-bindings.js';
import { MODE_BINDINGS, MODE_TITLES, MODES_OF, type Mode } from './mode-keys.js';

const KEY_LABELS: Record<string, string> = {
  up: 'Up', down: 'Down', left: 'Left', right: 'Right', home: 'Home', end: 'End', pageup: 'PgUp', pagedown: 'PgDn',
  enter: 'Enter', escape: 'Esc', tab: 'Tab', 'shift-tab': 'Shift-Tab', backspace: 'Backspace', delete: 'Delete', space: 'Space', text: 'any text',
};

/** A key as help and messages name it: Down, Esc, Ctrl-R, j. */
export function keyLabel(name: string): string {
  if (KEY_LABELS[name]) return KEY_LABELS[name];
  if (name.startsWith('ctrl-')) return `Ctrl-${name.slice(5).toUpperCase()}`;
  return name;
}

export const SCREEN_TITLES: Record<ScreenId, string> = { summary: 'Summary', table: 'Error table', record: 'Record', write: 'Write', settings: 'Settings', decisions: 'Decisions made before' };

export interface HelpLine {
  text: string;
  heading?: boolean;
}

const KEYS_WIDTH = 18;

/** Words in lines of at most `width` characters. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return current ? [...lines, current] : lines;
}

function section(title: string, bindings: ReadonlyArray<{ keys: readonly string[]; description: string }>, width: number): HelpLine[] {
  const out: HelpLine[] = [{ text: ` ${title}`, heading: true }];
  const indent = 3 + KEYS_WIDTH + 1;
  for (const b of bindings) {
    const keys = b.keys.map(keyLabel).join(', ');
    const words = wrapWords(b.description, Math.max(20, width - indent - 1));
    if (keys.length > KEYS_WIDTH) out.push({ text: `   ${keys}` });
    words.forEach((w, i) => out.push({ text: `${i === 0 && keys.length <= KEYS_WIDTH ? `   ${keys.padEnd(KEYS_WIDTH)} ` : ' '.repeat(indent)}${w}` }));
  }
  out.push({ text: '' });
  return out;
}

/**
 * Help for a screen of the workstation (its own keys, the keys of every screen, then the modes
 * it can be in), or for a screen before a file is open (its mode's keys).
 */
export function helpLines(screen: ScreenId | Mode, width: number): HelpLine[] {
  const lines: HelpLine[] = [];
  if (screen in MODE_TITLES) {
    const mode = screen as Mode;
    lines.push(...section(MODE_TITLES[mode], MODE_BINDINGS[mode], width));
  } else {
    const id = screen as ScreenId;
    lines.push(...section(`Keys on this screen (${SCREEN_TITLES[id]})`, KEY_BINDINGS.filter((b) => b.screens?.includes(id)), width));
    lines.push(...section('On every screen', KEY_BINDINGS.filter((b) => !b.screens), width));
    for (const mode of MODES_OF[id]) lines.push(...section(MODE_TITLES[mode], MODE_BINDINGS[mode], width));
  }
  lines.push({ text: ' Ctrl-S and Ctrl-Q are never used: they freeze many terminals.' });
  return lines;
}
