import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';

/** Makes a named pipe with mkfifo(1); null where the system has none. */
export function mkfifoSync(): string | null {
  const path = join(tempDir(), 'pipe');
  return spawnSync('mkfifo', [path]).status === 0 ? path : null;
}
