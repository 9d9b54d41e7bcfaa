/**
 * The hostile push corpus (testing/hostile-pushes.ts) against the receiver on a real
 * loopback socket, over a real SQLite store: every request gets the answer its route
 * documents, never a 5xx or a hang, nothing hostile is stored but what is a valid record,
 * Object.prototype is untouched, and a good push still works afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../test/harness.js';
import {
  type Listening,
  listen,
  type RawAnswer,
  rawRequest,
} from '../../test/reliability/loopback.js';
import { openCallRecordStore } from '../records/open-store.js';
import type { CallRecordStore } from '../records/store.js';
import { cdrFixture } from '../records/testing/cdr-fixtures.js';
import { createPushAuth } from './auth.js';
import { CDR_PATH, HOSTILE_PUSHES, type HostilePush } from './testing/hostile-pushes.js';
import {
  basic,
  CLIENT_ID,
  CLIENT_SECRET,
  PUSH_PASSWORD,
  PUSH_USER,
} from './testing/push-fixtures.js';

/** Bad input is answered at once; roomy for a loaded 2-core machine, under the test timeout. */
const ANSWER_TIMEOUT_MS = 10_000;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
let server: Listening;
let store: CallRecordStore;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tccc-hostile-push-'));
  store = (await openCallRecordStore({ kind: 'sqlite', dataDir: dir })).store;
  const { app } = buildApp({
    records: {
      store,
      pushAuth: createPushAuth({
        basic: { user: PUSH_USER, password: PUSH_PASSWORD },
        oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenTtlSeconds: 600 },
      }),
      pushRateLimitPerMinute: 100_000,
    },
  });
  server = await listen(app.fetch);
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function send(request: HostilePush): Promise<RawAnswer> {
  const method = request.method ?? 'POST';
  const path = request.path ?? CDR_PATH;
  const headers: Record<string, string> = {
    ...(request.anonymous ? {} : { authorization: basic(PUSH_USER, PUSH_PASSWORD) }),
    ...request.headers,
  };
  if (request.raw) {
    const body = request.body ?? '';
    const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    const framed = Object.keys(headers).some((name) =>
      ['content-length', 'transfer-encoding'].includes(name.toLowerCase()),
    );
    if (!framed) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    return rawRequest(server.port, lines.join('\r\n'), body, ANSWER_TIMEOUT_MS);
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

function expectAnswer(request: HostilePush, answer: RawAnswer) {
  const expected = request.expect;
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  switch (expected.kind) {
    case 'stored':
      expect([answer.status, body]).toEqual([200, { ErrCode: 0, ErrMsg: '' }]);
      break;
    case 'push':
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect([answer.status, body.ErrCode, body.code]).toEqual([
        expected.status,
        expected.status,
        expected.code,
      ]);
      expect(typeof body.ErrMsg).toBe('string');
      break;
    case 'oauth':
      expect([answer.status, body.error]).toEqual([expected.status, expected.error]);
      expect(answer.headers['cache-control']).toBe('no-store');
      break;
    case 'problem':
    case 'parser':
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect([answer.status, body.code]).toEqual([expected.status, expected.code]);
      break;
  }
  // Nothing the client sent as credentials comes back.
  expect(answer.body).not.toContain(PUSH_PASSWORD);
}

for (const [family, requests] of Object.entries(HOSTILE_PUSHES)) {
  describe(family, () => {
    it.each(requests.map((request) => [request.name, request] as const))(
      '%s',
      async (_name, request) => {
        expectAnswer(request, await send(request));
      },
    );
  });
}

describe('after the whole corpus', () => {
  it('stored only the valid records among the hostile ones', async () => {
    const stored = Object.values(HOSTILE_PUSHES)
      .flat()
      .filter((request) => request.expect.kind === 'stored');
    const ids = stored.map(
      (request) => (JSON.parse(request.body ?? '{}') as { SessionId: string }).SessionId,
    );
    for (const id of ids) expect(await store.getCall(id), id).toBeDefined();
    expect(await store.getCall('hostile-dup-a')).toBeUndefined();
    const protoPush = stored.find((request) => request.name === '__proto__ member');
    const proto = await store.getCall(ids[stored.indexOf(protoPush as HostilePush)] as string);
    // Kept as data (an own member), never as the record's prototype.
    expect(JSON.stringify(proto?.cdr)).toContain('"__proto__":{"polluted":true}');
    expect(Object.getPrototypeOf(proto?.cdr)).toBe(Object.prototype);
  });

  it('left Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still stores a good push', async () => {
    const cdr = cdrFixture();
    const answer = await send({
      name: 'good',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cdr),
      expect: { kind: 'stored' },
    });
    expect(answer.status).toBe(200);
    expect((await store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
  });
});
