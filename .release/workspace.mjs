/**
 * What the release scripts need to know about the workspace: which packages are published
 * (every workspace package that is not `"private": true`), the catalog's versions, and how
 * to pack a package the way `pnpm publish` would (`pnpm pack` rewrites `workspace:` and
 * `catalog:` specifiers into the versions they stand for).
 *
 * Plain Node with no dependencies.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every workspace package (the folders pnpm-workspace.yaml lists) as `{ dir, manifest }`. */
export function workspacePackages() {
  const yaml = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.matchAll(/^\s+-\s+["']?([\w./-]+)\/\*["']?\s*$/gm)].map((m) => m[1]);
  const found = [];
  for (const parent of globs) {
    for (const entry of readdirSync(join(ROOT, parent), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(ROOT, parent, entry.name);
      try {
        found.push({ dir, manifest: readJson(join(dir, 'package.json')) });
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
    }
  }
  return found.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** The packages integrators install: every workspace package not marked private. */
export function publishablePackages() {
  return workspacePackages().filter(({ manifest }) => manifest.private !== true);
}

/** `catalog:` of pnpm-workspace.yaml as `{ name: version }` (the simple form it uses). */
export function catalogVersions() {
  const yaml = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^catalog:\n((?:[ \t]+.*\n?)*)/m.exec(yaml)?.[1] ?? '';
  const versions = {};
  for (const match of block.matchAll(/^\s+["']?([^"':\s]+)["']?:\s*["']?([^"'\s#]+)/gm)) {
    versions[match[1]] = match[2];
  }
  return versions;
}

/**
 * Packs the package in `dir` into `destination` with `pnpm pack`, as `pnpm publish` would
 * (its `prepack` scripts included), and resolves to the tarball's absolute path.
 */
export async function pack(dir, destination) {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const filename = JSON.parse(stdout.slice(stdout.indexOf('{'))).filename;
  if (typeof filename !== 'string') {
    throw new Error(`pnpm pack in ${dir} did not say where it wrote the tarball:\n${stdout}`);
  }
  return filename;
}

/** Unpacks `tarball` into `destination` (its files end up under `destination/package`). */
export async function unpack(tarball, destination) {
  await run('tar', ['-xzf', tarball, '-C', destination]);
  return join(destination, 'package');
}
