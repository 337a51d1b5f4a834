/**
 * Summary: what the file is, whether the receiving system would reject it and why (in plain
 * words, each with its fix), then the flagged records by issue code. Draws state; never checks.
 */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Line } from './components/line.js';
import { plural, wrap } from './text.js';
import { useTheme } from './theme-context.js';
import { isRejected } from '../src/session/live.js';
import { fixedWhenWritten, fixText, rejections } from '../src/session/rejections.js';
import { codeChoices, flaggedNow, keptNow, listedLines, shown as shownOf, type State } from '../src/session/workstation-state.js';

export function SummaryScreen({ state, height }: { state: State; height: number }) {
  const theme = useTheme();
  const { doc, live, columns } = state;
  const { report } = doc;
  const { message } = shownOf(state);
  const w = columns;
  const lines: ReactElement[] = [];
  const add = (key: string, text: string, props: { color?: string; bold?: boolean } = {}) => lines.push(<Line key={key} text={text} width={w} {...props} />);
  const eol = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' }[report.input.eol];
  add('format', ` ${doc.format.title} (${doc.format.id})`, { bold: true });
  add('facts', ` ${plural(live.records, 'record')} (${plural(report.detailRecords - live.deleted.size, 'student')}), ${report.input.workbook ? `sheet "${report.input.workbook.sheet.name}" of an Excel workbook (line N is row N)` : `${report.facts.shape ?? `${report.facts.delimiter}-delimited`}, ${eol}, ${report.input.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}`}`);
  const written = doc.format.outputEol?.(report.input);
  if (report.facts.layout || (written && written !== report.input.eol)) {
    add('facts2', ` ${[report.facts.layout && `layout ${report.facts.layout}`, written && written !== report.input.eol && `written with ${written === '\r\n' ? 'CRLF' : 'LF'} line endings, as the format requires`].filter(Boolean).join('; ')}`);
  }
  // A column mapping (headings matched to fields) is shown before anything is written.
  const mapping = report.facts.mapping?.split('; ') ?? [];
  for (const [i, m] of mapping.slice(0, 4).entries()) add(`map${i}`, `   ${m}`);
  if (mapping.length > 4) add('mapmore', `   and ${mapping.length - 4} more (rollfix check lists them all)`);
  add('gap1', '');
  const rejected = rejections(state);
  if (isRejected(live)) {
    add('rej', ` ${theme.symbols.reject} WOULD BE REJECTED: the receiving system would refuse the whole file`, { color: theme.colors.error, bold: true });
    for (const [i, issue] of rejected.slice(0, 4).entries()) {
      for (const [j, part] of wrap(`${issue.line ? `line ${issue.line}: ` : ''}${message(issue.message)}`, w - 4, 2).entries()) add(`r${i}.${j}`, `   ${part}`, { color: theme.colors.error });
      add(`f${i}`, `     ${theme.symbols.arrow} ${message(fixText(state, issue))}`);
    }
    if (rejected.length > 4) add('more', `   and ${rejected.length - 4} more (t shows them in the table)`);
  } else {
    const asWritten = fixedWhenWritten(state).length > 0 ? 'As written, nothing' : 'Nothing';
    add('ok', ` ${theme.symbols.ok} ${asWritten} would make the receiving system reject the whole file`, { color: theme.colors.ok, bold: true });
  }
  // What the file as read would be refused for but is written right anyway (as `check` of the input says).
  for (const [i, issue] of fixedWhenWritten(state).slice(0, 2).entries()) {
    add(`w${i}`, `   ${theme.symbols.ok} as read: ${message(issue.message)}`);
    add(`wf${i}`, `     ${theme.symbols.arrow} fixed when written`);
  }
  add('gap2', '');
  const choices = codeChoices(state);
  const flagged = flaggedNow(state);
  const listed = choices.length > 0 && listedLines(state).length > 0;
  add('flag', flagged ? ` ${plural(flagged, 'flagged record')}; issues by code (Enter steps through them, t lists them):` : listed ? ` ${theme.symbols.ok} No flagged record; warnings by code (Enter steps through them):` : isRejected(live) ? ` ${theme.symbols.ok} No flagged record; the reasons above are what is left (w writes anyway)` : ` ${theme.symbols.ok} No record left to fix: w writes the file`, { bold: true });
  const kept = keptNow(state);
  if (kept > 0) add('kept', `   ${plural(kept, 'issue')} kept as real, with the clerk's reason (the record screen shows it)`, { color: theme.colors.accent });
  // More codes than fit: j/k, Space, g/G scroll them (the first shown is state.summaryTop).
  const room = height - lines.length;
  const top = choices.length > room ? Math.min(state.summaryTop, choices.length - 1) : 0;
  if (top > 0) add('above', `   ${plural(top, 'more code')} above (k, g scroll up)`);
  const fit = room - (top > 0 ? 1 : 0);
  const shown = choices.length - top > fit ? choices.slice(top, top + Math.max(0, fit - 1)) : choices.slice(top);
  const types = new Map(doc.format.issueTypes.map((t) => [t.code, t]));
  for (const { code, count } of shown) {
    const type = types.get(code);
    const mark = type?.severity === 'warning' ? theme.symbols.warning : theme.symbols.error;
    add(code, `   ${mark} ${code.padEnd(27)} ${String(count).padStart(5)}  ${type?.title ?? ''}`, { color: type?.severity === 'warning' ? theme.colors.warning : undefined });
  }
  const below = choices.length - top - shown.length;
  if (below > 0) add('morecodes', `   and ${plural(below, 'more code')} (j, Space scroll; c in the table picks one)`);
  return <Box flexDirection="column" height={height}>{lines.slice(0, height)}</Box>;
}
