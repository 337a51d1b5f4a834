/**
 * Driving the real program in a real terminal: a tmux session of a given size, keys sent by name,
 * the screen read back as text. One scenario per test file, as lazygit's integration tests do.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { KEY_BINDINGS, type CommandId } from '../../src/session/key-bindings.js';

/** The first key bound to a command; in a chunk, the first that is one character (j, not Down). */
function keyOf(id: CommandId, inChunk = false): string {
  const keys = KEY_BINDINGS.find((b) => b.command === id)?.keys ?? [];
  const key = inChunk ? keys.find((k) => k.length === 1 || k === 'enter' || k.startsWith('ctrl-')) : keys[0];
  if (!key) throw new Error(`no key is bound to ${id}${inChunk ? ' that can be sent inside a chunk' : ''}`);
  return key;
}

const TMUX_NAMES: Record<string, string> = { enter: 'Enter', escape: 'Escape', up: 'Up', down: 'Down', pageup: 'PPage', pagedown: 'NPage', tab: 'Tab' };
function tmuxKey(name: string): string {
  return TMUX_NAMES[name] ?? (name.startsWith('ctrl-') ? `C-${name.slice(5)}` : name);
}

/** The bytes a terminal sends for a key (for keys sent together in one write). */
function keyBytes(name: string): string {
  if (name === 'enter') return '\r';
  if (name.startsWith('ctrl-')) return String.fromCharCode(name.charCodeAt(5) - 96);
  if (name.length !== 1) throw new Error(`the key ${name} is not sent inside a chunk in these tests`);
  return name;
}

export class Terminal {
  private socket = `rollfix-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  // CI=true as on the CI machine: the workstation must draw there too (Ink would not by default).
  constructor(command: string, { columns = 80, rows = 24, cwd = process.cwd(), env = {} as Record<string, string> } = {}) {
    if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux is needed for the end-to-end tests: apt-get install -y tmux (.ci/run does it)');
    const vars = Object.entries({ TERM: 'xterm-256color', CI: 'true', ...env }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'e2e', '-x', String(columns), '-y', String(rows), `cd ${JSON.stringify(cwd)} && env -u NODE_EXTRA_CA_CERTS ${vars} ${command}; echo "[exited $?]"; sleep 600`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'e2e');
  }

  /** Sends keys by tmux name (Enter, Escape, Down, C-r) or literal text. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', 'e2e', key);
  }

  /** Waits until the screen matches, and returns it; fails with the screen when it does not. */
  async waitFor(pattern: RegExp, timeout = 15_000): Promise<string> {
    const end = Date.now() + timeout;
    let text = '';
    while (Date.now() < end) {
      text = this.screen();
      if (pattern.test(text)) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`screen never showed ${pattern}; it shows:\n${text}`);
  }

  /**
   * The process running in the terminal: the child of the pane's shell, found through /proc
   * (no pgrep: a fresh machine may not have procps).
   */
  programPid(): number {
    const shell = Number(this.tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}').trim());
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === shell && stat.includes('(node)')) return Number(entry);
      } catch {
        // the process ended while we looked
      }
    }
    throw new Error(`no node process under the pane's shell ${shell}`);
  }

  /** Presses the keys bound to these commands (key-bindings.ts), one write each: as typed. */
  command(...commands: CommandId[]): void {
    for (const id of commands) this.press(tmuxKey(keyOf(id)));
  }

  /**
   * Sends these commands' keys (and any literal text, `{ text }`) in ONE write, as a paste or a
   * slow SSH link delivers them: the program reads them as one chunk.
   */
  together(...parts: Array<CommandId | { text: string }>): void {
    const bytes = parts.map((p) => (typeof p === 'string' ? keyBytes(keyOf(p, true)) : p.text)).join('');
    this.tmux('send-keys', '-t', 'e2e', '-l', bytes);
  }

  /**
   * Sends bytes in several writes, `gap` ms apart, as a slow link cuts one key's bytes across
   * reads (an arrow's ESC, then its `[B`).
   */
  async inPieces(pieces: string[], gap: number): Promise<void> {
    for (const [i, bytes] of pieces.entries()) {
      if (i) await new Promise((r) => setTimeout(r, gap));
      this.tmux('send-keys', '-t', 'e2e', '-l', bytes);
    }
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
