/** Issue #13, item 8: a CTF's values are checked for non-printable characters as every other format's are. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from '../../helpers.js';

const NAME = '8231234_CTF_8239876_001.XML';
const codes = (path: string): string[] => JSON.parse(cli(['check', path, '--json']).stdout).issues.map((i: { code: string }) => i.code);

function withSurname(hostile: string): string {
  const text = readFileSync(join(ROOT, 'formats/ctf/samples', NAME), 'utf8');
  const path = join(tempDir(), NAME);
  writeFileSync(path, text.replace(/<Surname>([A-Za-z]+)</, `<Surname>$1${hostile}<`));
  return path;
}

describe('CTF: non-printable characters in a value', () => {
  it('are flagged field/non-printable with the safe repair, and fix --auto removes them', () => {
    const path = withSurname('\u009b31m\u202e');
    const report = JSON.parse(cli(['check', path, '--json']).stdout);
    const found = report.issues.filter((i: { code: string }) => i.code === 'field/non-printable');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'Surname', severity: 'error', repair: { confidence: 'safe' } });
    const out = join(tempDir(), NAME);
    cli(['fix', '--auto', path, '-o', out]);
    expect(readFileSync(out, 'utf8')).not.toMatch(/[\u009b\u202e]/);
    expect(codes(out)).not.toContain('field/non-printable');
  });

  it('a line break or tab inside an element is XML whitespace, not flagged', () => {
    expect(codes(withSurname('\n\t'))).not.toContain('field/non-printable');
  });
});
