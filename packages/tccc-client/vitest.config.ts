import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests send real requests (msw in-process, loopback servers). On a loaded 2-core CI
    // machine they can be slow; no assertion depends on wall-clock speed, so a generous
    // timeout only turns a real hang into a failure.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
