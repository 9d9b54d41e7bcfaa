/**
 * Runs inside the integrator's project (a temporary folder outside the repository, with
 * the packed packages installed): imports every entry point that each installed package's
 * `exports` declares, and prints what each exports as JSON on stdout.
 *
 * An entry without `types` is not a module to import (the fake SDK's browser script): it is
 * only resolved, and its file must exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const names = JSON.parse(process.argv[2]);
const report = {};
for (const name of names) {
  const manifest = JSON.parse(
    readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8'),
  );
  for (const [subpath, target] of Object.entries(manifest.exports ?? { '.': manifest.main })) {
    if (subpath === './package.json') continue;
    const specifier = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
    if (typeof target !== 'object' || target === null || target.types === undefined) {
      const file = fileURLToPath(import.meta.resolve(specifier));
      report[specifier] = { resolvedOnly: true, exists: existsSync(file) };
      continue;
    }
    report[specifier] = { exports: Object.keys(await import(specifier)).sort() };
  }
}
process.stdout.write(JSON.stringify(report));
