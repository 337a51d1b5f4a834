/**
 * A fixed-length EIS record edited with keys in a real terminal: the written file differs from
 * the input only in the edited field's columns and the accepted record type letter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

describe('an EIS file in a real terminal', () => {
  it('edits Eligible % in its three columns, writes, and moves no other byte', async () => {
    const dir = tempDir();
    const input = join(dir, '1234enr.asc');
    copyFileSync(join(ROOT, 'formats/eis/samples/1234enr.asc'), input);
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')} 1234enr.asc`, { cwd: dir, env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    await terminal.waitFor(/EIS Student Enrolment \(eis-enrolment\)/);
    terminal.press('Enter');
    await terminal.waitFor(/Line 4 /);
    terminal.press('n');
    const record = await terminal.waitFor(/› Eligible %\s+150/);
    expect(record).toContain('Eligible %: bytes 179-181 (3 wide)');
    terminal.press('Enter', 'BSpace', 'BSpace', 'BSpace');
    terminal.press('9');
    terminal.press('9');
    await terminal.waitFor(/Eligible % is valid/);
    terminal.press('Enter');
    await terminal.waitFor(/Eligible % changed/);
    terminal.press('w');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.press('Enter');
    await terminal.waitFor(/Checked again:/);
    terminal.command('app.quit');
    await terminal.waitFor(/\[exited 0\]/);

    const before = readFileSync(input);
    const after = readFileSync(join(dir, '1234enr.fixed.asc'));
    expect(after.length).toBe(before.length);
    const differ = [...before.keys()].filter((i) => before[i] !== after[i]);
    const line5 = before.indexOf('\r\nD0456104567893') + 2;
    expect(differ).toEqual([line5 + 178, line5 + 179, line5 + 180]);
    expect(after.subarray(line5 + 178, line5 + 181).toString()).toBe('99 ');
  });
});
