// Builds @tccc-kit/fake-sdk:
//   dist/tccc-sdk.js  the browser script (one minified IIFE, no imports, CSP-safe: no eval)
//   dist/index.js     + .d.ts: the Node entry (script path, wire protocol types)
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url);
rmSync(new URL('dist', here), { recursive: true, force: true });

await build({
  entryPoints: [new URL('src/browser/main.ts', here).pathname],
  outfile: new URL('dist/tccc-sdk.js', here).pathname,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

const typescriptDir = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
const tsc = join(typescriptDir, 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', new URL('tsconfig.build.json', here).pathname], {
  stdio: 'inherit',
});
