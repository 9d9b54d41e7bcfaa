/** Parsing `mock-tccc` flags; kept apart from cli.ts so it is testable without a process. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: mock-tccc [--port <n>] [--host <h>] [--config <file.json>] [--sdk-origin <url>]

Serve the offline mock of Tencent Cloud Contact Center:
  /          the signed cloud API (CreateSDKLoginToken)
  /sdk/      the fake Web SDK script and its session routes
  /__tccc/   the control plane (reset, clock, faults, tokens)

Options:
  --port <n>          port to listen on, 0 for any free port (default 4000)
  --host <h>          address to bind (default 127.0.0.1)
  --config <file>     JSON config: accounts, apps and seats, sdkOrigin, limits
  --sdk-origin <url>  public origin for SdkURL (default: the origin each request used)
  -h, --help          show this help
`;

export interface CliArgs {
  port: number;
  host: string;
  config: string | undefined;
  sdkOrigin: string | undefined;
}

export type ParsedCli = { help: true } | { help: false; args: CliArgs };

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function parseCliArgs(argv: readonly string[]): ParsedCli {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        'sdk-origin': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const rawPort = (values.port as string | undefined) ?? '4000';
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65535) {
    throw new CliUsageError(
      `--port must be an integer from 0 to 65535 (got ${JSON.stringify(rawPort)})`,
    );
  }
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  if (host.trim() === '') throw new CliUsageError('--host must not be empty');
  return {
    help: false,
    args: {
      port: Number(rawPort),
      host,
      config: values.config as string | undefined,
      sdkOrigin: values['sdk-origin'] as string | undefined,
    },
  };
}
