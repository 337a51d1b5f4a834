import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulnIssue, upnCheckLetter, upnIssue } from '../../../formats/england/upn.js';
import { LA_CODES, LA_CODES_SETTING } from '../../../formats/england/la-codes.js';

/** The examples of ctf-reference.md (the public validators' facts it collects). */
describe('UPN and ULN (ctf-reference.md)', () => {
  it('computes the check letter of the verified examples, temporary UPNs included', () => {
    expect(upnCheckLetter('B801200005001')).toBe('B');
    expect(upnCheckLetter('R201100018042')).toBe('R');
    expect(upnCheckLetter('T20110001804V')).toBe('T');
    for (const upn of ['B801200005001', 'R201100018042', 'T20110001804V']) expect(upnIssue(upn, 1), upn).toBeNull();
    // printed in some help pages, but wrong: the letter is P
    expect(upnIssue('Q207000016049', 1)).toMatchObject({ code: 'upn/check-letter', message: expect.stringContaining('rule 1510: the check letter is Q; the other twelve characters give P') });
    expect(upnIssue('P207000016049', 1)).toBeNull();
  });
  it('rule 1530: characters 2–4 a recognised LA code, from the list, which a setting extends', () => {
    // right check letters, LA codes no validator knows
    expect(upnCheckLetter('A123456789012')).toBe('A');
    expect(upnIssue('A123456789012', 1)).toMatchObject({ code: 'upn/la-code', message: 'UPN "A123456789012" fails census rule 1530: characters 2–4 "123" are not a recognised LA code' });
    expect(upnCheckLetter('E000200005001')).toBe('E');
    expect(upnIssue('E000200005001', 1)?.code).toBe('upn/la-code');
    // The list is the reference's, read from it: a code added there and not here fails.
    const text = readFileSync(join(import.meta.dirname, '../../../../shared/seeds/ctf-reference.md'), 'utf8');
    const listed = /codes for rule 1530[^:]*:([^.]*)\./.exec(text.replace(/\s+/g, ' '))![1];
    const fromReference = listed.split(',').flatMap((r) => {
      const [from, to = from] = r.trim().split('–').map(Number);
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(3, '0'));
    });
    expect([...LA_CODES]).toEqual(fromReference);
    expect(LA_CODES.size).toBe(193);
    for (const code of ['001', '005', '201', '420', '681', '815', '896', '941']) expect(LA_CODES.has(code), code).toBe(true);
    for (const code of ['000', '006', '214', '321', '804', '942']) expect(LA_CODES.has(code), code).toBe(false);
    const extended = LA_CODES_SETTING.load!('123, 900-901') as ReadonlySet<string>;
    expect([...extended]).toEqual(['123', '900', '901']);
    expect(upnIssue('A123456789012', 1, 'UPN', new Set([...LA_CODES, ...extended]))).toBeNull();
    expect(() => LA_CODES_SETTING.load!('12a')).toThrow(/3-digit codes/);
  });
  it('rule 1540: a space or hyphen among characters 5–12 is named as such, not as a letter', () => {
    expect(upnIssue('B8012 0005001', 1)).toMatchObject({ code: 'upn/format', message: 'UPN "B8012 0005001" fails census rule 1540: characters 5–12 must be digits; character 6 is a space' });
    expect(upnIssue('B8012-0005001', 1)?.message).toContain('rule 1540: characters 5–12 must be digits; character 6 is a hyphen');
    expect(upnIssue('B8012000A5001', 1)?.message).toContain('rule 1540: characters 5–12 must be digits; character 9 is the letter A');
  });
  it('rule 1550: character 13 a digit or a letter other than I, O, S', () => {
    expect(upnIssue('B80120000500O', 1)).toMatchObject({ code: 'upn/format', message: expect.stringContaining('rule 1550: character 13 is the letter O') });
    expect(upnIssue('B80120000500-', 1)?.message).toContain('rule 1550: character 13 is a hyphen');
  });
  it('says what else is wrong, each rule named, and puts a lower-case UPN in capitals', () => {
    expect(upnIssue('B80120000500', 1)?.message).toBe('UPN "B80120000500" is 12 characters, not 13 (a UPN is a check letter and 12 characters)');
    expect(upnIssue('I801200005001', 1)).toMatchObject({ code: 'upn/format', message: expect.stringContaining('rule 1510: character 1 is the letter I') });
    expect(upnIssue('B0A0 00005001', 1)?.message).toMatch(/rule 1530: .*"0A0" are not an LA code.*; rule 1540: .*character 5 is a space/);
    expect(upnIssue('b801200005001', 1)?.repair).toMatchObject({ confidence: 'safe', values: { UPN: 'B801200005001' } });
    expect(upnIssue('', 1)).toBeNull();
  });
  it('checks a ULN\'s check digit', () => {
    expect(ulnIssue('1234567899', 1)).toBeNull();
    expect(ulnIssue('1234567890', 1)?.code).toBe('uln/check-digit');
    expect(ulnIssue('12345', 1)?.code).toBe('uln/check-digit');
  });
});
