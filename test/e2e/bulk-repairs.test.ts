/**
 * Bulk repairs in a real terminal at 80x24, keys pressed by command name: A on a record whose
 * code has both safe and review repairs (the safe ones at once, the review one asked about on its
 * record), and F then w on a file that fix --auto makes clean, which check then accepts (exit 0)
 * and which is byte for byte what fix --auto writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, SAMPLE, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

const open = (dir: string, file: string) => new Terminal(`node ${join(ROOT, 'bin/rollfix')} ${file}`, { cwd: dir, env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });

describe('bulk repairs in a real terminal', () => {
  it('A makes the safe date repair at once, then asks about the one that could be either way round', async () => {
    const dir = tempDir();
    copyFileSync(SAMPLE, join(dir, 'batch.txt'));
    terminal = open(dir, 'batch.txt');
    await terminal.waitFor(/WOULD BE REJECTED/);
    terminal.command('summary.start', 'record.next', 'record.next', 'record.next');
    await terminal.waitFor(/› Date of Birth\s+2014-05-09/);
    terminal.command('record.accept-all');
    await terminal.waitFor(/Accept field\/date repairs in 1 record.*then review 1 one by one/);
    terminal.press('y');
    const asked = await terminal.waitFor(/Review 1\/1 \(line 13, Date of Birth\)/);
    expect(asked).toMatch(/Line 13 /);
    expect(asked).toMatch(/› Date of Birth\s+03-04-2015/); // not rewritten unseen
    expect(asked).toMatch(/either way round/);
    terminal.press('y');
    const done = await terminal.waitFor(/Reviewed 1 field\/date repair: 1 accepted/);
    expect(done).toMatch(/› Date of Birth\s+03\/04\/2015/);
    expect(done).toMatch(/2 unsaved edits/);
    terminal.command('app.undo');
    await terminal.waitFor(/› Date of Birth\s+03-04-2015/);
  });

  it('F, y, then w writes what fix --auto writes, and check accepts it', async () => {
    const dir = tempDir();
    const input = join(ROOT, 'formats/sace/samples/EnrlImp.dat');
    copyFileSync(input, join(dir, 'EnrlImp.dat'));
    terminal = open(dir, 'EnrlImp.dat');
    await terminal.waitFor(/Summary/);
    terminal.command('app.fix-all');
    await terminal.waitFor(/Apply every safe repair \(as rollfix fix --auto\): \d+ records? change\? y yes, n no/);
    terminal.press('y');
    await terminal.waitFor(/Applied every safe repair: \d+ records? changed \(u undoes it all\); nothing flagged/);
    terminal.command('app.write');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.command('write.start');
    await terminal.waitFor(/Checked again:/);
    terminal.command('app.quit');
    await terminal.waitFor(/\[exited 0\]/);
    const written = readdirSync(dir).filter((f) => f !== 'EnrlImp.dat' && !f.endsWith('.changes.csv'));
    expect(written).toHaveLength(1);
    const byF = join(dir, written[0]);
    expect(cli(['check', byF]).status).toBe(0);
    const byFix = join(tempDir(), 'auto.dat');
    expect(cli(['fix', input, '--auto', '-o', byFix]).status).toBe(0);
    expect(readFileSync(byF).equals(readFileSync(byFix))).toBe(true);
  });
});
