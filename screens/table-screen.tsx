/**
 * The error table: one row per flagged record, windowed: only the rows that fit are drawn,
 * whatever the file size. Flagged key fields are highlighted (bold and coloured, or underlined
 * without colour); the first message says what is wrong.
 */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Cells, cursorCells, type Cell } from './components/cells.js';
import { Line } from './components/line.js';
import { useTheme } from './theme-context.js';
import { issuesAt, recordAt } from '../src/session/live.js';
import { codeChoices, listedLines, shown, tablePageSize, tableRows, type State } from '../src/session/workstation-state.js';

export function columnsFor(width: number): number[] {
  const line = 7;
  const last = Math.max(16, Math.floor((width - line) * 0.22));
  const first = Math.max(12, Math.floor((width - line) * 0.16));
  // A UPN is 13 characters: the ID column shows it whole.
  const id = Math.max(15, Math.floor((width - line) * 0.14));
  return [line, last, first, id, width - line - last - first - id];
}

function Picker({ state, height }: { state: State; height: number }) {
  const theme = useTheme();
  const choices = codeChoices(state);
  const index = state.table.picker!.index;
  const top = Math.max(0, Math.min(index - Math.floor(height / 2), choices.length - height + 1));
  return (
    <Box flexDirection="column" height={height}>
      <Line text=" Show only records with this issue (↑/↓, Enter picks, Esc cancels):" width={state.columns} bold />
      {choices.slice(top, top + height - 1).map((c, i) => (
        <Line key={c.code} text={`  ${top + i === index ? theme.symbols.cursor : ' '} ${c.code.padEnd(34)} ${String(c.count).padStart(7)}`} width={state.columns} inverse={top + i === index} />
      ))}
    </Box>
  );
}

export function TableScreen({ state, height }: { state: State; height: number }) {
  const theme = useTheme();
  if (state.table.picker) return <Picker state={state} height={height} />;
  const { doc, live, table, columns } = state;
  const rows = tableRows(state);
  const page = tablePageSize(state);
  const top = Math.max(0, Math.min(table.row - Math.floor(page / 2), rows.length - page));
  const widths = columnsFor(columns);
  const masked = shown(state);
  const keyIndex = (layoutFields: readonly { name: string }[]) => doc.model.keyFields.map((name) => layoutFields.findIndex((f) => f.name === name));
  const header: Cell[] = ['Line', ...(doc.model.keyTitles ?? ['Last name', 'First name', 'Local ID']), 'Problem'].map((text, i) => ({ text: ` ${text}`, width: widths[i], bold: true }));
  const filter = [table.filter && `code ${table.filter}`, table.search && `search "${table.search}"`].filter(Boolean).join(', ');
  const prompt = table.prompt ? ` ${table.prompt.kind === 'search' ? 'Search every record (names, IDs, values)' : 'Go to line'}: ` : null;
  // A search lists every record holding it, flagged or not; otherwise the records to look at.
  const counted = table.search
    ? ` ${rows.length === 1 ? '1 record holds' : `${rows.length} records hold`} "${table.search}"${table.filter ? ` with ${table.filter}` : ''} (${live.flagged} flagged in all; Esc shows all)`
    : ` ${rows.length} of ${listedLines(state).length} records to look at (${live.flagged} flagged)${filter ? ` (${filter}; Esc shows all)` : ''}`;
  const title = prompt ?? counted;
  const body: ReactElement[] = [];
  for (let i = top; i < Math.min(rows.length, top + page); i++) {
    const n = rows[i];
    const record = recordAt(doc, live, n);
    const issues = issuesAt(live, n);
    const flaggedFields = new Set(issues.map((x) => x.field));
    const names = doc.model.keyFields;
    const keys = record ? keyIndex(record.layout.fields).map((k, at) => (k >= 0 ? masked.value(names[at], record.fields[k] ?? '') : '')) : [masked.message(doc.store.line(n)), '', ''];
    // The most severe issue first (errors before warnings), and how many the record has.
    const first = issues.find((x) => x.severity !== 'warning') ?? issues[0];
    const more = issues.length > 1 ? `(${issues.length}) ` : '';
    const clean = doc.checked.has(n) || live.issues.has(n) ? 'fixed' : 'no issue';
    const mark = live.deleted.has(n) ? `${theme.symbols.ok} deleted` : !first ? `${theme.symbols.ok} ${clean}` : `${first.severity === 'warning' ? theme.symbols.warning : theme.symbols.error} ${more}${first.kept ? `kept (${masked.message(first.kept.reason)}): ` : ''}${masked.message(first.message)}`;
    const color = live.deleted.has(n) || !first ? theme.colors.ok : first.severity === 'warning' ? theme.colors.warning : theme.colors.error;
    const cells: Cell[] = [
      { text: `${i === table.row ? theme.symbols.cursor : ' '}${n}`, width: widths[0] },
      ...keys.map((text, k) => {
        const hot = flaggedFields.has(names[k]);
        return { text: ` ${text}`, width: widths[k + 1], color: hot ? theme.colors.error : undefined, bold: hot, underline: hot && !theme.color };
      }),
      { text: ` ${mark}`, width: widths[4], color },
    ];
    body.push(<Cells key={n} cells={cells} inverse={i === table.row} />);
  }
  if (rows.length === 0) body.push(<Line key="none" text={table.filter || table.search ? '  No record matches (Esc shows all)' : '  No flagged records'} width={columns} />);
  return (
    <Box flexDirection="column" height={height}>
      {prompt && table.prompt
        ? <Cells cells={[{ text: prompt, width: prompt.length, color: theme.colors.accent }, ...cursorCells(table.prompt.text, state.caretFromEnd, columns - prompt.length, { color: theme.colors.accent })]} />
        : <Line text={title} width={columns} bold />}
      <Cells cells={header} />
      {body}
    </Box>
  );
}
