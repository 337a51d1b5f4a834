/**
 * Memory does not grow with clean records: 200,000 of them are checked, and opened in the
 * workstation, inside a 96 MB JavaScript heap. A copy of each record as strings would need
 * several times that; what rollfix keeps per record is bytes, offsets and fingerprints outside
 * the heap. And the bench runs end to end on a small file (its smoke test).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
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
