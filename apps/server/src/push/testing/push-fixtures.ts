/**
 * Test wiring for the Data Push receiver: a real SQLite store in a fresh directory, the
 * app with records enabled (harness.ts for the rest), and requests shaped as TCCC sends
 * them (`application/json;charset=utf8`, X-TCCC-PUSH-UUID, Basic or Bearer).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildApp,
  type FakeClock,
  fakeClock,
  PASSWORD,
  SESSION_SECRET,
} from '../../../test/harness.js';
import type { RecordsDeps } from '../../app.js';
import { createLogger } from '../../log/logger.js';
import { createRedactor } from '../../log/redact.js';
import { openCallRecordStore } from '../../records/open-store.js';
import type { CallRecordStore } from '../../records/store.js';
import { createPushAuth, type PushAuthConfig } from '../auth.js';

export const PUSH_USER = 'tccc';
export const PUSH_PASSWORD = 'push-password-push-password-42';
export const CLIENT_ID = 'tccc-data-push';
export const CLIENT_SECRET = 'oauth-client-secret-oauth-client-secret';
export const SDK_APP_ID = 1400000000;
export const ORIGIN = 'http://localhost';

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export interface PushRig {
  app: ReturnType<typeof buildApp>['app'];
  store: CallRecordStore;
  clock: FakeClock;
  logLines: string[];
  close(): Promise<void>;
}

export async function pushRig(
  options: { auth?: PushAuthConfig; records?: Partial<RecordsDeps>; store?: CallRecordStore } = {},
): Promise<PushRig> {
  // A store passed in belongs to the caller, who closes it.
  const dir = options.store ? undefined : mkdtempSync(join(tmpdir(), 'tccc-push-'));
  const store =
    options.store ?? (await openCallRecordStore({ kind: 'sqlite', dataDir: dir as string })).store;
  const clock = fakeClock(Date.UTC(2026, 10, 30, 9));
  const auth = options.auth ?? { basic: { user: PUSH_USER, password: PUSH_PASSWORD } };
  // The push credentials are secrets the redactor knows, as main.ts makes it.
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    redactor: createRedactor({ secrets: [PUSH_PASSWORD, CLIENT_SECRET, PASSWORD, SESSION_SECRET] }),
    write: (line) => logLines.push(line),
  });
  const { app } = buildApp({
    clock,
    logger,
    records: {
      store,
      pushAuth: createPushAuth(auth, { now: clock.now }),
      sdkAppId: SDK_APP_ID,
      ...options.records,
    },
  });
  return {
    app,
    store,
    clock,
    logLines,
    async close() {
      if (dir === undefined) return;
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PushOptions {
  action?: string;
  query?: string;
  uuid?: string | null;
  authorization?: string | null;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A push as TCCC sends it; `body` objects are sent as JSON. */
export function push(app: PushRig['app'], body: unknown, options: PushOptions = {}) {
  const query = options.query ?? `action=${options.action ?? 'cdr'}&version=1`;
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json;charset=utf8',
    ...options.headers,
  };
  if (options.uuid !== null) headers['x-tccc-push-uuid'] = options.uuid ?? randomUUID();
  if (options.authorization !== null) {
    headers.authorization = options.authorization ?? basic(PUSH_USER, PUSH_PASSWORD);
  }
  return app.request(`${ORIGIN}/tccc/push?${query}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The `{ErrCode, ErrMsg, code, ...}` of an answer. */
export async function answerOf(response: Response) {
  return (await response.json()) as {
    ErrCode: number;
    ErrMsg: string;
    code?: string;
    status?: number;
  };
}
