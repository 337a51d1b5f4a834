/**
 * The clean-record fast path (one regex match, src/core/line-pattern.ts) must report exactly what
 * the slow path (split, every generic check) reports, for any record: fast-check builds records
 * from valid values and from the ways they go wrong, field by field.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GtidPartChecker, mergeParts, type GtidPart } from '../../../formats/gtid/validator.js';
import { GtidFixer } from '../../../formats/gtid/fixer.js';
import { inspectInput, readLines } from '../../../src/io/line-reader.js';
import { OPTIONS, tempFile } from '../../helpers.js';

const bad = ['', ' ', ' x', 'x ', 'é', 'a"b', 'a,b', '\u0007', 'x'.repeat(61)];
const field = (good: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const record = fc.tuple(
  fc.constantFrom('ID'), field(['0177', '12']), field(['644', '7']), field(['Smith', 'Smith Jr', "O'Brien", 'Lee (X)', 'Van Der Berg', 'Ivy']),
  field(['Emily', 'A']), field(['', 'Rose']), field(['', 'Jr.', 'III']), field(['M', 'F', 'm', 'Male']),
  field(['03/14/2015', '02/30/2015', '09/01/2020', '2015-03-14', '12/31/1999']), field(['05', 'KK', 'UK', 'U1', '01', 'K', '13']),
  field(['100234', '100235', '1']), field(['', '123456789', '800123456', '666123456', '123-45-6789']), field(['W', 'B', 'x']),
  field(['', '7012345678']), field(['644', '611']), field(['2026', '2005', '2025-2026']),
).map((f) => f.join(','));

async function check(lines: string[], fastPath: boolean) {
  const input = await inspectInput(tempFile(['TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,', ...lines, `TT\t4711\t${lines.length + 2}`].join('\n') + '\n'));
  const part = new GtidPartChecker({ ...OPTIONS, formatOptions: { district: '644', schools: new Map([['0177', '644']]) } }, input, true, 1, fastPath);
  const stats = await readLines(input, (text, line, offset) => part.line(text, line, offset));
  return mergeParts([part.finishPart(stats) as GtidPart], OPTIONS, input).issues;
}

/** `offsets`: tell the fixer where each line starts, as fix --auto does (it then reads first records back). */
async function fix(lines: string[], fastPath: boolean, offsets = false) {
  const all = ['TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,', ...lines, `TT\t4711\t${lines.length + 2}`];
  const input = await inspectInput(tempFile(all.join('\n') + '\n'));
  const fixer = new GtidFixer({ ...OPTIONS, formatOptions: { district: '644' } }, input, fastPath);
  const starts = all.map((_, i) => all.slice(0, i).reduce((n, l) => n + Buffer.byteLength(l) + 1, 0));
  const out = all.flatMap((text, i) => fixer.line(text, i + 1, offsets ? starts[i] : undefined));
  out.push(...fixer.finish({ lines: all.length, otherEndings: 0, endsWithNewline: true }));
  return { out, changes: fixer.changes };
}

describe('the clean-record fast path', () => {
  it('writes exactly what the slow path writes in fix --auto', async () => {
    await fc.assert(fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (lines) => {
      expect(await fix(lines, true)).toEqual(await fix(lines, false));
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) });
  }, 300_000);
  it('writes the same when it reads first records back by their offsets to tell a repeat', async () => {
    // Records drawn from a few, so that IDs and whole records repeat often.
    await fc.assert(fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }).chain((pool) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 10 })), async (lines) => {
      expect(await fix(lines, true, true)).toEqual(await fix(lines, false));
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) });
  }, 300_000);
  it('reports exactly what the slow path reports', async () => {
    await fc.assert(fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (lines) => {
      expect(await check(lines, true)).toEqual(await check(lines, false));
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) });
  }, 300_000);
});
