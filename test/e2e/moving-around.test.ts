/**
 * Moving around (issue 14, items 5, 6 and 11), in a real terminal at 80x24, keys pressed by
 * command name: Tab through a record's issues, a search to a record with no issue that is then
 * edited and written, the code filter carried into n/p, Esc from the write screen back to the
 * record, and q closing one screen at a time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SAMPLE, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

async function openSample(): Promise<{ terminal: Terminal; dir: string }> {
  const dir = tempDir();
  copyFileSync(SAMPLE, join(dir, 'batch.txt'));
  terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')} batch.txt`, { cwd: dir, env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
  await terminal.waitFor(/WOULD BE REJECTED/);
  return { terminal, dir };
}

describe('moving around', () => {
  it('Tab and Shift-Tab go through the fields with an issue, Tabs sent together too', async () => {
    const { terminal } = await openSample();
    terminal.command('summary.start');
    await terminal.waitFor(/› Legal Last Name/);
    terminal.command('record.next-issue');
    await terminal.waitFor(/› Local Student ID/);
    terminal.together('record.next-issue', 'record.next-issue', 'record.next-issue'); // round the record
    await terminal.waitFor(/› Legal Last Name/);
    terminal.command('record.previous-issue');
    await terminal.waitFor(/› Local Student ID/);
  });

  it('/ finds a record with no issue; it is opened, edited and written', async () => {
    const { terminal, dir } = await openSample();
    terminal.command('app.table', 'table.search');
    await terminal.waitFor(/Search every record/);
    terminal.together({ text: 'vance' }, 'table.open');
    await terminal.waitFor(/1 record holds "vance"/);
    terminal.command('table.open');
    await terminal.waitFor(/Line 11 .*no issues/);
    await terminal.waitFor(/› Legal Last Name\s+Vance/);
    // Enter edits; Ctrl-U clears; the new name and its Enter, all in one write.
    terminal.together('record.edit', { text: '\u0015Vancey' }, 'record.edit');
    await terminal.waitFor(/1 unsaved edit/);
    terminal.command('app.write', 'write.start');
    await terminal.waitFor(/Checked again:/);
    expect(readFileSync(join(dir, 'batch.fixed.txt'), 'utf8').split('\r\n')[10]).toContain(',Vancey,Ivy,');
  });

  it('/ on a record opens the next match and n/N step through the matches; : opens any line', async () => {
    const { terminal } = await openSample();
    terminal.command('summary.start', 'record.search');
    terminal.together({ text: '100235' }, 'record.edit');
    await terminal.waitFor(/Line 12 .*2 of 2 matching "100235"/);
    terminal.command('record.previous');
    await terminal.waitFor(/Line 3 .*1 of 2 matching "100235"/);
    terminal.command('record.jump');
    terminal.together({ text: '2' }, 'record.edit');
    await terminal.waitFor(/Line 2 .*no issues/);
  });

  it('the c filter carries into n and p, and the status line says it is on', async () => {
    const { terminal } = await openSample();
    terminal.command('app.table', 'table.filter');
    await terminal.waitFor(/Show only records with this issue/);
    terminal.command('table.open'); // Enter picks the first code: field/code
    await terminal.waitFor(/3 of 15 records to look at .*code field\/code/);
    terminal.command('table.open');
    await terminal.waitFor(/1 of 3 with field\/code, 14 flagged/);
    terminal.together('record.next', 'record.next');
    await terminal.waitFor(/Line 15 .*3 of 3 with field\/code/);
    terminal.command('record.next');
    await terminal.waitFor(/No record after this one with field\/code/);
    terminal.command('record.previous');
    await terminal.waitFor(/Line 7 .*2 of 3 with field\/code/);
  });

  it('Esc goes back from the write screen to the record you left, not the summary', async () => {
    const { terminal } = await openSample();
    terminal.command('summary.start', 'record.next');
    await terminal.waitFor(/Line 4 /);
    terminal.command('record.down', 'app.write');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.command('app.back');
    const back = await terminal.waitFor(/Line 4 /);
    expect(back).toMatch(/› Local Student ID/);
    terminal.command('app.back', 'table.down', 'table.down', 'app.write');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.command('app.back');
    await terminal.waitFor(/›6\s+Nguyen/); // the row of line 4, two down
  });

  it('q closes one screen at a time and quits from the summary, asking first about unsaved edits', async () => {
    const { terminal } = await openSample();
    terminal.command('app.table', 'table.open', 'record.accept', 'app.write');
    await terminal.waitFor(/Write the resubmission file/);
    terminal.together('app.close', 'app.close');
    await terminal.waitFor(/Error table/);
    terminal.command('app.close');
    await terminal.waitFor(/Summary/);
    terminal.command('app.close');
    await terminal.waitFor(/Quit without writing 1 edit\?/);
    terminal.press('y');
    await terminal.waitFor(/\[exited 0\]/);
  });
});
