/** Parsing `mock-tccc` flags; kept apart from cli.ts so it is testable without a process. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: mock-tccc [--port <n>] [--host <h>] [--config <file.json>] [--sdk-origin <url>] [--control-token <t>]

Serve the offline mock of Tencent Cloud Contact Center:
  /          the signed cloud API (CreateSDKLoginToken)
  /sdk/      the fake Web SDK script and its session routes
  /__tccc/   the control plane (reset, seed, state, clock, faults, tokens, calls),
             for requests carrying the control token in X-TCCC-Control-Token

Options:
  --port <n>          port to listen on, 0 for any free port (default 4000)
  --host <h>          address to bind (default 127.0.0.1)
  --config <file>     JSON config: accounts, apps and seats, staff, skillGroups,
                      sdkOrigin, limits, controlToken
  --sdk-origin <url>  public origin for SdkURL (default: the origin each request used)
  --control-token <t> the control plane's token (16+ printable characters); better:
                      the MOCK_TCCC_CONTROL_TOKEN environment variable, which ps cannot
                      show. Without either, the control plane is unusable.
  -h, --help          show this help
`;

export interface CliArgs {
  port: number;
  host: string;
  config: string | undefined;
  sdkOrigin: string | undefined;
  /** From --control-token, else MOCK_TCCC_CONTROL_TOKEN; validated with the config. */
  controlToken: string | undefined;
}

export type ParsedCli = { help: true } | { help: false; args: CliArgs };

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * Parse argv; `env` supplies MOCK_TCCC_CONTROL_TOKEN (the only variable the CLI reads).
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedCli {
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
        'control-token': { type: 'string' },
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
      controlToken:
        (values['control-token'] as string | undefined) ??
        (env.MOCK_TCCC_CONTROL_TOKEN || undefined),
    },
  };
}
