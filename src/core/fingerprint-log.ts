/**
 * Duplicate detection for a whole-file check, without random memory access on the hot path.
 * Each key is appended as a 64-bit fingerprint (two 32-bit hashes), its line and a payload to
 * flat typed arrays, in line order: sequential writes only. At the end the fingerprints are
 * sorted (sortByFirstHash: stable, so equal keys stay in line order) and equal neighbours are
 * the duplicates.
 *
 * Why not a hash table: probing a table of a million keys misses the CPU caches (and, on a virtual
 * machine, the TLB) on almost every lookup; measured here that was about 280 ns a key, three keys a
 * record, a third of the whole check. Appending and one sort cost a small fraction of that.
 * The chance that two different keys share a fingerprint is about 3 in 100 million for a million
 * keys. The streaming fixer, which must decide as it goes, keeps using KeyIndex.
 */
import { fingerprint, FINGERPRINT } from './fingerprint.js';
/**
 * A log's entries as plain typed arrays (what crosses between threads): `a` sorted, and `order`
 * the index of each sorted entry in `b`, `lines` and `payloads`, which stay in log order: only
 * the rare entries that share a first hash are ever looked up through it.
 */
export interface FingerprintData {
  a: Int32Array;
  order: Int32Array;
  b: Int32Array;
  lines: Int32Array;
  payloads: Int32Array;
}

export class FingerprintLog {
  private a: Int32Array;
  private b: Int32Array;
  private lines: Int32Array;
  private payloads: Int32Array;
  private size = 0;

  constructor(expected = 1024) {
    const capacity = Math.max(16, Math.ceil(expected));
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  add(key: string, line: number, payload = 0): void {
    fingerprint(key);
    const a = FINGERPRINT[0];
    const b = FINGERPRINT[1];
    if (this.size === this.a.length) this.grow();
    const i = this.size++;
    this.a[i] = a;
    this.b[i] = b;
    this.lines[i] = line;
    this.payloads[i] = payload;
  }

  private grow(): void {
    const more = (old: Int32Array) => {
      const next = new Int32Array(old.length * 2);
      next.set(old);
      return next;
    };
    this.a = more(this.a);
    this.b = more(this.b);
    this.lines = more(this.lines);
    this.payloads = more(this.payloads);
  }

  /** The entries sorted by first hash (unsigned), ties in line order. Each part sorts its own log on its thread. */
  sortedData(): FingerprintData {
    const n = this.size;
    const { keys, order } = sortByFirstHash(this.a, n);
    return { a: keys, order, b: this.b.subarray(0, n), lines: this.lines.subarray(0, n), payloads: this.payloads.subarray(0, n) };
  }
}

/** Below this many keys a comparison sort is faster than walking 65,536 buckets. */
const SMALL = 4096;

/**
 * The first `n` hashes of `a` in unsigned order, ties in their order in `a` (stable), with the
 * index each came from: one counting pass on the high 16 bits into 65,536 buckets of about
 * n / 65,536 entries, then each bucket sorted by the low 16 bits, by insertion while it is small
 * (in cache, no second scattering pass: 25% faster than a second radix pass), by a stable
 * comparison sort when keys crowd into one bucket, so that no input makes it quadratic.
 */
export function sortByFirstHash(a: Int32Array, n: number): { keys: Int32Array; order: Int32Array } {
  if (n < SMALL) {
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => ordered(a[i]) - ordered(a[j]) || i - j);
    return { keys: order.map((i) => a[i]), order };
  }
  const keys = new Int32Array(n);
  const order = new Int32Array(n);
  const starts = new Int32Array(65537);
  for (let i = 0; i < n; i++) starts[(a[i] >>> 16) + 1]++;
  for (let d = 0; d < 65536; d++) starts[d + 1] += starts[d];
  const next = starts.slice(0, 65536);
  for (let i = 0; i < n; i++) {
    const at = next[a[i] >>> 16]++;
    keys[at] = a[i];
    order[at] = i;
  }
  for (let d = 0; d < 65536; d++) {
    const lo = starts[d];
    const hi = starts[d + 1];
    if (hi - lo > 64) {
      const sorted = Array.from(order.subarray(lo, hi)).sort((x, y) => (a[x] & 0xffff) - (a[y] & 0xffff) || x - y);
      for (let k = 0; k < sorted.length; k++) (order[lo + k] = sorted[k]), (keys[lo + k] = a[sorted[k]]);
      continue;
    }
    for (let i = lo + 1; i < hi; i++) {
      const key = keys[i];
      const at = order[i];
      const low = key & 0xffff;
      let j = i - 1;
      while (j >= lo && (keys[j] & 0xffff) > low) {
        keys[j + 1] = keys[j];
        order[j + 1] = order[j];
        j--;
      }
      keys[j + 1] = key;
      order[j + 1] = at;
    }
  }
  return { keys, order };
}

