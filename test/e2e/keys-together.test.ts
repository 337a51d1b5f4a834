/**
 * Keys that arrive together, in a real terminal: a slow SSH link, key repeat or a paste delivers
 * several keys in one read. Each must act, in order; typed text stays text up to its Enter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

describe('keys sent in one write', () => {
  it('steps three records for nnn (a slow link), types a value, keeps it and steps on in one write', async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, 'batch.txt'));
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')} batch.txt`, { cwd: dir, env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    await terminal.waitFor(/WOULD BE REJECTED/);
    terminal.command('summary.start');
    await terminal.waitFor(/record 1 of 15/);

    terminal.together('record.next', 'record.next', 'record.next');
    await terminal.waitFor(/record 4 of 15/);
    terminal.together('record.previous', 'record.previous');
    await terminal.waitFor(/record 2 of 15/);
    await terminal.waitFor(/› Current Grade Level\s+K\s/);

    // Enter opens the editor; the rest of the write is its text, Enter keeps it, n steps on.
    terminal.together('record.edit', { text: '\u0015KK' }, 'record.edit', 'record.next');
    const after = await terminal.waitFor(/record 3 of 15/);
    expect(after).toMatch(/1 unsaved edit/);

    terminal.together('app.undo', 'app.redo', 'app.write');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.command('write.start');
    await terminal.waitFor(/Checked again:/);
    expect(readFileSync(join(dir, 'batch.fixed.txt'), 'utf8').split('\r\n')[3]).toBe('ID,0177,644,Garcia,Sofia,,,F,10/02/2020,KK,100236,,H,,644,2027');
    terminal.command('app.quit');
    await terminal.waitFor(/\[exited 0\]/);
  });

  it('moves down the table for jjj and opens the row of the last j with Enter in the same write (npm start: the bundled sample)', async () => {
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')}`, { env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    await terminal.waitFor(/WOULD BE REJECTED/);
    terminal.together('app.table', 'table.down', 'table.down', 'table.down', 'table.open');
    await terminal.waitFor(/record 4 of 15/);
  });
});
