/**
 * The mock-tccc CLI as a real process: src/serve/cli.ts bundled with esbuild (dependencies stay
 * external), spawned on port 0, called, and stopped with SIGTERM.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cccClient } from './sdk-client.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the package, so the bundle's bare imports resolve from its node_modules.
const outfile = join(packageDir, 'node_modules/.cache/mock-tccc-cli-test/cli.mjs');
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(packageDir, 'src/serve/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
}, 30_000);

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string> = {}) {
  const { MOCK_TCCC_CONTROL_TOKEN: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, [outfile, ...args], {
    stdio: 'pipe',
    env: { ...parentEnv, ...env },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const line = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  line.catch(() => {}); // only some tests await the line; an early exit is not unhandled
  return { child, line, exited, output: () => ({ stdout, stderr }) };
}

describe('mock-tccc CLI', () => {
  it('prints the listening line, serves the signed API, and exits 0 on SIGTERM', async () => {
    const cli = run(['--port', '0', '--host', '127.0.0.1']);
    const line = await cli.line;
    expect(line).toMatch(/^mock TCCC listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = new URL(line.slice('mock TCCC listening on '.length));
    const res = await cccClient({ endpoint: url.host, protocol: 'http://' }).CreateSDKLoginToken({
      SdkAppId: 1400000000,
      SeatUserId: 'agent@example.com',
    });
    expect(res.SdkURL).toBe(`${url.origin}/sdk/tccc.js?token=${res.Token}`);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('uses a JSON config file and --sdk-origin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-tccc-cli-'));
    const config = join(dir, 'tccc.json');
    await writeFile(
      config,
      JSON.stringify({ apps: [{ sdkAppId: 1400000099, seats: ['x@example.com'] }] }),
    );
    const cli = run(['--port', '0', '--config', config, '--sdk-origin', 'https://mock.example']);
    const url = new URL((await cli.line).slice('mock TCCC listening on '.length));
    const res = await cccClient({ endpoint: url.host, protocol: 'http://' }).CreateSDKLoginToken({
      SdkAppId: 1400000099,
      SeatUserId: 'x@example.com',
    });
    expect(res.SdkURL).toBe(`https://mock.example/sdk/tccc.js?token=${res.Token}`);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it("takes each app's Data Push from the config file; bad ones exit 2 without the secret", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-tccc-cli-'));
    const config = join(dir, 'push.json');
    const dataPush = {
      url: 'http://127.0.0.1:3000/tccc/push',
      auth: { type: 'basic', username: 'tccc', password: 'file-PASSWORD' },
      actions: ['cdr'],
    };
    await writeFile(config, JSON.stringify({ apps: [{ sdkAppId: 1400000099, dataPush }] }));
    const token = 'ci-control-token-0123456789';
    const cli = run(['--port', '0', '--config', config], { MOCK_TCCC_CONTROL_TOKEN: token });
    const url = (await cli.line).slice('mock TCCC listening on '.length);
    const res = await fetch(`${url}/__tccc/apps/1400000099/data-push`, {
      headers: { 'x-tccc-control-token': token },
    });
    expect(await res.json()).toEqual({
      sdkAppId: 1400000099,
      dataPush: { ...dataPush, auth: { ...dataPush.auth, password: '[redacted]' } },
    });
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);

    await writeFile(
      config,
      JSON.stringify({
        apps: [
          {
            sdkAppId: 1,
            dataPush: { ...dataPush, auth: { type: 'basic', password: 'file-PASSWORD' } },
          },
        ],
      }),
    );
    const bad = run(['--config', config, '--port', '0']);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr).toContain('apps[0].dataPush.auth.username is required');
    expect(bad.output().stderr).not.toContain('file-PASSWORD');
  });

  it('guards the control plane with MOCK_TCCC_CONTROL_TOKEN', async () => {
    const token = 'ci-control-token-0123456789';
    const cli = run(['--port', '0'], { MOCK_TCCC_CONTROL_TOKEN: token });
    const url = (await cli.line).slice('mock TCCC listening on '.length);
    const without = await fetch(`${url}/__tccc/clock`);
    expect(without.status).toBe(401);
    const withToken = await fetch(`${url}/__tccc/clock`, {
      headers: { 'x-tccc-control-token': token },
    });
    expect(withToken.status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).not.toContain(token);
    expect(cli.output().stderr).toBe('');
  });

  it('says on stderr how to reach the control plane when no token was given', async () => {
    const cli = run(['--port', '0']);
    const url = (await cli.line).slice('mock TCCC listening on '.length);
    expect((await fetch(`${url}/__tccc/clock`)).status).toBe(401);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output().stderr).toContain('MOCK_TCCC_CONTROL_TOKEN');
  });

  it('exits 2 for a control token too short to be a secret, without echoing it', async () => {
    const cli = run(['--port', '0', '--control-token', 'abc123']);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toContain('controlToken must be 16 to 256');
    expect(cli.output().stderr).not.toContain('abc123');
  });

  it('prints help and exits 0', async () => {
    const cli = run(['--help']);
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toContain('Usage: mock-tccc');
  });

  it.each([
    [['--prot', '1'], /Unknown option '--prot'/],
    [['--port', 'eighty'], /--port must be an integer from 0 to 65535/],
    [['--port', '70000'], /--port must be an integer/],
    [['stray'], /Unexpected argument 'stray'|positional/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(message);
    expect(cli.output().stderr).toContain('Usage: mock-tccc');
  });

  it('exits 2 naming the bad field of a config file, without echoing secrets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-tccc-cli-'));
    const config = join(dir, 'bad.json');
    await writeFile(
      config,
      JSON.stringify({
        accounts: [{ secretId: 'AKIDx', secretKey: 7 }],
        limits: { requestsPerSecond: -1 },
      }),
    );
    const cli = run(['--config', config, '--port', '0']);
    expect(await cli.exited).toBe(2);
    const { stderr } = cli.output();
    expect(stderr).toContain('accounts[0].secretKey must be a non-empty string');
    expect(stderr).toContain('limits.requestsPerSecond must be an integer >= 1');
    expect(stderr).toContain(config);
  });
});
