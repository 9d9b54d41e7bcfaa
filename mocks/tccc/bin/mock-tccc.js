#!/usr/bin/env node
// The `mock-tccc` command. This file is committed (not built), so pnpm can link it at
// install time, before dist/ exists, without a "Failed to create bin" warning; it runs the
// built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/serve/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write(
    'mock-tccc: the package is not built yet (dist/serve/cli.js is missing). Build it and what it needs with `pnpm turbo run build --filter=@tccc-kit/mock-tccc...` (or `pnpm build`) at the repository root, then run mock-tccc again.\n',
  );
  process.exitCode = 1;
}
