/**
 * The keys of every mode that is not a screen's own (key-bindings.ts holds those): a question
 * being asked, the code picker, text being typed, help, and the screens before a file is open
 * (the file list, the resume prompt, a file open in another workstation). Data, like the
 * screens' keys: the key maps act on these tables, and help and the footers are generated from
 * them, so what they say is what works.
 */
import type { CommandId, ScreenId } from './key-bindings.js';
import type { Confirm } from './workstation-state.js';

export type Mode = 'confirm' | 'picker' | 'typing' | 'help' | 'file-set' | 'resume' | 'open-elsewhere';

export type ModeCommand =
  | 'confirm.yes' | 'confirm.no' | 'confirm.write' | 'confirm.stop'
  | 'picker.down' | 'picker.up' | 'picker.page-down' | 'picker.page-up' | 'picker.first' | 'picker.last' | 'picker.pick' | 'picker.cancel'
  | 'help.down' | 'help.up' | 'help.page-down' | 'help.page-up' | 'help.half-down' | 'help.half-up' | 'help.first' | 'help.last' | 'help.close'
  | 'text.commit' | 'text.cancel' | 'text.insert' | 'text.backspace' | 'text.delete' | 'text.left' | 'text.right'
  | 'text.home' | 'text.end' | 'text.kill-word' | 'text.kill-start' | 'text.kill-end'
  | 'file-set.down' | 'file-set.up' | 'file-set.page-down' | 'file-set.page-up' | 'file-set.half-down' | 'file-set.half-up'
  | 'file-set.first' | 'file-set.last' | 'file-set.open'
  | 'resume.resume' | 'resume.discard' | 'resume.view' | 'resume.continue' | 'resume.forget'
  | 'elsewhere.view' | 'elsewhere.retry';

export interface ModeBinding {
  command: ModeCommand | CommandId;
  /** Key names as key-map.ts names a press; `text`: any printable text (typed or pasted). */
  keys: readonly string[];
  description: string;
  /** Shown in the footer (or after the question) of this mode. */
  footer?: string;
  /** A question's own words for this key (y quits, n stays), by the kind of question. */
  verbs?: Partial<Record<Confirm['kind'], string>>;
  /** Only in these cases: kinds of question; for the resume prompt, `earlier` or `changed`. */
  kinds?: readonly string[];
}

const QUIT_ANYWHERE = { command: 'app.quit', keys: ['ctrl-c'], description: 'quit (asks first when edits are not written)' } as const;
const HELP = { command: 'app.help', keys: ['?'], description: 'help: every key of this screen', footer: '? help' } as const;

