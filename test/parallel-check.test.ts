/**
 * A large file is checked in parts on several threads (src/core/parallel-check.ts). The report
 * must be exactly the one-thread report, whatever the cut: duplicates across parts, a trailer or
 * header at a cut, blank lines, Windows-1252 found late.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain ESM script without types
import { generate } from '../bench/generate.mjs';
import { cli, detail, gtidFile, fixture, tempDir, tempFile } from './helpers.js';

const serial = (file: string) => cli(['check', file, '--json'], { ROLLFIX_THREADS: '1' });
const parallel = (file: string, threads: number) => cli(['check', file, '--json'], { ROLLFIX_THREADS: String(threads), ROLLFIX_PARALLEL_MIN_BYTES: '0' });

describe('checking in parts', () => {
  it('gives the one-thread report for a generated file with duplicates across the parts', () => {
    const file = join(tempDir(), 'gtid-20000.txt');
    generate(20_000, file);
    const one = serial(file);
    expect(JSON.parse(one.stdout).issues.some((i: { code: string }) => i.code === 'gtid/duplicate-local-id')).toBe(true);
    for (const threads of [2, 3, 5]) expect(parallel(file, threads).stdout, `${threads} threads`).toBe(one.stdout);
  });
  it('gives the one-thread report for every fixture', () => {
    for (const name of readdirSync(fixture('.'))) {
      const one = serial(fixture(name));
      const many = parallel(fixture(name), 3);
      expect(many.stdout, name).toBe(one.stdout);
      expect(many.status, name).toBe(one.status);
    }
  });
  it('gives the one-thread report when a trailer, a blank line or a repeat falls at a cut', () => {
    const rows = Array.from({ length: 40 }, (_, i) => detail({ 10: String(i) }));
    const file = gtidFile([...rows.slice(0, 20), '', 'TT\t4711\t3', rows[3], ...Array(300).fill(''), ...rows.slice(20)]);
    for (const threads of [2, 3, 4, 7]) expect(parallel(tempFile(file), threads).stdout).toBe(serial(tempFile(file)).stdout);
  });
  it('starts again on one thread when a late part is not UTF-8', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => detail({ 10: String(i) }));
    const text = Buffer.concat([Buffer.from(gtidFile(rows).replace(/\nTT.*\n$/, '\n')), Buffer.from('ID,0177,644,Mu\xf1oz,Sofia,,,F,03/14/2015,05,x1,,H,,644,2026\nTT\t4711\t2003\n', 'latin1')]);
    const file = tempFile(text);
    const many = parallel(file, 2);
    expect(JSON.parse(many.stdout).encoding).toBe('windows-1252');
    expect(many.stdout).toBe(serial(file).stdout);
  });
});
