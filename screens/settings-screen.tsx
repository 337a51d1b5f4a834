/** Settings (s from the summary): every stored setting, its value and what it does. */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Cells, cursorCells } from './components/cells.js';
import { Line } from './components/line.js';
import { useTheme } from './theme-context.js';
import { wrap } from './text.js';
import { DEFAULTS, SETTINGS, type Settings } from '../src/session/settings.js';
import type { State } from '../src/session/workstation-state.js';

const show = (value: unknown) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : value === '' ? '(not set)' : String(value));

export function SettingsScreen({ state, height }: { state: State; height: number }) {
  const theme = useTheme();
  const { settings, columns } = state;
  const keys = Object.keys(DEFAULTS) as Array<keyof Settings & string>;
  const lines: ReactElement[] = [<Line key="t" text=" Settings (flags of check and fix override them for one run)" width={columns} bold />, <Line key="g" text="" width={columns} />];
  keys.forEach((key, i) => {
    const at = i === settings.cursor;
    const label = `${at ? theme.symbols.cursor : ' '} ${key.padEnd(15)} `;
    if (at && settings.draft !== null) {
      lines.push(<Cells key={key} cells={[{ text: label, width: label.length }, ...cursorCells(settings.draft, state.caretFromEnd, columns - label.length, { color: theme.colors.accent })]} />);
      return;
    }
    const value = show(settings.values[key]);
    lines.push(<Line key={key} text={`${at ? theme.symbols.cursor : ' '} ${key.padEnd(15)} ${value}`} width={columns} inverse={at && settings.draft === null} color={at && settings.draft !== null ? theme.colors.accent : undefined} />);
  });
  lines.push(<Line key="g2" text="" width={columns} />);
  for (const [i, part] of wrap(SETTINGS[keys[settings.cursor]].description, columns - 4, 4).entries()) lines.push(<Line key={`d${i}`} text={`   ${part}`} width={columns} />);
  lines.push(<Line key="w" text={settings.saving ? '   Saving…' : `   Stored in ${process.env.ROLLFIX_CONFIG_DIR ? '$ROLLFIX_CONFIG_DIR' : '~/.config/rollfix'}/config.json (rollfix config path)`} width={columns} dim />);
  return <Box flexDirection="column" height={height}>{lines.slice(0, height)}</Box>;
}
