#!/usr/bin/env node
/**
 * Runs a development watcher until it is stopped, and reports being stopped as success.
 *
 *   node ../../.dev/until-stopped.mjs vite build --watch
 *
 * Why: `pnpm dev` runs the watchers of every package under turbo. On Ctrl-C, turbo sends
 * SIGINT to each task's process group, and watchers that have no SIGINT handler of their
 * own (`vite build --watch`; TypeScript 7's `tsc` launcher on Node < 22.15, which waits for
 * the native compiler in a blocking call) die of the signal. pnpm's script runner reports
 * any death by signal as a failure, so every watcher printed `ELIFECYCLE Command failed`
 * although nothing was wrong. This wrapper passes a stop signal (SIGINT, SIGTERM, SIGHUP)
 * on to the watcher and exits 0 when the watcher ended because of one.
 *
 * Anything else keeps its meaning: a watcher that exits by itself exits with its own code
 * (a bad config still fails), and one killed by another signal (SIGKILL, SIGSEGV) takes
 * the wrapper down with that same signal.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: until-stopped.mjs <command> [args...]\n');
  process.exit(2);
}

// `shell` on Windows only, where package binaries are .cmd files.
const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });

const onStop = (signal) => {
  // Usually the watcher got the same signal from its process group already; passing it on
  // covers a wrapper signalled on its own (`kill <pid>`).
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of STOP_SIGNALS) process.on(signal, onStop);

child.on('error', (error) => {
  process.stderr.write(`until-stopped: could not start ${command}: ${error.message}\n`);
  process.exit(127);
});

child.on('exit', (code, signal) => {
  for (const name of STOP_SIGNALS) process.off(name, onStop);
  if (endedByStop(code, signal)) process.exit(0);
  if (signal) {
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});

/**
 * Whether the watcher ended because it was asked to stop: by a stop signal, or with the
 * shell's code for one (128 + its number). Whether that signal reached the wrapper first
 * does not matter (both get it from the process group, in either order).
 */
function endedByStop(code, signal) {
  if (signal !== null) return STOP_SIGNALS.includes(signal);
  return STOP_SIGNALS.some((name) => code === 128 + constants.signals[name]);
}
