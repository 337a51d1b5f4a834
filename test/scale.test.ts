/**
 * Memory does not grow with clean records: 200,000 of them are checked, and opened in the
 * workstation, inside a 96 MB JavaScript heap. A copy of each record as strings would need
 * several times that; what rollfix keeps per record is bytes, offsets and fingerprints outside
 * the heap. And the bench runs end to end on a small file (its smoke test).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: a plain ESM script without types
import { generate } from '../bench/generate.mjs';
import { cli, ROOT, tempDir } from './helpers.js';

describe('at scale', () => {
  const dir = tempDir();
  const file = join(dir, 'clean-200k.txt');
  generate(200_000, file, 7, 0);

  it('checks 200,000 clean records in a 96 MB heap', () => {
    const result = cli(['check', file, '--json'], { NODE_OPTIONS: '--max-old-space-size=96', ROLLFIX_THREADS: '1' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).records).toBe(200_002);
  }, 120_000);

  it('opens them in the workstation, draws and answers keys, in a 96 MB heap', async () => {
    await build({
      entryPoints: [join(ROOT, 'bench/workstation.tsx')], outdir: join(dir, 'ws'), bundle: true, splitting: true, platform: 'node', format: 'esm',
      jsx: 'automatic', external: ['react-devtools-core'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
    const result = spawnSync(process.execPath, ['--max-old-space-size=96', join(dir, 'ws/workstation.js'), file], { encoding: 'utf8', env: { ...process.env, ROLLFIX_STATE_DIR: tempDir() } });
    expect(result.status, result.stderr).toBe(0);
    const measured = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(measured.bytesMax).toBeLessThan(4096); // bytes written to the terminal per key at 80x24
  }, 120_000);
});

describe('many records sharing one key', () => {
  it('reports 150,000 records with one Local Student ID (check and fix), with no stack overflow', () => {
    const dir = tempDir();
    const file = join(dir, 'same-id.txt');
    const details = Array.from({ length: 150_000 }, (_, i) => `ID,0177,644,Johnson,Emily${i % 1000},Rose,,F,03/14/2015,05,100234,,W,,644,2026`);
    writeFileSync(file, ['TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,', ...details, 'TT\t4711\t150002', ''].join('\n'));
    const checked = spawnSync(process.execPath, [join(ROOT, 'bin/rollfix'), 'check', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ROLLFIX_STATE_DIR: dir, ROLLFIX_CONFIG_DIR: dir } });
    expect(checked.stderr).toBe('');
    const report = JSON.parse(checked.stdout);
    expect(report.issues.filter((i: { code: string }) => i.code === 'gtid/duplicate-local-id').length).toBeGreaterThan(100_000);
    const fixed = cli(['fix', file, '--auto', '-o', join(dir, 'out.txt')]);
    expect(fixed.stderr).not.toMatch(/internal error|RangeError/);
  }, 120_000);
});

describe('the bench, smoke size', () => {
  it('prints every row on a small file', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bench/run.mjs'), '--sizes', '3000', '--runs', '1'], { encoding: 'utf8', env: { ...process.env, ROLLFIX_STATE_DIR: tempDir() } });
    expect(result.status, result.stderr).toBe(0);
    for (const row of ['start-up in a real terminal', 'bare split (floor)', 'csv-parse, parse only', 'rollfix check --json', 'rollfix fix --auto', 'workstation: first frame', 'VisiData', 'mlr', 'csvclean']) {
      expect(result.stdout, row).toContain(row);
    }
    // Accept-all on every 50th record and more: one journal entry, one undo step.
    expect(result.stdout).toMatch(/accept-all: \d+ records in \d+ ms .*, 1 journal entry, 1 undo step/);
  }, 120_000);
});
