/** Target Tracker columns renamed and reordered by the workstation: every row at once, never some. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type State } from '../../src/session/workstation-state.js';
import { recordAt } from '../../src/session/live.js';
import { writeDoc } from '../../src/session/write-file.js';
import { OPTIONS, tempDir, tempFile } from '../helpers.js';
import { HEADINGS } from '../../formats/target-tracker/headings.js';

const swapped = [HEADINGS[0], HEADINGS[2], HEADINGS[1], ...HEADINGS.slice(3)];
const row = (surname: string, forename: string, year: string) => ['', forename, surname, '14/03/2016', 'M', '01/09/2020', 'F', '', '', '', '', year, '', '', '', '180', '0', '0'].join(',');

describe('reordered columns in the workstation', () => {
  it('writes every row in the seed\'s order, with an edit in its place, and reports the reordering', async () => {
    const path = tempFile([swapped.join(','), row('Smith', 'Oliver', 'Y4'), row('Jones', 'Amelia', '4')].join('\n') + '\n', 'pupils.csv');
    let s: State = initialState(await openDoc(path, OPTIONS));
    expect(s.live.fileIssues).toEqual([]); // the mapping is applied when writing: shown on the summary instead
    const year = recordAt(s.doc, s.live, 3)!.layout.fields.findIndex((f) => f.name === 'Year');
    s = { ...s, screen: 'record', record: { ...s.record, line: 3, field: year, draft: null } };
    s = reducer(s, { type: 'command', id: 'record.accept' });
    const out = join(tempDir(), 'out.csv');
    const written = await writeDoc(s.doc, s.live, out);
    expect(readFileSync(out, 'utf8').split('\n')).toEqual([HEADINGS.join(','), row('Oliver', 'Smith', 'Y4'), row('Amelia', 'Jones', 'Y4'), '']);
    expect(readFileSync(written.changeReport, 'utf8')).toContain('1,,(headings and columns as read),"(the 18 headings, in order; other columns after them)",tt/headings');
    expect(written.after.issues).toEqual([]);
  });
});
