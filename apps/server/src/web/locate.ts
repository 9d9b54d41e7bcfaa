/**
 * Where the built agent console lives: WEB_DIST when set, else the `dist` folder of the
 * @tccc-kit/web workspace package (found through Node's resolver, so it works from src/
 * under tsx and from dist/ alike).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export function locateWebDist(override: string | undefined): string {
  if (override) return resolve(override);
  try {
    const manifest = createRequire(import.meta.url).resolve('@tccc-kit/web/package.json');
    return join(dirname(manifest), 'dist');
  } catch {
    // Not installed (a fork without apps/web): the web routes answer web_app_not_built.
    return resolve('web-dist-not-found');
  }
}
