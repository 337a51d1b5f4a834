import { describe, expect, it } from 'vitest';
import { KeyIndex, PLAIN, QUOTED, profileLine } from '../../src/core/key-index.js';

describe('KeyIndex', () => {
  it('returns 0 for a new key and the first line for a repeat', () => {
    const index = new KeyIndex(4);
    expect(index.firstLine('100234', 2)).toBe(0);
    expect(index.firstLine('100235', 3)).toBe(0);
    expect(index.firstLine('100234', 9)).toBe(2);
    expect(index.firstLine('100234', 11)).toBe(2);
  });
  it('keeps every key while it grows far past its first size', () => {
    const index = new KeyIndex(1);
    for (let i = 1; i <= 50_000; i++) expect(index.firstLine(`id-${i}`, i)).toBe(0);
    for (let i = 1; i <= 50_000; i += 997) expect(index.firstLine(`id-${i}`, 60_000)).toBe(i);
  });
  it('remembers the payload of the first line', () => {
    const index = new KeyIndex();
    index.firstLine('k', 5, 42);
    expect(index.firstLine('k', 6, 7)).toBe(5);
    expect(index.matchedPayload).toBe(42);
  });
});

describe('profileLine', () => {
  it('tells plain ASCII lines from lines with controls, non-ASCII or quotes', () => {
    expect(profileLine('ID,a,b', false) & PLAIN).toBe(PLAIN);
    expect(profileLine('ID\ta\tb', true) & PLAIN).toBe(PLAIN);
    expect(profileLine('ID\ta\tb', false) & PLAIN).toBe(0);
    expect(profileLine('ID,Muñoz', false) & PLAIN).toBe(0);
    expect(profileLine('ID,a\u001b[31m', false) & PLAIN).toBe(0);
    expect(profileLine('ID,"a,b"', false) & QUOTED).toBe(QUOTED);
    expect(profileLine('ID,ab', false) & QUOTED).toBe(0);
  });
  it('hashes equal lines equally and different lines differently', () => {
    expect(profileLine('ID,a,b', false)).toBe(profileLine('ID,a,b', false));
    expect(profileLine('ID,a,b', false)).not.toBe(profileLine('ID,a,c', false));
  });
});
