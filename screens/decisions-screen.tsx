/**
 * Decisions made before (about the same students, in an earlier export of this school) that
 * apply to this file exactly: one line each, where it lands and what it does. y applies the one
 * under the cursor, a applies them all (one undo step), n leaves one. Draws state; never matches.
 */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Line } from './components/line.js';
import { mask } from '../src/core/printable.js';
import { useTheme } from './theme-context.js';
import { describe } from '../src/session/decisions.js';
import { isApplied, type State } from '../src/session/workstation-state.js';

export function DecisionsScreen({ state, height }: { state: State; height: number }) {
  const theme = useTheme();
  const { offer, columns, doc } = state;
  const lines: ReactElement[] = [];
  if (!offer) return <Box height={height} />;
  const items = offer.items;
  const applied = items.filter((i) => isApplied(state, i)).length;
  const sensitive = new Set(doc.format.layouts.flatMap((l) => l.fields).filter((f) => f.sensitive).map((f) => f.name));
  const show = (field: string, value: string) => (state.record.masked && value && (sensitive.has(field) || doc.format.isSensitiveValue?.(value.trim())) ? mask(value) : value);
  lines.push(<Line key="t" text={` ${items.length} decision${items.length === 1 ? '' : 's'} you made before appl${items.length === 1 ? 'ies' : 'y'} to this file (${applied} applied)`} width={columns} bold />);
  lines.push(<Line key="s" text=" Each lands on its own student: same key, same field, same value before." width={columns} />);
  lines.push(<Line key="g" text="" width={columns} />);
  const room = Math.max(3, height - lines.length - 2);
  const first = Math.min(Math.max(0, offer.cursor - Math.floor(room / 2)), Math.max(0, items.length - room));
  items.slice(first, first + room).forEach((item, at) => {
    const i = first + at;
    const done = isApplied(state, item);
    const mark = done ? theme.symbols.ok : ' ';
    lines.push(<Line key={`d${i}`} text={`${i === offer.cursor ? theme.symbols.cursor : ' '}${mark} ${describe(item, show)}  [${item.decision.code}, ${item.decision.date}]`} width={columns} inverse={i === offer.cursor} color={done ? theme.colors.ok : undefined} />);
  });
  lines.push(<Line key="g2" text="" width={columns} />);
  lines.push(<Line key="h" text=" a applies them all (one undo step), y this one, n leaves it; Esc goes on without" width={columns} />);
  return <Box flexDirection="column" height={height}>{lines.slice(0, height)}</Box>;
}
