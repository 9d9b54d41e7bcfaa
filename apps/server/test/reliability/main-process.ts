/**
 * The server as deployed: `src/main.ts` in a child process of its own, configured only
 * through its environment, with its JSON log lines collected. For the tests that need the
 * whole process: signals (graceful shutdown), start-up errors, readiness wiring.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface MainProcess {
  child: ChildProcess;
  /** The console's URL, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  /** The embedded mock's URL, when running on it. */
  mockUrl: string | undefined;
  /** Every JSON log line so far. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

/**
 * Starts `main.ts` with `env` (on top of a minimal environment: no TCCC credentials means
 * the embedded mock) and waits until it says it is listening.
 */
export async function startMain(env: Record<string, string>): Promise<MainProcess> {
  // Call records go to a SQLite file of this process's own (removed when it has exited),
  // never to apps/server/data, unless the test chooses DATA_DIR or DATABASE_URL.
  const dataDir =
    env.DATA_DIR === undefined && env.DATABASE_URL === undefined
      ? mkdtempSync(join(tmpdir(), 'tccc-main-'))
      : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  let pending = '';
  const exited = once(child, 'exit').then(([code, signal]) => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    return (code ?? signal) as number | string;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const text of complete) {
        if (!text.trim()) continue;
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (typeof line.msg === 'string' && line.msg.startsWith('agent console ready')) {
          resolve(line);
        }
      }
    });
    void exited.then((code) =>
      reject(new Error(`main.ts exited (${code}) before listening: ${stderr}`)),
    );
  });
  const announced = await ready;
  const port = Number(announced.port);
  const mockLine = lines.find((line) => typeof line.mockUrl === 'string');
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    port,
    mockUrl: mockLine?.mockUrl as string | undefined,
    logs: () => lines,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs `main.ts` with `env` until it exits; its exit code and stderr (start-up errors). */
export async function runMainUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code: code as number | null, stderr };
}
