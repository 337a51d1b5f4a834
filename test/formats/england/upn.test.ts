import { describe, expect, it } from 'vitest';
import { ulnIssue, upnCheckLetter, upnIssue } from '../../../formats/england/upn.js';

describe('UPN and ULN (ctf-reference.md)', () => {
  it('computes the check letter of the verified examples, temporary UPNs included', () => {
    expect(upnCheckLetter('B801200005001')).toBe('B');
    expect(upnCheckLetter('R201100018042')).toBe('R');
    expect(upnCheckLetter('T20110001804V')).toBe('T');
    // printed in some help pages, but wrong: the letter is P
    expect(upnIssue('Q207000016049', 1)).toMatchObject({ code: 'upn/check-letter', message: expect.stringContaining('its digits give P (census error 1510)') });
    expect(upnIssue('P207000016049', 1)).toBeNull();
  });
  it('says what is wrong with the shape, and puts a lower-case UPN in capitals', () => {
    expect(upnIssue('B80120000500', 1)?.message).toBe('UPN "B80120000500" is 12 characters, not 13');
    expect(upnIssue('B8012000A5001', 1)?.message).toContain('census error 1540');
    expect(upnIssue('I801200005001', 1)?.code).toBe('upn/format');
    expect(upnIssue('b801200005001', 1)?.repair).toMatchObject({ confidence: 'safe', values: { UPN: 'B801200005001' } });
    expect(upnIssue('', 1)).toBeNull();
  });
  it('checks a ULN\'s check digit', () => {
    expect(ulnIssue('1234567899', 1)).toBeNull();
    expect(ulnIssue('1234567890', 1)?.code).toBe('uln/check-digit');
    expect(ulnIssue('12345', 1)?.code).toBe('uln/check-digit');
  });
});
