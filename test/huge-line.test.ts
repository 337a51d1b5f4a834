/**
 * Issue 13 item 13: a line longer than 16 MB (no line break) is refused with one clear line and
 * exit 65 (not a batch file) in every format, before any format reads the whole file (SACE's
 * whole-file reader took 13 s on 50 MB; `npm run bench` is where the time is measured).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';
import { EXIT } from '../src/cli/exit-codes.js';

const SAMPLES = ['gtid/samples/sample.txt', 'eis/samples/1234enr.asc', 'target-tracker/samples/pupils.csv', 'ctf/samples/8231234_CTF_8239876_001.XML', 'sace/samples/StudImp.dat'];

describe('a line longer than 16 MB', () => {
  for (const sample of SAMPLES) {
    it(`${sample}: refused, one line, exit 65`, () => {
      const path = join(tempDir(), sample.split('/').at(-1)!);
      // The sample's first 300 bytes (so the format is detected), then 17 MB with no line break.
      writeFileSync(path, Buffer.concat([readFileSync(join(ROOT, 'formats', sample)).subarray(0, 300), Buffer.alloc(17 << 20, 'x')]));
      for (const args of [['check', path, '--json'], ['fix', '--auto', path, '-o', `${path}.out`]]) {
        const result = cli(args);
        expect(result.status, args.join(' ')).toBe(EXIT.notRecognised);
        expect(result.stderr).toMatch(/^rollfix: cannot check .*: line \d+ is longer than 16 MB, so this is not a batch file\n$/);
        expect(result.stdout).toBe('');
      }
    }, 60_000);
  }
});
