/**
 * CPU time of a bench server, read from inside its process (servers/cpu-probe.ts) over IPC:
 * sampled right before and right after a measured run, outside the timed window, so the
 * sampling itself costs the run nothing.
 */
import type { Child } from './child.js';

export interface CpuSampleRequest {
  type: 'cpu-sample';
  id: number;
}

export interface CpuSampleReply {
  type: 'cpu-sample';
  id: number;
  usage: NodeJS.CpuUsage;
}

const SAMPLE_TIMEOUT_MS = 10_000;
let nextId = 1;

/** The child's CPU counters now (user + system µs since it started). */
export function sampleCpu(child: Child): Promise<number> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.process.off('message', onMessage);
      reject(new Error(`${child.name} did not answer a CPU sample within ${SAMPLE_TIMEOUT_MS} ms`));
    }, SAMPLE_TIMEOUT_MS);
    const onMessage = (message: CpuSampleReply) => {
      if (message?.type !== 'cpu-sample' || message.id !== id) return;
      clearTimeout(timer);
      child.process.off('message', onMessage);
      resolve(message.usage.user + message.usage.system);
    };
    child.process.on('message', onMessage);
    const request: CpuSampleRequest = { type: 'cpu-sample', id };
    child.process.send(request);
  });
}

/** Runs `measure` and adds the CPU µs `child` spent meanwhile. */
export async function withServerCpu<T extends object>(
  child: Child,
  measure: () => Promise<T>,
): Promise<T & { serverCpuMicros: number }> {
  const before = await sampleCpu(child);
  const result = await measure();
  const after = await sampleCpu(child);
  return { ...result, serverCpuMicros: after - before };
}
