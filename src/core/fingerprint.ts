/**
 * A 64-bit fingerprint of a string: two independent 32-bit hashes (FNV-1a, and a
 * multiply-xorshift) computed in one pass. Results go to `FINGERPRINT` instead of a new array:
 * this runs for three keys of every record, and allocating would cost more than hashing.
 */
export const FINGERPRINT = new Int32Array(2);

export function fingerprint(key: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  FINGERPRINT[0] = a;
  FINGERPRINT[1] = b;
}
