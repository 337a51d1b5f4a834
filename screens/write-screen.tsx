/** Write: where the resubmission goes, what it holds, and a clear warning if it would be rejected. */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Cells, cursorCells } from './components/cells.js';
import { Line } from './components/line.js';
import { plural, shortenMiddle, wrap } from './text.js';
import { useTheme } from './theme-context.js';
import { isRejected, type Live } from '../src/session/live.js';
import { defaultReportPath } from '../src/session/workstation-effects.js';
import { flaggedNow, shown, type State } from '../src/session/workstation-state.js';
import { fixText, rejections } from '../src/session/rejections.js';
import { outcomeOf } from '../src/core/outcome.js';

function changedRecords(live: Live): number {
  let n = 0;
  for (const line of live.fields.keys()) if (!live.deleted.has(line)) n++;
  return n;
}

/**
 * The input changed on disk since it was opened (another program): what writing now would do,
 * that nothing is lost, and the two ways on.
 */
function inputChangedText(state: State): { head: string[]; rest: string[] } {
  const { how, modified } = state.write.inputChanged!;
  const at = modified ? ` at ${modified.toISOString().slice(11, 16)} UTC,` : '';
  const edits = plural(state.live.log.cursor, 'edit');
  const what = how === 'deleted' ? `${state.doc.name} was deleted or moved since you opened it.`
    : how === 'replaced' ? `${state.doc.name} was replaced by another file${at} after you opened it.`
    : `${state.doc.name} changed on disk${at} after you opened it.`;
  const held = how === 'deleted'
    ? `Nothing is lost: the file as you opened it is held here, and your edits (${edits}) are kept in the journal.`
    : `Writing now writes it as you opened it, with your ${edits}: what the other program changed is not in it. Your edits are kept in the journal.`;
  const ways = how === 'deleted'
    ? `y writes it to ${state.write.path}; n goes back.`
    : `y writes anyway to ${state.write.path} (the change report lists your edits, to make them again in the new file); n goes back.`;
  const width = state.columns - 6;
  const head = wrap(what, width, 2);
  if (state.write.status === 'done') return { head, rest: [`Written from the file as you opened it, with your ${edits}.`] };
  const next = state.confirm?.kind === 'input-changed' ? ways : 'Enter asks again; q quits (your edits stay in the journal).';
  return { head, rest: [...wrap(held, width, 3), ...wrap(next, width, 3)] };
}

export function WriteScreen({ state, height }: { state: State; height: number }) {
  const theme = useTheme();
  const { live, write, columns } = state;
  const { message } = shown(state);
  const lines: ReactElement[] = [];
  // What writing did is drawn last but never cut: the reasons above give way to it on a short screen.
  const result: ReactElement[] = [];
  let into = lines;
  const add = (text: string, props: { color?: string; bold?: boolean } = {}) => into.push(<Line key={`${into === lines ? 'l' : 'r'}${into.length}`} text={text} width={columns} {...props} />);
  add(' Write the resubmission file (the file you opened is never changed)', { bold: true });
  add('');
  if (write.draft !== null) lines.push(<Cells key="path" cells={[{ text: '   File:           ', width: 19 }, ...cursorCells(write.draft, state.caretFromEnd, columns - 19, { color: theme.colors.accent })]} />);
  else add(`   File:           ${shortenMiddle(write.path, columns - 19, theme.symbols.ellipsis)}`);
  add(`   Change report:  ${shortenMiddle(defaultReportPath(write.draft ?? write.path), columns - 19, theme.symbols.ellipsis)}`);
  add('');
  add(`   ${plural(changedRecords(live), 'record')} changed, ${plural(live.deleted.size, 'record')} deleted, ${plural(flaggedNow(state), 'record')} still flagged`);
  add('');
  if (write.inputChanged) {
    const { head, rest } = inputChangedText(state);
    head.forEach((text, i) => add(`   ${i ? '  ' : `${theme.symbols.warning} `}${text}`, { color: theme.colors.warning, bold: true }));
    for (const text of rest) add(`     ${text}`, { color: theme.colors.warning });
    add('');
  }
  if (isRejected(live)) {
    add(`   ${theme.symbols.reject} WARNING: the receiving system would REJECT this file as it is`, { color: theme.colors.error, bold: true });
    // Why, and what fixes it: an edit (a deleted record) can make the trailer's count wrong again.
    const reasons = rejections(state);
    for (const issue of reasons.slice(0, 3)) {
      for (const part of wrap(`${issue.line ? `line ${issue.line}: ` : ''}${message(issue.message)}`, columns - 6, 2)) add(`     ${part}`, { color: theme.colors.error });
      add(`       ${theme.symbols.arrow} ${message(fixText(state, issue))}`);
    }
    if (reasons.length > 3) add(`     and ${reasons.length - 3} more (t shows them in the table)`);
  } else add(`   ${theme.symbols.ok} Nothing would make the receiving system reject it`, { color: theme.colors.ok });
  add('');
  into = result;
  if (write.status === 'writing') add(`   Writing${theme.symbols.ellipsis}`);
  if (write.status === 'failed') {
    for (const [i, part] of wrap(`Not written: ${write.error}. Your edits are kept.`, columns - 6, 4).entries()) add(`   ${i ? ' ' : theme.symbols.error} ${part}`, { color: theme.colors.error, bold: true });
  }
  if (write.status === 'done' && write.written) {
    const { written } = write;
    const after = written.after;
    add(`   ${theme.symbols.ok} Wrote ${shortenMiddle(written.output, columns - 10, theme.symbols.ellipsis)}`, { color: theme.colors.ok, bold: true });
    add(`     and the change report (${plural(written.changes, 'change')}):`);
    add(`     ${shortenMiddle(written.changeReport, columns - 6, theme.symbols.ellipsis)}`);
    const outcome = outcomeOf(after);
    const verdict = outcome === 'rejected' ? 'would be REJECTED' : after.flaggedRecords > 0 ? `accepted, with ${plural(after.flaggedRecords, 'record')} for the Fix Errors stage` : outcome === 'flagged' ? 'not ready: errors in the file to fix' : 'clean: ready to upload';
    add(`     Checked again: ${verdict}`, { color: after.rejected ? theme.colors.error : theme.colors.ok });
  } else if (write.status !== 'writing') {
    add(write.draft !== null ? '   Type the path; Enter keeps it, Esc cancels' : '   Enter writes   e edits the path   Esc goes back');
  }
  return <Box flexDirection="column" height={height}>{[...lines.slice(0, Math.max(0, height - result.length)), ...result].slice(0, height)}</Box>;
}
