import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser suites (e2e/, Playwright) are not Vitest tests.
    include: ['src/**/*.test.ts'],
  },
});
