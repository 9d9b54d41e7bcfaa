/**
 * Child process: the standalone mock TCCC (startMockTcccServer on 127.0.0.1, port 0), with
 * the options given as JSON in argv[2]. Reports `{ url, controlToken }` over IPC once listening, closes
 * on SIGTERM.
 */
import { type MockTcccConfig, startMockTcccServer } from '@tccc-kit/mock-tccc';

const options = JSON.parse(process.argv[2] ?? '{}') as MockTcccConfig;
const server = await startMockTcccServer({ ...options, host: '127.0.0.1', port: 0 });
process.send?.({ url: server.url, controlToken: server.controlToken });
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
