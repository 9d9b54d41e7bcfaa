/**
 * Child processes of the bench: each server under test (and the mock TCCC) runs in its own
 * Node process, so the load generator, the server and the mock are scheduled by the OS
 * like separate services rather than sharing one event loop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

const STDERR_TAIL_BYTES = 4096;
const STOP_GRACE_MS = 5000;

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Ends the process (SIGTERM, then SIGKILL after a grace period) and waits for it. */
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL: a crash, nothing drained) and waits for it. */
  kill(): Promise<void>;
  /** Rejects as soon as the process exits; for racing against a wait. */
  readonly exited: Promise<never>;
}

export interface SpawnOptions {
  /** Shown in errors: "baseline", "our server", ... */
  name: string;
  args: readonly string[];
  env?: Readonly<Record<string, string>>;
  cwd: string;
  /** Open an IPC channel (for children that report their URL with process.send). */
  ipc?: boolean;
}

/** Environment handed to children: the bench's own, minus proxies (all traffic is loopback). */
export function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NODE_OPTIONS']) {
    delete env[name];
  }
  return { ...env, ...extra };
}

export function spawnNode(options: SpawnOptions): Child {
  const child = spawn(process.execPath, [...options.args], {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: options.ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'ignore', 'pipe'],
  });
  // Keep the end of stderr for error messages; the rest is dropped.
  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_BYTES);
  });

  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      reject(
        new Error(
          `${options.name} exited (${signal ?? `code ${code}`}) unexpectedly.` +
            (stderrTail ? ` Its stderr ended with:\n${stderrTail}` : ''),
        ),
      );
    });
    child.once('error', (error) =>
      reject(new Error(`${options.name} could not start: ${error.message}`)),
    );
  });
  exited.catch(() => {}); // observed by whoever races it

  return {
    name: options.name,
    process: child,
    exited,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await gone;
      clearTimeout(timer);
    },
    async kill() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, 'exit');
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** Waits for the first IPC message of `child` (a child that reports `{ url }` when listening). */
export async function firstMessage<T>(child: Child, timeoutMs = 15_000): Promise<T> {
  const message = once(child.process, 'message').then(([value]) => value as T);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`${child.name} did not report ready within ${timeoutMs} ms`)),
      timeoutMs,
    ).unref(),
  );
  return Promise.race([message, child.exited, timeout]);
}
