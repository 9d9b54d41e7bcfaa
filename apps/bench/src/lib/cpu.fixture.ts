/**
 * Test child for cpu.test.ts: a bench server's CPU probe, plus a `burn` message that does a
 * fixed amount of CPU work (so its cost does not depend on how busy the machine is).
 */
import { pbkdf2Sync } from 'node:crypto';
import { answerCpuSamples } from '../servers/cpu-probe.js';

answerCpuSamples();
process.on('message', (message: { type?: string; iterations?: number }) => {
  if (message?.type !== 'burn') return;
  pbkdf2Sync('password', 'salt', message.iterations ?? 1, 32, 'sha256');
  process.send?.({ type: 'burnt' });
});
process.send?.({ url: 'ready' });
