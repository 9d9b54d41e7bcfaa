/**
 * The packages as an integrator gets them: `pnpm pack` each publishable package (what
 * `pnpm publish` would upload), install the tarballs into a new project in the system's
 * temporary folder, outside this repository and its workspace, and use them from there:
 * every entry point imports, TypeScript compiles against the shipped declarations, the
 * packages work together (client, mock, fake SDK, msw), and the `mock-tccc` command runs.
 *
 * Needs the packages built (turbo's `//#test:packages` depends on their builds) and the
 * npm registry or pnpm's store for their third-party dependencies, at the catalog versions.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { catalogVersions, pack, publishablePackages, ROOT, unpack } from './workspace.mjs';

const run = promisify(execFile);
/** Generous: the machine may be shared by many test runs at once. */
const SLOW = 240_000;

/** Names each entry must export: proof that the module is the real one, not an empty shell. */
const EXPECTED_EXPORTS = {
  '@tccc-kit/tccc-client': ['createTcccClient', 'TcccApiError', 'createLocalRateLimiter'],
  '@tccc-kit/web-loader': ['loadTccc', 'unloadTccc', 'TcccLoadError', 'fetchSdkUrl'],
  '@tccc-kit/web-loader/react': ['TcccProvider', 'useTcccConnection', 'useTcccEvent'],
  '@tccc-kit/http-refusals': ['answerMalformedHttp', 'guardRequests', 'drainUnreadBodies'],
  '@tccc-kit/fake-sdk': ['fakeSdkScriptPath'],
  '@tccc-kit/mock-tccc': ['createMockTccc', 'startMockTcccServer', 'DEFAULT_SECRET_ID'],
  '@tccc-kit/mock-tccc/msw': ['createTcccHandlers'],
  '@tccc-kit/mock-tccc/testing': ['startMockTccc', 'createControlClient'],
  '@tccc-kit/mock-tccc/playwright': ['test', 'expect', 'chromiumLaunchOptions'],
};

/** The optional peers and the tools an integrator brings, at the versions the repo tests. */
const INTEGRATOR_DEPENDENCIES = [
  'msw',
  '@playwright/test',
  'react',
  '@types/react',
  '@types/node',
  'typescript',
];

let scratch;
let project;
let packages;

/** Runs `command` in the integrator's project; rejects with its output when it fails. */
async function inProject(command, args, options = {}) {
  try {
    return await run(command, args, {
      cwd: project,
      maxBuffer: 32 * 1024 * 1024,
      timeout: SLOW,
      ...options,
    });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    error.message = `${command} ${args.join(' ')} failed:\n${output.slice(-4000)}`;
    throw error;
  }
}

before(
  async () => {
    scratch = await mkdtemp(join(tmpdir(), 'tccc-kit-install-'));
    project = join(scratch, 'integrator-app');
    const tarballs = join(scratch, 'tarballs');
    await mkdir(project);
    await mkdir(tarballs);

    packages = [];
    for (const { dir, manifest } of publishablePackages()) {
      const tarball = await pack(dir, tarballs);
      const packed = JSON.parse(
        await readFile(
          join(await unpack(tarball, await mkdtemp(join(scratch, 'x-'))), 'package.json'),
          'utf8',
        ),
      );
      packages.push({ name: manifest.name, tarball, packed });
    }

    const catalog = catalogVersions();
    const fromTarballs = Object.fromEntries(packages.map((p) => [p.name, `file:${p.tarball}`]));
    const manifest = {
      name: 'integrator-app',
      private: true,
      type: 'module',
      dependencies: {
        ...fromTarballs,
        ...Object.fromEntries(INTEGRATOR_DEPENDENCIES.map((name) => [name, catalog[name]])),
      },
      // The packages depend on each other by version (0.1.0, not on the registry yet):
      // point those at the tarballs too, as a registry would serve them.
      pnpm: { overrides: fromTarballs },
    };
    await writeFile(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const file of ['entries.mjs', 'flow.mjs', 'tsconfig.json']) {
      await copyFile(join(ROOT, '.release', 'integrator', file), join(project, file));
    }
    const install = () =>
      inProject('pnpm', [
        'install',
        '--prefer-offline',
        '--ignore-scripts',
        '--no-frozen-lockfile',
        '--config.confirmModulesPurge=false',
        '--reporter=append-only',
      ]);
    try {
      await install();
    } catch (error) {
      // The one step that needs the registry: on a shared machine it has stalled once for
      // the whole timeout (no progress after the first download). One more try, said aloud;
      // a real problem fails both.
      console.error(`pnpm install failed once, trying again: ${error.message.split('\n')[0]}`);
      await install();
    }
  },
  { timeout: SLOW * 3 },
);

