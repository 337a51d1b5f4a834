/**
 * F (every safe repair in the file) writes byte for byte what `rollfix fix FILE --auto` writes,
 * on every bundled sample of every format; it is one log entry and one undo step, and undoing it
 * gives back the file as opened.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDoc } from '../../src/session/document.js';
import { commit, initialLive, recordAt, undo } from '../../src/session/live.js';
import { planFixAll } from '../../src/session/fix-all.js';
import { writeDoc } from '../../src/session/write-file.js';
import { checkOptions } from '../../src/cli/check-options.js';
import { DEFAULTS } from '../../src/session/settings.js';
import { cli, ROOT, tempDir } from '../helpers.js';

const SAMPLES = readdirSync(join(ROOT, 'formats'), { recursive: true, encoding: 'utf8' })
  .filter((p) => p.split(/[\\/]/).includes('samples') && /\.\w+$/.test(p) && !/CEARExp\.dat$/i.test(p)) // an export, not a file rollfix reads
  .map((p) => join(ROOT, 'formats', p))
  .sort();

const DTD = '<!DOCTYPE CTfile [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>';
const CTF = join(ROOT, 'formats/ctf/samples/8231234_CTF_8239876_001.XML');
const GTID = join(ROOT, 'formats/gtid/samples/sample.txt');

/** A sample changed as `change` says, saved under its own name in a folder of its own. */
function variant(sample: string, change: (text: string) => string): string {
  const path = join(tempDir(), basename(sample));
  writeFileSync(path, change(readFileSync(sample, 'latin1')), 'latin1');
  return path;
}

/** F on the file as opened, written; and fix --auto of the same file: the two outputs. */
async function bothWays(path: string): Promise<{ byF: Buffer; byFix: Buffer; plan: ReturnType<typeof planFixAll> }> {
  const dir = tempDir();
  const byFix = join(dir, `auto-${basename(path)}`);
  const fix = cli(['fix', path, '--auto', '-o', byFix]);
  expect(fix.stderr).toBe('');
  const doc = await openDoc(path, checkOptions({}, DEFAULTS));
  const start = initialLive(doc);
  const plan = planFixAll(doc, start);
  const byF = join(dir, `f-${basename(path)}`);
  if (typeof plan === 'string') {
    // Nothing to repair: fix --auto then writes the file as the workstation would unedited.
    expect(plan).toBe('no safe repair is left to make');
    await writeDoc(doc, start, byF);
  } else {
    expect(plan.live.log.entries).toHaveLength(1);
    await writeDoc(doc, plan.live, byF);
    const back = undo(doc, plan.live);
    expect(back.log.cursor).toBe(0);
    expect([...back.issues]).toEqual([...start.issues]);
    expect(back.fileIssues).toEqual(start.fileIssues);
  }
  return { byF: readFileSync(byF), byFix: readFileSync(byFix), plan };
}

describe('F: every safe repair, as fix --auto', () => {
  it('finds the samples', () => expect(SAMPLES.length).toBeGreaterThan(10));

  for (const sample of SAMPLES) {
    it(`writes what fix --auto writes: ${sample.slice(ROOT.length + 1)}`, async () => {
      const { byF, byFix } = await bothWays(sample);
      expect(byF.equals(byFix)).toBe(true);
    });
  }

  it('removes a DOCTYPE on a line of its own (a whole-file repair) as fix --auto does', async () => {
    const { byF, byFix, plan } = await bothWays(variant(CTF, (t) => t.replace('?>\n', `?>\n${DTD}\n`)));
    expect(typeof plan).not.toBe('string');
    expect(byF.toString()).not.toContain('DOCTYPE');
    expect(byF.equals(byFix)).toBe(true);
  });

  it('removes a DOCTYPE on the line of the XML declaration, keeping the rest of the line', async () => {
    const { byF, byFix } = await bothWays(variant(CTF, (t) => t.replace('?>\n', `?>${DTD}\n`)));
    expect(byF.toString()).not.toContain('DOCTYPE');
    expect(byF.equals(byFix)).toBe(true);
  });

  it('adds a missing trailer, counted after the duplicates it deletes', async () => {
    const { byF, byFix, plan } = await bothWays(variant(GTID, (t) => t.replace(/\r?\nTT[^\n]*\n?$/, '\r\n')));
    expect(typeof plan === 'string' ? [] : plan.entry.edits.filter((e) => e.kind === 'append')).toHaveLength(1);
    expect(byF.equals(byFix)).toBe(true);
  });

  it('after an edit by hand, repairs the file as edited, and is one more undo step', async () => {
    const doc = await openDoc(GTID, checkOptions({}, DEFAULTS));
    const start = initialLive(doc);
    const edited = commit(doc, start, { label: 'by hand', edits: [{ kind: 'set', line: 4, field: 'Legal First Name', before: 'Sofia', after: '  Sofia  ' }] });
    const plan = planFixAll(doc, edited);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.live.log.entries).toHaveLength(2);
    expect(recordAt(doc, plan.live, 4)?.fields).toContain('Sofia');
    expect(undo(doc, plan.live).fields.get(4)).toContain('  Sofia  ');
  });
});
