/**
 * `pnpm start` shows records at once: the server as deployed (`src/main.ts` in its own
 * process, embedded mock, no push credentials configured, reconciliation OFF), an agent
 * signs in, loads the SDK the server mints a URL for, places an outbound call and hangs up;
 * the embedded mock's Data Push delivers the CDR to /tccc/push with the generated Basic
 * credentials, and GET /api/calls lists the call, with no reconciliation involved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MainProcess, startMain } from '../../test/reliability/main-process.js';

const PASSWORD = 'an embedded demo passphrase';

let main: MainProcess;
let dataDir: string;
/** Headers of the console's own fetches (same origin). */
const browser = () => ({ origin: main.url, 'sec-fetch-site': 'same-origin' });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tccc-embedded-push-'));
  main = await startMain({
    DATA_DIR: dataDir,
    RECONCILE_ENABLED: 'false',
    DEMO_ACCOUNTS: 'agent@example.com',
    DEMO_PASSWORD: PASSWORD,
    SESSION_SECRET: 'embedded-push-test-session-secret-0123456',
  });
}, 60_000);

afterAll(async () => {
  await main?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Reads a text/event-stream until an event named `name` arrives. */
async function until(events: ReadableStreamDefaultReader<string>, name: string, seen: string[]) {
  let buffer = '';
  for (;;) {
    const { value, done } = await events.read();
    if (done) throw new Error(`the event stream ended before ${name}; saw ${seen.join(', ')}`);
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const event = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
      buffer = buffer.slice(end + 2);
      if (event) seen.push(event);
      if (event === name) return;
    }
  }
}

describe('pnpm start on the embedded mock', () => {
  it('says where the mock pushes, with the generated credentials kept out of the log', () => {
    const wired = main.logs().find((line) => line.dataPush !== undefined);
    expect(wired).toMatchObject({
      level: 'info',
      dataPush: '/tccc/push',
      pushOrigin: main.url,
      pushAuth: 'basic',
    });
    const password = /"password":"([^"]+)"/.exec(JSON.stringify(main.logs()));
    expect(password).toBeNull();
  });

  it('lists a call in GET /api/calls as soon as it ends, by Data Push alone', async () => {
    const signIn = await fetch(`${main.url}/api/session`, {
      method: 'POST',
      headers: { ...browser(), 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@example.com', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const minted = await fetch(`${main.url}/api/tccc/sdk-url`, {
      method: 'POST',
      headers: { ...browser(), cookie },
    });
    expect(minted.status).toBe(200);
    const { sdkUrl } = (await minted.json()) as { sdkUrl: string };
    const sdk = new URL(sdkUrl);

    // What the SDK script does in the browser: log in with the token, open the event stream.
    const login = await fetch(`${sdk.origin}/sdk/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: sdk.searchParams.get('token') }),
    });
    expect(login.status).toBe(200);
    const { credential } = (await login.json()) as { credential: string };
    const auth = { authorization: `Bearer ${credential}` };
    const stream = await fetch(`${sdk.origin}/sdk/events`, { headers: auth });
    const events = (stream.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    const seen: string[] = [];
    try {
      await until(events, 'connected', seen);
      // The mock's callee answers a number not ending in 8 or 9 after a second.
      const dialled = await fetch(`${sdk.origin}/sdk/calls/outbound`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ phoneNumber: '13800000005' }),
      });
      expect(dialled.status).toBe(200);
      const { sessionId } = (await dialled.json()) as { sessionId: string };
      await until(events, 'calloutAccepted', seen);
      const hungUp = await fetch(`${sdk.origin}/sdk/calls/${sessionId}/hangup`, {
        method: 'POST',
        headers: auth,
      });
      expect(hungUp.status).toBe(200);
      await until(events, 'sessionEnded', seen);

      // Pushed, not reconciled (the schedule is off): poll the history as the console does.
      const deadline = Date.now() + 20_000;
      let listed: Record<string, unknown> | undefined;
      while (!listed && Date.now() < deadline) {
        const page = await fetch(`${main.url}/api/calls`, { headers: { ...browser(), cookie } });
        expect(page.status).toBe(200);
        const { calls } = (await page.json()) as { calls: Record<string, unknown>[] };
        listed = calls.find((call) => call.sessionId === sessionId);
        if (!listed) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(listed).toMatchObject({
        sessionId,
        direction: 'outbound',
        otherParty: '13800000005',
        endStatus: { name: 'ok', answered: true },
        hungUpBy: 'seat',
      });
    } finally {
      await events.cancel();
    }

    // The child's log reaches this process through a pipe: it may trail the API's answer.
    const logged = Date.now() + 10_000;
    const storedLines = () => main.logs().filter((line) => line.event === 'tccc.push.stored');
    while (storedLines().length < 2 && Date.now() < logged) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The call's CDR, and the recording of the agent's leg (action=record).
    expect(
      storedLines()
        .map((line) => line.action)
        .sort(),
    ).toEqual(['cdr', 'record']);
    expect(storedLines().every((line) => String(line.principal).includes('embedded-mock'))).toBe(
      true,
    );
    expect(main.logs().some((line) => line.event === 'tccc.reconcile.finished')).toBe(false);
    expect(main.logs().filter((line) => line.level === 'warn' || line.level === 'error')).toEqual(
      [],
    );
  }, 60_000);
});
