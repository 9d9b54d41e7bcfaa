/**
 * In a bench server process: answers the bench's CPU sample requests over IPC with this
 * process's own CPU counters (`process.cpuUsage()`: user and system time since start, in
 * µs). The bench samples before and after a measured run; the difference divided by the
 * requests served is the server's CPU time per request. Counted by the kernel per process,
 * it is what this server spent, whatever else runs on the machine, which makes it steadier
 * than latency on a shared 2-core machine.
 */
import type { CpuSampleReply, CpuSampleRequest } from '../lib/cpu.js';

export function answerCpuSamples(): void {
  process.on('message', (message: CpuSampleRequest) => {
    if (message?.type !== 'cpu-sample') return;
    const reply: CpuSampleReply = { type: 'cpu-sample', id: message.id, usage: process.cpuUsage() };
    process.send?.(reply);
  });
}
