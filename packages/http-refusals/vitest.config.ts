import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real loopback sockets; a generous timeout only turns a real hang into a failure.
    testTimeout: 15_000,
  },
});
