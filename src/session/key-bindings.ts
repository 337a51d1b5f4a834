/**
 * Every key of the workstation, as data (after gemini-cli's keyBindings.ts): the key map, the
 * help screen and the footer hints are all generated from this list. Ctrl-S and Ctrl-Q are never
 * bound: they are XON/XOFF flow control and freeze many SSH terminals.
 */
export type ScreenId = 'summary' | 'table' | 'record' | 'write' | 'settings' | 'decisions';

export type CommandId =
  | 'app.help' | 'app.quit' | 'app.close' | 'app.write' | 'app.table' | 'app.undo' | 'app.redo' | 'app.back'
  | 'summary.fix-file' | 'summary.start' | 'summary.split' | 'app.fix-all' | 'app.explain'
  | 'table.down' | 'table.up' | 'table.page-down' | 'table.page-up' | 'table.half-down' | 'table.half-up'
  | 'table.first' | 'table.last'
  | 'table.open' | 'table.search' | 'table.jump' | 'table.filter'
  | 'record.down' | 'record.up' | 'record.edit' | 'record.accept' | 'record.accept-all'
  | 'record.next' | 'record.previous' | 'record.delete' | 'record.reveal' | 'record.keep'
  | 'record.next-issue' | 'record.previous-issue' | 'record.search' | 'record.jump'
  | 'list.down' | 'list.up' | 'list.page-down' | 'list.page-up' | 'list.half-down' | 'list.half-up' | 'list.first' | 'list.last'
  | 'write.start' | 'write.edit-path'
  | 'summary.settings' | 'settings.down' | 'settings.up' | 'settings.edit'
  | 'summary.decisions' | 'decisions.apply-all' | 'decisions.apply' | 'decisions.skip' | 'decisions.down' | 'decisions.up';

