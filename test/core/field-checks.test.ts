import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fieldFinding, repairField } from '../../src/core/field-checks.js';
import { fastChecks } from '../../src/core/fast-checks.js';
import type { FieldSpec } from '../../src/core/field-spec.js';
import { DETAIL, HEADER, TRAILER } from '../../formats/gtid/spec.js';

const spec = (name: string): FieldSpec => DETAIL.fields.find((f) => f.name === name)!;
const code = (name: string, value: string) => fieldFinding(spec(name), value)?.code ?? null;

describe('generic field checks', () => {
  it('flags each generic problem with its code', () => {
    expect(code('Legal First Name', '')).toBe('field/required');
    expect(code('Legal First Name', '   ')).toBe('field/required');
    expect(code('Legal Middle Name', '')).toBeNull();
    expect(code('Legal First Name', 'x'.repeat(61))).toBe('field/too-long');
    expect(code('Gender', 'X')).toBe('field/code');
    expect(code('Gender', 'm')).toBe('field/code');
    expect(code('Date of Birth', '2015-03-14')).toBe('field/date');
    expect(code('Social Security Number', '123-45-6789')).toBe('field/format');
    expect(code('Social Security Number', '12345678')).toBe('field/format');
    expect(code('Current School Year', '05')).toBe('field/format');
    expect(code('Legal First Name', 'Em\u001b[31mily')).toBe('field/non-printable');
    expect(code('Legal First Name', 'Em\u200bily')).toBe('field/non-printable');
    expect(code('Legal First Name', 'Emily\u202e')).toBe('field/non-printable');
    expect(code('Legal First Name', ' Emily')).toBe('field/whitespace');
  });
  it('counts VarChar2 limits in UTF-8 bytes', () => {
    const suffix = spec('Legal Name Suffix'); // VarChar2(10)
    expect(fieldFinding(suffix, 'ééééé')).toBeNull(); // 10 bytes
    expect(fieldFinding(suffix, 'éééééé')?.message).toMatch(/12 bytes/);
  });
  it('does not echo a sensitive value in its message', () => {
    expect(fieldFinding(spec('Social Security Number'), '123-45-6789')!.message).not.toContain('6789');
  });
  it('checks the header and trailer fields the seed lists', () => {
    const h = (name: string, v: string) => fieldFinding(HEADER.fields.find((f) => f.name === name)!, v)?.code ?? null;
    expect(h('Extract Time', '08:15:00')).toBeNull();
    expect(h('Extract Time', '24:00:00')).toBe('field/format');
    expect(h('Extract Time', '8:15')).toBe('field/format');
    expect(h('Version', '1.0')).toBeNull();
    expect(h('Version', '2.0')).toBe('field/code');
    expect(h('Delimiter', 'delimiter=,')).toBeNull();
    expect(h('Delimiter', 'delimiter=0X2C')).toBeNull();
    expect(h('Delimiter', 'delimiter=0X09')).toBeNull();
    expect(h('Delimiter', 'delimiter=;')).toBe('field/format');
    expect(h('Transmission ID', 'A12')).toBe('field/format');
    expect(fieldFinding(TRAILER.fields[1], '4711')).toBeNull();
  });
});

describe('generic repairs', () => {
  const repair = (name: string, value: string) => repairField(spec(name), value);
  it('proposes values that pass, with the least sure step deciding the confidence', () => {
    expect(repair('Gender', 'm')).toMatchObject({ value: 'M', confidence: 'safe' });
    expect(repair('Gender', 'Female')).toMatchObject({ value: 'F', confidence: 'safe' });
    expect(repair('Race / Ethnicity', 'white')).toMatchObject({ value: 'W', confidence: 'safe' });
    expect(repair('Race / Ethnicity', 'Two or more races')).toMatchObject({ value: 'M', confidence: 'safe' });
    expect(repair('Social Security Number', '123-45-6789')).toMatchObject({ value: '123456789', confidence: 'safe' });
    expect(repair('Social Security Number', '123/45/6789')).toMatchObject({ value: '123456789', confidence: 'safe' });
    expect(repair('Legal First Name', ' Emily ')).toMatchObject({ value: 'Emily', confidence: 'safe' });
    expect(repair('Legal First Name', 'Em\u001b[31mily')).toMatchObject({ value: 'Emily', confidence: 'safe' });
    expect(repair('Date of Birth', ' 03-04-2011')).toMatchObject({ value: '03/04/2011', confidence: 'review' });
  });
  it('proposes nothing it cannot make valid', () => {
    expect(repair('Legal First Name', '')).toBeNull();
    expect(repair('Gender', 'X')).toBeNull();
    expect(repair('Social Security Number', '12-34')).toBeNull();
    expect(repair('Legal First Name', 'x'.repeat(61))).toBeNull();
  });
});

describe('properties', () => {
  const specs = [...HEADER.fields, ...DETAIL.fields, ...TRAILER.fields];
  const values = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('K', 'Grade 3', '3rd', '2011-03-04', '3/4/2011', ' Male ', '123-45-6789', '2024-2025', 'v1', 'delimiter=tab', '\u001b]0;x\u0007'));

  it('never throws, and a repaired value is clean: repairing it again proposes nothing', () => {
    fc.assert(fc.property(fc.constantFrom(...specs), values, (s, v) => {
      const proposal = repairField(s, v);
      if (proposal === null) return;
      expect(fieldFinding(s, proposal.value)).toBeNull();
      expect(repairField(s, proposal.value)).toBeNull();
    }), { numRuns: 3000 });
  });

  it('the fast path never passes a value the full checks flag', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: specs.length - 1 }), fc.string({ unit: fc.constantFrom(...' ,0123456789/-:.ABCKMFWUkmx') }), (i, v) => {
      const layout = [HEADER, DETAIL, TRAILER].find((l) => l.fields.includes(specs[i]))!;
      const fast = fastChecks(layout)[layout.fields.indexOf(specs[i])];
      if (fast(v)) expect(fieldFinding(specs[i], v, true)).toBeNull();
    }), { numRuns: 5000 });
  });
});
