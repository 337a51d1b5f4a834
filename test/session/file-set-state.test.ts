import { describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFileSet, expandPaths } from '../../src/core/file-set.js';
import { checked, fileSetKey, initialFileSet, move, openable, replaced } from '../../src/session/file-set-state.js';
import { OPTIONS, ROOT, tempDir } from '../helpers.js';
import { registry } from '../../formats/registry.js';

const SAMPLES = join(ROOT, 'formats/sace/samples');

describe('several files in the workstation', () => {
  it('lists them in import order with their status, keeps the choice across checks, and goes on with a written file', async () => {
    const dir = tempDir();
    for (const f of ['StudImp.dat', 'EnrlImp.dat', 'ClassImp.dat']) copyFileSync(join(SAMPLES, f), join(dir, f));
    let state = initialFileSet(expandPaths([dir]));
    state = checked(state, await checkFileSet(registry, state.paths, OPTIONS));
    expect(state.rows.map((r) => [r.path.split('/').pop(), r.status, r.across])).toEqual([['StudImp.dat', 'rejected', 0], ['ClassImp.dat', 'flagged', 0], ['EnrlImp.dat', 'flagged', 2]]);
    state = move(move(state, 1), 1);
    expect(move(state, 5).selected).toBe(2);
    // The clerk wrote EnrlImp.fixed.dat: the set is checked with it, and it stays chosen.
    copyFileSync(join(dir, 'EnrlImp.dat'), join(dir, 'EnrlImp.fixed.dat'));
    state = replaced(state, join(dir, 'EnrlImp.dat'), join(dir, 'EnrlImp.fixed.dat'));
    state = checked(state, await checkFileSet(registry, state.paths, OPTIONS));
    expect(state.rows.map((r) => r.path.split('/').pop())).toEqual(['StudImp.dat', 'ClassImp.dat', 'EnrlImp.fixed.dat']);
    expect(state.selected).toBe(2);
  });

  it('maps the list\'s keys, and opens only a file that could be checked', () => {
    expect([fileSetKey('', { downArrow: true }), fileSetKey('k', {}), fileSetKey('', { return: true }), fileSetKey('c', { ctrl: true }), fileSetKey('?', {}), fileSetKey('x', {})]).toEqual(['down', 'up', 'open', 'quit', 'help', { reason: 'x: not a key here (? lists the keys)' }]);
    const state = checked(initialFileSet([]), { reports: [], failures: [{ path: '/x/notes.txt', message: 'cannot read', exitCode: 66 }], references: [], across: [] });
    expect(openable(state)).toBeNull();
  });

  it('a folder stands for its files: change reports left out, a written file in place of the one it fixes', () => {
    const dir = tempDir();
    for (const f of ['StudImp.dat', 'EnrlImp.dat']) copyFileSync(join(SAMPLES, f), join(dir, f));
    copyFileSync(join(SAMPLES, 'EnrlImp.dat'), join(dir, 'EnrlImp.fixed.dat'));
    copyFileSync(join(SAMPLES, 'EnrlImp.dat'), join(dir, 'EnrlImp.fixed.changes.csv'));
    expect(expandPaths([dir]).map((p) => p.split('/').pop())).toEqual(['EnrlImp.fixed.dat', 'StudImp.dat']);
  });
});
