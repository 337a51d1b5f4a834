/**
 * The fuzz tests' walk through the workstation: open the first flagged record, accept, step on,
 * open the table, go to its last row and open it, then draw the screen as a terminal would.
 */
import { render } from 'ink-testing-library';
import { initialState } from '../src/session/workstation-state.js';
import { reducer } from '../src/session/workstation-reducer.js';
import type { Doc } from '../src/session/document.js';
import { Frame } from '../screens/app.js';

export function walkAndDraw(doc: Doc): string {
  let state = initialState(doc, 80, 24);
  for (const id of ['summary.start', 'record.accept', 'record.next', 'app.table', 'table.last', 'table.open'] as const) state = reducer(state, { type: 'command', id });
  const { lastFrame, unmount } = render(<Frame state={state} />);
  const text = lastFrame()!;
  unmount();
  return text;
}
