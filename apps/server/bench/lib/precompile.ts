/**
 * The bench's TypeScript child entries (`servers/*.ts`), compiled once per run to plain
 * ESM in `bench/dist/` (ignored by git), so that every process under test runs on plain
 * `node` as the baseline does: no tsx loader hooks or source-map support in a measured
 * process. Only the entry file is transpiled; its imports (this app's `dist/`, packages)
 * stay as written, and `bench/dist/` sits at the same depth as `bench/servers/`, so its
 * relative imports still resolve.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const OUT_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const compiled = new Map<string, Promise<string>>();

/** Path of the compiled `.mjs` for a `.ts` entry; compiles it on the first call. */
export function precompiled(entry: string): Promise<string> {
  let done = compiled.get(entry);
  if (!done) {
    const outfile = `${OUT_DIR}${basename(entry, '.ts')}.mjs`;
    done = build({
      entryPoints: [entry],
      outfile,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      bundle: false,
      logLevel: 'silent',
    }).then(() => outfile);
    compiled.set(entry, done);
  }
  return done;
}
