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
 * Its Data Push is pointed at this server's receiver once the server listens
 * (`pushTo`, called by main.ts with the push credentials the receiver accepts), so a call
 * that ends in the demo shows in the call history at once, as with a real TCCC app whose
 * console names this server's /tccc/push.
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
import type { EmbeddedPushReceiver } from '../records/start-records.js';

/** What `pushTo` did: wired (and how), or why not. */
export type DataPushWiring =
  | { wired: true; url: string; auth: EmbeddedPushReceiver['auth']['type'] }
  | { wired: false; why: string };

export interface EmbeddedMockTccc {
  /** Origin of the mock, e.g. http://127.0.0.1:41234: cloud API at /, SDK host under /sdk/. */
  url: string;
  credentials: { secretId: string; secretKey: string; sdkAppId: number };
  /** True while the mock answers (its SDK host serves the script). */
  isUp(): Promise<boolean>;
  /**
   * Points the mock's Data Push (CDRs and recordings of the demo app) at `receiver`, or
   * stops it (`undefined`). Never throws: a mock that cannot push says why.
   */
  pushTo(receiver: EmbeddedPushReceiver | undefined): DataPushWiring;
  close(): Promise<void>;
}

/** The demo's skill groups: every demo agent is in Support, the second one in Billing too. */
const DEMO_SKILL_GROUPS = [
  { skillGroupId: 1, name: 'Support' },
  { skillGroupId: 2, name: 'Billing' },
] as const;
/** Names for the two default demo agents; other demo accounts are named after their mail. */
const DEMO_NAMES: Readonly<Record<string, string>> = {
  'agent@example.com': 'Wu Fang',
  'agent2@example.com': 'Zhou Min',
};

/**
 * The demo app's directory (what DescribeStaffInfoList and DescribeSkillGroupInfoList
 * answer, so the console's Transfer lists colleagues and groups): the demo accounts as
 * staff of two skill groups.
 */
export function demoDirectory(accounts: readonly string[]) {
  const sdkAppId = DEFAULT_SDK_APP_ID;
  return {
    apps: [{ sdkAppId }],
    skillGroups: DEMO_SKILL_GROUPS.map((group) => ({ sdkAppId, ...group })),
    staff: accounts.map((mail, index) => ({
      sdkAppId,
      mail,
      name: DEMO_NAMES[mail] ?? mail.split('@')[0] ?? mail,
      skillGroups: index === 1 ? [1, 2] : [1],
    })),
  };
}

export async function startEmbeddedMockTccc(options: {
  host: string;
  port: number;
  /** The demo agents, staff of the demo app (default: none, the mock's bare seed). */
  demoAccounts?: readonly string[];
}): Promise<EmbeddedMockTccc> {
  const server = await startMockTcccServer({
    host: options.host,
    port: options.port,
    controlPlane: false,
    ...(options.demoAccounts?.length ? demoDirectory(options.demoAccounts) : {}),
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
    pushTo(receiver) {
      try {
        server.mock.setDataPush(
          receiver ? { url: receiver.url, auth: receiver.auth, actions: ['cdr', 'record'] } : null,
          DEFAULT_SDK_APP_ID,
        );
      } catch (error) {
        // DataPushConfigError names the bad fields, never a secret value.
        return { wired: false, why: error instanceof Error ? error.message : String(error) };
      }
      return receiver
        ? { wired: true, url: receiver.url, auth: receiver.auth.type }
        : { wired: false, why: 'no push authentication is configured, so pushes would be refused' };
    },
    async close() {
      closed = true;
      await server.close();
    },
  };
}
