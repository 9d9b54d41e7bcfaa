import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // e2e/ holds the Playwright browser suites; they are not Vitest tests.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
