/** Change reports are opened in Excel: no cell may run as a formula or carry control characters. */
import { describe, expect, it } from 'vitest';
import { changeReportCsv, csvCell } from '../../src/core/engine.js';

describe('change report cells', () => {
  it('keeps what Excel would run as a formula as text', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}HYPERLINK("http://x","y")`)).toBe(`"'${start}HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('Smith')).toBe('Smith');
    expect(csvCell(12)).toBe('12');
  });
  it('shows a leading tab or CR, and every control character, as on screen', () => {
    expect(csvCell('\t=1+1')).toBe('<U+0009>=1+1');
    expect(csvCell('Smith\u001b[2J')).toBe('Smith<U+001B>[2J');
    expect(csvCell('\r=cmd')).toBe('<U+000D>=cmd');
  });
  it('applies to every column of a report', () => {
    const csv = changeReportCsv([{ line: 3, field: 'Legal Last Name', before: '=cmd|"/c calc"!A1', after: '@SUM(1)', code: 'edit' }]);
    expect(csv.split('\n')[1]).toBe(`3,Legal Last Name,"'=cmd|""/c calc""!A1",'@SUM(1),edit,,,,`);
  });
});
