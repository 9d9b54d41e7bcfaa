#!/usr/bin/env node
/**
 * mock-tccc: serve the mock TCCC on loopback until SIGINT/SIGTERM.
 * Prints exactly `mock TCCC listening on http://HOST:PORT` once listening.
 */
import { CliUsageError, parseCliArgs, USAGE } from './cli-args.js';
import { loadConfigFile, MockConfigError } from './config.js';
import { startMockTcccServer } from './server.js';

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
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
  try {
    const fromFile = args.config ? await loadConfigFile(args.config) : {};
    server = await startMockTcccServer({
      ...fromFile,
      ...(args.sdkOrigin === undefined ? {} : { sdkOrigin: args.sdkOrigin }),
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
