import { Box, Text } from 'ink';
import { asciiText, fit } from '../text.js';
import { sanitise } from '../../src/core/printable.js';
import { useTheme } from '../theme-context.js';

export interface Cell {
  text: string;
  width: number;
  color?: string;
  bold?: boolean;
  underline?: boolean;
  /** This cell alone drawn inverse (a text cursor). */
  inverse?: boolean;
}

/** A table row of fixed-width cells; `inverse` marks the selected row. */
export function Cells({ cells, inverse }: { cells: Cell[]; inverse?: boolean }) {
  const theme = useTheme();
  return (
    <Box>
      {cells.map((cell, i) => (
        <Text key={i} wrap="truncate" inverse={inverse || cell.inverse} bold={cell.bold} underline={cell.underline} color={theme.color ? cell.color : undefined}>
          {fit(theme.ascii ? asciiText(cell.text) : cell.text, cell.width, theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}

/**
 * Text being typed in `width` columns, as cells: what is before the cursor, the cursor itself (the
 * character under it, or a space at the end, inverse) and the rest. When the text is wider than
 * the cells, what is before the cursor is cut from the left, so the cursor is always in sight.
 */
export function cursorCells(text: string, caretFromEnd: number, width: number, style: Omit<Cell, 'text' | 'width'> = {}): Cell[] {
  const chars = [...sanitise(text.slice(0, Math.max(0, text.length - caretFromEnd)))];
  const rest = [...sanitise(text.slice(Math.max(0, text.length - caretFromEnd)))];
  const under = rest.shift() ?? ' ';
  const room = Math.max(0, width - 1);
  const before = chars.length > room ? `…${chars.slice(chars.length - room + 1).join('')}` : chars.join('');
  const used = Math.min(room, [...before].length);
  return [
    { ...style, text: before, width: used },
    { ...style, text: under, width: width > used ? 1 : 0, inverse: true },
    { ...style, text: rest.join(''), width: Math.max(0, width - used - 1) },
  ];
}
