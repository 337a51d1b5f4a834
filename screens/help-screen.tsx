/** Help: every key of the current screen and the global ones, generated from the key bindings. */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Line } from './components/line.js';
import { KEY_BINDINGS, type ScreenId } from '../src/session/key-bindings.js';

const KEY_NAMES: Record<string, string> = { up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', enter: 'Enter', escape: 'Esc', 'ctrl-r': 'Ctrl-R', 'ctrl-c': 'Ctrl-C' };

export function HelpScreen({ screen, columns, height, ascii }: { screen: ScreenId; columns: number; height: number; ascii: boolean }) {
  const name = (k: string) => (ascii ? { up: 'Up', down: 'Down' }[k] ?? KEY_NAMES[k] ?? k : KEY_NAMES[k] ?? k);
  const own = KEY_BINDINGS.filter((b) => b.screens?.includes(screen));
  const global = KEY_BINDINGS.filter((b) => !b.screens || (b.screens.length > 1 && !b.screens.includes(screen)));
  const lines: ReactElement[] = [];
  const add = (text: string, bold = false) => lines.push(<Line key={lines.length} text={text} width={columns} bold={bold} />);
  add(` Keys on this screen (${screen})`, true);
  for (const b of own) add(`   ${b.keys.map(name).join(', ').padEnd(14)} ${b.description}`);
  add('');
  add(' Everywhere', true);
  for (const b of global) add(`   ${b.keys.map(name).join(', ').padEnd(14)} ${b.description}${b.screens ? ` (${b.screens.join(', ')})` : ''}`);
  add('');
  add(' ? or Esc closes help. Ctrl-S and Ctrl-Q are never used: they freeze terminals.');
  return <Box flexDirection="column" height={height}>{lines.slice(0, height)}</Box>;
}
