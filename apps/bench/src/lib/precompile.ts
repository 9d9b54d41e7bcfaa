/**
 * The bench's TypeScript child entries (`src/servers/*.ts`), compiled once per run to plain
 * ESM in `apps/bench/dist/` (ignored by git), so that every process under test runs on
 * plain `node` as the baseline does: no tsx loader hooks or source-map support in a
 * measured process. The entry and the bench files it imports by relative path are bundled
 * into one file; packages (`@tccc-kit/server/dist/...`, the token client, the mock) stay
 * imports, resolved from apps/bench at run time, so the servers run their built code.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const OUT_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
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
      bundle: true,
      packages: 'external',
      logLevel: 'silent',
    }).then(() => outfile);
    compiled.set(entry, done);
  }
  return done;
}
