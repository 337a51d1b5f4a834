/**
 * The workstation never writes over the file it opened: not by its path, a symlink or a hard
 * link to it, and not through the change report's name (open X.changes.csv, write to X.csv).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, linkSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openDoc } from '../../src/session/document.js';
import { initialLive } from '../../src/session/live.js';
import { writeDoc } from '../../src/session/write-file.js';
import { OPTIONS, SAMPLE, tempDir } from '../helpers.js';

describe('writing never replaces the input', () => {
  const dir = tempDir();
  const input = join(dir, 'batch.txt');
  copyFileSync(SAMPLE, input);
  const before = readFileSync(input);

  for (const [how, target] of [
    ['its own path', () => input],
    ['the same path spelled otherwise', () => join(dir, '.', 'batch.txt')],
    ['a symlink to it', () => { const p = join(dir, 'link.txt'); symlinkSync(input, p); return p; }],
    ['a hard link to it', () => { const p = join(dir, 'hard.txt'); linkSync(input, p); return p; }],
  ] as const) {
    it(`refuses ${how}`, async () => {
      const doc = await openDoc(input, OPTIONS);
      await expect(writeDoc(doc, initialLive(doc), target())).rejects.toThrow(/is the file you opened/);
      expect(readFileSync(input)).toEqual(before);
    });
  }

  it('refuses an output whose change report would be the input', async () => {
    const opened = join(dir, 'X.changes.csv');
    copyFileSync(SAMPLE, opened);
    const doc = await openDoc(opened, OPTIONS, 'gtid');
    await expect(writeDoc(doc, initialLive(doc), join(dir, 'X.csv'))).rejects.toThrow(/its change report is the file you opened/);
    expect(readFileSync(opened)).toEqual(before);
  });
});
