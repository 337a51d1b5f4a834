/**
 * Windows-1252, which Excel on Windows still writes. Node's TextDecoder('windows-1252') maps
 * 0x80-0x9F to C1 controls (latin1), losing curly quotes and the euro sign, so we map them here.
 */
const HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const toByte = new Map<string, number>([...HIGH].map((c, i) => [c, 0x80 + i]));

export function decodeCp1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]) : text;
}

export class UnencodableError extends Error {}

/** Encodes text as Windows-1252; a character it cannot hold is an error, never a silent '?'. */
export function encodeCp1252(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : toByte.get(text[i]);
    if (mapped === undefined) {
      throw new UnencodableError(`the character "${text[i]}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}) cannot be written in Windows-1252`);
    }
    out[i] = mapped;
  }
  return out;
}
