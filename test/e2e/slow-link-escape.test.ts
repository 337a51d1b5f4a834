/**
 * An arrow key cut in two by a slow link: its ESC in one read, its `[B` in the next. It must act
 * as the arrow (one row down), not as Esc (back to the summary) followed by `[` and `B`; a lone
 * Esc still goes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | null = null;
afterEach(() => terminal?.close());

describe('an escape sequence split across reads', () => {
  it('reads ESC then [B, 15 ms apart, as Down; a lone Esc still goes back', async () => {
    terminal = new Terminal(`node ${join(ROOT, 'bin/rollfix')}`, { env: { ROLLFIX_CONFIG_DIR: tempDir(), ROLLFIX_STATE_DIR: tempDir() } });
    await terminal.waitFor(/WOULD BE REJECTED/);
    terminal.command('app.table');
    await terminal.waitFor(/›3 /);
    await terminal.inPieces(['\u001b', '[B'], 15);
    const moved = await terminal.waitFor(/›4 /);
    expect(moved).toMatch(/Error table/);
    await terminal.inPieces(['\u001b', '[B', '\u001b', '[A'], 15);
    await terminal.waitFor(/›5 /).then(() => terminal!.waitFor(/›4 /));
    expect(terminal.screen()).toMatch(/Error table/);
    terminal.command('app.back');
    await terminal.waitFor(/Summary/);
  });
});
