/**
 * Issue 13 item 10: with masking on, an SSN-shaped value is masked wherever it lands, under
 * another field's name too (columns shifted): check text, --json, the change report.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, tempFile } from './helpers.js';
import { masker } from '../src/core/engine.js';
import { registry } from '../formats/registry.js';

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

describe('the masker of messages', () => {
  const shown = masker(registry.byId('gtid')!);

  it('masks a quoted value that holds quotes itself, or brought its CSV quotes along', () => {
    for (const value of ['"123456789"', '"123-45-6789', '123456789"', ' "987654321" ']) {
      const text = shown.message(`Race / Ethnicity "${value}" is not one of W, B`);
      expect(text, value).not.toMatch(/123456789|123-45-6789|987654321/);
      expect(text, value).toMatch(/6789|4321/);
      expect(text, value).toMatch(/ is not one of W, B$/);
    }
  });

  it('masks every sensitive value of a message, and leaves the rest as it was', () => {
    const text = 'A "123456789" and B "x" and C "987-65-4321" and D "12"';
    expect(shown.message(text)).toBe('A "*****6789" and B "x" and C "*******4321" and D "12"');
    expect(shown.message('no quotes 123')).toBe('no quotes 123');
    expect(shown.message('one " quote')).toBe('one " quote');
    expect(shown.value('Race / Ethnicity', '"123456789"')).not.toContain('12345');
  });
});
