import { describe, expect, it } from 'vitest';
import { hasNonPrintable, sanitise, stripNonPrintable } from '../../src/core/printable.js';

describe('values that could drive a terminal', () => {
  it.each([
    ['a screen clear and cursor home', 'Smith\u001b[2J\u001b[H', 'Smith'],
    ['a window title (OSC 0, BEL)', 'Jones\u001b]0;pwned\u0007', 'Jones'],
    ['a clipboard write (OSC 52)', 'Lee\u001b]52;c;ZXZpbA==\u0007', 'Lee'],
    ['a hyperlink (OSC 8, ST)', 'O\u001b]8;;http://x\u001b\\Neil\u001b]8;;\u001b\\', 'ONeil'],
    ['a colour', 'Diaz\u001b[31m', 'Diaz'],
    ['an 8-bit CSI', 'Ko\u009b31mch', 'Koch'],
    ['a short ESC form (reset)', 'Ruiz\u001bc', 'Ruiz'],
    ['an OSC that never ends', 'Tan\u001b]0;title', 'Tan'],
    ['a bidi override', 'Ng\u202eyeK', 'NgyeK'],
    ['a zero-width space', 'Kim\u200b', 'Kim'],
    ['a NUL and a bell', 'A\u0000b\u0007', 'Ab'],
  ])('%s: stripped whole, and shown as placeholders', (_, value, stripped) => {
    expect(hasNonPrintable(value)).toBe(true);
    expect(stripNonPrintable(value)).toBe(stripped);
    expect(stripNonPrintable(stripped)).toBe(stripped); // stripping twice changes nothing
    expect(hasNonPrintable(sanitise(value))).toBe(false);
  });
  it('leaves printable text alone, accents and apostrophes included', () => {
    for (const v of ["O'Brien-Walsh", 'Núñez', 'Côté', '[2J']) expect(stripNonPrintable(v)).toBe(v);
  });
});
