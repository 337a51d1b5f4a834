/**
 * The duplicate finder behind every GTID check: keys logged in parts, sorted, and the groups of
 * equal keys found across the parts. Compared with the obvious grouping by key, on keys chosen
 * so that many repeat, within a part and across parts, with first hashes on both sides of 2^31.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { duplicates, FingerprintLog, linesWithKey, sortByFirstHash } from '../../src/core/fingerprint-log.js';

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

describe('sorting first hashes', () => {
  /** The obvious stable sort, unsigned. */
  const reference = (a: Int32Array) => [...a.keys()].sort((i, j) => (a[i] >>> 0) - (a[j] >>> 0) || i - j);
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) | 0) ^ (seed << 9);
  it.each([
    ['a few, both signs', Int32Array.from({ length: 50 }, () => random() % 7)],
    ['many, random (the bucket pass)', Int32Array.from({ length: 20_000 }, () => random())],
    ['many, with repeats', Int32Array.from({ length: 20_000 }, () => random() % 3000)],
    ['many crowded into one bucket (the comparison fallback)', Int32Array.from({ length: 20_000 }, (_, i) => (0xabcd << 16) | (random() & 0xffff) | (i % 2 ? 0 : 1))],
    ['all equal', new Int32Array(10_000).fill(-5)],
  ])('%s', (_, a) => {
    const { keys, order } = sortByFirstHash(a, a.length);
    const want = reference(a);
    expect([...order]).toEqual(want);
    expect([...keys]).toEqual(want.map((i) => a[i]));
  });
});

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
  it('sorts a large log (radix) as a small one (comparison): the same groups', () => {
    // 12,000 keys in three parts, each part past the size where the radix sort takes over.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 9000;
    const parts = [0, 1, 2].map(() => Array.from({ length: 4000 + next() % 500 }, () => `ID${next()}`));
    const groups = duplicates(logged(parts));
    expect(groups.length).toBeGreaterThan(100);
    expect(sortGroups(groups)).toEqual(sortGroups(naiveGroups(parts)));
  });
  it('finds the lines of one key in every part', () => {
    const blocks = logged([['a', 'b', 'a'], ['c', 'a'], [], ['a']]);
    expect(linesWithKey(blocks, 'a')).toEqual([1, 3, 5, 6]);
    expect(linesWithKey(blocks, 'z')).toEqual([]);
  });
});
