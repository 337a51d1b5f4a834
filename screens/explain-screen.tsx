/** What an issue code means and how to fix it: the text of `rollfix explain CODE`, over the screen (i; Esc back). */
import type { ReactElement } from 'react';
import { Box } from 'ink';
import { Line } from './components/line.js';
import { wrap } from './text.js';
import { explanation } from '../src/session/file-commands.js';
import type { State } from '../src/session/workstation-state.js';

export function ExplainScreen({ state, height }: { state: State; height: number }) {
  const lines: ReactElement[] = [];
  const add = (text: string, bold = false) => lines.push(<Line key={lines.length} text={text} width={state.columns} bold={bold} />);
  const paragraphs = explanation(state).trimEnd().split('\n');
  for (const [i, p] of paragraphs.entries()) {
    if (p === '') add('');
    else for (const part of wrap(p, state.columns - 3, height)) add(` ${part}`, i === 0);
  }
  add('');
  add(' Esc, i or Enter goes back. (The same text: rollfix explain CODE)');
  return <Box flexDirection="column" height={height}>{lines.slice(0, height)}</Box>;
}
