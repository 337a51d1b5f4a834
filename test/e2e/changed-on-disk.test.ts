/**
 * The input changed on disk while it was open (issue #13, item 4): in a real terminal, the write
 * stops and says so; y writes the clerk's edits from the file as it was opened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

describe('writing after the input changed on disk', () => {
  it('asks first, and y writes the edits from the file as opened', async () => {
    const dir = tempDir();
    const file = join(dir, 'batch.txt');
    copyFileSync(SAMPLE, file);
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')} ${file}`, { env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    await terminal.waitFor(/WOULD BE REJECTED/);
    terminal.press('Enter');
    await terminal.waitFor(/› Legal Last Name/);
    terminal.press('a');
    await terminal.waitFor(/1 unsaved edit/);
    appendFileSync(file, 'ID,0177,644,Added,ByExport,,,F,03/14/2015,05,999999,,W,,644,2027\r\n'); // another program
    terminal.press('w');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.press('Enter');
    const asked = await terminal.waitFor(/Write anyway\? y writes, n no/);
    expect(asked).toMatch(/batch.txt changed on disk at \d\d:\d\d UTC, after you opened it/);
    expect(asked).toContain('with your 1 edit');
    terminal.press('n');
    await terminal.waitFor(/Not written; your edits are kept/);
    terminal.press('Enter');
    await terminal.waitFor(/Write anyway\?/);
    terminal.press('y');
    await terminal.waitFor(/Checked again:/);
    const written = readFileSync(join(dir, 'batch.fixed.txt'), 'utf8');
    expect(written).toContain(',Smith,Michael,,Jr.,');
    expect(written).not.toContain('ByExport');
  });
});
