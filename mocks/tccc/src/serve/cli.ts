/**
 * mock-tccc: serve the mock TCCC on loopback until SIGINT/SIGTERM (run by bin/mock-tccc.js).
 * Prints exactly `mock TCCC listening on http://HOST:PORT` once listening.
 */
import { loadConfigFile, MockConfigError, type MockTcccConfig } from '../config/index.js';
import { CliUsageError, parseCliArgs, USAGE } from './cli-args.js';
import { startMockTcccServer } from './server.js';

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv, process.env);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`mock-tccc: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { args } = parsed;

  let server: Awaited<ReturnType<typeof startMockTcccServer>>;
  let fromFile: MockTcccConfig = {};
  try {
    if (args.config) fromFile = await loadConfigFile(args.config);
    server = await startMockTcccServer({
      ...fromFile,
      ...(args.sdkOrigin === undefined ? {} : { sdkOrigin: args.sdkOrigin }),
      ...(args.controlToken === undefined ? {} : { controlToken: args.controlToken }),
      port: args.port,
      host: args.host,
    });
  } catch (error) {
    if (error instanceof MockConfigError) {
      process.stderr.write(`mock-tccc: ${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      `mock-tccc: cannot listen on ${args.host}:${args.port}${code ? ` (${code})` : ''}: ${(error as Error).message}\n`,
    );
    return 1;
  }
  process.stdout.write(`mock TCCC listening on ${server.url}\n`);
  if (args.controlToken === undefined && fromFile.controlToken === undefined) {
    process.stderr.write(
      'mock-tccc: the control plane (/__tccc/) needs a control token; none was given, so it is a random one nobody knows. Set MOCK_TCCC_CONTROL_TOKEN (or --control-token) to drive it.\n',
    );
  }

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `mock-tccc: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
