/**
 * The exit code of `check` tells the truth about the issues it lists: 0 if and only if there is
 * no error and no rejection (a file-wide error included), 2 if and only if there is a rejection.
 * Over every bundled sample and every GTID fixture; the damaged files of fuzz-formats.test.tsx
 * are held to the same in that test.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectedExit, fixture, ROOT, tempDir, tempFile } from './helpers.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const samples = readdirSync(join(ROOT, 'formats')).flatMap((format) => {
  const dir = join(ROOT, 'formats', format, 'samples');
  return existsSync(dir) ? filesUnder(dir) : [];
});

function checkExit(path: string, extra: string[] = []) {
  const result = cli(['check', path, '--json', ...extra]);
  if (result.status! > 2) return { status: result.status, issues: null };
  return { status: result.status, issues: JSON.parse(result.stdout).issues as Array<{ code: string; severity: string; line: number | null }> };
}

describe('exit 0 if and only if no error and no rejection', () => {
  it.each([...samples, ...readdirSync(fixture('.')).map(fixture)])('%s', (path) => {
    const { status, issues } = checkExit(path);
    if (issues) expect(status).toBe(expectedExit(issues));
  });

  it('a CTF whose name disagrees with its header is not clean (a file-wide error)', () => {
    const path = join(tempDir(), '8231234_CTF_8239999_001.XML');
    copyFileSync(join(ROOT, 'formats/ctf/samples/8231234_CTF_8239876_001.XML'), path);
    const { status, issues } = checkExit(path);
    expect(issues!.filter((i) => i.line === null).map((i) => i.code)).toContain('ctf/file-name');
    expect(status).toBe(expectedExit(issues!));
    expect(status).not.toBe(0);
    expect(cli(['check', path]).stdout).not.toMatch(/clean, ready to upload/);
  });

  it('a file with no student records is not clean', () => {
    const path = tempFile('Contact School Number,Teacher Code,Family Name,Initials,Title,Type,Teacher Registration Number,Email Address,Given Names,Date of Birth,Gender\r\n', 'TchrImp.dat');
    const { status, issues } = checkExit(path);
    expect(issues!.map((i) => i.code)).toContain('file/no-records');
    expect(status).toBe(1);
    expect(cli(['check', path]).stdout).toMatch(/RESULT: not ready to upload/);
  });
});
