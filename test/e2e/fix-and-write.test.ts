/**
 * A clerk's journey at 80x24 in a real terminal: open the bundled sample, fix a suffix and a
 * grade code with keys, write, and quit; then the written file and the terminal are checked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, SAMPLE, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

describe('the workstation in a real terminal', () => {
  it('fixes a suffix and a grade code, writes the file, and gives the terminal back', async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, 'batch.txt'));
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')} batch.txt`, { cwd: dir, env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    const summary = await terminal.waitFor(/WOULD BE REJECTED/);
    expect(summary).toContain('The trailer says 17 records; the file has 18');
    expect(summary).toMatch(/press f to recompute: 18/);

    terminal.press('Enter');
    await terminal.waitFor(/› Legal Last Name\s+Smith, Jr\. \(Jones\)/);
    terminal.press('a');
    const suffixFixed = await terminal.waitFor(/Legal Name Suffix\s+Jr\./);
    expect(suffixFixed).toMatch(/1 unsaved edit/);

    terminal.press('n');
    await terminal.waitFor(/› Current Grade Level\s+K\s/);
    terminal.press('a');
    await terminal.waitFor(/Current Grade Level\s+KK/);

    terminal.press('w');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.press('Enter');
    const written = await terminal.waitFor(/Checked again:/);
    expect(written).toContain(`Wrote ${join(dir, 'batch.fixed.txt')}`);
    expect(written).toMatch(/no unsaved edits/);

    terminal.command('app.quit'); // Ctrl-C: from any screen (q closes the write screen)
    const after = await terminal.waitFor(/\[exited 0\]/);
    expect(after).not.toContain('rollfix │'); // the alternate screen is gone

    const lines = readFileSync(join(dir, 'batch.fixed.txt'), 'utf8').split('\r\n');
    expect(lines[2]).toBe('ID,0177,644,Smith,Michael,,Jr.,M,07/22/2013,07,100235,,B,,644,2027');
    expect(lines[3]).toBe('ID,0177,644,Garcia,Sofia,,,F,10/02/2020,KK,100236,,H,,644,2027');
    expect(readFileSync(join(dir, 'batch.fixed.changes.csv'), 'utf8')).toContain('4,Current Grade Level,K,KK,field/code');
    const check = JSON.parse(cli(['check', join(dir, 'batch.fixed.txt'), '--json']).stdout);
    expect(check.issues.map((i: { line: number; code: string }) => `${i.line} ${i.code}`)).not.toContain('3 gtid/last-name-suffix');
    expect(readFileSync(join(dir, 'batch.txt'))).toEqual(readFileSync(SAMPLE));
  });
});
