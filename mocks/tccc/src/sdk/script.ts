import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

let cached: Promise<string> | undefined;

/**
 * The built fake SDK (one minified IIFE from @tccc-kit/fake-sdk), read once and cached.
 * Fails with a message naming the build step when the package was not built.
 */
export function fakeSdkScript(): Promise<string> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    let path: string;
    try {
      path = require.resolve('@tccc-kit/fake-sdk/tccc-sdk.js');
      return await readFile(path, 'utf8');
    } catch (cause) {
      cached = undefined;
      throw new Error(
        'The fake TCCC SDK script is missing: build it with `pnpm --filter @tccc-kit/fake-sdk build`.',
        { cause },
      );
    }
  })();
  return cached;
}