export const MODE_BINDINGS: Record<Mode, readonly ModeBinding[]> = {
  confirm: [
    { command: 'confirm.yes', keys: ['y', 'Y'], description: 'yes', footer: 'y yes', verbs: { quit: 'y quits', 'input-changed': 'y writes', split: 'y writes', review: 'y accepts' } },
    // A's review questions: Esc ends the run of them, n skips one.
    { command: 'confirm.stop', keys: ['escape'], description: "to A's review questions: stop asking (the repairs left are not made)", footer: 'Esc stops', kinds: ['review'] },
    { command: 'confirm.no', keys: ['n', 'N', 'escape', 'ctrl-c'], description: 'no: nothing is done', footer: 'n no', verbs: { quit: 'n stays', review: 'n skips' } },
    { command: 'confirm.write', keys: ['w'], description: 'to the quit question: the write screen instead', footer: 'w writes first', kinds: ['quit'] },
  ],
  picker: [
    { command: 'picker.down', keys: ['down', 'j'], description: 'next code' },
    { command: 'picker.up', keys: ['up', 'k'], description: 'previous code' },
    { command: 'picker.page-down', keys: ['pagedown', 'space', 'ctrl-f', 'ctrl-d'], description: 'ten codes down' },
    { command: 'picker.page-up', keys: ['pageup', 'ctrl-b', 'ctrl-u'], description: 'ten codes up' },
    { command: 'picker.first', keys: ['g', 'home'], description: 'first code' },
    { command: 'picker.last', keys: ['G', 'end'], description: 'last code' },
    { command: 'picker.pick', keys: ['enter'], description: 'show only records with this code', footer: 'Enter picks' },
    { command: 'picker.cancel', keys: ['escape', 'q'], description: 'close the picker, filter unchanged', footer: 'Esc cancels' },
    HELP,
    QUIT_ANYWHERE,
  ],
  typing: [
    { command: 'text.insert', keys: ['text'], description: 'typed (or pasted) at the cursor' },
    { command: 'text.commit', keys: ['enter'], description: 'keep it', footer: 'Enter keeps' },
    { command: 'text.cancel', keys: ['escape'], description: 'cancel: the value stays as it was', footer: 'Esc cancels' },
    { command: 'text.left', keys: ['left', 'ctrl-b'], description: 'cursor left' },
    { command: 'text.right', keys: ['right', 'ctrl-f'], description: 'cursor right' },
    { command: 'text.home', keys: ['home', 'ctrl-a'], description: 'cursor to the start' },
    { command: 'text.end', keys: ['end', 'ctrl-e'], description: 'cursor to the end' },
    { command: 'text.backspace', keys: ['backspace'], description: 'delete before the cursor' },
    { command: 'text.delete', keys: ['delete', 'ctrl-d'], description: 'delete under the cursor' },
    { command: 'text.kill-word', keys: ['ctrl-w'], description: 'delete the word before the cursor' },
    { command: 'text.kill-start', keys: ['ctrl-u'], description: 'delete all before the cursor', footer: 'Ctrl-U clears before the cursor' },
    { command: 'text.kill-end', keys: ['ctrl-k'], description: 'delete all from the cursor on' },
    QUIT_ANYWHERE,
  ],
  help: [
    { command: 'help.down', keys: ['down', 'j'], description: 'scroll down' },
    { command: 'help.up', keys: ['up', 'k'], description: 'scroll up' },
    { command: 'help.page-down', keys: ['pagedown', 'space', 'ctrl-f'], description: 'a page down', footer: 'Space more' },
    { command: 'help.page-up', keys: ['pageup', 'ctrl-b'], description: 'a page up' },
    { command: 'help.half-down', keys: ['ctrl-d'], description: 'half a page down' },
    { command: 'help.half-up', keys: ['ctrl-u'], description: 'half a page up' },
    { command: 'help.first', keys: ['g', 'home'], description: 'the top' },
    { command: 'help.last', keys: ['G', 'end'], description: 'the end' },
    { command: 'help.close', keys: ['?', 'escape', 'q', 'enter'], description: 'close help', footer: '? or Esc closes help' },
    QUIT_ANYWHERE,
  ],
  'file-set': [
    { command: 'file-set.down', keys: ['down', 'j'], description: 'next file', footer: 'j/k choose' },
    { command: 'file-set.up', keys: ['up', 'k'], description: 'previous file' },
    { command: 'file-set.page-down', keys: ['pagedown', 'space', 'ctrl-f'], description: 'a page down' },
    { command: 'file-set.page-up', keys: ['pageup', 'ctrl-b'], description: 'a page up' },
    { command: 'file-set.half-down', keys: ['ctrl-d'], description: 'half a page down' },
    { command: 'file-set.half-up', keys: ['ctrl-u'], description: 'half a page up' },
    { command: 'file-set.first', keys: ['g', 'home'], description: 'first file', footer: 'g/G first/last' },
    { command: 'file-set.last', keys: ['G', 'end'], description: 'last file' },
    { command: 'file-set.open', keys: ['enter'], description: 'open the file in the workstation (q there comes back here)', footer: 'Enter open' },
    { command: 'help.close', keys: ['escape'], description: 'close help' },
    HELP,
    { command: 'app.quit', keys: ['q', 'ctrl-c'], description: 'quit', footer: 'q quit' },
  ],
  resume: [
    { command: 'resume.resume', keys: ['r'], description: 'resume the earlier edits (u undoes them one by one)', footer: 'r resume them', kinds: ['earlier'] },
    { command: 'resume.discard', keys: ['d'], description: 'discard the earlier edits', footer: 'd discard them', kinds: ['earlier'] },
    { command: 'resume.view', keys: ['v'], description: 'show or hide what the earlier edits were', footer: 'v view them', kinds: ['earlier'] },
    { command: 'resume.continue', keys: ['enter', 'escape'], description: 'open the file without the old edits (they stay sealed)', footer: 'Enter continues', kinds: ['changed'] },
    { command: 'resume.forget', keys: ['x'], description: 'delete the edits left for the earlier version of the file', footer: 'x deletes them', kinds: ['changed'] },
    { command: 'help.close', keys: ['escape'], description: 'close help' },
    HELP,
  ],
  'open-elsewhere': [
    { command: 'elsewhere.view', keys: ['v'], description: 'view it here, read-only (nothing you do here is kept)', footer: 'v view it here, read-only' },
    { command: 'elsewhere.retry', keys: ['r'], description: 'try again (once it is closed in the other workstation)', footer: 'r try again' },
    HELP,
    { command: 'app.quit', keys: ['q', 'escape', 'ctrl-c'], description: 'quit', footer: 'q quit' },
  ],
};

/** The modes a screen can be in, besides its own keys: what its help lists after them. */
export const MODES_OF: Record<ScreenId, readonly Mode[]> = {
  summary: ['confirm', 'help'],
  table: ['picker', 'typing', 'confirm', 'help'],
  record: ['typing', 'confirm', 'help'],
  write: ['typing', 'confirm', 'help'],
  settings: ['typing', 'confirm', 'help'],
  decisions: ['help'],
};

export const MODE_TITLES: Record<Mode, string> = {
  confirm: 'When a question is asked',
  picker: 'In the code picker (c)',
  typing: 'While typing (a field, a search, a line number, a path, a setting)',
  help: 'In help',
  'file-set': 'The list of files',
  resume: 'Edits left by an earlier session',
  'open-elsewhere': 'A file open in another workstation',
};

/** A mode's bindings in the case at hand (a kind of question, what the resume prompt offers). */
export function bindingsIn(mode: Mode, kind?: string): ModeBinding[] {
  return MODE_BINDINGS[mode].filter((b) => !b.kinds || (kind !== undefined && b.kinds.includes(kind)));
}

/** The binding of a key in a mode, if any. */
export function modeBinding(mode: Mode, name: string, kind?: string): ModeBinding | undefined {
  return bindingsIn(mode, kind).find((b) => b.keys.includes(name));
}

/** The keys after a question, in its own words: "y quits, n stays, w writes first". */
export function questionKeys(kind: Confirm['kind']): string {
  return bindingsIn('confirm', kind).map((b) => b.verbs?.[kind] ?? b.footer)
    .join(', ');
}

/** A mode's footer: its hints in order, as many as fit in `width`. */
export function modeFooter(mode: Mode, width: number, kind?: string): string {
  let out = '';
  for (const b of bindingsIn(mode, kind)) {
    if (!b.footer) continue;
    const next = out ? `${out}  ${b.footer}` : b.footer;
    if (next.length > width) break;
    out = next;
  }
  return out;
}
