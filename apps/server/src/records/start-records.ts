/**
 * Call records at server start, in the order main.ts needs them:
 *
 * 1. `pushAuthFor(config, { embeddedMock })`, before the logger exists: the push
 *    credentials, generated for the embedded mock when none are configured (so `pnpm start`
 *    shows records at once), and the secrets the redactor must know.
 *    Once the server listens, `embeddedPushReceiver(pushAuth, loopbackOrigin(host, port))`
 *    is what the embedded mock's Data Push is pointed at (tccc/embedded-mock.ts).
 * 2. `startCallRecords(...)`: opens and migrates the store, starts the reconciliation
 *    schedule (unless off), and returns what `createApp({ records })` takes and a `close()`
 *    for the shutdown sequence (stop the schedule, then close the store).
 */
import { randomBytes } from 'node:crypto';
import type { TcccClient } from '@tccc-kit/tccc-client';
import type { RecordsDeps } from '../app.js';
import type { Logger } from '../log/logger.js';
import { createPushAuth, type PushAuthConfig } from '../push/auth.js';
import { openCallRecordStore } from './open-store.js';
import { type ReconcileSchedule, startReconcileSchedule } from './reconcile-schedule.js';
import { createReconciler } from './reconciler.js';
import type { RecordsConfig } from './records-config.js';

/** The user name of generated embedded-mock credentials. */
export const EMBEDDED_PUSH_USER = 'embedded-mock';

export interface PushAuthSetup {
  config: PushAuthConfig;
  /** Set when the credentials were generated for the embedded mock to push with. */
  generated?: { user: string; password: string } | undefined;
  /** Values the log redactor must remove (passwords, client secrets, DATABASE_URL's password). */
  secrets: string[];
}

export function pushAuthFor(
  records: RecordsConfig,
  options: { embeddedMock: boolean },
): PushAuthSetup {
  const configured = records.pushAuth;
  const none = !configured.basic && !configured.oauth && !configured.none;
  const generated =
    options.embeddedMock && none
      ? { user: EMBEDDED_PUSH_USER, password: randomBytes(24).toString('base64url') }
      : undefined;
  const config: PushAuthConfig = generated ? { basic: generated } : configured;
  const databasePassword =
    records.store.kind === 'postgres' && URL.canParse(records.store.databaseUrl)
      ? decodeURIComponent(new URL(records.store.databaseUrl).password)
      : '';
  return {
    config,
    generated,
    secrets: [
      config.basic?.password,
      config.oauth?.clientSecret,
      databasePassword,
      records.store.kind === 'postgres' ? records.store.databaseUrl : undefined,
    ].filter((secret): secret is string => !!secret),
  };
}

/** How the embedded mock authenticates its Data Push: the mock's `DataPushConfig.auth`. */
export type EmbeddedPushAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string };

/** Where and how the embedded mock pushes: this server's receiver, with its credentials. */
export interface EmbeddedPushReceiver {
  /** e.g. http://127.0.0.1:8787/tccc/push (the mock appends ?action=cdr&version=1). */
  url: string;
  auth: EmbeddedPushAuth;
}

/**
 * The address the embedded mock (in this process) reaches the server at: loopback when the
 * server listens on every interface, the host itself otherwise.
 */
export function loopbackOrigin(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '' || bare === '0.0.0.0') return `http://127.0.0.1:${port}`;
  if (bare === '::') return `http://[::1]:${port}`;
  return bare.includes(':') ? `http://[${bare}]:${port}` : `http://${bare}:${port}`;
}

/**
 * The embedded mock's Data Push target: this server's /tccc/push with the credentials the
 * receiver accepts (generated Basic ones, unless some are configured; OAuth through this
 * server's token endpoint; none with TCCC_PUSH_AUTH=none). Undefined when pushes are
 * refused anyway (no authentication configured).
 */
export function embeddedPushReceiver(
  pushAuth: PushAuthSetup,
  origin: string,
): EmbeddedPushReceiver | undefined {
  const { basic, oauth, none } = pushAuth.config;
  const url = `${origin}/tccc/push`;
  if (basic)
    return { url, auth: { type: 'basic', username: basic.user, password: basic.password } };
  if (oauth) {
    return {
      url,
      auth: {
        type: 'oauth',
        tokenUrl: `${origin}/tccc/push/token`,
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
      },
    };
  }
  return none ? { url, auth: { type: 'none' } } : undefined;
}

export interface CallRecords {
  /** For `createApp({ records })`. */
  deps: RecordsDeps;
  /** Where records are kept, for the start-up log (never a URL or password). */
  description: string;
  schedule: ReconcileSchedule | undefined;
  /** Stops the schedule (aborting a run), then closes the store. */
  close(): Promise<void>;
}

export async function startCallRecords(options: {
  config: RecordsConfig;
  pushAuth: PushAuthSetup;
  tccc: Pick<TcccClient, 'describeTelCdr'>;
  sdkAppId: number;
  logger: Logger;
}): Promise<CallRecords> {
  const { config, logger } = options;
  const { store, description } = await openCallRecordStore(config.store);
  const deps: RecordsDeps = {
    store,
    pushAuth: createPushAuth(options.pushAuth.config),
    sdkAppId: options.sdkAppId,
    pushRateLimitPerMinute: config.pushRateLimitPerMinute,
  };
  const schedule = config.reconcile.enabled
    ? startReconcileSchedule({
        reconciler: createReconciler({
          store,
          tccc: options.tccc,
          logger: logger.child({ component: 'reconciler' }),
        }),
        store,
        logger: logger.child({ component: 'reconciler' }),
        intervalMs: config.reconcile.intervalSeconds * 1000,
        windowMs: config.reconcile.windowSeconds * 1000,
      })
    : undefined;
  logger.info(
    {
      store: description,
      pushAuth: deps.pushAuth.description,
      reconcile: config.reconcile.enabled ? config.reconcile : 'off',
    },
    deps.pushAuth.description === 'not configured'
      ? `call records in ${description}; Data Push is refused until TCCC_PUSH_BASIC_* or TCCC_PUSH_OAUTH_* is set`
      : `call records in ${description}; Data Push accepted at /tccc/push (${deps.pushAuth.description})`,
  );
  return {
    deps,
    description,
    schedule,
    async close() {
      await schedule?.stop();
      await store.close();
    },
  };
}
