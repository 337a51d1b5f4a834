/**
 * What `rollfix fix --auto` writes, pinned: for every bundled sample the fixed file, the change
 * report and what it prints are golden files (snapshots/fix/), so a speed-up that changes one
 * byte fails here. And the check of the written file made while it is written, on another
 * thread (src/core/parallel-check.ts, checkWhileWriting), must give the same bytes as the check
 * made after writing, on one thread, for files that test its edges.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
// @ts-expect-error: a plain ESM script without types
import { generate } from '../bench/generate.mjs';
import { cli, detail, fixture, gtidFile, ROOT, tempDir, tempFile } from './helpers.js';

/** fix --auto of `file` into a fresh folder: its printout (folder named OUT), exit status, and the two files. */
function fix(file: string, env: Record<string, string> = {}) {
  const dir = tempDir();
  const output = join(dir, 'fixed');
  const report = join(dir, 'changes.csv');
  const result = cli(['fix', file, '--auto', '-o', output, '--report', report], env);
  const read = (path: string) => (existsSync(path) ? readFileSync(path) : null);
  // Paths are those of the checkout and the temp folder: the golden files say ROOT and OUT.
  const local = (text: string) => text.replaceAll(dir, 'OUT').replaceAll(ROOT, 'ROOT');
  return { stdout: local(result.stdout), stderr: local(result.stderr), status: result.status, fixed: read(output), changes: read(report) };
}

const samples = readdirSync(join(ROOT, 'formats')).flatMap((format) => {
  const dir = join(ROOT, 'formats', format, 'samples');
  return existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()).map((name) => ({ format, name, path: join(dir, name) })) : [];
});

describe('fix --auto on the bundled samples', () => {
  it.each(samples)('writes what it wrote before: $format/$name', async ({ format, name, path }) => {
    const result = fix(path);
    const golden = (what: string) => join(ROOT, 'snapshots/fix', format, `${name}.${what}`);
    await expect(`exit ${result.status}\n${result.stdout}${result.stderr}`).toMatchFileSnapshot(golden('out.txt'));
    if (result.fixed) await expect(result.fixed.toString('latin1')).toMatchFileSnapshot(golden('fixed'));
    if (result.changes) await expect(result.changes.toString('latin1')).toMatchFileSnapshot(golden('changes.csv'));
  });
});

describe('the check of the written file made while it is written', () => {
  const afterWriting = (file: string) => fix(file, { ROLLFIX_THREADS: '1' });
  const whileWriting = (file: string) => fix(file, { ROLLFIX_THREADS: '2', ROLLFIX_PARALLEL_MIN_BYTES: '0' });
  const same = (file: string) => {
    const [one, two] = [afterWriting(file), whileWriting(file)];
    expect(two.stdout, basename(file)).toBe(one.stdout);
    expect(two.status, basename(file)).toBe(one.status);
    expect(two.fixed?.equals(one.fixed!) ?? one.fixed === null, basename(file)).toBe(true);
    expect(two.changes?.equals(one.changes!) ?? one.changes === null, basename(file)).toBe(true);
    return one;
  };

  it('tells what the check after writing tells, for a generated file and every fixture', () => {
    const file = join(tempDir(), 'gtid-20000.txt');
    generate(20_000, file);
    expect(same(file).stdout).toMatch(/What is left/);
    for (const name of readdirSync(fixture('.'))) same(fixture(name));
  });
  it('tells the same when the output has a BOM, CRLF endings, tabs, blank lines or a repeat', () => {
    // Some repairs, and a date no repair can make, so the written file still has an issue to tell.
    const rows = Array.from({ length: 3000 }, (_, i) => detail({ 10: String(i), 7: i % 7 ? 'F' : 'Female', 8: i === 2000 ? '02/30/2015' : '03/14/2015' }));
    const text = gtidFile([...rows.slice(0, 1500), '', '', rows[3], rows[4], ...rows.slice(1500)]);
    same(tempFile(text));
    same(tempFile(`\ufeff${text.replaceAll('\n', '\r\n')}`));
    same(tempFile(gtidFile(rows.map((r) => r.replaceAll(',', '\t')), { delimiter: '\t' })));
  });
  it('tells the same when a name late in the file is Windows-1252', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => detail({ 10: String(i) }));
    const text = Buffer.concat([Buffer.from(gtidFile(rows).replace(/\nTT.*\n$/, '\n')), Buffer.from('ID,0177,644,Mu\xf1oz,Sofia,,,F,03/14/2015,05,x1,,H,,644,2026\nTT\t4711\t3003\n', 'latin1')]);
    same(tempFile(text));
  });
});
