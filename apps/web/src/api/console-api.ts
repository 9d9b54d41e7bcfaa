/**
 * The server routes only the console uses (apps/server/src/console/routes.ts): what the
 * sign-in page may say, who is on the line, and where a call can be transferred.
 */
import { ApiError, readJson, send } from './http.js';

export interface ConsoleConfig {
  tcccMode: 'embedded-mock' | 'cloud';
  /** The demo accounts and password: only when the server runs on its embedded mock. */
  demoSignIn: { accounts: string[]; password: string } | null;
  /** Whether the server keeps call records (`GET /api/calls`). */
  callHistory: boolean;
  /** Whether the server can list transfer targets. */
  transfers: boolean;
}

export interface Caller {
  name: string;
  company?: string;
  tier?: string;
  note?: string;
  lastContact?: string;
}

export interface TransferTargets {
  skillGroups: { skillGroupId: string; name: string }[];
  agents: { userId: string; name: string; skillGroups: string[] }[];
}

export async function fetchConsoleConfig(): Promise<ConsoleConfig> {
  return (await readJson(await send('GET', '/api/config'))) as ConsoleConfig;
}

/** The customer behind `phone`, or null when the server knows nobody there. */
export async function lookupCaller(phone: string, signal?: AbortSignal): Promise<Caller | null> {
  const init = signal ? { signal } : {};
  const response = await fetch(`/api/callers/${encodeURIComponent(phone)}`, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    ...init,
  }).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    throw new ApiError('Cannot reach the server to look up the caller.', undefined);
  });
  const body = (await readJson(response)) as { caller?: Caller | null };
  return body.caller ?? null;
}

export async function fetchTransferTargets(): Promise<TransferTargets> {
  return (await readJson(await send('GET', '/api/transfer-targets'))) as TransferTargets;
}
