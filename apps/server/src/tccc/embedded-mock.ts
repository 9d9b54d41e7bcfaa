/**
 * The embedded mock TCCC: when no TCCC_SECRET_ID is configured, the server starts the
 * offline mock on a loopback port and talks to it exactly as it would to the real TCCC
 * (same token client, real TC3 signing); the mock only supplies endpoint and credentials.
 *
 * It exposes only what the demo needs: the signed cloud API (for this server) and the SDK
 * host (for the browser). Its control plane is off (`controlPlane: false`: every /__tccc/
 * request answers 404), so nothing that can reach the port can mint an SDK URL for a seat
 * without signing in, list agents' tokens, or reset it. To drive calls by hand, run a mock of
 * your own (`mock-tccc` with MOCK_TCCC_CONTROL_TOKEN) and point TCCC_ENDPOINT at it.
 *
 * This is the ONLY module of the server that imports @tccc-kit/mock-tccc. Production
 * code paths never reach it when credentials are configured.
 */
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  startMockTcccServer,
} from '@tccc-kit/mock-tccc';

export interface EmbeddedMockTccc {
  /** Origin of the mock, e.g. http://127.0.0.1:41234: cloud API at /, SDK host under /sdk/. */
  url: string;
  credentials: { secretId: string; secretKey: string; sdkAppId: number };
  /** True while the mock answers (its SDK host serves the script). */
  isUp(): Promise<boolean>;
  close(): Promise<void>;
}

export async function startEmbeddedMockTccc(options: {
  host: string;
  port: number;
}): Promise<EmbeddedMockTccc> {
  const server = await startMockTcccServer({
    host: options.host,
    port: options.port,
    controlPlane: false,
  });
  let closed = false;
  return {
    url: server.url,
    credentials: {
      secretId: DEFAULT_SECRET_ID,
      secretKey: DEFAULT_SECRET_KEY,
      sdkAppId: DEFAULT_SDK_APP_ID,
    },
    async isUp() {
      if (closed) return false;
      try {
        const response = await fetch(`${server.url}/sdk/tccc.js`, {
          method: 'HEAD',
          signal: AbortSignal.timeout(1000),
        });
        await response.body?.cancel();
        return response.ok;
      } catch {
        return false;
      }
    },
    async close() {
      closed = true;
      await server.close();
    },
  };
}
