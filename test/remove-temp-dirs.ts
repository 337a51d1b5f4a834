/**
 * Run before every test file (vitest.config.ts, setupFiles): once the file's last test and its
 * own afterAll hooks are done (hooks after the tests run in reverse order, so this one last), the
 * folders its tests made with tempDir are deleted. A file a test leaves for the next test in the
 * same file is still there for it.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.js';

// A file that made thousands of folders (the one-truth property test) may take a while on a busy machine.
afterAll(() => removeTempDirs(), 120_000);
