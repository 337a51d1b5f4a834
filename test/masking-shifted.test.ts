/**
 * Issue 13 item 10: with masking on, an SSN-shaped value is masked wherever it lands, under
 * another field's name too (columns shifted): check text, --json, the change report.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, tempFile } from './helpers.js';

const HEADER = 'TH\t11/15/2026\t14:30:00\t20261115\t1.0\tdelimiter=,';
/** One extra empty column: the SSN lands under Race / Ethnicity; one missing: under SSN's neighbour. */
const SHIFTED = [HEADER, 'ID,0177,644,Johnson,Emily,Rose,,,F,03/14/2015,05,100234,123456789,W,,644,2026', 'ID,0177,644,Smith,Rose,,F,03/14/2015,05,100235,987-65-4321,W,,644,2026', 'TT\t20261115\t4', ''].join('\n');

describe('SSN-shaped values in shifted columns', () => {
  it('are masked in check text and --json', () => {
    const path = tempFile(SHIFTED);
    for (const args of [['check', path], ['check', path, '--json']]) {
      const out = cli(args);
      expect(out.stdout).not.toMatch(/123456789|987-?65-?4321/);
      expect(out.stdout).toContain('*****6789');
    }
  });

  it('are masked in the change report (maskReports on, the default)', () => {
    const dir = tempDir();
    const path = tempFile(SHIFTED.replace('644,2026\nTT', '644,2026 \nTT'));
    cli(['fix', '--auto', path, '-o', join(dir, 'out.txt')]);
    const csv = readFileSync(join(dir, 'out.changes.csv'), 'utf8');
    expect(csv).not.toMatch(/123456789|987-?65-?4321/);
  });
});
