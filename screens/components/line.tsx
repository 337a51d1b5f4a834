import { Text } from 'ink';
import { asciiText, fit } from '../text.js';
import { useTheme } from '../theme-context.js';

export interface LineProps {
  text: string;
  width: number;
  color?: string;
  bold?: boolean;
  inverse?: boolean;
  dim?: boolean;
  underline?: boolean;
}

/** One row of exactly `width` columns: sanitised, cut with an ellipsis, padded; never wraps. */
export function Line({ text, width, color, bold, inverse, dim, underline }: LineProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate" color={theme.color ? color : undefined} bold={bold} inverse={inverse} dimColor={theme.color ? dim : false} underline={underline}>
      {fit(theme.ascii ? asciiText(text) : text, width, theme.symbols.ellipsis)}
    </Text>
  );
}
