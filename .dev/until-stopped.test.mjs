import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const WRAPPER = fileURLToPath(new URL('./until-stopped.mjs', import.meta.url));

/** Starts `node until-stopped.mjs node -e <script>` in its own process group. */
function wrap(script) {
  const child = spawn(process.execPath, [WRAPPER, process.execPath, '-e', script], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    output += chunk;
  });
  const ended = once(child, 'exit').then(([code, signal]) => ({ code, signal, output }));
  const printed = async (text) => {
    while (!output.includes(text)) await once(child.stdout, 'data');
  };
  return { child, ended, printed };
}

/** A watcher: says it is ready, then waits forever with no signal handler of its own. */
const WATCHER = "console.log('watching'); setInterval(() => {}, 1000);";

describe('until-stopped', () => {
  it('exits 0 when its process group is interrupted and the watcher dies of SIGINT', async () => {
    const run = wrap(WATCHER);
    await run.printed('watching');
    process.kill(-run.child.pid, 'SIGINT');
    const { code, signal } = await run.ended;
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
  });

  it('passes SIGTERM sent to the wrapper alone on to the watcher, then exits 0', async () => {
    const run = wrap(WATCHER);
    await run.printed('watching');
    run.child.kill('SIGTERM');
    const { code, signal } = await run.ended;
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
  });

  it('keeps the exit code of a watcher that ends by itself', async () => {
    const { code, output } = await wrap("console.error('bad config'); process.exit(3);").ended;
    assert.equal(code, 3);
    assert.match(output, /bad config/);
  });

  it('dies of the same signal when the watcher is killed by something other than a stop', async () => {
    const { code, signal } = await wrap("process.kill(process.pid, 'SIGKILL');").ended;
    assert.deepEqual({ code, signal }, { code: null, signal: 'SIGKILL' });
  });

  it('treats the shell convention for a stop (exit code 130 after SIGINT) as a stop', async () => {
    const { code } = await wrap('process.exit(130);').ended;
    assert.equal(code, 0);
  });

  it('says what it could not start, with exit code 127', async () => {
    const child = spawn(process.execPath, [WRAPPER, 'no-such-command-tccc-kit'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 127);
    assert.match(stderr, /could not start no-such-command-tccc-kit/);
  });
});
