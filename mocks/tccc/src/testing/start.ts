/**
 * startMockTccc: a real mock TCCC on loopback for an integrator's tests, with a typed
 * control-plane client. Everything goes over HTTP, exactly as the browser and backend see it.
 */
import { type MockTcccServerOptions, startMockTcccServer } from '../serve/server.js';
import { createControlClient, type MockTcccControl } from './control-client.js';

export interface StartedMockTccc {
  /** Origin of the mock, e.g. `http://127.0.0.1:43127`: the cloud API endpoint and SDK host. */
  readonly url: string;
  readonly control: MockTcccControl;
  /** The control token `control` sends (for your own requests to /__tccc/). */
  readonly controlToken: string;
  close(): Promise<void>;
}

/** Start a mock on 127.0.0.1 (port 0 = any free port unless `port` is given). */
export async function startMockTccc(options: MockTcccServerOptions = {}): Promise<StartedMockTccc> {
  const server = await startMockTcccServer(options);
  return {
    url: server.url,
    control: createControlClient(server),
    controlToken: server.controlToken,
    close: () => server.close(),
  };
}
