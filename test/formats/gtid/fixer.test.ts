import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixFile, type FixResult } from '../../../src/core/engine.js';
import { fixture, gtidFile, detail, OPTIONS, rows, SAMPLE, tempDir, tempFile } from '../../helpers.js';
import { registry } from '../../../formats/registry.js';

async function fix(input: string, options = {}): Promise<FixResult & { text: string; bytes: Buffer; report: string }> {
  const dir = tempDir();
  const result = await fixFile(registry, input, join(dir, 'out.txt'), join(dir, 'out.changes.csv'), { ...OPTIONS, ...options });
  const bytes = readFileSync(result.output);
  return { ...result, bytes, text: bytes.toString('latin1'), report: readFileSync(result.changeReport, 'utf8') };
}

describe('fix --auto on GTID files', () => {
  it('writes the bundled sample as the golden files say, and leaves the input untouched', async () => {
    const before = readFileSync(SAMPLE);
    const result = await fix(SAMPLE);
    expect(readFileSync(SAMPLE)).toEqual(before);
    await expect(result.bytes.toString('utf8')).toMatchFileSnapshot('../../../snapshots/gtid/sample.fixed.txt');
    await expect(result.report).toMatchFileSnapshot('../../../snapshots/gtid/sample.changes.csv');
    expect(rows(result.after)).toEqual([
      '3 gtid/duplicate-local-id [Local Student ID]',
      '10 gtid/uk-age [Current Grade Level]',
      '12 gtid/duplicate-local-id [Local Student ID]',
      '13 field/date [Date of Birth]',
      '14 field/required [Legal First Name]',
      '16 gtid/ssn-migrant [Social Security Number]',
    ]);
  });
  it('leaves nothing safe to do: fixing the fixed file changes nothing', async () => {
    const once = await fix(fixture('records.txt'));
    const twice = await fix(once.output);
    expect(twice.changes).toEqual([]);
    expect(twice.bytes).toEqual(once.bytes);
    expect(once.after.issues.filter((i) => i.repair?.confidence === 'safe')).toEqual([]);
  });
  it('repairs each whole-file rejection that has a safe fix', async () => {
    for (const name of ['missing-trailer.txt', 'trailer-count.txt', 'transmission-id.txt', 'delimiter-mismatch.txt']) {
      const result = await fix(fixture(name));
      expect(rows(result.after), name).toEqual([]);
    }
    expect((await fix(fixture('missing-trailer.txt'))).text.endsWith('TT\t4711\t4\n')).toBe(true);
  });
  it('does not add a trailer to a file that looks cut short', async () => {
    const result = await fix(fixture('truncated.txt'));
    expect(result.text).not.toContain('TT');
    expect(result.after.rejected).toBe(true);
  });
  it('recomputes the trailer after deleting a repeated record and blank lines', async () => {
    const file = gtidFile([detail({ 10: '1' }), '', detail({ 10: '2' }), detail({ 10: '2' })]);
    const result = await fix(tempFile(file));
    expect(result.text.trim().split('\n')).toEqual([
      'TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,', detail({ 10: '1' }), detail({ 10: '2' }), 'TT\t4711\t4',
    ]);
    expect(result.after.issues).toEqual([]);
  });
  it('keeps the line endings, encoding, BOM and delimiter of the input', async () => {
    const crlf = await fix(fixture('clean-crlf.txt'));
    expect(crlf.bytes).toEqual(readFileSync(fixture('clean-crlf.txt')));
    const bom = await fix(fixture('utf8-bom.txt'));
    expect(bom.bytes).toEqual(readFileSync(fixture('utf8-bom.txt')));
    const tab = await fix(fixture('clean-tab.txt'));
    expect(tab.bytes).toEqual(readFileSync(fixture('clean-tab.txt')));
    const cp = await fix(fixture('windows-1252.txt'));
    expect(cp.after.input.encoding).toBe('windows-1252');
    expect([...cp.bytes.subarray(0, 200)]).toContain(0xf1); // ñ still one Windows-1252 byte
    expect(cp.text).toContain("O'Neil");
    expect(cp.text).toContain('\r\n');
  });
  it('quotes a repaired value only when it holds the delimiter', async () => {
    const result = await fix(tempFile(gtidFile([detail({ 3: '"Smith, Jr."', 7: 'male' })])));
    expect(result.text).toContain('ID,0177,644,Smith,Emily,Rose,Jr.,M,');
  });
});
