import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/** What the loader may add to a page, minified and gzipped. See README "Size". */
const BUDGET_BYTES = 1536;

it(`bundles to at most ${BUDGET_BYTES} bytes min+gzip`, async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzipped = gzipSync(code, { level: 9 }).byteLength;
  console.log(`@tccc-kit/web-loader: ${code.byteLength} B minified, ${gzipped} B min+gzip`);
  expect(code.byteLength).toBeGreaterThan(0);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
});
