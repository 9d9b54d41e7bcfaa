/**
 * The counting mock TCCC (servers/counting-mock-tccc.ts) in its own process: what TCCC
 * would see of a run, counted where TCCC would count it.
 */
import { fileURLToPath } from 'node:url';
import type { MockTcccConfig } from '@tccc-kit/mock-tccc';
import { createControlClient, type MockTcccControl } from '@tccc-kit/mock-tccc/testing';
import type { MockCounts } from '../servers/counting-mock-tccc.js';
import { firstMessage, spawnNode } from './child.js';
import { precompiled } from './precompile.js';
import { BENCH_DIR } from './rig.js';

export type { MockCounts };

export interface CountingMock {
  url: string;
  /** The mock's control plane (e.g. to add call history with `generateCdrs`). */
  control: MockTcccControl;
  /** Forgets the counts and resets the mock (tokens, windows of its rate limit). */
  reset(): Promise<void>;
  counts(): Promise<MockCounts>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('../servers/counting-mock-tccc.ts', import.meta.url));

export async function startCountingMock(config: MockTcccConfig): Promise<CountingMock> {
  const child = spawnNode({
    name: 'counting mock TCCC',
    args: [await precompiled(ENTRY), JSON.stringify(config)],
    cwd: BENCH_DIR,
    ipc: true,
  });
  const { url, controlToken } = await firstMessage<{ url: string; controlToken: string }>(child);
  /** Sends `message` and waits for the answer that has `field`. */
  async function ask<T>(message: string, field: string): Promise<T> {
    const answer = new Promise<T>((resolve) => {
      const onMessage = (value: unknown) => {
        if (typeof value !== 'object' || value === null || !(field in value)) return;
        child.process.off('message', onMessage);
        resolve((value as Record<string, T>)[field] as T);
      };
      child.process.on('message', onMessage);
    });
    child.process.send(message);
    return Promise.race([answer, child.exited]);
  }
  return {
    url,
    control: createControlClient(url, { token: controlToken }),
    reset: async () => {
      await ask<boolean>('reset', 'reset');
    },
    counts: () => ask<MockCounts>('counts', 'counts'),
    stop: () => child.stop(),
  };
}
