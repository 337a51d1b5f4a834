/**
 * SACE's six files opened together in a real terminal: the list in import order, one file fixed
 * and written, and the list checked again with the written file in its place.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

describe('several files in a real terminal', () => {
  it('opens a file from the list, writes it, and comes back to the list checked again', async () => {
    const dir = tempDir();
    const samples = join(ROOT, 'formats/sace/samples');
    for (const f of readdirSync(samples).filter((n) => n.endsWith('.dat'))) copyFileSync(join(samples, f), join(dir, f));
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')} .`, { cwd: dir, env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    const list = await terminal.waitFor(/6 files │ in import order/);
    expect(list.indexOf('StudImp.dat')).toBeLessThan(list.indexOf('CEAImp.dat'));
    expect(list).toMatch(/4 {2}EnrlImp\.dat\s+sace-enrolments\s+! 1 record to fix, 2 across files/);
    for (const key of ['Down', 'Down', 'Down']) terminal.press(key);
    await terminal.waitFor(/Across files, EnrlImp\.dat:/);
    terminal.press('Enter');
    await terminal.waitFor(/SACE Enrolments import \(sace-enrolments\)/);
    terminal.press('Enter');
    await terminal.waitFor(/› Enrolment Status\s+e\s/);
    terminal.press('a');
    await terminal.waitFor(/1 unsaved edit/);
    terminal.press('w');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.press('Enter');
    await terminal.waitFor(/Checked again:/);
    terminal.command('app.quit'); // the file closes: back to the list
    const again = await terminal.waitFor(/EnrlImp\.fixed\.dat\s+sace-enrolments\s+✓ ready, 2 across files/);
    expect(again).not.toMatch(/EnrlImp\.dat /);
    terminal.press('q');
    await terminal.waitFor(/\[exited 0\]/);
    expect(readFileSync(join(dir, 'EnrlImp.fixed.dat'), 'utf8').split('\r\n')[0]).toBe('123,,S001,2025,1,1,BIG,10,,J,,123,123,01,E,,BIO1A,,,');
  });
});
