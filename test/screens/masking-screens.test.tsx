/**
 * Issue 13 item 10 on every screen: with masking on, an SSN-shaped value is masked wherever it
 * lands (another field's column, a message, a repair's reason, the status line, a line that is no
 * record), on the summary, the table, every field of every record, the write screen and help;
 * with the mask setting off it is shown. As test/masking-shifted.test.ts does for `check`.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { Frame } from '../../screens/app.js';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type State } from '../../src/session/workstation-state.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { DEFAULTS } from '../../src/session/settings.js';
import { OPTIONS, tempFile } from '../helpers.js';

const SSNS = ['123456789', '987-65-4321', '555443333', '222334444', '111-22-3333'];
const CLEAR = /123456789|987-?65-?4321|555443333|222334444|111-?22-?3333/;

/** SSN-shaped values in the header, the trailer, shifted columns, a quoted value and a line that is no record. */
const FILE = [
  `TH\t09/05/2025\t08:15:00\t${SSNS[0]}\t1.0\tdelimiter=,`,
  `ID,0177,644,Johnson,Emily,Rose,,,F,03/14/2015,05,100234,${SSNS[0]},W,,644,2026`,
  `ID,0177,644,${SSNS[1]},Rose,,F,03/14/2015,05,100235,,W,,644,2026`,
  `ID,0177,644,Lee,Ann,,,F,03/14/2015,05,"${SSNS[3]}",,W,,644,2026`,
  `ID,0177,644,Kim,Jo,,,F,03/14/2015,${SSNS[4]},100237,,W,,644,2026`,
  `XX ${SSNS[3]} not a record`,
  `TT\t987654321\t${SSNS[2]}`,
  '',
].join('\n');

const draw = (state: State): string => {
  const { lastFrame, unmount } = render(<Frame state={state} />);
  const text = lastFrame()!;
  unmount();
  return text;
};

const press = (state: State, ...ids: CommandId[]) => ids.reduce((s, id) => reducer(s, { type: 'command', id }), state);

/** Every frame a clerk sees walking the file: summary, table, each field of each listed record, write, help. */
function frames(start: State): string[] {
  const out = [draw(start), draw(press(start, 'app.table'))];
  let state = press(start, 'summary.start');
  const seen = new Set<number>();
  while (!seen.has(state.record.line)) {
    seen.add(state.record.line);
    for (let f = 0, at = state; f < 17; f++, at = press(at, 'record.down')) out.push(draw(at));
    out.push(draw(press(state, 'record.accept'))); // the status line says what was accepted
    state = press(state, 'record.next');
  }
  out.push(draw(press(start, 'app.write')), draw(press(start, 'app.help')));
  return out;
}

describe('SSN-shaped values on every screen', () => {
  it('are masked with masking on', async () => {
    const state = initialState(await openDoc(tempFile(FILE), OPTIONS), 80, 24);
    const all = frames(state);
    expect(all.length).toBeGreaterThan(60);
    for (const text of all) expect(text).not.toMatch(CLEAR);
    expect(all.join('\n')).toContain('*****6789');
    expect(all.join('\n')).toContain('*****3333');
  });

  it('are shown when the mask setting is off', async () => {
    const state = initialState(await openDoc(tempFile(FILE), OPTIONS), 80, 24, { ...DEFAULTS, mask: false });
    expect(frames(state).join('\n')).toMatch(CLEAR);
  });
});
