/**
 * Several files: each in import order with its status, and under the list what only the set
 * shows about the chosen file. Draws state; the checks are done by the caller.
 */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { basename } from 'node:path';
import { Line } from './components/line.js';
import { Cells } from './components/cells.js';
import { plural, wrap } from './text.js';
import { useTheme } from './theme-context.js';
import type { FileSetState } from '../src/session/file-set-state.js';
import { modeFooter } from '../src/session/mode-keys.js';

export function FileSetScreen({ state, columns, rows, busy }: { state: FileSetState; columns: number; rows: number; busy: string | null }) {
  const theme = useTheme();
  const lines: ReactElement[] = [];
  const sep = theme.symbols.separator;
  lines.push(<Line key="title" text={` rollfix ${sep} ${plural(state.rows.length, 'file')} ${sep} in import order`} width={columns} inverse bold />);
  lines.push(<Line key="head" text=" Enter opens a file; the file you write from it takes its place in the set" width={columns} />);
  state.rows.forEach((row, i) => {
    const mark = row.status === 'clean' ? theme.symbols.ok : row.status === 'flagged' ? theme.symbols.warning : theme.symbols.error;
    const color = row.status === 'clean' ? theme.colors.ok : row.status === 'flagged' ? theme.colors.warning : theme.colors.error;
    const status = row.status === 'unreadable' ? 'not checked' : row.status === 'rejected' ? 'would be rejected' : row.status === 'flagged' ? plural(row.flagged, 'record') + ' to fix' : 'ready';
    const across = row.across ? `, ${row.across} across files` : '';
    lines.push(
      <Cells key={row.path} inverse={i === state.selected} cells={[
        { text: `${i === state.selected ? theme.symbols.cursor : ' '} ${i + 1}`, width: 5 },
        { text: basename(row.path), width: 24 },
        { text: row.report?.format.id ?? '', width: 17 },
        { text: `${mark} ${status}${across}`, width: columns - 46, color },
      ]} />,
    );
  });
  lines.push(<Line key="gap" text="" width={columns} />);
  const chosen = state.rows[state.selected];
  const detail: string[] = [];
  if (chosen?.problem) detail.push(`${basename(chosen.path)}: ${chosen.problem}`);
  const across = state.set?.across.filter((i) => i.file === chosen?.path) ?? [];
  if (chosen && !chosen.problem) detail.push(across.length ? `Across files, ${basename(chosen.path)}:` : `Nothing across files about ${basename(chosen.path)}`);
  for (const issue of across) detail.push(`  line ${issue.line}: ${issue.message}${issue.other ? ` (${basename(issue.other.file)} line ${issue.other.line})` : ''}`);
  const room = rows - lines.length - 2;
  const wrapped = detail.flatMap((d) => wrap(d, columns - 2, 2)).slice(0, Math.max(0, room));
  wrapped.forEach((d, i) => lines.push(<Line key={`d${i}`} text={` ${d}`} width={columns} />));
  while (lines.length < rows - 2) lines.push(<Line key={`pad${lines.length}`} text="" width={columns} />);
  lines.push(<Line key="keys" text={busy ?? ` ${modeFooter('file-set', columns - 2)}`} width={columns} />);
  lines.push(<Line key="where" text={` ${state.set?.references.length ? `reference: ${state.set.references.map((r) => basename(r.path)).join(', ')} ${sep} ` : ''}${chosen ? basename(chosen.path) : ''}`} width={columns} />);
  return <Box flexDirection="column" height={rows}>{lines}</Box>;
}
