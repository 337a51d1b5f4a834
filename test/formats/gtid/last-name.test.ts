import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanseLastName, isCleanLastName } from '../../../formats/gtid/last-name.js';

const cleanse = (v: string, suffix = '') => {
  const r = cleanseLastName(v, suffix);
  return [r.last, r.suffix, r.confidence];
};

describe('Legal Last Name cleansing (seed 003 business rules)', () => {
  it('parses the seed example: "Smith, Jr. (Jones)" → Smith + Jr.', () => {
    expect(cleanse('Smith, Jr. (Jones)')).toEqual(['Smith', 'Jr.', 'safe']);
  });
  it('parses every standard suffix in any case, after any delimiter, last or not', () => {
    expect(cleanse("O'Brien-Walsh III")).toEqual(["O'Brien-Walsh", 'III', 'safe']);
    expect(cleanse('Smith jr')).toEqual(['Smith', 'jr', 'safe']);
    expect(cleanse('Smith SR.')).toEqual(['Smith', 'SR.', 'safe']);
    expect(cleanse('Smith-II')).toEqual(['Smith', 'II', 'safe']);
    expect(cleanse('Smith IV')).toEqual(['Smith', 'IV', 'safe']);
    expect(cleanse('Smith vi')).toEqual(['Smith', 'vi', 'safe']);
    expect(cleanse('Smith Jr (Jones)')).toEqual(['Smith', 'Jr', 'safe']);
  });
  it('asks a person about a lone I or V, which may be an initial', () => {
    expect(cleanse('Lee V')).toEqual(['Lee', 'V', 'review']);
    expect(cleanse('Lee I')).toEqual(['Lee', 'I', 'review']);
  });
  it('never touches names that only contain suffix letters', () => {
    for (const name of ['Vance', 'Ivy', 'Irving', 'Jrueh', 'Sriram', 'Vi', "O'Ivy", 'Van Der Berg', 'De La Cruz']) {
      expect(isCleanLastName(name) || cleanseLastName(name, '').steps.length === 0, name).toBe(true);
    }
  });
  it('needs a delimiter before the suffix: a leading "Jr" is not parsed', () => {
    expect(cleanse('Jr')).toEqual(['Jr', '', 'safe']);
  });
  it('removes parentheses with their text, and special characters but hyphen and apostrophe', () => {
    expect(cleanse('Smith (Jones)')).toEqual(['Smith', '', 'safe']);
    expect(cleanse('Smith*')).toEqual(['Smith', '', 'safe']);
    expect(cleanse('St. Clair!')).toEqual(['St Clair', '', 'safe']);
    expect(cleanse("D'Angelo-Ruiz")).toEqual(["D'Angelo-Ruiz", '', 'safe']);
    expect(cleanse('O\u2019Neil')).toEqual(["O'Neil", '', 'safe']);
    expect(cleanse('Muñoz')).toEqual(['Muñoz', '', 'safe']);
  });
  it('asks a person when the result is doubtful', () => {
    expect(cleanse('Smith (Jones')).toEqual(['Smith', '', 'review']);
    expect(cleanse('Smith2')).toEqual(['Smith', '', 'review']);
    expect(cleanse('Smith Jr III')[2]).toBe('review');
    expect(cleanse('Smith Jr', 'Sr')).toEqual(['Smith', 'Sr', 'review']);
    expect(cleanse('(Jones)')).toEqual(['', '', 'review']);
  });
  it('keeps an existing suffix that says the same', () => {
    expect(cleanse('Smith Jr.', 'JR')).toEqual(['Smith', 'JR', 'safe']);
  });
  it('is idempotent: cleansing a cleansed name changes nothing', () => {
    const alphabet = fc.constantFrom(...'abcSmithJrIV ,.-\'()*!2'.split(''));
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (name) => {
      const once = cleanseLastName(name, '');
      const twice = cleanseLastName(once.last, once.suffix);
      expect(twice.last).toBe(once.last);
      expect(twice.suffix).toBe(once.suffix);
    }), { numRuns: 5000 });
  });
});
