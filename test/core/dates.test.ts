import { describe, expect, it } from 'vitest';
import { dateExists, dateProblem, repairDate } from '../../src/core/dates.js';

describe('dateProblem', () => {
  it('accepts real mm/dd/yyyy dates, leap days included', () => {
    expect(dateProblem('03/14/2015', 'mm/dd/yyyy')).toBeNull();
    expect(dateProblem('02/29/2016', 'mm/dd/yyyy')).toBeNull();
    expect(dateProblem('02/29/2000', 'mm/dd/yyyy')).toBeNull();
  });
  it('refuses dates that do not exist', () => {
    expect(dateProblem('02/29/2015', 'mm/dd/yyyy')).toMatch(/exists/);
    expect(dateProblem('02/29/1900', 'mm/dd/yyyy')).toMatch(/exists/);
    expect(dateProblem('13/01/2015', 'mm/dd/yyyy')).toMatch(/exists/);
    expect(dateProblem('04/31/2015', 'mm/dd/yyyy')).toMatch(/exists/);
    expect(dateProblem('00/10/2015', 'mm/dd/yyyy')).toMatch(/exists/);
  });
  it('refuses other layouts', () => {
    for (const v of ['3/14/2015', '2015-03-14', '03-14-2015', '03/14/15', ' 03/14/2015', '03/14/2015 ']) {
      expect(dateProblem(v, 'mm/dd/yyyy'), v).toMatch(/format/);
    }
  });
  it('reads dd/mm/yyyy the other way round', () => {
    expect(dateProblem('14/03/2015', 'dd/mm/yyyy')).toBeNull();
    expect(dateProblem('03/14/2015', 'dd/mm/yyyy')).toMatch(/exists/);
  });
  it('knows month lengths', () => {
    expect(dateExists(2024, 2, 29)).toBe(true);
    expect(dateExists(2023, 2, 29)).toBe(false);
    expect(dateExists(2023, 12, 31)).toBe(true);
  });
});

describe('repairDate to mm/dd/yyyy', () => {
  const repair = (v: string) => repairDate(v, 'mm/dd/yyyy');
  it('rewrites unambiguous layouts safely', () => {
    expect(repair('2011-03-04')).toMatchObject({ value: '03/04/2011', confidence: 'safe' });
    expect(repair('3/4/2011')).toMatchObject({ value: '03/04/2011', confidence: 'safe' });
    expect(repair('20110304')).toMatchObject({ value: '03/04/2011', confidence: 'safe' });
    expect(repair('4 Mar 2011')).toMatchObject({ value: '03/04/2011', confidence: 'safe' });
    expect(repair('March 4, 2011')).toMatchObject({ value: '03/04/2011', confidence: 'safe' });
    expect(repair('04-MAR-2011')).toMatchObject({ value: '03/04/2011', confidence: 'safe' });
    expect(repair('03-03-2011')).toMatchObject({ value: '03/03/2011', confidence: 'safe' });
    expect(repair('03-25-2011')).toMatchObject({ value: '03/25/2011', confidence: 'safe' });
  });
  it('asks for review when day and month could be swapped', () => {
    expect(repair('03-04-2011')).toMatchObject({ value: '03/04/2011', confidence: 'review' });
    expect(repair('03.04.2011')).toMatchObject({ value: '03/04/2011', confidence: 'review' });
    expect(repair('25/03/2011')).toMatchObject({ value: '03/25/2011', confidence: 'review' });
  });
  it('asks for review when the century is a guess', () => {
    expect(repair('03/04/11')).toMatchObject({ value: '03/04/2011', confidence: 'review' });
    expect(repair('03/04/98')).toMatchObject({ value: '03/04/1998', confidence: 'review' });
  });
  it('proposes nothing for what is not a date', () => {
    for (const v of ['', 'unknown', '02/30/2011', '2011-02-30', '13/13/2011', '1234']) expect(repair(v), v).toBeNull();
  });
});
