/**
 * The fuzz corpus: hostile and broken files, made at test time from a fixed seed. `check` must
 * answer each with a report or a message and a documented exit code, never a stack trace, in
 * bounded memory (the CLI runs with a 256 MB heap); the workstation must open every file `check`
 * reports on and draw it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, SAMPLE, tempDir, OPTIONS, detail, gtidFile } from './helpers.js';
import { openDoc } from '../src/session/document.js';
import { walkAndDraw } from './walk.js';

function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0) >>> 0) / 4294967296;
}

function corpus(dir: string): Array<[string, string]> {
  const rand = random(20261122);
  const sample = readFileSync(SAMPLE);
  const files: Array<[string, Buffer | string]> = [
    ['random-bytes', Buffer.from(Array.from({ length: 65536 }, () => Math.floor(rand() * 256)))],
    ['random-text', Array.from({ length: 2000 }, () => Array.from({ length: Math.floor(rand() * 120) }, () => String.fromCharCode(32 + Math.floor(rand() * 95))).join('')).join('\n')],
    ['ten-mb-line', `TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,\nID,${'x'.repeat(10 << 20)}\nTT\t4711\t3\n`],
    ['nul-late', Buffer.concat([Buffer.from(gtidFile(Array.from({ length: 1200 }, (_, i) => detail({ 10: String(i) })))), Buffer.from('ID,0177,644,Sm\u0000ith,A,,,F,03/14/2015,05,nul,,W,,644,2026\n')])],
    ['invalid-utf8', Buffer.concat([Buffer.from(gtidFile([detail()]).slice(0, -12)), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0x0a])])],
    ['mixed-endings', gtidFile([detail({ 10: '1' }), detail({ 10: '2' }), detail({ 10: '3' })]).replace(/\n/g, (_, i) => (i % 2 ? '\r\n' : '\n'))],
    ['million-empty-lines', '\n'.repeat(1_000_000)],
    ['header-only', 'TH\t09/05/2025\t08:15:00\t4711\t1.0\tdelimiter=,\n'],
    ['trailer-only', 'TT\t4711\t1\n'],
    ['utf16', Buffer.from('\ufeffTH\t09/05/2025', 'utf16le')],
    ['empty', ''],
    ['escapes', gtidFile([detail({ 3: 'Evil\u001b]0;pwned\u0007\u001b[2J\u001b[H', 4: '\u202egnp.exe', 5: 'zero\u200bwidth' })])],
  ];
  for (let cut = 7; cut < sample.length; cut += 97) files.push([`truncated-${cut}`, sample.subarray(0, cut)]);
  return files.map(([name, content]) => {
    const path = join(dir, `${name}.txt`);
    writeFileSync(path, content);
    return [name, path];
  });
}

describe('the fuzz corpus', () => {
  const dir = tempDir();
  const files = corpus(dir);

  it('check answers every file with a report or a message, never a stack trace', () => {
    for (const [name, path] of files) {
      const result = cli(['check', path, '--json', '--format', 'gtid'], { NODE_OPTIONS: '--max-old-space-size=256' });
      expect([0, 1, 2, 65, 66], name).toContain(result.status);
      expect(result.stderr, name).not.toMatch(/\n\s+at |internal error/);
      if (result.status! <= 2) expect(() => JSON.parse(result.stdout), name).not.toThrow();
      else expect(result.stderr, name).toMatch(/^rollfix: /);
    }
  }, 120_000);

  it('no SSN in clear anywhere with masking on, when SSN-shaped values land in shifted columns', () => {
    const ssns = ['123456789', '987-65-4321', '555443333'];
    const shifted = [
      detail({ 5: `Rose,`, 11: ssns[0] }),
      detail({ 3: ssns[1] }).replace(',Emily,', ','),
      detail({ 12: ssns[2], 13: ssns[0] }),
      detail({ 10: ssns[1], 11: '' }) + ',extra',
    ];
    const path = join(dir, 'shifted-ssns.txt');
    writeFileSync(path, gtidFile(shifted));
    const out = join(dir, 'shifted-ssns.out');
    const runs = [cli(['check', path]), cli(['check', path, '--json']), cli(['fix', '--auto', path, '-o', out, '--force'])];
    const seen = runs.map((r) => r.stdout + r.stderr).join('\n') + readFileSync(`${out.replace(/\.out$/, '')}.changes.csv`, 'utf8');
    for (const ssn of ssns) expect(seen).not.toContain(ssn);
  }, 60_000);

  it('the workstation opens and draws every file check reports on', async () => {
    for (const [name, path] of files) {
      let doc;
      try {
        doc = await openDoc(path, OPTIONS, 'gtid');
      } catch (error) {
        expect((error as Error).constructor.name, name).toBe('InputError');
        continue;
      }
      const text = walkAndDraw(doc);
      expect(text.split('\n').length, name).toBeLessThanOrEqual(24);
      expect(text, name).not.toMatch(/\u001b\]|\u001b\[2J|\u202e/);
    }
  }, 120_000);
});
