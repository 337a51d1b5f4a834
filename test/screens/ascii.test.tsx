/**
 * --ascii is ASCII: every screen of every bundled sample, drawn with the ASCII theme, holds no
 * character above 0x7f but those that come from the file itself (a pupil's accented name is
 * the pupil's; rollfix's own words, symbols and messages are plain ASCII).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { Frame } from '../../screens/app.js';
import { ThemeContext } from '../../screens/theme-context.js';
import { makeTheme } from '../../screens/theme.js';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../../src/session/workstation-state.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { issuesAt, recordAt } from '../../src/session/live.js';
import { OPTIONS, ROOT } from '../helpers.js';

const SAMPLES = readdirSync(join(ROOT, 'formats'), { recursive: true, encoding: 'utf8' })
  .filter((p) => p.split(/[\\/]/).includes('samples') && /\.\w+$/.test(p) && !/CEARExp\.dat$/i.test(p)) // a reference file, not opened alone
  .map((p) => join(ROOT, 'formats', p))
  .sort();

const ASCII = makeTheme({ color: false, ascii: true });
const run = (state: State, ...actions: Array<Action | CommandId>) =>
  actions.reduce((s, a) => reducer(s, typeof a === 'string' ? { type: 'command', id: a } : a), state);

function frame(state: State): string {
  const { lastFrame, unmount } = render(<ThemeContext.Provider value={ASCII}><Frame state={state} /></ThemeContext.Provider>);
  const text = lastFrame()!;
  unmount();
  return text;
}

/** Every screen and mode a clerk reaches on a file: each record's fields, help, questions, typing. */
function screens(s: State): Array<[string, State]> {
  const record = run(s, 'summary.start');
  const out: Array<[string, State]> = [
    ['summary', s], ['table', run(s, 'app.table')], ['picker', run(s, 'app.table', 'table.filter')],
    ['search', run(s, 'app.table', 'table.search')], ['write', run(s, 'app.write')], ['settings', run(s, 'summary.settings')],
    ['editing', run(record, 'record.edit')], ['delete?', run(record, 'record.delete')], ['accept all?', run(record, 'record.accept-all')],
    ['fixed file', run(s, 'summary.fix-file', 'app.write')], ['quit?', run(s, 'summary.fix-file', 'app.quit')],
  ];
  for (const screen of ['summary', 'table', 'record', 'write', 'settings'] as const) {
    const help = run({ ...s, screen }, 'app.help');
    for (const top of [0, 20, 40]) out.push([`help ${screen} ${top}`, { ...help, helpTop: top }]);
  }
  // Every listed record (up to 15), on each of its fields with an issue (where messages are said).
  let at = record;
  for (let n = 0; n < 15 && at.screen === 'record'; n++) {
    const fields = recordAt(at.doc, at.live, at.record.line)?.layout.fields ?? [];
    const flagged = new Set(issuesAt(at.live, at.record.line).map((i) => fields.findIndex((f) => f.name === i.field)));
    for (const f of flagged) out.push([`record ${at.record.line} field ${f}`, { ...at, record: { ...at.record, field: f } }]);
    const next = run(at, 'record.next');
    if (next.record.line === at.record.line) break;
    at = next;
  }
  return out;
}

describe('--ascii draws in ASCII', () => {
  it.each(SAMPLES.map((p) => [p.slice(ROOT.length + 1), p]))('%s: nothing above 0x7f but the file\'s own characters', async (_, path) => {
    const data = new Set(readFileSync(path, 'latin1') + readFileSync(path, 'utf8'));
    const state = initialState(await openDoc(path, OPTIONS), 80, 24);
    for (const [what, s] of screens(state)) {
      const foreign = [...frame(s)].filter((ch) => ch.charCodeAt(0) > 0x7f && !data.has(ch));
      expect(foreign.join(''), `${what}`).toBe('');
    }
  }, 120_000);
});
