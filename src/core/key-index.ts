/**
 * Duplicate detection that does not keep the records: each key is reduced to two independent
 * 32-bit hashes (a 64-bit fingerprint; for a million keys the chance that two different keys
 * collide is about 3 in 100 million) and stored with its first line number in flat typed arrays,
 * open addressing with linear probing. About 12 bytes per distinct key instead of a JS string.
 */
export function hash64(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return [h1 | 0, (h2 ^ text.length) | 0];
}

export class KeyIndex {
  private h1: Int32Array;
  private h2: Int32Array;
  /** First line the key was seen on; negative once that first line has been reported too. */
  private lines: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 12) {
    this.h1 = new Int32Array(capacity);
    this.h2 = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
  }

  /**
   * Records `line` under `key` if it is new and returns 0; otherwise returns the first line the
   * key was seen on, negated if that line was already marked reported with `markReported`.
   */
  firstLine(key: string, line: number): number {
    const [a, b] = hash64(key);
    const mask = this.lines.length - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (this.lines[slot] !== 0) {
      if (this.h1[slot] === a && this.h2[slot] === b) return this.lines[slot];
      slot = (slot + 1) & mask;
    }
    this.h1[slot] = a;
    this.h2[slot] = b;
    this.lines[slot] = line;
    if (++this.size * 2 > this.lines.length) this.grow();
    return 0;
  }

  /** Marks the first occurrence of `key` as reported, so it is flagged once only. */
  markReported(key: string): void {
    const [a, b] = hash64(key);
    const mask = this.lines.length - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (this.lines[slot] !== 0) {
      if (this.h1[slot] === a && this.h2[slot] === b) {
        this.lines[slot] = -Math.abs(this.lines[slot]);
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const [h1, h2, lines] = [this.h1, this.h2, this.lines];
    const capacity = lines.length * 2;
    this.h1 = new Int32Array(capacity);
    this.h2 = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      let slot = (h1[i] ^ (h2[i] >>> 7)) & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.h1[slot] = h1[i];
      this.h2[slot] = h2[i];
      this.lines[slot] = lines[i];
    }
  }
}
