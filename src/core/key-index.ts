/**
 * Duplicate detection that does not keep the records: each key is reduced to two independent
 * 32-bit hashes (a 64-bit fingerprint; for a million keys the chance that two different keys
 * collide is about 3 in 100 million) and stored with its first line number and a 32-bit payload
 * in flat typed arrays, open addressing with linear probing: about 20 bytes per distinct key
 * instead of a JS string and a Map entry.
 */
import { fingerprint, FINGERPRINT } from './fingerprint.js';
export class KeyIndex {
  /**
   * Slots of two Int32s, hash a and first line, side by side so that a probe touches one cache
   * line; hash b and the payload sit in arrays of their own, read only when hash a matches. At
   * 8 bytes a slot the tables of a million-record file stay near the CPU's last-level cache.
   * A line of 0 marks an empty slot.
   */
  private slots: Int32Array;
  private second: Int32Array;
  private payloads: Int32Array;
  private size = 0;
  private slot = -1;
  /** The payload stored with the key the last `firstLine` call found. */
  matchedPayload = 0;

  /** `expected`: how many distinct keys are likely, so the table rarely has to grow. */
  constructor(expected = 4096) {
    let capacity = 1024;
    while (capacity < expected * 1.5) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.second = new Int32Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  private find(key: string): boolean {
    fingerprint(key);
    const a = FINGERPRINT[0];
    const b = FINGERPRINT[1];
    const t = this.slots;
    const mask = this.second.length - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (t[slot * 2 + 1] !== 0 && (t[slot * 2] !== a || this.second[slot] !== b)) slot = (slot + 1) & mask;
    this.slot = slot;
    if (t[slot * 2 + 1] !== 0) return true;
    t[slot * 2] = a;
    this.second[slot] = b;
    return false;
  }

  /**
   * Records `line` (and `payload`) under `key` if the key is new and returns 0; otherwise returns
   * the first line the key was seen on and sets `matchedPayload`.
   */
  firstLine(key: string, line: number, payload = 0): number {
    if (this.find(key)) {
      this.matchedPayload = this.payloads[this.slot];
      return this.slots[this.slot * 2 + 1];
    }
    this.slots[this.slot * 2 + 1] = line;
    this.payloads[this.slot] = payload;
    if (++this.size * 4 > this.second.length * 3) this.grow();
    return 0;
  }

  private grow(): void {
    const { slots, second, payloads } = this;
    const capacity = second.length * 2;
    this.slots = new Int32Array(capacity * 2);
    this.second = new Int32Array(capacity);
    this.payloads = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < second.length; i++) {
      if (slots[i * 2 + 1] === 0) continue;
      let slot = (slots[i * 2] ^ (second[i] >>> 7)) & mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      this.slots[slot * 2] = slots[i * 2];
      this.slots[slot * 2 + 1] = slots[i * 2 + 1];
      this.second[slot] = second[i];
      this.payloads[slot] = payloads[i];
    }
  }
}

/**
 * One pass over a line that yields a 30-bit hash of it, whether it is plain printable ASCII
 * (bit 0) and whether it has a double quote (bit 1). A plain line needs no per-field search for control characters and no byte
 * counting, which takes two regular-expression passes off the hot path of a million records.
 * `allowTab`: the tab is the record delimiter, not a control character in a value.
 */
export function profileLine(text: string, allowTab: boolean): number {
  let h = 0x811c9dc5 ^ text.length;
  let plain = PLAIN;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || c === 34) {
      if (c === 34) plain |= QUOTED;
      else if (!(c === 9 && allowTab)) plain &= ~PLAIN;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return (h & ~3) | plain;
}

/** Bit 0 of a line profile: printable ASCII only. */
export const PLAIN = 1;
/** Bit 1 of a line profile: the line has a double quote, so it needs the CSV parser. */
export const QUOTED = 2;

/** A 32-bit hash of a whole line (FNV-1a), for telling an exact repeat among equal keys. */
export function hashLine(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
