import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The CLI tests run the real bundle (bin/rollfix), so it is built once before them.
    globalSetup: ['test/build-once.ts'],
    // Each test file's temporary folders are deleted after its last test.
    setupFiles: ['test/remove-temp-dirs.ts'],
    testTimeout: 30_000,
  },
});
