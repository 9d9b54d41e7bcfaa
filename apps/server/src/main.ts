/**
 * Entry point: read the configuration, start the embedded mock TCCC when no credentials
 * are set, build the app, listen, and shut down gracefully. Everything testable lives in
 * createApp (app.ts); this file only wires and listens.
 */
import { randomBytes } from 'node:crypto';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { createApp } from './app.js';
import { createDemoAuthenticator } from './auth/authenticator.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createCallerDirectory, DEMO_CALLERS } from './console/callers.js';
import { createTransferDirectory } from './console/transfer-targets.js';
import { createNodeServer, listenOn } from './http/node-server.js';
import { createLogger, type Logger } from './log/logger.js';
import { createRedactor } from './log/redact.js';
import {
  embeddedPushReceiver,
  loopbackOrigin,
  pushAuthFor,
  startCallRecords,
} from './records/start-records.js';
import { redisSecrets, type SharedState, startSharedState } from './redis/start-shared.js';
import { REAL_TCCC_DEFAULT_SOURCES, withWebSocketTwin } from './security/csp.js';
import { createShutdown } from './shutdown.js';
import type { EmbeddedMockTccc } from './tccc/embedded-mock.js';
import { createTcccReachability, trackReachability } from './tccc/reachability.js';
import { locateWebDist } from './web/locate.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  const cloud = config.tccc.mode === 'cloud' ? config.tccc : undefined;
  const pushAuth = pushAuthFor(config.records, { embeddedMock: !cloud });
  const redactor = createRedactor({
    secrets: [
      cloud?.secretKey,
      cloud?.secretId,
      config.sessionSecret,
      // The mock's demo password is public; a configured one is a secret.
      cloud ? config.demoPassword : undefined,
      ...pushAuth.secrets,
      ...redisSecrets(config.redis),
    ],
  });
  const logger = createLogger({
    level: config.logLevel,
    redactor,
    // Readable lines for `pnpm dev`; pino-pretty is loaded only then.
    ...(config.logFormat === 'pretty'
      ? { destination: (await import('./log/pretty.js')).prettyDestination() }
      : {}),
  });

  let mock: EmbeddedMockTccc | undefined;
  if (config.tccc.mode === 'embedded-mock') {
    // Imported lazily: with credentials configured, the mock is never even loaded.
    const { startEmbeddedMockTccc } = await import('./tccc/embedded-mock.js');
    mock = await startEmbeddedMockTccc({
      host: config.tccc.mockHost,
      port: config.tccc.mockPort,
      demoAccounts: config.demoAccounts,
    });
    logger.info(
      { tccc: 'embedded-mock', mockUrl: mock.url },
      `TCCC_SECRET_ID is not set: running on the embedded offline mock TCCC at ${mock.url} (no real calls, no credentials)`,
    );
  } else {
    logger.info(
      {
        tccc: 'cloud',
        endpoint: cloud?.endpoint ?? 'https://ccc.tencentcloudapi.com',
        sdkAppId: cloud?.sdkAppId,
      },
      'using TCCC with the configured credentials',
    );
  }

  const tccc = mock ? { ...mock.credentials, endpoint: mock.url, region: undefined } : cloud;
  if (!tccc) throw new Error('unreachable: no TCCC configuration');
  // With REDIS_URL: limits and sign-outs shared by every instance (redis/start-shared.ts).
  let shared: SharedState | undefined;
  if (config.redis) {
    shared = await startSharedState({
      config: config.redis,
      sessionTtlSeconds: config.sessionTtlSeconds,
      sdkUrlRateLimitPerMinute: config.sdkUrlRateLimitPerMinute,
      pushRateLimitPerMinute: config.records.pushRateLimitPerMinute,
      logger: logger.child({ component: 'shared-state' }),
    });
  }
  const reachability = createTcccReachability();
  const tcccClient = createTcccClient({
    sdkAppId: tccc.sdkAppId,
    secretId: tccc.secretId,
    secretKey: tccc.secretKey,
    ...(tccc.endpoint ? { endpoint: tccc.endpoint } : {}),
    ...(tccc.region ? { region: tccc.region } : {}),
    timeoutMs: config.tcccTimeoutMs,
    ...(shared ? { limiter: shared.tcccLimiter } : {}),
    logger: logger.child({ component: 'tccc-client' }),
  });

  const records = await startCallRecords({
    config: config.records,
    pushAuth,
    tccc: tcccClient,
    sdkAppId: tccc.sdkAppId,
    logger,
  }).catch(async (error: unknown) => {
    logger.error({ err: error }, 'the call-record store could not be opened');
    await mock?.close();
    process.exit(1);
  });
  // Readiness follows the outcome of real calls: no probe of TCCC per /readyz.
  const issuer = trackReachability(tcccClient, reachability);

  let sessionSecret = config.sessionSecret;
  if (!sessionSecret) {
    sessionSecret = randomBytes(32).toString('base64url');
    logger.info(
      {},
      'SESSION_SECRET is not set: using a random one, so sign-ins end when the server restarts',
    );
  }
  if (config.demoAccounts.length === 0) {
    logger.warn(
      {},
      'no demo accounts: nobody can sign in until you plug in an Authenticator (see README) or set DEMO_ACCOUNTS',
    );
  }

  let draining = false;
  const webDistDir = locateWebDist(config.webDist);
  const app = createApp({
    issuer,
    authenticator: createDemoAuthenticator({
      accounts: config.demoAccounts,
      password: config.demoPassword,
    }),
    readiness: {
      async check() {
        if (draining) return 'The server is shutting down.';
        if (mock && !(await mock.isUp())) return 'The embedded mock TCCC does not answer.';
        return reachability.problem();
      },
      details: () => ({
        tccc: reachability.state(),
        ...(shared ? { sharedState: shared.state() } : {}),
      }),
      degraded: () => shared?.degraded(),
    },
    logger,
    sessionSecret,
    sessionTtlSeconds: config.sessionTtlSeconds,
    cspSdkSources:
      config.cspSdkSources ?? (mock ? withWebSocketTwin(mock.url) : REAL_TCCC_DEFAULT_SOURCES),
    webDistDir,
    publicOrigin: config.publicOrigin,
    trustedProxies: config.trustedProxies,
    sdkUrlRateLimitPerMinute: config.sdkUrlRateLimitPerMinute,
    ...(shared ? { stores: shared.stores } : {}),
    records: records.deps,
    console: {
      tcccMode: config.tccc.mode,
      // The demo password is public only on the mock; a configured one is never shown.
      demoSignIn:
        mock && config.demoPassword
          ? { accounts: config.demoAccounts, password: config.demoPassword }
          : undefined,
      // Replace with your CRM lookup; the demo directory only makes sense on the mock.
      lookupCaller: mock ? createCallerDirectory(DEMO_CALLERS) : undefined,
      // Skill groups and agents to transfer to, from TCCC's cloud API (cached briefly).
      listTransferTargets: createTransferDirectory(tcccClient),
    },
  });

  const { server, connections } = createNodeServer(app.fetch);
  let port: number;
  try {
    port = await listenOn(server, config.port, config.host);
  } catch (caught) {
    const error = caught as NodeJS.ErrnoException;
    logger.error(
      { err: error },
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is in use: stop the other process or set PORT to another port`
        : 'could not listen',
    );
    await mock?.close();
    process.exit(1);
  }
  if (mock) {
    // The demo's calls reach the call history as they end: the mock pushes to /tccc/push.
    const origin = loopbackOrigin(config.host, port);
    const wiring = mock.pushTo(embeddedPushReceiver(pushAuth, origin));
    const reconcile = config.records.reconcile;
    if (wiring.wired) {
      // The origin and the path apart: the log redactor drops the path of any URL.
      logger.info(
        {
          tccc: 'embedded-mock',
          dataPush: '/tccc/push',
          pushOrigin: origin,
          pushAuth: wiring.auth,
        },
        `the embedded mock TCCC pushes call records to /tccc/push on ${origin} (${wiring.auth})`,
      );
    } else {
      logger.warn(
        { tccc: 'embedded-mock', dataPush: 'off' },
        `the embedded mock TCCC does not push call records: ${wiring.why}; ` +
          (reconcile.enabled
            ? `the history fills through reconciliation every ${reconcile.intervalSeconds} s`
            : 'and reconciliation is off (RECONCILE_ENABLED=false), so the history stays empty'),
      );
    }
  }
  announce(logger, config, port, mock !== undefined);

  const shutdown = createShutdown({
    server,
    connections,
    cleanups: [
      () => records.close(),
      ...(shared ? [() => shared.close()] : []),
      ...(mock ? [() => mock.close()] : []),
    ],
    onDrain: () => {
      draining = true;
    },
    delayMs: config.shutdownDelayMs,
    timeoutMs: config.shutdownTimeoutMs,
    logger,
    exit: (code) => process.exit(code),
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void shutdown(signal));
  }
}

function announce(logger: Logger, config: Config, port: number, onMock: boolean) {
  const shownHost = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(config.host)
    ? 'localhost'
    : config.host;
  const url = config.publicOrigin ?? `http://${shownHost}:${port}`;
  const account = config.demoAccounts[0];
  const signIn =
    onMock && account
      ? `; sign in as ${account} with password "${config.demoPassword}"${config.demoAccounts[1] ? ` (or ${config.demoAccounts[1]})` : ''}`
      : '';
  logger.info({ url, port }, `agent console ready: open ${url} in your browser${signIn}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
