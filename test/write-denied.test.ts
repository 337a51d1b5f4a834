/**
 * Issue 13 item 3: an output folder the clerk may not write to (EACCES) or a read-only file
 * system (EROFS) gives one clear line and exit 73 from `fix`, and "Not written: …, your edits are
 * kept" in the workstation, with the journal kept: nothing written, nothing lost.
 *
 * EACCES: root is never denied, so as root the CLI runs as "nobody" (setpriv); EROFS: a read-only
 * tmpfs is mounted where the system allows it (root in a container), else those tests are skipped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDoc } from '../src/session/document.js';
import { performWrite } from '../src/session/workstation-effects.js';
import { reducer } from '../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../src/session/workstation-state.js';
import { unsavedOps } from '../src/session/journal.js';
import { EXIT } from '../src/cli/exit-codes.js';
import { OPTIONS, ROOT, SAMPLE, tempDir } from './helpers.js';

const root = process.getuid?.() === 0;
const asClerk = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
const canDropTo = !root || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

/** The CLI as a clerk who is not root, with settings of its own. */
function clerkCli(args: string[], dir: string) {
  const command = [...asClerk, process.execPath, join(ROOT, 'bin/rollfix'), ...args];
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', env: { ...process.env, HOME: dir, ROLLFIX_CONFIG_DIR: join(dir, 'config'), ROLLFIX_STATE_DIR: join(dir, 'state'), NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder everyone may enter and write to, holding the sample and a folder no one may write to. */
function folders() {
  const dir = tempDir();
  chmodSync(dir, 0o777);
  const input = join(dir, 'batch.txt');
  copyFileSync(SAMPLE, input);
  chmodSync(input, 0o644);
  const denied = join(dir, 'denied');
  mkdirSync(denied, 0o555);
  chmodSync(denied, 0o555);
  return { dir, input, denied };
}

function expectOneClearLine(stderr: string, reason: RegExp) {
  expect(stderr).toMatch(/^rollfix: cannot write .*: /);
  expect(stderr).toMatch(reason);
  expect(stderr).toMatch(/Nothing was written; the input is unchanged\.\n$/);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe.skipIf(!canDropTo)('a folder the clerk may not write to (EACCES)', () => {
  it('fix: the output there is refused, exit 73, nothing written', () => {
    const { dir, input, denied } = folders();
    const result = clerkCli(['fix', '--auto', input, '-o', join(denied, 'out.txt')], dir);
    expect(result.status).toBe(EXIT.cannotWrite);
    expectOneClearLine(result.stderr, /permission denied in .*denied/);
    expect(readdirSync(denied)).toEqual([]);
    expect(readFileSync(input)).toEqual(readFileSync(SAMPLE));
  });

  it('fix: only the change report there: neither is written', () => {
    const { dir, input, denied } = folders();
    const result = clerkCli(['fix', '--auto', input, '-o', join(dir, 'out.txt'), '--report', join(denied, 'r.csv')], dir);
    expect(result.status).toBe(EXIT.cannotWrite);
    expectOneClearLine(result.stderr, /r\.csv: permission denied in .*denied/);
    expect(existsSync(join(dir, 'out.txt'))).toBe(false);
  });
});

/** A read-only tmpfs at a new folder, or null where mounting is not allowed. */
function readOnlyMount(): string | null {
  const parent = tempDir();
  chmodSync(parent, 0o755); // the clerk (nobody) must reach it
  const at = join(parent, 'ro');
  mkdirSync(at);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', at]).status !== 0) return null;
  mounted.push(at);
  return at;
}
const mounted: string[] = [];
afterAll(() => {
  for (const at of mounted) spawnSync('umount', [at]);
});
const probe = readOnlyMount();

describe.skipIf(!probe)('a read-only file system (EROFS)', () => {
  it('fix: exit 73, "the file system is read-only"', () => {
    const { dir, input } = folders();
    const result = clerkCli(['fix', '--auto', input, '-o', join(probe!, 'out.txt')], dir);
    expect(result.status).toBe(EXIT.cannotWrite);
    expectOneClearLine(result.stderr, /out\.txt: the file system is read-only/);
  });

  it('the workstation: "Not written", the edits kept, in the journal too', async () => {
    const { dir, input } = folders();
    process.env.ROLLFIX_STATE_DIR = join(dir, 'state');
    try {
      const doc = await openDoc(input, OPTIONS, undefined, undefined, true);
      const run = (state: State, ...ids: string[]) => ids.reduce((s, id) => reducer(s, { type: 'command', id } as Action), state);
      let state = run(initialState(doc), 'summary.start', 'record.accept');
      doc.journal!.lock();
      doc.journal!.append({ op: 'commit', entry: state.live.log.entries[0] }); // as the workstation does
      state = { ...state, write: { ...state.write, path: join(probe!, 'out.txt') } };
      state = run(state, 'app.write', 'write.start');
      const actions: Action[] = [];
      await performWrite(state.doc, state.live, state.write, (a) => actions.push(a));
      state = reducer(state, actions[0]);
      expect(state.write).toMatchObject({ status: 'failed', error: 'the file system is read-only' });
      expect(state.live.log.cursor).toBe(1); // the edit is kept
      expect(unsavedOps(doc.journal!.read()!.ops)).toBe(1); // and still unsaved in the journal
      doc.journal!.close();
    } finally {
      delete process.env.ROLLFIX_STATE_DIR;
    }
  });
});
