/**
 * The duplicate finder behind every GTID check: keys logged in parts, sorted, and the groups of
 * equal keys found across the parts. Compared with the obvious grouping by key, on keys chosen
 * so that many repeat, within a part and across parts, with first hashes on both sides of 2^31.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { duplicates, FingerprintLog, linesWithKey } from '../../src/core/fingerprint-log.js';

function naiveGroups(parts: string[][]): Array<Array<[number, number]>> {
  const byKey = new Map<string, Array<[number, number]>>();
  let line = 0;
  for (const part of parts) for (const key of part) byKey.set(key, [...(byKey.get(key) ?? []), [++line, key.length]]);
  return [...byKey.values()].filter((g) => g.length > 1);
}

function logged(parts: string[][]) {
  let offset = 0;
  return parts.map((part) => {
    const log = new FingerprintLog(4);
    part.forEach((key, i) => log.add(key, i + 1, key.length));
    const block = { data: log.sortedData(), lineOffset: offset };
    offset += part.length;
    return block;
  });
}

const sortGroups = (groups: Array<Array<[number, number]>>) => groups.map((g) => JSON.stringify(g)).sort();

describe('duplicates across sorted parts', () => {
  it('finds exactly the groups of equal keys, each in line order', () => {
    const key = fc.integer({ min: 0, max: 40 }).map((n) => `K${n}${'x'.repeat(n % 5)}`);
    fc.assert(
      fc.property(fc.array(fc.array(key, { maxLength: 60 }), { minLength: 1, maxLength: 4 }), (parts) => {
        expect(sortGroups(duplicates(logged(parts)))).toEqual(sortGroups(naiveGroups(parts)));
      }),
      { numRuns: 300 },
    );
  });
  it('finds the lines of one key in every part', () => {
    const blocks = logged([['a', 'b', 'a'], ['c', 'a'], [], ['a']]);
    expect(linesWithKey(blocks, 'a')).toEqual([1, 3, 5, 6]);
    expect(linesWithKey(blocks, 'z')).toEqual([]);
  });
});