after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed packages, installed outside the repository', () => {
  it('name versions, not workspace: or catalog:, in their packed package.json', () => {
    for (const { name, packed } of packages) {
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        for (const [dep, spec] of Object.entries(packed[field] ?? {})) {
          assert.doesNotMatch(spec, /^(workspace|catalog):/, `${name} ${field}.${dep}`);
        }
      }
    }
    const mock = packages.find((p) => p.name === '@tccc-kit/mock-tccc');
    assert.match(mock.packed.dependencies['@tccc-kit/fake-sdk'], /^\^?\d+\.\d+\.\d+$/);
  });

  it('import from every entry point in Node, each exporting what its README says', async () => {
    const names = packages.map((p) => p.name);
    const { stdout } = await inProject(process.execPath, ['entries.mjs', JSON.stringify(names)]);
    const report = JSON.parse(stdout);
    for (const [specifier, expected] of Object.entries(EXPECTED_EXPORTS)) {
      assert.ok(report[specifier], `${specifier} is not an entry of the installed packages`);
      for (const name of expected) {
        assert.ok(report[specifier].exports.includes(name), `${specifier} exports ${name}`);
      }
    }
    for (const [specifier, entry] of Object.entries(report)) {
      if (entry.resolvedOnly) assert.ok(entry.exists, `${specifier} resolves to a file`);
      else assert.ok(entry.exports.length > 0, `${specifier} exports something`);
    }
    assert.deepEqual(report['@tccc-kit/fake-sdk/tccc-sdk.js'], {
      resolvedOnly: true,
      exists: true,
    });
  });

  it('type-check in an integrator project (nodenext, strict, declarations not skipped)', async () => {
    const specifiers = Object.keys(EXPECTED_EXPORTS);
    const source = specifiers
      .map((specifier, i) => `import * as entry${i} from '${specifier}';`)
      .concat(
        `export const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];`,
        "import { createTcccClient, type TcccClient } from '@tccc-kit/tccc-client';",
        "import { loadTccc, type LoadTcccOptions } from '@tccc-kit/web-loader';",
        'export const client: TcccClient = createTcccClient({ sdkAppId: 1, secretId: "a", secretKey: "b" });',
        "export const options: LoadTcccOptions = { sdkUrl: async () => 'https://example.com/sdk.js' };",
        'export const load: (o: LoadTcccOptions) => Promise<unknown> = loadTccc;',
      )
      .join('\n');
    await writeFile(join(project, 'check.ts'), `${source}\n`);
    await inProject(process.execPath, [
      join(project, 'node_modules/typescript/bin/tsc'),
      '-p',
      '.',
    ]);
  });

  it('work together: the client mints an SDK URL from the mock, which serves the fake SDK', async () => {
    const { stdout } = await inProject(process.execPath, ['flow.mjs']);
    assert.deepEqual(JSON.parse(stdout), {
      loopback: {
        sdkUrlOnMock: true,
        expiresInFuture: true,
        scriptStatus: 200,
        scriptType: 'text/javascript; charset=utf-8',
        scriptDefinesTccc: true,
      },
      msw: { sdkUrl: true },
    });
  });

  it('install the mock-tccc command: --help, then a mock served until SIGTERM', async () => {
    const bin = join(project, 'node_modules', '.bin', 'mock-tccc');
    const help = await inProject(bin, ['--help']);
    assert.match(help.stdout, /^Usage: mock-tccc /);

    const token = 'integrator-control-token-0123456789';
    const child = spawn(bin, ['--port', '0'], {
      cwd: project,
      env: { ...process.env, MOCK_TCCC_CONTROL_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise((resolve, reject) => {
        let stdout = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const match = /^mock TCCC listening on (http:\/\/\S+)$/m.exec(stdout);
          if (match) resolve(match[1]);
        });
        child.once('exit', (code) =>
          reject(new Error(`mock-tccc exited ${code}:\n${stdout}${output}`)),
        );
      });
      const state = await fetch(`${url}/__tccc/state`, {
        headers: { 'X-TCCC-Control-Token': token },
      });
      assert.equal(state.status, 200, await state.clone().text());
      assert.ok(typeof (await state.json()) === 'object');
      const refused = await fetch(`${url}/__tccc/state`);
      assert.equal(refused.status, 401);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
  });
});
