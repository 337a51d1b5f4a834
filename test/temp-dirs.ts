/** Temporary folders for the tests, deleted after each test file (test/remove-temp-dirs.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folders tempDir made in this test file. */
const made: string[] = [];

/** A new empty folder in the temp dir, kept until the test file's last test is done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rollfix-test-'));
  made.push(dir);
  return dir;
}

/** Deletes every folder tempDir made, with whatever the tests and the programs they ran put in them. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
