import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CPU probe tests start a child process through tsx; on a loaded 2-core machine
    // that alone can take seconds. No assertion depends on wall-clock speed.
    testTimeout: 30_000,
  },
});
