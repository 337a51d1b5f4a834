/** Shared test helpers: temporary files, running the real CLI, and reports flattened to rows. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile, type Report } from '../src/core/engine.js';
import type { CheckOptions } from '../src/core/format.js';
import { registry } from '../formats/registry.js';
import { tempDir } from './temp-dirs.js';

export const ROOT = join(import.meta.dirname, '..');
export const fixture = (name: string) => join(ROOT, 'test/fixtures/gtid', name);
export const SAMPLE = join(ROOT, 'formats/gtid/samples/sample.txt');

export { tempDir };

/** Writes `content` to a new temporary file and returns its path. */
export function tempFile(content: string | Buffer, name = 'batch.txt'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

export const OPTIONS: CheckOptions = { maxErrors: 1000, maxRecords: 1_000_000 };

/** One readable line per issue: "line code [field]" (after frictionless' report.flatten). */
export function rows(report: Report): string[] {
  return report.issues.map((i) => `${i.line ?? '-'} ${i.code}${i.field ? ` [${i.field}]` : ''}`);
}

export async function checkText(text: string, options: Partial<CheckOptions> = {}): Promise<Report> {
  return checkFile(registry, tempFile(text), { ...OPTIONS, ...options });
}

/** A GTID file from detail rows, with a correct header and trailer unless told otherwise. */
export function gtidFile(details: string[], { tid = '4711', delimiter = ',', count }: { tid?: string; delimiter?: string; count?: number } = {}): string {
  const header = `TH\t09/05/2025\t08:15:00\t${tid}\t1.0\tdelimiter=${delimiter === '\t' ? '0X09' : ','}`;
  return [header, ...details, `TT\t${tid}\t${count ?? details.length + 2}`].join('\n') + '\n';
}

/** A valid detail record for school year 2026, with fields overridden by name. */
export function detail(overrides: Record<number, string> = {}, delimiter = ','): string {
  const fields = ['ID', '0177', '644', 'Johnson', 'Emily', 'Rose', '', 'F', '03/14/2015', '05', '100234', '', 'W', '', '644', '2026'];
  for (const [i, v] of Object.entries(overrides)) fields[Number(i)] = v;
  return fields.join(delimiter);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built program as a user would, with its own empty settings folder. */
export function cli(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/rollfix'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ROLLFIX_CONFIG_DIR: env.ROLLFIX_CONFIG_DIR ?? tempDir(), ROLLFIX_STATE_DIR: env.ROLLFIX_STATE_DIR ?? tempDir(), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The exit code `check` owes `issues`: 2 with a rejection, else 1 with an error, else 0 (test/exit-invariant.test.ts). */
export function expectedExit(issues: ReadonlyArray<{ severity: string }>): number {
  if (issues.some((i) => i.severity === 'reject')) return 2;
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}
