/**
 * The other formats' samples, damaged: cut short at many places and with bytes overwritten at
 * random (fixed seed). `check` must answer each with a report or a message, never a stack trace,
 * and `fix --auto` must write what it reports on;
 * the workstation must open and draw every one it reports on. Each damaged file keeps its
 * sample's name, so it is detected as that format would be.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cli, expectedExit, OPTIONS, ROOT, tempDir } from './helpers.js';
import { openDoc } from '../src/session/document.js';
import { walkAndDraw } from './walk.js';

const SAMPLES = ['eis/samples/1234enr.asc', 'eis/samples/Enroll.asc', 'target-tracker/samples/pupils.csv', 'ctf/samples/8231234_CTF_8239876_001.XML', 'sace/samples/StudImp.dat', 'sace/samples/VETRImp.dat'];

function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0) >>> 0) / 4294967296;
}

function corpus(): Array<[string, string]> {
  const rand = random(20261123);
  const dir = tempDir();
  const files: Array<[string, string]> = [];
  const add = (label: string, name: string, bytes: Buffer) => {
    const folder = join(dir, `${files.length}`);
    mkdirSync(folder);
    writeFileSync(join(folder, name), bytes);
    files.push([label, join(folder, name)]);
  };
  for (const sample of SAMPLES) {
    const bytes = readFileSync(join(ROOT, 'formats', sample));
    const name = basename(sample);
    for (let i = 1; i <= 6; i++) add(`${name} cut at ${Math.floor((bytes.length * i) / 7)}`, name, bytes.subarray(0, Math.floor((bytes.length * i) / 7)));
    for (let i = 0; i < 4; i++) {
      const hurt = Buffer.from(bytes);
      for (let k = 0; k < 12; k++) hurt[Math.floor(rand() * hurt.length)] = [0x22, 0x3c, 0x26, 0x2c, 0x0a, 0xe9, 0x00, 0x09][Math.floor(rand() * 8)];
      add(`${name} with bytes overwritten (${i})`, name, hurt);
    }
  }
  return files;
}

describe('the other formats, damaged', () => {
  const files = corpus();

  it('check answers every file with a report or a message, never a stack trace', () => {
    for (const [label, path] of files) {
      const result = cli(['check', path, '--json']);
      expect([0, 1, 2, 65, 66], label).toContain(result.status);
      expect(result.stderr, label).not.toMatch(/\n\s+at |internal error/);
      if (result.status! <= 2) expect(() => JSON.parse(result.stdout), label).not.toThrow();
      // exit 0 if and only if no error and no rejection (test/exit-invariant.test.ts)
      if (result.status! <= 2) expect(result.status, label).toBe(expectedExit(JSON.parse(result.stdout).issues));
      else expect(result.stderr, label).toMatch(/^rollfix: /);
      if (result.status! > 2) continue;
      const fixed = cli(['fix', '--auto', path, '-o', `${path}.out`, '--force']);
      expect([0, 1, 2], `fix ${label}: ${fixed.stderr}`).toContain(fixed.status);
      expect(fixed.stderr, label).not.toMatch(/\n\s+at |internal error/);
    }
  }, 180_000);

  it('the workstation opens and draws every file check reports on', async () => {
    for (const [label, path] of files) {
      let doc;
      try {
        doc = await openDoc(path, OPTIONS);
      } catch (error) {
        expect((error as Error).constructor.name, label).toBe('InputError');
        continue;
      }
      const text = walkAndDraw(doc);
      expect(text.split('\n').length, label).toBeLessThanOrEqual(24);
    }
  }, 120_000);
});
