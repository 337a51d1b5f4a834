/**
 * Help: every key of the current screen, of every screen, and of the modes it can be in (a
 * question, the picker, typing), generated from the binding tables (src/session/help-text.ts).
 * It scrolls when it is longer than the screen; the footer says where it is.
 */
import { Box } from 'ink';
import { Line } from './components/line.js';
import { helpLines } from '../src/session/help-text.js';
import type { ScreenId } from '../src/session/key-bindings.js';
import { MODE_BINDINGS, type Mode } from '../src/session/mode-keys.js';

export function HelpScreen({ screen, columns, height, top = 0 }: { screen: ScreenId | Mode; columns: number; height: number; top?: number }) {
  const lines = helpLines(screen, columns);
  const first = Math.max(0, Math.min(top, lines.length - height));
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(first, first + height).map((l, i) => <Line key={first + i} text={l.text} width={columns} bold={l.heading} />)}
    </Box>
  );
}

/** Where help is scrolled to, for its footer: "lines 1-21 of 40". */
export function helpPosition(screen: ScreenId | Mode, columns: number, height: number, top: number): string {
  const total = helpLines(screen, columns).length;
  const first = Math.max(0, Math.min(top, total - height));
  return total <= height ? '' : `lines ${first + 1}-${Math.min(total, first + height)} of ${total}`;
}

/**
 * Help as a whole screen, for the screens before a file is open (the file list, the resume
 * prompt, a file open elsewhere): their keys, and how to close it.
 */
export function ModeHelp({ mode, title, columns, rows }: { mode: Mode; title: string; columns: number; rows: number }) {
  return (
    <Box flexDirection="column" height={rows}>
      <Line text={` rollfix | ${title}`} width={columns} inverse bold />
      <HelpScreen screen={mode} columns={columns} height={rows - 2} />
      <Line text={` ${MODE_BINDINGS.help.find((b) => b.command === 'help.close')?.footer}`} width={columns} />
    </Box>
  );
}
