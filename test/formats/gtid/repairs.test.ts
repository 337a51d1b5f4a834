import { describe, expect, it } from 'vitest';
import { normaliseDelimiter, normaliseGrade, normaliseSchoolYear, normaliseVersion } from '../../../formats/gtid/repairs.js';

const value = (p: { value: string; confidence: string } | null) => (p ? `${p.value} ${p.confidence}` : null);

describe('GTID normalisers', () => {
  it('maps grade spellings to grade-level codes', () => {
    const cases: Record<string, string> = {
      K: 'KK safe', k: 'KK safe', Kindergarten: 'KK safe', 'Pre-K': 'PK safe', PreK: 'PK safe',
      '1': '01 safe', '9': '09 safe', '12': '12 safe', 'Grade 3': '03 safe', '3rd': '03 safe', '1st': '01 safe',
      'third grade': '03 safe', 'Gr. 10': '10 safe', G7: '07 safe', '0': 'KK review',
    };
    for (const [raw, want] of Object.entries(cases)) expect(value(normaliseGrade(raw)), raw).toBe(want);
    for (const raw of ['13', 'Senior', '', 'KG2']) expect(normaliseGrade(raw), raw).toBeNull();
  });
  it('turns school-year ranges into the ending year', () => {
    expect(value(normaliseSchoolYear('2024-2025'))).toBe('2025 safe');
    expect(value(normaliseSchoolYear('2024-25'))).toBe('2025 safe');
    expect(value(normaliseSchoolYear('2099-2100'))).toBe('2100 safe');
    expect(value(normaliseSchoolYear('SY2025'))).toBe('2025 safe');
    expect(value(normaliseSchoolYear('24-25'))).toBe('2025 review');
    expect(normaliseSchoolYear('2024-2026')).toBeNull();
    expect(normaliseSchoolYear('next year')).toBeNull();
  });
  it('writes the header constants as the seed spells them', () => {
    expect(value(normaliseVersion('1'))).toBe('1.0 safe');
    expect(value(normaliseVersion('v1.00'))).toBe('1.0 safe');
    expect(normaliseVersion('2.0')).toBeNull();
    expect(value(normaliseDelimiter('delimiter=tab'))).toBe('delimiter=0X09 safe');
    expect(value(normaliseDelimiter('DELIMITER=,'))).toBe('delimiter=, safe');
    expect(value(normaliseDelimiter('delimiter=comma'))).toBe('delimiter=, safe');
    expect(normaliseDelimiter('delimiter=;')).toBeNull();
  });
});
