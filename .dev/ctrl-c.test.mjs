/**
 * Ctrl-C on `pnpm start` is quiet when nothing is wrong. The chain is the one a developer
 * runs: pnpm (root script) -> turbo -> pnpm (the server's `start`) -> node dist/main.js.
 * `--only` skips turbo's build step, so this test never rewrites a dist/ that other tests
 * are using; turbo runs it after the server is built (turbo.json, `//#test:root`).
 *
 * A terminal's Ctrl-C sends SIGINT to the foreground process group; the test does the same.
 * A request in flight when the signal arrives must still be answered: a second SIGINT (a
 * script runner re-sending what the group already got) would force the server down instead.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

function startPnpm(args) {
  const child = spawn('pnpm', args, {
    cwd: ROOT,
    detached: true, // its own process group, as a terminal gives a foreground job
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk) => {
    output += chunk;
  };
  child.stdout.setEncoding('utf8').on('data', append);
  child.stderr.setEncoding('utf8').on('data', append);
  const ended = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  return { child, ended, output: () => output };
}

async function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves to the port once the server logs that the console is ready. */
async function readyPort(run) {
  for (;;) {
    const match = /agent console ready: open http:\/\/[^:]+:(\d+)/.exec(run.output());
    if (match) return Number(match[1]);
    const ended = await Promise.race([
      run.ended,
      once(run.child.stdout, 'data').then(() => undefined),
    ]);
    if (ended) throw new Error(`pnpm start ended before the server was ready:\n${run.output()}`);
  }
}

describe('Ctrl-C on pnpm start', () => {
  it('answers the request in flight, exits 0 and prints no ELIFECYCLE', async () => {
    const run = startPnpm(['start', '--only']);
    try {
      const port = await within(READY_TIMEOUT_MS, 'the server was not ready', readyPort(run));

      // A sign-in whose body is still arriving when Ctrl-C comes.
      const body = JSON.stringify({ email: 'agent@example.com', password: 'demo' });
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      let answer = '';
      socket.setEncoding('utf8').on('data', (chunk) => {
        answer += chunk;
      });
      socket.write(
        `POST /api/session HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));

      process.kill(-run.child.pid, 'SIGINT');
      await within(
        STOP_TIMEOUT_MS,
        'the server did not start draining',
        (async () => {
          while (!run.output().includes('shutting down')) await once(run.child.stdout, 'data');
        })(),
      );
      socket.end(body.slice(5));
      await once(socket, 'close');

      const { code, signal } = await within(STOP_TIMEOUT_MS, 'pnpm start did not exit', run.ended);
      const output = run.output();
      assert.match(
        answer,
        /^HTTP\/1\.1 200 /,
        `the in-flight sign-in was not answered:\n${output}`,
      );
      assert.deepEqual({ code, signal }, { code: 0, signal: null }, output);
      assert.match(output, /shutdown complete/);
      assert.doesNotMatch(output, /shutdown forced/);
      assert.doesNotMatch(output, /ELIFECYCLE|Command failed/);
    } finally {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        process.kill(-run.child.pid, 'SIGKILL');
      }
    }
  });
});
