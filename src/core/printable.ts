/**
 * Characters that must never reach a terminal or a receiving system from inside a value:
 * C0/C1 controls (escape sequences start with ESC or CSI), DEL, zero-width characters, bidi
 * overrides and isolates, the BOM, and Unicode line/paragraph separators.
 */
const NON_PRINTABLE_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\ufff9-\\ufffb]';

const nonPrintableTest = new RegExp(NON_PRINTABLE_SOURCE);
const nonPrintableAll = new RegExp(NON_PRINTABLE_SOURCE, 'g');

export function hasNonPrintable(value: string): boolean {
  return nonPrintableTest.test(value);
}

/**
 * Whole terminal escape sequences: CSI (ESC [ … final byte: colours, cursor moves, clearing),
 * OSC, DCS, PM and APC strings (ESC ] … BEL or ST: window titles, the clipboard), and the short
 * ESC forms. Stripping only the ESC would leave their text behind ("Smith[2J[H").
 */
const ESCAPE_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[ -/]*[0-~]/g;

/** The value without escape sequences (whole) and without any other non-printable character. */
export function stripNonPrintable(value: string): string {
  return value.replace(ESCAPE_SEQUENCE, '').replace(nonPrintableAll, '');
}

/** Describes the first few offending characters as code points, for a message. */
export function describeNonPrintable(value: string): string {
  const found = value.match(nonPrintableAll) ?? [];
  const names = [...new Set(found)].slice(0, 3).map(
    (c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'),
  );
  return names.join(', ') + (new Set(found).size > 3 ? ', ...' : '');
}

/** Shows a value safely in a terminal: every non-printable character becomes a visible `<U+XXXX>`. */
export function sanitise(value: string): string {
  return value.replace(
    nonPrintableAll,
    (c) => '<U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') + '>',
  );
}

/** A national ID as shown on screen and in reports: all but the last four characters hidden. */
export function mask(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : '*'.repeat(value.length - 4) + value.slice(-4);
}
