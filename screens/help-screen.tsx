/** Help: every key of the current screen and the global ones, generated from the key bindings. */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Line } from './components/line.js';
import { helpSections, type ScreenId } from '../src/session/key-bindings.js';

const KEY_NAMES: Record<string, string> = {
  up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', space: 'Space', tab: 'Tab', 'shift-tab': 'Shift-Tab', enter: 'Enter', escape: 'Esc',
};
const keyTitle = (k: string) => KEY_NAMES[k] ?? (k.startsWith('ctrl-') ? `Ctrl-${k.slice(5).toUpperCase()}` : k);

/** `top`: the first row shown (j/k, Space, g/G scroll a help longer than the screen). */
export function HelpScreen({ screen, columns, height, ascii, top = 0 }: { screen: ScreenId; columns: number; height: number; ascii: boolean; top?: number }) {
  const name = (k: string) => (ascii ? { up: 'Up', down: 'Down' }[k] ?? keyTitle(k) : keyTitle(k));
  const { own, global } = helpSections(screen);
  const lines: ReactElement[] = [];
  const add = (text: string, bold = false) => lines.push(<Line key={lines.length} text={text} width={columns} bold={bold} />);
  add(` Keys on this screen (${screen})`, true);
  for (const b of own) add(`   ${b.keys.map(name).join(', ').padEnd(14)} ${b.description}`);
  add('');
  add(' Everywhere', true);
  for (const b of global) add(`   ${b.keys.map(name).join(', ').padEnd(14)} ${b.description}${b.screens ? ` (${b.screens.join(', ')})` : ''}`);
  add('');
  add(' ? or Esc closes help. Ctrl-S and Ctrl-Q are never used: they freeze terminals.');
  // Longer than the screen: scrolled, and the last row says how to see the rest.
  const shown = lines.slice(top, top + height);
  if (lines.length > height && top + height < lines.length) shown[height - 1] = <Line key="more" text={` ${lines.length - top - height + 1} more rows: j/Space scroll, G goes to the end`} width={columns} bold />;
  return <Box flexDirection="column" height={height}>{shown}</Box>;
}
