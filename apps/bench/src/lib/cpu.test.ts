import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type Child, firstMessage, spawnNode } from './child.js';
import { sampleCpu, withServerCpu } from './cpu.js';

const FIXTURE = fileURLToPath(new URL('./cpu.fixture.ts', import.meta.url));
let child: Child | undefined;

afterEach(async () => {
  await child?.stop();
  child = undefined;
});

async function startProbe(): Promise<Child> {
  child = spawnNode({
    name: 'cpu probe',
    args: ['--import', 'tsx', FIXTURE],
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    ipc: true,
  });
  await firstMessage(child);
  return child;
}

async function burn(probe: Child, iterations: number): Promise<void> {
  const done = once(probe.process, 'message');
  probe.process.send({ type: 'burn', iterations });
  await done;
}

describe('CPU samples from a server process', () => {
  it("counts the CPU the child spent between two samples, not the bench's own", async () => {
    const probe = await startProbe();
    const measured = await withServerCpu(probe, async () => {
      await burn(probe, 300_000); // about 0.1 s of CPU on a 2020s core
      return { ok: 1 };
    });
    expect(measured.ok).toBe(1);
    expect(measured.serverCpuMicros).toBeGreaterThan(30_000);

    // The same wait with no work in the child: a small fraction of that.
    const idle = await withServerCpu(probe, async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {};
    });
    expect(idle.serverCpuMicros).toBeLessThan(measured.serverCpuMicros / 3);
  });

  it('matches each answer to its request when samples overlap', async () => {
    const probe = await startProbe();
    const [first, second] = await Promise.all([sampleCpu(probe), sampleCpu(probe)]);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThanOrEqual(first);
  });
});