/** `a` as a signed int whose order is the unsigned order of `a`, without leaving 32-bit integers. */
const ordered = (a: number) => a ^ -0x80000000;

/** Index of the first entry of sorted `a` whose first hash is not below `key` (both as `ordered`). */
function lowerBound(a: Int32Array, key: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ordered(a[mid]) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First hashes (as `ordered`) held more than once: within each sorted block, and between two. */
function repeatedFirstHashes(blocks: ReadonlyArray<{ data: FingerprintData }>): Int32Array {
  const found: number[] = [];
  for (let p = 0; p < blocks.length; p++) {
    const a = blocks[p].data.a;
    for (let i = 1; i < a.length; i++) if (a[i] === a[i - 1]) found.push(ordered(a[i]));
    for (let q = p + 1; q < blocks.length; q++) {
      const b = blocks[q].data.a;
      // Two sorted arrays: one step forward on the smaller side; tight, as almost nothing matches.
      for (let i = 0, j = 0; i < a.length && j < b.length; ) {
        const x = ordered(a[i]);
        const y = ordered(b[j]);
        if (x < y) i++;
        else if (x > y) j++;
        else found.push(x), i++, j++;
      }
    }
  }
  const keys = Int32Array.from(found).sort();
  return keys.filter((k, i) => i === 0 || k !== keys[i - 1]);
}

/**
 * Every group of entries with the same key (two or more), as [line, payload] pairs in line
 * order. `blocks` are sorted logs of consecutive parts of the file, in file order, each with the
 * number of lines before it. Repeated keys are rare: they are found first, by scans of the
 * sorted arrays that allocate nothing, and only their entries are then looked up.
 */
export function duplicates(blocks: Array<{ data: FingerprintData; lineOffset: number }>): Array<Array<[number, number]>> {
  const groups: Array<Array<[number, number]>> = [];
  for (const key of repeatedFirstHashes(blocks)) {
    // Equal first hashes, in line order: split by the second hash, keeping line order within each key.
    const byB = new Map<number, Array<[number, number]>>();
    for (const { data, lineOffset } of blocks) {
      for (let at = lowerBound(data.a, key); at < data.a.length && ordered(data.a[at]) === key; at++) {
        const i = data.order[at];
        const group = byB.get(data.b[i]) ?? [];
        group.push([data.lines[i] + lineOffset, data.payloads[i]]);
        byB.set(data.b[i], group);
      }
    }
    for (const group of byB.values()) if (group.length > 1) groups.push(group);
  }
  return groups;
}

/** Lines (with their blocks' offsets) whose key was `key`: a binary search in each sorted block. */
export function linesWithKey(blocks: ReadonlyArray<{ data: FingerprintData; lineOffset: number }>, key: string): number[] {
  fingerprint(key);
  const [a, b] = [FINGERPRINT[0], FINGERPRINT[1]];
  const lines: number[] = [];
  for (const { data, lineOffset } of blocks) {
    for (let at = lowerBound(data.a, ordered(a)); at < data.a.length && data.a[at] === a; at++) {
      const e = data.order[at];
      if (data.b[e] === b) lines.push(data.lines[e] + lineOffset);
    }
  }
  return lines;
}
