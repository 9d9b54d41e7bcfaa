/**
 * Child process: the standalone mock TCCC for the Data Push phase (startMockTcccServer on
 * 127.0.0.1, port 0, options as JSON in argv[2]), run with `--expose-gc`. Reports `{ url,
 * controlToken }` over IPC once listening; answers `memory` requests with its heap and RSS
 * after a full garbage collection (twice, so weak references and finalizers settle); closes
 * on SIGTERM.
 */
import { type MockTcccConfig, startMockTcccServer } from '@tccc-kit/mock-tccc';
import type { MemoryReply, MemoryRequest } from '../phases/push.js';

const options = JSON.parse(process.argv[2] ?? '{}') as MockTcccConfig;
const server = await startMockTcccServer({ ...options, host: '127.0.0.1', port: 0 });
const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message: MemoryRequest) => {
  if (message?.type !== 'memory') return;
  if (!gc) throw new Error('the push mock needs node --expose-gc');
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  const reply: MemoryReply = { type: 'memory', id: message.id, heapUsed, rss };
  process.send?.(reply);
});
process.send?.({ url: server.url, controlToken: server.controlToken });
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
