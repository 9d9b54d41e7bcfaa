/**
 * Sign-in limits seen by several real clients at once: each client has its own loopback
 * source address (127.0.0.2, 127.0.0.3, ...), as distinct machines would. A stranger's
 * guesses slow the stranger down, never the account's owner elsewhere; spraying many
 * emails from one address is slowed; and X-Forwarded-For counts only from a trusted proxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../../src/http/client-address.js';
import { AGENT, AGENT2, buildApp, PASSWORD } from '../harness.js';
import { type Listening, listen, requestFrom } from './loopback.js';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(trustedProxies?: string) {
  const built = buildApp(
    trustedProxies ? { trustedProxies: parseTrustedProxies(trustedProxies).proxies } : {},
  );
  server = await listen(built.app.fetch);
  return server;
}

/** POST /api/session from `from` as a same-origin browser would; returns the status. */
async function signIn(
  from: string,
  email: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<number> {
  if (!server) throw new Error('no server');
  const answer = await requestFrom(from, `${server.url}/api/session`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: server.url,
      'sec-fetch-site': 'same-origin',
      ...extra,
    },
    body: JSON.stringify({ email, password }),
  });
  return answer.status;
}

const count = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, status) => {
    counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }, {});

describe('sign-in limits across clients (distinct loopback source addresses)', () => {
  it("a stranger's wrong passwords from 127.0.0.2 do not lock out the owner at 127.0.0.3", async () => {
    await start();
    const stranger: number[] = [];
    for (let i = 0; i < 40; i++) stranger.push(await signIn('127.0.0.2', AGENT, `guess-${i}`));
    expect(count(stranger)).toEqual({ 401: 10, 429: 30 });
    // Even the right password is refused to the guesser now...
    expect(await signIn('127.0.0.2', AGENT, PASSWORD)).toBe(429);
    // ...but the owner, elsewhere, signs in.
    expect(await signIn('127.0.0.3', AGENT, PASSWORD)).toBe(200);
  });

  it('spraying 300 emails from 127.0.0.4 is slowed after 30 failures; 127.0.0.5 is not', async () => {
    await start();
    const sprayed: number[] = [];
    for (let i = 0; i < 300; i++) {
      sprayed.push(await signIn('127.0.0.4', `user${i}@example.com`, 'password1'));
    }
    expect(count(sprayed)).toEqual({ 401: 30, 429: 270 });
    expect(await signIn('127.0.0.5', AGENT2, PASSWORD)).toBe(200);
  });

  it('many addresses guessing one account lock it for new addresses, not for the owner', async () => {
    await start();
    expect(await signIn('127.0.0.3', AGENT, PASSWORD)).toBe(200); // the owner's usual address
    for (let bot = 0; bot < 25; bot++) {
      for (let i = 0; i < 4; i++) expect(await signIn(`127.0.1.${bot + 1}`, AGENT, 'x')).toBe(401);
    }
    expect(await signIn('127.0.2.1', AGENT, PASSWORD)).toBe(429);
    expect(await signIn('127.0.0.3', AGENT, PASSWORD)).toBe(200);
  });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy', async () => {
    await start();
    const forged: number[] = [];
    for (let i = 0; i < 12; i++) {
      forged.push(
        await signIn('127.0.0.6', AGENT, 'x', { 'x-forwarded-for': `198.51.100.${i + 1}` }),
      );
    }
    expect(count(forged)).toEqual({ 401: 10, 429: 2 });
  });

  it('behind a trusted proxy (127.0.0.9), limits each client the proxy names', async () => {
    await start('127.0.0.9');
    const viaProxy = (client: string, password: string) =>
      signIn('127.0.0.9', AGENT, password, { 'x-forwarded-for': `203.0.113.1, ${client}` });
    for (let i = 0; i < 10; i++) expect(await viaProxy('198.51.100.1', 'x')).toBe(401);
    expect(await viaProxy('198.51.100.1', PASSWORD)).toBe(429);
    expect(await viaProxy('198.51.100.2', PASSWORD)).toBe(200);
  });
});
