/**
 * A killed session loses nothing: edits made in a real terminal survive SIGKILL (the process
 * gets no chance to save) and SIGHUP (a dropped SSH connection); reopening the file offers to
 * resume them, and resuming brings back every edit and the undo history.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals) t.close();
  terminals = [];
});

describe.each([['SIGKILL'], ['SIGHUP']] as const)('after %s', (signal) => {
  it('resumes every edit, with its undo history', async () => {
    const dir = tempDir();
    const env = { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() };
    const file = join(dir, `batch-${signal}.txt`);
    copyFileSync(SAMPLE, file);
    const command = `node ${join(ROOT, 'bin/rollfix')} ${file}`;
    const first = new Terminal(command, { env });
    terminals.push(first);
    await first.waitFor(/WOULD BE REJECTED/);
    first.press('Enter');
    await first.waitFor(/› Legal Last Name/);
    first.press('a');
    await first.waitFor(/1 unsaved edit/);
    first.press('n');
    await first.waitFor(/› Current Grade Level\s+K\s/);
    first.press('a');
    await first.waitFor(/2 unsaved edits/);
    process.kill(first.programPid(), signal);
    await first.waitFor(signal === 'SIGKILL' ? /\[exited 137\]/ : /\[exited 129\]/);

    const second = new Terminal(command, { env });
    terminals.push(second);
    await second.waitFor(/2 unsaved edits from .* UTC/);
    second.press('v');
    await second.waitFor(/accept field\/code on line 4/);
    second.press('r');
    await second.waitFor(/Resumed 2 unsaved edits/);
    second.press('u');
    await second.waitFor(/Undone: accept field\/code on line 4/);
    second.press('C-r', 'w');
    await second.waitFor(/Write the resubmission file/);
    second.press('Enter');
    await second.waitFor(/Checked again:/);
    const lines = readFileSync(file.replace('.txt', '.fixed.txt'), 'utf8').split('\r\n');
    expect(lines[2]).toContain(',Smith,Michael,,Jr.,');
    expect(lines[3]).toContain(',10/02/2020,KK,');
    second.command('app.quit');
    await second.waitFor(/\[exited 0\]/);

    // Written, so there is nothing left to resume.
    const third = new Terminal(command, { env });
    terminals.push(third);
    // The edits written are remembered as decisions, and offered again on this file (issue #17).
    await third.waitFor(/3 decisions you made before apply to this file/);
    expect(third.screen()).not.toMatch(/unsaved edits from/);
  });
});
