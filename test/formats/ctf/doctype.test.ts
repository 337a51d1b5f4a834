/** Issue #13, item 11: a DOCTYPE and entity declarations in a CTF are flagged and, when safe, removed. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from '../../helpers.js';

const NAME = '8231234_CTF_8239876_001.XML';
const DTD = '<!DOCTYPE CTfile [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY lol "lol"> ]>';
type Found = { code: string; severity: string; line: number; repair: { confidence: string } | null };
const issues = (path: string): Found[] => JSON.parse(cli(['check', path, '--json']).stdout).issues;

function withDoctype(useEntity = false): string {
  let text = readFileSync(join(ROOT, 'formats/ctf/samples', NAME), 'utf8').replace('?>\n', `?>\n${DTD}\n`);
  if (useEntity) text = text.replace(/<Forename>([A-Za-z]+)</, '<Forename>$1&lol;<');
  const path = join(tempDir(), NAME);
  writeFileSync(path, text);
  return path;
}

describe('CTF: DOCTYPE and entity declarations', () => {
  it('are flagged ctf/doctype (reject) with a safe repair, and fix --auto removes them', () => {
    const path = withDoctype();
    const found = issues(path).find((i) => i.code === 'ctf/doctype');
    expect(found).toMatchObject({ severity: 'reject', line: 2, repair: { confidence: 'safe' } });
    const out = join(tempDir(), NAME);
    cli(['fix', '--auto', path, '-o', out]);
    const fixed = readFileSync(out, 'utf8');
    expect(fixed).not.toMatch(/<!DOCTYPE|<!ENTITY/);
    expect(issues(out).map((i) => i.code)).not.toContain('ctf/doctype');
  });

  it('when a pupil uses a declared entity, removing it is left to review and fix --auto keeps it', () => {
    const path = withDoctype(true);
    const found = issues(path).find((i) => i.code === 'ctf/doctype');
    expect(found?.repair?.confidence).toBe('review');
    const out = join(tempDir(), NAME);
    cli(['fix', '--auto', path, '-o', out]);
    expect(readFileSync(out, 'utf8')).toContain('<!ENTITY lol');
  });

  it('the sample, without one, is not flagged', () => {
    expect(issues(join(ROOT, 'formats/ctf/samples', NAME)).map((i) => i.code)).not.toContain('ctf/doctype');
  });
});
