/**
 * The journey of issue #17: October's file fixed in the workstation (review repairs accepted, a
 * value typed, a repeated record deleted, a value kept with its reason) and written; November's
 * export of the same school (another order, one new student, one value changed since) fixed
 * with the remembered decisions, in the workstation and with fix --auto --recipe/--remembered.
 * Each decision lands on its own student; none on the new student or on the changed value.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDoc } from '../../src/session/document.js';
import { reducer } from '../../src/session/workstation-reducer.js';
import { initialState, type Action, type State } from '../../src/session/workstation-state.js';
import { issuesAt, recordAt } from '../../src/session/live.js';
import { openRecord } from '../../src/session/record-commands.js';
import { writeDoc } from '../../src/session/write-file.js';
import { offerFor } from '../../src/session/workstation-effects.js';
import { keepsAtOpen, keptFor, memoryDir } from '../../src/session/memory-store.js';
import type { CommandId } from '../../src/session/key-bindings.js';
import { cli, OPTIONS, tempDir } from '../helpers.js';
import { november, OCTOBER, student } from '../fixtures/memory/months.js';

const state = tempDir();
const config = tempDir();
process.env.ROLLFIX_STATE_DIR = state;
process.env.ROLLFIX_CONFIG_DIR = config;
const env = { ROLLFIX_STATE_DIR: state, ROLLFIX_CONFIG_DIR: config };

const run = (s: State, ...actions: Array<Action | CommandId | string>) =>
  actions.reduce((at, a) => reducer(at, typeof a !== 'string' ? a : a.includes('.') && !a.includes(' ') ? { type: 'command', id: a as CommandId } : { type: 'text', input: a }), s);
const commit: Action = { type: 'text.commit' };
const yes: Action = { type: 'answer', yes: true };
const lineOf = (s: State, last: string) => {
  for (let n = 1; n <= s.doc.store.count; n++) if (recordAt(s.doc, s.live, n)?.fields[3] === last) return n;
  throw new Error(last);
};

const folder = tempDir();
const october = join(folder, 'october.txt');
const nov = join(folder, 'november.txt');
let octoberOut = '';

describe('two months of one school', () => {
  beforeAll(async () => {
    writeFileSync(october, OCTOBER);
    writeFileSync(nov, november());
    let s = initialState(await openDoc(october, OPTIONS));
    s = run(openRecord(s, 3), 'record.accept'); // Smith, Jr. (Jones) -> Smith + Jr. (safe)
    s = run(openRecord(s, 6), 'record.accept'); // 2014-05-09 -> 05/09/2014 (review)
    s = run(openRecord(s, 14), 'record.edit', 'Jordan', commit); // Taylor's missing first name
    s = run(openRecord(s, 5), 'record.keep', 'legal name includes III', commit); // O'Brien-Walsh III is real
    s = run(openRecord(s, 17), 'record.delete', yes); // Johnson twice: the repeat
    expect(issuesAt(s.live, 5).find((i) => i.code === 'gtid/last-name-suffix')?.kept).toEqual({ reason: 'legal name includes III' });
    const written = await writeDoc(s.doc, s.live, join(folder, 'october.fixed.txt'));
    octoberOut = written.output;
    expect(written.remembered).toBeGreaterThanOrEqual(6);
  });

  it('the change report names each decision by its record key and kind, keeps with their reason', () => {
    const report = readFileSync(join(folder, 'october.fixed.changes.csv'), 'utf8').split('\n');
    expect(report[0]).toBe('line,field,before,after,code,key,decision,reason,record');
    expect(report).toContainEqual(expect.stringMatching(/^5,Legal Last Name,O'Brien-Walsh III,O'Brien-Walsh III,gtid\/last-name-suffix,100237 GTID 7012345679,keep,legal name includes III,$/));
    expect(report).toContainEqual(expect.stringMatching(/^14,Legal First Name,,Jordan,edit,100245,edit,,$/));
    expect(report).toContainEqual(expect.stringMatching(/^17,,\(whole record\),\(deleted\),edit,100234 GTID 7012345678,delete,,[0-9a-f]{16}#2$/));
  });

  it('check of the written file knows the keep (the workstation says the same)', async () => {
    const json = JSON.parse(cli(['check', octoberOut, '--json'], env).stdout);
    const kept = json.issues.filter((i: { kept?: unknown }) => i.kept);
    expect(kept).toEqual([expect.objectContaining({ line: 5, code: 'gtid/last-name-suffix', kept: { reason: 'legal name includes III' } })]);
    const doc = await openDoc(octoberOut, OPTIONS);
    const reopened = initialState({ ...doc, keptAtOpen: keepsAtOpen(doc, keptFor(octoberOut)) });
    expect(issuesAt(reopened.live, 5).find((i) => i.kept)?.kept?.reason).toBe('legal name includes III');
    expect(cli(['check', octoberOut], env).stdout).toContain('kept as real: legal name includes III');
  });

  it('is stored safely: 0700 folder, 0600 files, listed and forgettable by school', () => {
    expect(statSync(memoryDir()).mode & 0o777).toBe(0o700);
    const scope = join(memoryDir(), 'decisions', 'gtid--644_0177.json');
    expect(statSync(scope).mode & 0o777).toBe(0o600);
    expect(cli(['memory', 'list'], env).stdout).toContain('gtid--644_0177  (gtid, school 644/0177)');
    expect(cli(['config', 'paths'], env).stdout).toContain(`decisions  ${memoryDir()}`);
  });

  it('November in the workstation: each decision on its own student, none on the new one or the changed value', async () => {
    const doc = await openDoc(nov, OPTIONS);
    const first = initialState(doc);
    const offer = offerFor(doc, first.live)!;
    // Smith (two fields), Taylor, the repeat of Johnson, the keep: not Nguyen's changed date.
    expect(offer.items.map((o) => `${o.decision.key} ${o.decision.kind} ${o.decision.field}`).sort()).toEqual([
      '100234 GTID 7012345678 delete ', '100235 repair Legal Last Name', '100235 repair Legal Name Suffix', '100237 GTID 7012345679 keep Legal Last Name', '100245 edit Legal First Name',
    ]);
    const s = run({ ...first, offer, screen: 'decisions' }, 'decisions.apply-all');
    expect(s.live.log.entries).toHaveLength(1); // one undo step
    const f = (last: string, name: string) => {
      const r = recordAt(s.doc, s.live, lineOf(s, last))!;
      return r.fields[r.layout.fields.findIndex((x) => x.name === name)];
    };
    expect([f('Smith', 'Legal Name Suffix'), f('Taylor', 'Legal First Name'), f('Nguyen', 'Date of Birth'), f('Wilson', 'Legal Last Name')]).toEqual(['Jr.', 'Jordan', '2014-05-10', 'Wilson']);
    expect(f('Kim, Jr. (Lee)', 'Legal First Name')).toBe(''); // the new student: nothing
    expect(issuesAt(s.live, lineOf(s, "O'Brien-Walsh III")).find((i) => i.kept)?.kept?.reason).toBe('legal name includes III');
    expect(s.live.deleted.size).toBe(1);
    const johnsons = [...Array(s.doc.store.count).keys()].map((i) => i + 1).filter((n) => recordAt(s.doc, s.live, n)?.fields[3] === 'Johnson' && !s.live.deleted.has(n));
    expect(johnsons).toHaveLength(1);
    expect(run(s, 'app.undo').live.deleted.size).toBe(0);
  });

  for (const how of [['--recipe', join(folder, 'october.fixed.changes.csv')], ['--remembered']]) {
    it(`November with fix --auto ${how[0]}`, () => {
      const out = join(folder, `november${how[0]}.txt`);
      const result = cli(['fix', nov, '--auto', ...how, '-o', out], env);
      expect(result.stderr).toBe('');
      // The recipe's five; --remembered also has the safe repairs fix --auto made with it (decisions too).
      expect(result.stdout).toMatch(how[0] === '--recipe' ? /Applied 5 decisions .*each on its own student/ : /Applied \d+ decisions remembered for this school, each on its own student/);
      const text = readFileSync(out, 'utf8');
      expect(student(text, '100235', 'Smith')?.[6]).toBe('Jr.');
      expect(student(text, '100245')?.[4]).toBe('Jordan');
      // Changed since: October's decision (05/09/2014) is not applied; fix --auto's own safe repair reads it.
      expect(student(text, '100238')?.[8]).toBe('05/10/2014');
      expect(student(text, '100250')?.[4]).toBe(''); // the new student
      expect(text.split('\n').filter((l) => l.includes(',100234,'))).toHaveLength(1);
      const kept = JSON.parse(cli(['check', out, '--json'], env).stdout).issues.filter((i: { kept?: unknown }) => i.kept);
      expect(kept.map((i: { field: string; kept: { reason: string } }) => `${i.field}: ${i.kept.reason}`)).toEqual(['Legal Last Name: legal name includes III']);
    });
  }

  it('an older change report (no key and decision columns) is refused with a clear message', () => {
    const old = join(folder, 'old.changes.csv');
    writeFileSync(old, 'line,field,before,after,code\n3,Legal Last Name,x,y,edit\n');
    const result = cli(['fix', nov, '--auto', '--recipe', old, '-o', join(folder, 'x.txt')], env);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('from before rollfix remembered decisions');
  });
});
