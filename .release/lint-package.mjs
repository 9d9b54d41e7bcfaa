#!/usr/bin/env node
/**
 * `pnpm lint:package` of a publishable package (run in its folder, after its build): packs
 * it with `pnpm pack`, exactly what `pnpm publish` would upload, and checks the tarball:
 *
 *  1. our own rules (`packedPackageProblems`): no `workspace:`/`catalog:`/`link:`/`file:`
 *     specifier left in the packed manifest, the root LICENSE and a README inside, the
 *     license field, `sideEffects` declared, `publishConfig.access` public for a scoped
 *     name, each `bin` a script with a shebang, and every source map's sources shipped;
 *  2. publint (`--strict`: its warnings fail too) on the tarball: exports, files, fields;
 *  3. Are-The-Types-Wrong on the tarball with the `esm-only` profile: the packages are ESM
 *     only (`"type": "module"`, `import`/`default` conditions), so their types must resolve
 *     for `node16`/`nodenext` from ESM and for `bundler`; CommonJS `require` (node16 from
 *     CJS) and `node10` (no `exports` support) are out of scope by design. A package may
 *     keep an `.attw.json` beside its package.json (attw's own config file) to exclude an
 *     entry that is not a module (the fake SDK's browser script).
 *
 * Exits 1 with every problem found. Plain Node; publint and attw come from the root's
 * devDependencies.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { pack, ROOT, unpack } from './workspace.mjs';

const run = promisify(execFile);

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];
/** Protocols that mean something only inside this workspace. */
const LOCAL_PROTOCOL = /^(workspace|catalog|link|file|portal):/;

/**
 * Problems of a packed package, as sentences that say what to fix.
 * `manifest` is the packed package.json, `files` the tarball's paths (relative, `/`),
 * `readText(path)` a file's text, `rootLicense` the text of the repository's LICENSE.
 */
export function packedPackageProblems({ manifest, files, readText, rootLicense }) {
  const problems = [];
  const shipped = new Set(files);
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      if (LOCAL_PROTOCOL.test(String(spec))) {
        problems.push(
          `${field}.${name} is ${JSON.stringify(spec)} in the packed package.json: pack with pnpm (it rewrites workspace: and catalog: specifiers), never npm`,
        );
      }
    }
  }
  if (!manifest.license) problems.push('package.json has no "license" field');
  if (!shipped.has('LICENSE')) {
    problems.push('the tarball has no LICENSE: copy the root LICENSE and list it in "files"');
  } else if (readText('LICENSE') !== rootLicense) {
    problems.push('LICENSE differs from the root LICENSE: copy the root one over it');
  }
  if (!shipped.has('README.md')) problems.push('the tarball has no README.md');
  if (manifest.sideEffects === undefined) {
    problems.push(
      'package.json has no "sideEffects": say false, or list the files that run code on import',
    );
  }
  if (manifest.name?.startsWith('@') && manifest.publishConfig?.access !== 'public') {
    problems.push(
      'a scoped package publishes as restricted by default: set "publishConfig": { "access": "public" }',
    );
  }
  const bins =
    typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});
  for (const [name, target] of Object.entries(bins)) {
    const path = posix.normalize(target);
    if (!shipped.has(path)) problems.push(`bin ${name} (${target}) is not in the tarball`);
    else if (!readText(path).startsWith('#!')) {
      problems.push(`bin ${name} (${target}) does not start with a #! line`);
    }
  }
  for (const map of files.filter((file) => file.endsWith('.map'))) {
    let sources;
    try {
      sources = JSON.parse(readText(map)).sources ?? [];
    } catch {
      problems.push(`${map} is not a JSON source map`);
      continue;
    }
    const missing = sources
      .map((source) => posix.normalize(posix.join(posix.dirname(map), source)))
      .filter((source) => !shipped.has(source));
    if (missing.length > 0) {
      problems.push(
        `${map} points at ${missing.join(', ')}, which the tarball lacks: ship the sources (add them to "files") or build without maps`,
      );
    }
  }
  return problems;
}

async function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, base)));
    else out.push(relative(base, path).split(sep).join('/'));
  }
  return out;
}

/** Path of the script behind `bin` of a root devDependency (pnpm links them at the root). */
function binOf(packageName, binName) {
  const home = join(ROOT, 'node_modules', ...packageName.split('/'));
  const { bin } = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8'));
  return join(home, typeof bin === 'string' ? bin : bin[binName]);
}

/** Runs a tool with this Node; resolves to its output, or rejects with it. */
async function tool(script, args, cwd) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    return { ok: true, output: `${stdout}${stderr}`.trim() };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? error.message}`.trim() };
  }
}

async function main() {
  const dir = process.cwd();
  const scratch = await mkdtemp(join(tmpdir(), 'tccc-kit-lint-package-'));
  try {
    const tarball = await pack(dir, scratch);
    const unpacked = await unpack(tarball, scratch);
    const files = await listFiles(unpacked);
    const texts = new Map();
    for (const file of files) texts.set(file, await readFile(join(unpacked, file), 'utf8'));
    const manifest = JSON.parse(texts.get('package.json'));
    const label = `${manifest.name}@${manifest.version}`;
    const problems = packedPackageProblems({
      manifest,
      files,
      readText: (path) => texts.get(path) ?? '',
      rootLicense: await readFile(join(ROOT, 'LICENSE'), 'utf8'),
    });

    const publint = await tool(binOf('publint', 'publint'), ['run', tarball, '--strict'], dir);
    if (!publint.ok) problems.push(`publint:\n${publint.output}`);
    const attw = await tool(
      binOf('@arethetypeswrong/cli', 'attw'),
      [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-emoji', '--no-color'],
      dir,
    );
    if (!attw.ok) problems.push(`Are-The-Types-Wrong (profile esm-only):\n${attw.output}`);

    const kib = ((await stat(tarball)).size / 1024).toFixed(1);
    if (problems.length > 0) {
      process.stderr.write(
        `lint:package ${label}: ${problems.length} problem(s)\n${problems.map((p) => `- ${p}`).join('\n')}\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `lint:package ${label}: ${files.length} files, ${kib} KiB packed; manifest, LICENSE and source maps, publint --strict, attw --profile esm-only: ok\n`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
