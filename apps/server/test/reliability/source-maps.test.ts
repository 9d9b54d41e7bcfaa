/**
 * Source maps of the production console: built "hidden" (apps/web/vite.config.ts) so an
 * error tracker can be given them, never linked from a bundle and never served: a browser
 * (or anyone) asking for one under /assets/ gets 404.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { locateWebDist } from '../../src/web/locate.js';
import { buildApp } from '../harness.js';
import { type Listening, listen } from './loopback.js';

const distDir = locateWebDist(undefined);
let server: Listening;
beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${distDir}); run \`pnpm --filter @tccc-kit/web build\`.`,
    );
  }
  server = await listen(buildApp({ webDistDir: distDir }).app.fetch);
});
afterAll(() => server?.close());

it('links no source map from the built bundles and serves none of the maps the build wrote', async () => {
  const assets = await readdir(join(distDir, 'assets'));
  const bundles = assets.filter((name) => /\.(js|css)$/.test(name));
  const maps = assets.filter((name) => name.endsWith('.map'));
  expect(bundles.length).toBeGreaterThan(0);
  for (const bundle of bundles) {
    expect(await readFile(join(distDir, 'assets', bundle), 'utf8')).not.toMatch(/sourceMappingURL/);
  }
  // Guessing the name does not help either.
  for (const name of [...maps, ...bundles.map((bundle) => `${bundle}.map`)]) {
    const response = await fetch(`${server.url}/assets/${name}`);
    expect([name, response.status]).toEqual([name, 404]);
    expect(await response.text()).not.toContain('"mappings"');
  }
});
