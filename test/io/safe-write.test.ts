import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SafeWriter } from '../../src/io/safe-write.js';
import { UnencodableError } from '../../src/io/cp1252.js';
import { tempDir } from '../helpers.js';

describe('SafeWriter', () => {
  it('shows nothing at the target until commit, then the whole file, mode 0600', () => {
    const dir = tempDir();
    const target = join(dir, 'out.txt');
    writeFileSync(target, 'old');
    const writer = new SafeWriter(target);
    writer.write('new line\n'.repeat(300_000));
    expect(readFileSync(target, 'utf8')).toBe('old');
    writer.commit();
    expect(readFileSync(target, 'utf8')).toBe('new line\n'.repeat(300_000));
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });
  it('writes a BOM and Windows-1252 when asked', () => {
    const dir = tempDir();
    const bom = new SafeWriter(join(dir, 'a.txt'), 'utf-8', true);
    bom.write('é');
    bom.commit();
    expect([...readFileSync(join(dir, 'a.txt'))]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
    const cp = new SafeWriter(join(dir, 'b.txt'), 'windows-1252');
    cp.write('O\u2019Neil é €');
    cp.commit();
    expect([...readFileSync(join(dir, 'b.txt'))]).toEqual([0x4f, 0x92, 0x4e, 0x65, 0x69, 0x6c, 0x20, 0xe9, 0x20, 0x80]);
  });
  it('refuses a character Windows-1252 cannot hold and leaves no file behind', () => {
    const dir = tempDir();
    const writer = new SafeWriter(join(dir, 'c.txt'), 'windows-1252');
    writer.write('Nguyễn');
    expect(() => writer.commit()).toThrow(UnencodableError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
