/**
 * What the browser downloads: the loader as an app bundles it (esbuild, minified ESM of the
 * built package, gzip level 9, like packages/web-loader/src/size.test.ts), both the core an
 * app needs (`loadTccc` + `unloadTccc`) and every export; and the fake SDK script as the
 * mock serves it (already one minified file).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * The loader's size budget, min+gzip: the figure packages/web-loader/src/size.test.ts asserts
 * (1 KB until per-caller detach and the seat-safe teardown; the package README says why).
 */
export const LOADER_BUDGET_BYTES = 1170;

export interface Size {
  minified: number;
  gzipped: number;
}

const measure = (code: Uint8Array): Size => ({
  minified: code.byteLength,
  gzipped: gzipSync(code, { level: 9 }).byteLength,
});

async function bundledSize(source: string): Promise<Size> {
  const result = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return measure(result.outputFiles[0]?.contents ?? new Uint8Array());
}

export async function measureSizes(): Promise<{ loader: Size; loaderAll: Size; fakeSdk: Size }> {
  const loader = await bundledSize("export { loadTccc, unloadTccc } from '@tccc-kit/web-loader';");
  const loaderAll = await bundledSize("export * from '@tccc-kit/web-loader';");
  const fakeSdk = measure(
    await readFile(fileURLToPath(import.meta.resolve('@tccc-kit/fake-sdk/tccc-sdk.js'))),
  );
  return { loader, loaderAll, fakeSdk };
}
