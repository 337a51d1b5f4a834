import { Box } from 'ink';
import { Line } from './components/line.js';
import { useTheme } from './theme-context.js';
import { unsavedEdits } from '../src/session/live.js';
import { bindingsFor } from '../src/session/key-bindings.js';
import { modeOf } from '../src/session/key-map.js';
import { modeFooter, questionKeys } from '../src/session/mode-keys.js';
import { helpPosition } from './help-screen.js';
import { flaggedNow, position, type State } from '../src/session/workstation-state.js';
import { splitQuestion } from '../src/session/file-commands.js';

/**
 * Always in a screen's footer, whatever else fits: how to write and how to leave (the line
 * below always says "? help").
 */
const PINNED = new Set(['app.write', 'app.quit']);

/** The screen's own keys first, then the global ones while they fit (w write and q quit always): never cut off. */
function footerHints(screen: State['screen'], width: number): string {
  const bindings = bindingsFor(screen).filter((b) => b.footer);
  const shown = [...bindings.filter((b) => b.screens), ...bindings.filter((b) => !b.screens)];
  const text = () => shown.map((b) => b.footer).join('  ');
  // What does not fit gives way from the end, the pinned keys never.
  while (text().length > width) {
    const last = shown.map((b) => PINNED.has(b.command)).lastIndexOf(false);
    if (last < 0) break;
    shown.splice(last, 1);
  }
  return text();
}

/** The keys of whatever is live now: typing, help, the picker, or the screen's own. */
function hintsFor(state: State): string {
  const width = state.columns - 2;
  switch (modeOf(state)) {
    case 'typing': return `Typing: ${modeFooter('typing', width - 8)}`;
    case 'picker': return modeFooter('picker', width);
    case 'help': {
      const where = helpPosition(state.screen, state.columns, state.rows - 3, state.helpTop);
      return [modeFooter('help', width - where.length - 2), where].filter(Boolean).join('  ');
    }
    default: return state.explain ? 'Esc, i or Enter goes back' : footerHints(state.screen, width);
  }
}

function confirmText(state: State): string | null {
  const c = state.confirm;
  if (!c) return null;
  switch (c.kind) {
    case 'accept-all': {
      // Say which fields change: one code (field/code) covers grades and genders alike.
      // The safe repairs now; those that need a person are asked about one by one after.
      const then = c.review ? `, then review ${c.review} one by one` : '';
      const ask = (what: string, keys = questionKeys('accept-all')) => `Accept ${c.code} repairs in ${c.count} record${c.count === 1 ? '' : 's'}${what}${then}? ${keys}`;
      const names = c.fields.length ? ` (${c.fields.join(', ')})` : '';
      const fit = [ask(names), ask(names, 'y/n'), ask(c.fields.length > 1 ? ` (${c.fields.length} fields)` : names), ask('', 'y/n')];
      return fit.find((text) => text.length <= state.columns - 2) ?? fit[3];
    }
    case 'review': {
      const item = c.queue[c.at];
      const where = `line ${item.line}${item.field ? `, ${item.field}` : ''}`;
      const keys = questionKeys(c.kind);
      return [`Review ${c.at + 1} of ${c.queue.length} (${where}): accept the proposed repair? ${keys}`, `Review ${c.at + 1}/${c.queue.length} (${where}): accept? ${keys}`, `Review ${c.at + 1}/${c.queue.length}: accept? ${keys}`].find((t) => t.length <= state.columns - 2) ?? `Review ${c.at + 1}/${c.queue.length}: accept? ${keys}`;
    }
    case 'fix-all': return `Apply every safe repair (as rollfix fix --auto): ${c.plan.records} record${c.plan.records === 1 ? '' : 's'} change? ${questionKeys(c.kind)}`;
    case 'split': return splitQuestion(state, c.plan, questionKeys(c.kind));
    case 'delete': return `Delete line ${c.line}? (u undoes it) ${questionKeys(c.kind)}`;
    case 'quit': return `Quit without writing ${unsavedEdits(state.live)} edit${unsavedEdits(state.live) === 1 ? '' : 's'}? ${questionKeys(c.kind)}`;
    case 'replace': return `${c.path} exists. Replace it? ${questionKeys(c.kind)}`;
    case 'input-changed': return `${state.doc.name} ${{ changed: 'changed on disk', replaced: 'was replaced', deleted: 'was deleted' }[c.change.how]} since you opened it. Write anyway? ${questionKeys(c.kind)}`;
  }
}

/** The last two rows: a question, a message or the keys of this screen; then where you are. */
export function StatusLine({ state }: { state: State }) {
  const theme = useTheme();
  const sep = ` ${theme.symbols.separator} `;
  const question = confirmText(state);
  // While a value is being typed, letters are text, not commands: say so instead of the keys.
  const hints = hintsFor(state);
  const { index, total } = position(state);
  const flagged = `${flaggedNow(state)} flagged`;
  const unsaved = unsavedEdits(state.live);
  const saved = state.readOnly ? 'read-only' : unsaved ? `${unsaved} unsaved edit${unsaved === 1 ? '' : 's'}` : 'no unsaved edits';
  // A long file name leaves room only for the short form of where you are.
  const long = `record ${index} of ${total}, ${flagged}`;
  const fits = ` ${state.doc.name}${sep}${long}${sep}${saved}${sep}? help`.length <= state.columns;
  const where = state.screen === 'record' && index > 0 ? (fits ? long : `${index}/${total}, ${flagged}`) : flagged;
  return (
    <Box flexDirection="column">
      <Line text={` ${question ?? state.message ?? hints}`} width={state.columns} bold={Boolean(question)} color={question ? theme.colors.warning : state.message ? theme.colors.accent : theme.colors.dim} />
      <Line text={` ${state.doc.name}${sep}${where}${sep}${saved}${sep}? help`} width={state.columns} inverse />
    </Box>
  );
}
