/**
 * Issue #13, item 8: escape sequences, C1 controls and bidi overrides in a file (values, field
 * names), in its file name or path, and on the command line never reach the terminal through the
 * text output of `check` and `fix` or through stderr, in every format.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';

const SAMPLES = ['gtid/samples/sample.txt', 'eis/samples/1234enr.asc', 'eis/samples/Enroll.asc', 'target-tracker/samples/pupils.csv', 'ctf/samples/8231234_CTF_8239876_001.XML', 'sace/samples/StudImp.dat', 'sace/samples/VETRImp.dat'];
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e';
const RAW = /[\u001b\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The sample with the hostile text inside its first line (field names, header facts) and inside a later value. */
function hostileCopy(sample: string): string {
  const text = readFileSync(join(ROOT, 'formats', sample), 'latin1');
  const lines = text.split('\n');
  const at = (line: string) => Math.max(1, Math.floor(line.length / 2));
  lines[0] = lines[0].slice(0, at(lines[0])) + HOSTILE + lines[0].slice(at(lines[0]));
  const later = Math.min(2, lines.length - 1);
  lines[later] = lines[later].slice(0, at(lines[later])) + HOSTILE + lines[later].slice(at(lines[later]));
  const folder = join(tempDir(), `in${HOSTILE}dir`);
  mkdirSync(folder);
  const path = join(folder, basename(sample));
  writeFileSync(path, Buffer.from(lines.join('\n'), 'utf8'));
  return path;
}

function expectClean(label: string, result: { stdout: string; stderr: string }) {
  expect(result.stdout, `${label} stdout`).not.toMatch(RAW);
  expect(result.stderr, `${label} stderr`).not.toMatch(RAW);
}

describe('nothing from a file or the command line drives the terminal', () => {
  for (const sample of SAMPLES) {
    it(`${sample}: check and fix text output and stderr`, () => {
      const path = hostileCopy(sample);
      expectClean('check', cli(['check', path]));
      expectClean('fix', cli(['fix', '--auto', path, '-o', `${path}.out`, '--force']));
    });
  }

  it('several files and their across-files report', () => {
    const a = hostileCopy('sace/samples/StudImp.dat');
    const b = hostileCopy('sace/samples/VETRImp.dat');
    expectClean('set', cli(['check', a, b]));
  });

  it('error messages that quote a path, and usage errors', () => {
    const missing = cli(['check', join(tempDir(), `no${HOSTILE}such.txt`)]);
    expect(missing.status).toBe(66);
    expectClean('missing', missing);
    const usage = cli(['check', `--bogus${HOSTILE}`]);
    expect(usage.status).toBe(64);
    expectClean('usage', usage);
    expectClean('format', cli(['check', '--format', `x${HOSTILE}`, join(ROOT, 'formats/gtid/samples/sample.txt')]));
  });

  it('paths printed once through the guard: escapes shown, a line break cannot start a line of its own', () => {
    const folder = join(tempDir(), `out${HOSTILE}\nWrote x`);
    mkdirSync(folder);
    const sample = join(ROOT, 'formats/gtid/samples/sample.txt');
    const output = join(folder, 'out.txt');
    const wrote = cli(['fix', '--auto', sample, '-o', output]);
    expectClean('wrote', wrote);
    expect(wrote.stdout.split('\n')[0]).toMatch(/^Wrote .*out<U\+001B>\[2J.*<U\+000A>Wrote x\/out\.txt$/);
    expect(wrote.stdout).toContain('change report: ');
    expect(wrote.stdout.split('\n')[1]).toMatch(/<U\+000A>Wrote x\/out\.changes\.csv$/);
    const exists = cli(['fix', '--auto', sample, '-o', output]);
    expect(exists.status).toBe(73);
    expectClean('exists', exists);
    expect(exists.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(exists.stderr).toMatch(/<U\+000A>Wrote x\/out\.txt already exists/);
  });
});
