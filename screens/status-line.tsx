import { Box } from 'ink';
import { Line } from './components/line.js';
import { useTheme } from './theme-context.js';
import { unsavedEdits } from '../src/session/live.js';
import { bindingsFor } from '../src/session/key-bindings.js';
import { isTyping } from '../src/session/key-map.js';
import { flaggedNow, position, type State } from '../src/session/workstation-state.js';
import { splitQuestion } from '../src/session/file-commands.js';

/** The screen's own keys first, then the global ones while they fit: never cut off. */
function footerHints(screen: State['screen'], width: number): string {
  const bindings = bindingsFor(screen).filter((b) => b.footer);
  const ordered = [...bindings.filter((b) => b.screens), ...bindings.filter((b) => !b.screens)];
  let out = '';
  for (const b of ordered) {
    const next = out ? `${out}  ${b.footer}` : b.footer!;
    if (next.length > width) break;
    out = next;
  }
  return out;
}

function confirmText(state: State): string | null {
  const c = state.confirm;
  if (!c) return null;
  switch (c.kind) {
    case 'accept-all': {
      // Say which fields change: one code (field/code) covers grades and genders alike.
      // The safe repairs now; those that need a person are asked about one by one after.
      const then = c.review ? `, then review ${c.review} one by one` : '';
      const ask = (what: string, keys = 'y yes, n no') => `Accept ${c.code} repairs in ${c.count} record${c.count === 1 ? '' : 's'}${what}${then}? ${keys}`;
      const names = c.fields.length ? ` (${c.fields.join(', ')})` : '';
      const fit = [ask(names), ask(names, 'y/n'), ask(c.fields.length > 1 ? ` (${c.fields.length} fields)` : names), ask('', 'y/n')];
      return fit.find((text) => text.length <= state.columns - 2) ?? fit[3];
    }
    case 'review': {
      const item = c.queue[c.at];
      const where = `line ${item.line}${item.field ? `, ${item.field}` : ''}`;
      return [`Review ${c.at + 1} of ${c.queue.length} (${where}): accept the proposed repair? y yes, n skip, Esc stops`, `Review ${c.at + 1}/${c.queue.length} (${where}): accept? y yes, n skip, Esc stops`, `Review ${c.at + 1}/${c.queue.length}: accept? y, n skip, Esc stops`].find((t) => t.length <= state.columns - 2) ?? '';
    }
    case 'fix-all': return `Apply every safe repair (as rollfix fix --auto): ${c.plan.records} record${c.plan.records === 1 ? '' : 's'} change? y yes, n no`;
    case 'split': return splitQuestion(state, c.plan);
    case 'delete': return `Delete line ${c.line}? (u undoes it) y yes, n no`;
    case 'quit': return `Quit without writing ${unsavedEdits(state.live)} edit${unsavedEdits(state.live) === 1 ? '' : 's'}? y quits, n stays (w writes)`;
    case 'replace': return `${c.path} exists. Replace it? y yes, n no`;
    case 'input-changed': return `${state.doc.name} ${{ changed: 'changed on disk', replaced: 'was replaced', deleted: 'was deleted' }[c.change.how]} since you opened it. Write anyway? y writes, n no`;
  }
}

/** The last two rows: a question, a message or the keys of this screen; then where you are. */
export function StatusLine({ state }: { state: State }) {
  const theme = useTheme();
  const sep = ` ${theme.symbols.separator} `;
  const question = confirmText(state);
  // While a value is being typed, letters are text, not commands: say so instead of the keys.
  const hints = isTyping(state) ? 'Typing: Enter keeps it, Esc cancels, Backspace deletes, Ctrl-U clears' : state.explain ? 'Esc back' : footerHints(state.screen, state.columns - 2);
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
