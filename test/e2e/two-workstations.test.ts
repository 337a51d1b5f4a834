/**
 * One file in two terminals (issue #13, item 7): the second workstation is told the file is open
 * in the first and may only view it, so it never undoes or saves the first one's edits. A first
 * workstation killed with SIGKILL leaves a stale lock, taken over (and said) by the next; one
 * hung up on (SIGHUP) gives its lock back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals) t.close();
  terminals = [];
});

describe('the same file in two workstations', () => {
  it('the second is told and may only view; a killed first one is taken over; a hung-up one lets go', async () => {
    const dir = tempDir();
    const state = tempDir();
    const env = { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: state };
    const file = join(dir, 'batch.txt');
    copyFileSync(SAMPLE, file);
    const open = () => {
      const t = new Terminal(`node ${join(ROOT, 'bin/rollfix')} ${file}`, { env });
      terminals.push(t);
      return t;
    };
    const locks = () => readdirSync(state).filter((n) => n.endsWith('.lock'));

    const first = open();
    await first.waitFor(/WOULD BE REJECTED/);
    first.press('Enter');
    await first.waitFor(/› Legal Last Name/);
    first.press('a');
    await first.waitFor(/1 unsaved edit/);
    const firstPid = first.programPid();

    const second = open();
    const told = await second.waitFor(/batch.txt is open in another rollfix workstation/);
    expect(told).toContain(`process ${firstPid} on this computer`);
    expect(told).not.toMatch(/unsaved edit/);
    second.press('v');
    await second.waitFor(/Summary │ READ-ONLY/);
    second.press('Enter');
    await second.waitFor(/Record │ READ-ONLY/);
    second.press('a');
    await second.waitFor(/Read-only: batch.txt is open in another workstation/);
    second.press('u');
    await second.waitFor(/Read-only: batch.txt is open in another workstation/);
    second.command('app.quit');
    await second.waitFor(/\[exited 0\]/);

    // The first one's edit and its undo history are its own.
    first.press('u');
    await first.waitFor(/Undone: /);
    first.press('C-r');
    await first.waitFor(/Redone: .*1 unsaved edit/s);
    process.kill(firstPid, 'SIGKILL');
    await first.waitFor(/\[exited 137\]/);
    expect(locks()).toHaveLength(1); // left behind

    const third = open();
    const taken = await third.waitFor(/r resume them/);
    expect(taken).toMatch(new RegExp(`Taken over from rollfix process ${firstPid} \\(\\d\\d:\\d\\d UTC\\), gone without closing`));
    expect(taken).toMatch(/unsaved edits? from .* UTC/);
    third.press('r');
    await third.waitFor(/Resumed \d+ unsaved edit/);
    process.kill(third.programPid(), 'SIGHUP');
    await third.waitFor(/\[exited 129\]/);
    expect(locks()).toEqual([]); // given back on the way out

    const fourth = open();
    const clean = await fourth.waitFor(/r resume them/);
    expect(clean).not.toMatch(/Taken over/);
    fourth.press('r');
    await fourth.waitFor(/Resumed \d+ unsaved edit.*1 unsaved edit/s);
    fourth.command('app.quit');
    await fourth.waitFor(/Quit without writing 1 edit/);
    fourth.press('y');
    await fourth.waitFor(/\[exited 0\]/);
    expect(locks()).toEqual([]);
  });
});
