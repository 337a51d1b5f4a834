import { describe, expect, it } from 'vitest';
import { applyKey, insert, type LineEdit, type LineKey } from '../../src/session/line-edit.js';

const at = (s: string): LineEdit => ({ text: s.replace('|', ''), caret: s.indexOf('|') });
const show = (e: LineEdit) => `${e.text.slice(0, e.caret)}|${e.text.slice(e.caret)}`;
const keys = (s: string, ...ks: LineKey[]) => show(ks.reduce(applyKey, at(s)));

describe('the line editor', () => {
  it('moves the cursor by character, to either end, and inserts where it is', () => {
    expect(keys('A123|', 'home')).toBe('|A123');
    expect(keys('|A123', 'right', 'right')).toBe('A1|23');
    expect(keys('A1|23', 'left', 'left', 'left')).toBe('|A123');
    expect(keys('A12|', 'right', 'end')).toBe('A12|');
    expect(show(insert(at('|123'), 'B'))).toBe('B|123');
  });
  it('corrects the first letter of a 13-character UPN without retyping it', () => {
    const upn = at('B801200001001|');
    const fixed = insert(applyKey(applyKey(upn, 'home'), 'delete'), 'A');
    expect(show(fixed)).toBe('A|801200001001');
  });
  it('deletes forward with Delete and backward with Backspace, and DEL typed in a chunk deletes backward', () => {
    expect(keys('ab|cd', 'delete')).toBe('ab|d');
    expect(keys('ab|cd', 'backspace')).toBe('a|cd');
    expect(keys('abcd|', 'delete')).toBe('abcd|');
    expect(keys('|abcd', 'backspace')).toBe('|abcd');
    expect(show(insert(at('ab|cd'), 'x\u007f\u007fy'))).toBe('ay|cd');
  });
  it('kills as readline does: a word back, to the start, to the end', () => {
    expect(keys('Jean  Paul |Smith', 'kill-word')).toBe('Jean  |Smith');
    expect(keys('Jean Paul|', 'kill-word', 'kill-word')).toBe('|');
    expect(keys('Jean |Paul', 'kill-start')).toBe('|Paul');
    expect(keys('Jean |Paul', 'kill-end')).toBe('Jean |');
  });
  it('treats a character outside the BMP as one', () => {
    expect(keys('a😀|', 'left')).toBe('a|😀');
    expect(keys('a😀|', 'backspace')).toBe('a|');
    expect(keys('a|😀b', 'delete')).toBe('a|b');
  });
});

describe('the cursor drawn', () => {
  it('is an inverse cell under the character, or a space at the end, and stays in sight in a narrow cell', async () => {
    const { cursorCells } = await import('../../screens/components/cells.js');
    const cells = (text: string, fromEnd: number, width: number) => cursorCells(text, fromEnd, width).map((c) => `${c.inverse ? '[' : ''}${c.text}${c.inverse ? ']' : ''}/${c.width}`).join(' ');
    expect(cells('Smith', 0, 8)).toBe('Smith/5 [ ]/1 /2');
    expect(cells('Smith', 5, 8)).toBe('/0 [S]/1 mith/7');
    expect(cells('B801200001001', 0, 6)).toBe('…1001/5 [ ]/1 /0');
    const { sanitise } = await import('../../src/core/printable.js');
    const shown = sanitise('a\u001b[31m'); // an escape typed or pasted is drawn, never sent
    expect(cells('a\u001b[31mb', 1, 30)).toBe(`${shown}/${shown.length} [b]/1 /${29 - shown.length}`);
  });
});
