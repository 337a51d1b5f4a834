/**
 * One truth: after any sequence of edits, undos, redos, accepts, accept-alls, deletions and
 * whole-file fixes, what the workstation shows (every issue with its code, line, field, severity
 * and message; the flagged count; the records; the rejection verdict) equals what `rollfix check`
 * says of the file the workstation writes at that moment. Every sample of every format, in both
 * ways the workstation re-checks: the whole file, and (as past 20,000 lines) incrementally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Issue } from '../../src/core/issue.js';
import { openDoc } from '../../src/session/document.js';
import { commit, isRejected, issuesAt, LIVE_CHECK, outputPathOf, recordAt, redo, undo } from '../../src/session/live.js';
import { acceptAllEdits, fixFile, repairEdits } from '../../src/session/record-commands.js';
import { initialState, listedLines, type State } from '../../src/session/workstation-state.js';
import { writeDoc } from '../../src/session/write-file.js';
import { writtenInput } from '../../src/session/written.js';
import { OPTIONS, ROOT, tempDir } from '../helpers.js';
import { quotedBreakFiles } from '../quoted-breaks.js';
import { cutRecords } from '../../src/io/quoted-records.js';

const SAMPLES = readdirSync(join(ROOT, 'formats'), { recursive: true, encoding: 'utf8' })
  .filter((p) => p.split(/[\\/]/).includes('samples') && /\.\w+$/.test(p) && !/CEARExp\.dat$/i.test(p))
  .map((p) => join(ROOT, 'formats', p))
  .sort();

/** One step a clerk can take, chosen by numbers that are read against the state it meets. */
type Step =
  | { kind: 'set'; pick: number; field: number; value: number }
  | { kind: 'accept'; pick: number; issue: number }
  | { kind: 'accept-all'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'fix-file' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), field: fc.nat(), value: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('accept' as const), pick: fc.nat(), issue: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('accept-all' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'fix-file' as const }), weight: 1 },
);

/** Values a clerk types: empty, odd, and the values other records hold (so duplicates come and go). */
function valueFor(state: State, line: number, field: number, pick: number): string {
  const own = ['', 'X', ' ', '0', 'Smith, Jr.', '99/99/2015', '2015-03-04'];
  const others = listedLines(state).slice(0, 6).map((n) => recordAt(state.doc, state.live, n)?.fields[field] ?? '');
  const repair = issuesAt(state.live, line).flatMap((i) => Object.values(i.repair?.values ?? {}));
  const pool = [...own, ...others, ...repair];
  return pool[pick % pool.length];
}

function apply(state: State, s: Step): State {
  const lines = listedLines(state);
  const { doc } = state;
  const at = (pick: number) => lines[pick % lines.length];
  const done = (edits: Parameters<typeof commit>[2]['edits']) => (edits.length ? { ...state, live: commit(doc, state.live, { label: s.kind, edits }) } : state);
  switch (s.kind) {
    case 'undo': return { ...state, live: undo(doc, state.live) };
    case 'redo': return { ...state, live: redo(doc, state.live) };
    case 'fix-file': return fixFile(state);
    default: if (lines.length === 0) return state;
  }
  const line = at(s.pick);
  if (s.kind === 'delete') return state.live.deleted.has(line) ? state : done([{ kind: 'delete', line }]);
  if (s.kind === 'accept') {
    const issues = issuesAt(state.live, line).filter((i) => i.repair);
    return issues.length ? done(repairEdits(state, line, issues[s.issue % issues.length])) : state;
  }
  if (s.kind === 'accept-all') {
    const codes = [...new Set(lines.flatMap((n) => issuesAt(state.live, n).filter((i) => i.repair).map((i) => i.code)))];
    return codes.length ? done(acceptAllEdits(state, codes[s.pick % codes.length])) : state;
  }
  const record = recordAt(doc, state.live, line);
  if (!record || state.live.deleted.has(line)) return state;
  const index = s.field % record.layout.fields.length;
  const after = valueFor(state, line, index, s.value);
  // A value that does not fit a fixed width is refused by the workstation, never stored.
  if (doc.model.fits?.(record.layout, index, after, line) || after === record.fields[index]) return state;
  return done([{ kind: 'set', line, field: record.layout.fields[index].name, before: record.fields[index], after }]);
}

