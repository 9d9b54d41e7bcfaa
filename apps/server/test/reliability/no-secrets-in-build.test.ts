/**
 * The built console, exactly as this server serves it (apps/web/dist, built by turbo before
 * the tests: the test task depends on ^build), scanned file by file for what must never
 * ship to browsers: the SecretKey, the SecretId, the session secret, an SDK URL (the mock's
 * `/sdk/tccc.js?token=` pattern), and the tokens this run issued through the server.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type MockTcccServer } from '@tccc-kit/mock-tccc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { locateWebDist } from '../../src/web/locate.js';
import {
  browserHeaders,
  buildApp,
  ORIGIN,
  SESSION_SECRET,
  signIn,
  startMock,
  tokenClientFor,
} from '../harness.js';

const distDir = locateWebDist(undefined);
let mock: MockTcccServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.close());

async function builtFiles(): Promise<Map<string, Buffer>> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${distDir}); run \`pnpm --filter @tccc-kit/web build\`.`,
    );
  }
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(distDir, path), await readFile(path));
  }
  return files;
}

it('no file of the built console holds a credential, an SDK URL or an issued token', async () => {
  const { app } = buildApp({ issuer: tokenClientFor(mock) });
  const cookie = await signIn(app);
  const sdkUrls: string[] = [];
  for (let i = 0; i < 3; i++) {
    const response = await app.request(`${ORIGIN}/api/tccc/sdk-url`, {
      method: 'POST',
      headers: browserHeaders(cookie),
    });
    sdkUrls.push(((await response.json()) as { sdkUrl: string }).sdkUrl);
  }
  const tokens = mock.mock.tokens().map((record) => record.token);
  expect(tokens).toHaveLength(3);
  for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);

  const files = await builtFiles();
  expect([...files.keys()]).toContain('index.html');
  expect([...files.keys()].some((name) => name.endsWith('.js'))).toBe(true);
  const forbidden = [DEFAULT_SECRET_KEY, DEFAULT_SECRET_ID, SESSION_SECRET, mock.url, ...tokens];
  const hits: string[] = [];
  for (const [name, bytes] of files) {
    // Latin-1 keeps every byte, so binary files (icons, fonts) are scanned too.
    const text = bytes.toString('latin1');
    for (const value of forbidden)
      if (text.includes(value)) hits.push(`${name}: ${value.slice(0, 6)}…`);
    if (/\/sdk\/tccc\.js\?token=/.test(text)) hits.push(`${name}: an SDK URL`);
    if (/AKID[A-Za-z0-9]{8,}/.test(text)) hits.push(`${name}: a Tencent SecretId`);
  }
  expect(hits).toEqual([]);
});
