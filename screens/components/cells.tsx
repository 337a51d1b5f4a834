import { Box, Text } from 'ink';
import { fit } from '../text.js';
import { useTheme } from '../theme-context.js';

export interface Cell {
  text: string;
  width: number;
  color?: string;
  bold?: boolean;
  underline?: boolean;
}

/** A table row of fixed-width cells; `inverse` marks the selected row. */
export function Cells({ cells, inverse }: { cells: Cell[]; inverse?: boolean }) {
  const theme = useTheme();
  return (
    <Box>
      {cells.map((cell, i) => (
        <Text key={i} wrap="truncate" inverse={inverse} bold={cell.bold} underline={cell.underline} color={theme.color ? cell.color : undefined}>
          {fit(cell.text, cell.width, theme.symbols.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
