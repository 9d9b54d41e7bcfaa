import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What the loader adds to a page, bundled as an app's bundler would (tree shaking on),
 * minified, gzipped at level 9. Budgets in bytes; see README "Size".
 */
const ENTRIES = [
  // The loader itself (with TcccLoadError and the URL check it uses): the first 1 KB budget
  // plus per-caller detach and the seat-safe teardown (README "Size" has the breakdown).
  { entry: './index.ts', imports: 'loadTccc, unloadTccc', budget: 1170 },
  // Ceilings against regressions: the documented flow, everything, the React binding (with
  // the loader it uses; React itself is the app's).
  { entry: './index.ts', imports: 'loadTccc, unloadTccc, fetchSdkUrl', budget: 1326 },
  { entry: './index.ts', imports: '*', budget: 1414 },
  { entry: './react/index.ts', imports: '*', budget: 2400 },
];

const here = fileURLToPath(new URL('.', import.meta.url));

async function bundle(entry: string, imports: string) {
  const result = await build({
    stdin: {
      contents: `export ${imports === '*' ? '*' : `{ ${imports} }`} from '${entry}';`,
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    external: entry.includes('react') ? ['react', 'react-dom'] : [],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
  };
}

describe('size', () => {
  for (const { entry, imports, budget } of ENTRIES) {
    const name = `${entry === './index.ts' ? '' : entry.slice(1, -9)} { ${imports} }`;
    it(`import${name} bundles to at most ${budget} B min+gzip`, async () => {
      const { minified, gzipped } = await bundle(entry, imports);
      console.log(`@tccc-kit/web-loader${name}: ${minified} B min, ${gzipped} B min+gzip`);
      expect(minified).toBeGreaterThan(500);
      expect(gzipped).toBeLessThanOrEqual(budget);
    });
  }

  it('the root entry bundles without React: only the /react entry imports it', async () => {
    const root = await bundle('./index.ts', '*');
    expect(root.inputs.filter((path) => /react/.test(path))).toEqual([]);
    const react = await bundle('./react/index.ts', '*');
    expect(react.inputs).toContain('src/react/provider.ts');
  });
});
