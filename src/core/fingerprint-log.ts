/**
 * Duplicate detection for a whole-file check, without random memory access on the hot path.
 * Each key is appended as a 64-bit fingerprint (two 32-bit hashes), its line and a payload to
 * flat typed arrays, in line order: sequential writes only. At the end the fingerprints are
 * radix-sorted (two passes of 16 bits over the first hash; stable, so equal keys stay in line
 * order) and equal neighbours are the duplicates.
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

  /**
   * The entries sorted by first hash (unsigned), ties in line order: a stable LSD radix sort,
   * two passes of 16 bits. Each part of a file sorts its own log on its own thread.
   */
  sortedData(): FingerprintData {
    const n = this.size;
    let keys = this.a.slice(0, n);
    let order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    let nextKeys = new Int32Array(n);
    let nextOrder = new Int32Array(n);
    const counts = new Int32Array(65536);
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
      let sum = 0;
      for (let d = 0; d < 65536; d++) {
        const c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const at = counts[(keys[i] >>> shift) & 0xffff]++;
        nextKeys[at] = keys[i];
        nextOrder[at] = order[i];
      }
      [keys, nextKeys] = [nextKeys, keys];
      [order, nextOrder] = [nextOrder, order];
    }
    return { a: keys, order, b: this.b.subarray(0, n), lines: this.lines.subarray(0, n), payloads: this.payloads.subarray(0, n) };
  }
}

/**
 * Every group of entries with the same key (two or more), as [line, payload] pairs in line
 * order. `blocks` are sorted logs of consecutive parts of the file, in file order, each with the
 * number of lines before it: a k-way merge, so no block is copied.
 */
export function duplicates(blocks: Array<{ data: FingerprintData; lineOffset: number }>): Array<Array<[number, number]>> {
  const heads = blocks.map(() => 0);
  const groups: Array<Array<[number, number]>> = [];
  const run: Array<[number, number, number]> = [];
  for (;;) {
    // The smallest head (each block is sorted, so equal keys sit at the heads)...
    let min = -1;
    for (let k = 0; k < blocks.length; k++) {
      const { a } = blocks[k].data;
      if (heads[k] < a.length && (min < 0 || a[heads[k]] >>> 0 < min)) min = a[heads[k]] >>> 0;
    }
    if (min < 0) return groups;
    // ...and whether more than one entry has it: almost never, so that case allocates nothing.
    let count = 0;
    let only = -1;
    for (let k = 0; k < blocks.length && count < 2; k++) {
      const { a } = blocks[k].data;
      for (let i = heads[k]; i < a.length && a[i] >>> 0 === min && count < 2; i++, only = k) count++;
    }
    if (count === 1) {
      heads[only]++;
      continue;
    }
    run.length = 0;
    for (let k = 0; k < blocks.length; k++) {
      const { data, lineOffset } = blocks[k];
      while (heads[k] < data.a.length && data.a[heads[k]] >>> 0 === min) {
        const i = data.order[heads[k]++];
        run.push([data.b[i], data.lines[i] + lineOffset, data.payloads[i]]);
      }
    }
    // Equal first hashes: split by the second hash, keeping line order within each key.
    const byB = new Map<number, Array<[number, number]>>();
    for (const [b, line, payload] of run) {
      const group = byB.get(b) ?? [];
      group.push([line, payload]);
      byB.set(b, group);
    }
    for (const group of byB.values()) if (group.length > 1) groups.push(group);
  }
}

/** Lines (with their blocks' offsets) whose key was `key`: a binary search in each sorted block. */
export function linesWithKey(blocks: ReadonlyArray<{ data: FingerprintData; lineOffset: number }>, key: string): number[] {
  fingerprint(key);
  const [a, b] = [FINGERPRINT[0], FINGERPRINT[1]];
  const target = a >>> 0;
  const lines: number[] = [];
  for (const { data, lineOffset } of blocks) {
    let lo = 0;
    let hi = data.a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (data.a[mid] >>> 0 < target) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < data.a.length && data.a[i] === a; i++) {
      const e = data.order[i];
      if (data.b[e] === b) lines.push(data.lines[e] + lineOffset);
    }
  }
  return lines;
}