const view = (i: Issue, line: number | null) => `${line ?? '-'} ${i.code} ${i.severity} [${i.field ?? ''}] ${i.message}`;

/** What the workstation shows, and what the check of the written file says, in the same terms. */
async function bothSides(state: State, dir: string, n: number) {
  const { doc, live } = state;
  // Under the name the workstation writes to (a CTF's name is checked too), one folder a step.
  const output = join(dir, String(n), basename(outputPathOf(doc)));
  mkdirSync(join(dir, String(n)));
  const { input, origin } = writtenInput(doc, live, output);
  const written = await writeDoc(doc, live, output);
  // The lines the live check judged are the lines on disk (a workbook's: its sheet's rows, read
  // back; records over several lines, whole).
  const text = written.after.input.workbook ? '' : readFileSync(output, doc.report.input.encoding === 'utf-8' ? 'utf8' : 'latin1').replace(/^\uFEFF/, '');
  const disk = written.after.input.workbook ? [...written.after.input.lines!] : input.quotedBreaks ? cutRecords(text, input.eol, input.quotedBreaks) : text.split(/\r\n|\n|\r/);
  if (!input.quotedBreaks && disk.at(-1) === '') disk.pop();
  expect(disk.length).toBe(input.lines!.length);
  const report = written.after;
  const shown = live.fileIssues.map((i) => view(i, null));
  for (const line of [...live.issues.keys()].sort((a, b) => a - b)) shown.push(...issuesAt(live, line).map((i) => view(i, line)));
  const checked = report.issues.map((i) => view(i, i.line === null ? null : origin[i.line - 1]));
  return {
    shown: { issues: shown.sort(), flagged: live.flagged, records: live.records, rejected: isRejected(live) },
    checked: { issues: checked.sort(), flagged: report.flaggedRecords, records: report.records, rejected: report.rejected },
  };
}

const MODES = [
  { name: 'checked whole after each edit', fullCheckLines: 1_000_000 },
  { name: 'checked incrementally after each edit', fullCheckLines: 0 },
];

describe('the workstation shows what check says of the file it would write', () => {
  it('finds the samples of every format', () => {
    const formats = new Set(SAMPLES.map((p) => p.split(/[\\/]formats[\\/]/)[1].split(/[\\/]/)[0]));
    expect([...formats].sort()).toEqual(['ctf', 'eis', 'gtid', 'sace', 'target-tracker']);
  });
  for (const mode of MODES) {
    describe(mode.name, () => {
      const before = LIVE_CHECK.fullCheckLines;
      beforeAll(() => {
        LIVE_CHECK.fullCheckLines = mode.fullCheckLines;
      });
      afterAll(() => {
        LIVE_CHECK.fullCheckLines = before;
      });
      // And the CSV samples with line breaks in quoted values: records over several lines.
      for (const [label, sample] of [...SAMPLES.map((p) => [p.slice(ROOT.length + 1), p]), ...quotedBreakFiles()]) {
        it(`${label}, over random edit sequences`, async () => {
          const doc = await openDoc(sample, OPTIONS);
          const dir = tempDir();
          let n = 0;
          await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
            let state = initialState(doc);
            // Checked after every step, not only at the end: an undo may hide what a step broke.
            for (const s of steps) {
              state = apply(state, s);
              const { shown, checked } = await bothSides(state, dir, n++);
              expect(shown).toEqual(checked);
            }
          }), {
            numRuns: Number(process.env.PROPERTY_RUNS ?? 15),
            // Found on a SACE workbook: every record deleted, then an edit; the file written is empty.
            examples: [[[{ kind: 'delete', pick: 1189456682 }, { kind: 'delete', pick: 0 }, { kind: 'delete', pick: 1202981575 }, { kind: 'set', pick: 0, field: 0, value: 0 }]]],
          });
        }, 120_000);
      }
    });
  }
});
