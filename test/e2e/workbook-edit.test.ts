/**
 * A clerk's journey with an Excel workbook at 80x24 in a real terminal: open the Target Tracker
 * sample workbook, accept a repair, write, quit; the workbook written opens again and its cell
 * holds the repaired value (read by ExcelJS, not by rollfix).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, ROOT, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

describe('the workstation on a workbook', () => {
  it('accepts a repair and writes the workbook back', async () => {
    const dir = tempDir();
    const sample = join(ROOT, 'formats/target-tracker/samples/pupils.xlsx');
    copyFileSync(sample, join(dir, 'pupils.xlsx'));
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')} pupils.xlsx`, { cwd: dir, env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    const summary = await terminal.waitFor(/as read: Row 1's headings/);
    expect(summary).toContain('Target Tracker');
    terminal.press('Enter');
    // Row 2 first: its formula is a warning, shown under the fields.
    expect(await terminal.waitFor(/Cell P2 holds a formula/)).toContain('Line 2');
    terminal.press('n');
    await terminal.waitFor(/› UPN\s+r201100018042/);
    terminal.press('a');
    await terminal.waitFor(/UPN\s+R201100018042/);
    terminal.press('w');
    const write = await terminal.waitFor(/Write the resubmission file/);
    expect(write).toContain('pupils.fixed.xlsx');
    terminal.press('Enter');
    const written = await terminal.waitFor(/Checked again:/);
    expect(written).toContain('pupils.fixed.xlsx');
    terminal.command('app.quit');
    await terminal.waitFor(/\[exited 0\]/);

    const output = join(dir, 'pupils.fixed.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.getWorksheet('Pupils')!.getCell('A3').value).toBe('R201100018042');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Pupils', 'Notes']);
    expect(readFileSync(join(dir, 'pupils.fixed.changes.csv'), 'utf8')).toContain('3,UPN,r201100018042,R201100018042,upn/format,A3');
    const check = JSON.parse(cli(['check', output, '--json']).stdout);
    expect(check.issues.filter((i: { code: string }) => i.code === 'upn/format')).toEqual([]);
    expect(readFileSync(join(dir, 'pupils.xlsx'))).toEqual(readFileSync(sample));
  });
});