export interface KeyBinding {
  command: CommandId;
  /**
   * Key names as shown in help: a character, or up, down, pageup, pagedown, home, end, space, tab,
   * shift-tab, enter, escape, ctrl-r.
   */
  keys: readonly string[];
  description: string;
  /** Screens where it works; none: everywhere. */
  screens?: readonly ScreenId[];
  /** Shown in the footer of its screens. */
  footer?: string;
  /** Said when the key is pressed on a screen it does not work on (default: where it works). */
  unavailable?: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'summary.start', keys: ['enter'], description: 'start fixing at the first flagged record', screens: ['summary'], footer: 'Enter fix records' },
  { command: 'summary.fix-file', keys: ['f'], description: 'apply the safe whole-file fixes (trailer count, header ID, missing trailer)', screens: ['summary', 'write'], footer: 'f fix file', unavailable: 'no whole-file repair here (the Summary and Write screens have it)' },
  { command: 'app.fix-all', keys: ['F'], description: 'every safe repair in the file, as fix --auto (asks; one undo)', screens: ['summary', 'table', 'record', 'write'] },
  { command: 'summary.split', keys: ['S'], description: 'split a lost-pupil file, one file per pupil, as fix --split', screens: ['summary'] },
  { command: 'app.table', keys: ['t'], description: 'the error table', screens: ['summary'], footer: 't table' },
  { command: 'summary.settings', keys: ['s'], description: 'settings: current district, limits, masking, ...', screens: ['summary'], footer: 's settings' },
  { command: 'summary.decisions', keys: ['m'], description: 'the decisions you made before that apply to this file (remembered)', screens: ['summary'] },
  { command: 'decisions.apply-all', keys: ['a'], description: 'apply every remembered decision not yet applied (one undo step)', screens: ['decisions'], footer: 'a apply all' },
  { command: 'decisions.apply', keys: ['y'], description: 'apply this decision (one undo step), then the next', screens: ['decisions'], footer: 'y apply' },
  { command: 'decisions.skip', keys: ['n'], description: 'leave this decision, go to the next', screens: ['decisions'], footer: 'n skip' },
  { command: 'decisions.down', keys: ['down', 'j'], description: 'next decision', screens: ['decisions'] },
  { command: 'decisions.up', keys: ['up', 'k'], description: 'previous decision', screens: ['decisions'] },
  { command: 'settings.down', keys: ['down', 'j'], description: 'next setting', screens: ['settings'] },
  { command: 'settings.up', keys: ['up', 'k'], description: 'previous setting', screens: ['settings'] },
  { command: 'list.down', keys: ['down', 'j'], description: 'scroll the list of issue codes down', screens: ['summary'] },
  { command: 'list.up', keys: ['up', 'k'], description: 'scroll the list of issue codes up', screens: ['summary'] },
  { command: 'list.page-down', keys: ['pagedown', 'space', 'ctrl-f'], description: 'a page down', screens: ['summary', 'settings'] },
  { command: 'list.page-up', keys: ['pageup', 'ctrl-b'], description: 'a page up', screens: ['summary', 'settings'] },
  { command: 'list.half-down', keys: ['ctrl-d'], description: 'half a page down', screens: ['summary', 'settings'] },
  { command: 'list.half-up', keys: ['ctrl-u'], description: 'half a page up', screens: ['summary', 'settings'] },
  { command: 'list.first', keys: ['g', 'home'], description: 'the top of the list', screens: ['summary', 'settings'] },
  { command: 'list.last', keys: ['G', 'end'], description: 'the end of the list', screens: ['summary', 'settings'] },
  { command: 'settings.edit', keys: ['enter'], description: 'change the setting (Enter saves, Esc cancels)', screens: ['settings'], footer: 'Enter change' },
  { command: 'table.down', keys: ['down', 'j'], description: 'next row', screens: ['table'] },
  { command: 'table.up', keys: ['up', 'k'], description: 'previous row', screens: ['table'] },
  { command: 'table.page-down', keys: ['pagedown', 'space', 'ctrl-f'], description: 'next page', screens: ['table'] },
  { command: 'table.page-up', keys: ['pageup', 'ctrl-b'], description: 'previous page', screens: ['table'] },
  { command: 'table.half-down', keys: ['ctrl-d'], description: 'half a page down', screens: ['table'] },
  { command: 'table.half-up', keys: ['ctrl-u'], description: 'half a page up', screens: ['table'] },
  { command: 'table.first', keys: ['g', 'home'], description: 'first row', screens: ['table'] },
  { command: 'table.last', keys: ['G', 'end'], description: 'last row', screens: ['table'] },
  { command: 'table.open', keys: ['enter'], description: 'open the record', screens: ['table'], footer: 'Enter open' },
  { command: 'table.search', keys: ['/'], description: 'search the values of every record, flagged or not: the table lists the matches (n/N step through them from a record)', screens: ['table'], footer: '/ search' },
  { command: 'table.jump', keys: [':'], description: 'go to a line number (a record with no issue opens)', screens: ['table'], footer: ': line' },
  { command: 'table.filter', keys: ['c'], description: 'show only one issue code (a picker)', screens: ['table'], footer: 'c code' },
  { command: 'record.down', keys: ['down', 'j'], description: 'next field', screens: ['record'] },
  { command: 'record.up', keys: ['up'], description: 'previous field', screens: ['record'] },
  { command: 'record.next-issue', keys: ['tab'], description: 'next field with an issue', screens: ['record'] },
  { command: 'record.previous-issue', keys: ['shift-tab'], description: 'previous field with an issue', screens: ['record'] },
  { command: 'record.edit', keys: ['enter'], description: 'edit the field (Enter keeps, Esc cancels)', screens: ['record'], footer: 'Enter edit' },
  { command: 'record.accept', keys: ['a'], description: 'accept the proposed repair', screens: ['record'], footer: 'a accept' },
  { command: 'record.accept-all', keys: ['A'], description: 'accept this repair in every record with the same issue', screens: ['record'], footer: 'A all' },
  { command: 'record.next', keys: ['n'], description: 'next flagged record; with a code filter or a search on, the next record it lists (the next match)', screens: ['record'], footer: 'n/p step' },
  { command: 'record.previous', keys: ['p', 'N'], description: 'previous flagged record (or match, as n)', screens: ['record'] },
  { command: 'record.search', keys: ['/'], description: 'search the values of every record, flagged or not: Enter opens the next match, n/N step on', screens: ['record'] },
  { command: 'record.jump', keys: [':'], description: 'open the record on a line number, flagged or not', screens: ['record'] },
  { command: 'record.delete', keys: ['d'], description: 'delete the record (a true duplicate); undo brings it back', screens: ['record'], footer: 'd delete' },
  { command: 'record.keep', keys: ['k'], description: 'keep the value as it is, because it is real: type the reason (k on a kept issue withdraws the keep)', screens: ['record'], footer: 'k keep' },
  { command: 'app.explain', keys: ['i'], description: 'explain the issue under the cursor (rollfix explain)', screens: ['table', 'record'] },
  { command: 'record.reveal', keys: ['v'], description: 'show the national ID under the cursor in clear until the cursor moves; v again masks it', screens: ['record'] },
  { command: 'write.start', keys: ['enter'], description: 'write the file and its change report', screens: ['write'], footer: 'Enter write' },
  { command: 'write.edit-path', keys: ['e'], description: 'edit the output path (Enter keeps, Esc cancels)', screens: ['write'], footer: 'e edit path' },
  { command: 'app.undo', keys: ['u'], description: 'undo (any number of steps, across records)', footer: 'u undo' },
  { command: 'app.redo', keys: ['ctrl-r'], description: 'redo' },
  { command: 'app.table', keys: ['t'], description: 'the error table', screens: ['record'] },
  { command: 'app.write', keys: ['w'], description: 'write the resubmission file', footer: 'w write' },
  { command: 'app.back', keys: ['escape'], description: 'back to the screen you came from (clears a filter or search first)' },
  { command: 'app.help', keys: ['?'], description: 'this help', footer: '? help' },
  { command: 'app.quit', keys: ['ctrl-c'], description: 'quit from any screen (asks first when edits are not written)' },
  { command: 'app.close', keys: ['q'], description: 'quit (asks first when edits are not written)', screens: ['summary'], footer: 'q quit' },
  { command: 'app.close', keys: ['q'], description: 'close this screen, back to the one before (the summary quits)', screens: ['table', 'record', 'write', 'settings'], footer: 'q back' },
];

export function bindingsFor(screen: ScreenId): KeyBinding[] {
  return KEY_BINDINGS.filter((b) => !b.screens || b.screens.includes(screen));
}
