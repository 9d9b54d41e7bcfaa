/**
 * The agent's recent calls, `GET /api/calls` (apps/server/src/records): newest first, each
 * with how it ended in words. New records arrive as Data Push lands on the server, so the
 * console polls the first page with the ETag of the last answer; an unchanged page costs a
 * bodyless 304.
 */
import { ApiError, problemToError } from './http.js';

export interface CallSummary {
  sessionId: string;
  direction: 'inbound' | 'outbound' | 'unknown';
  otherParty: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  endStatus: { name: string; code: number; text: string; answered: boolean } | null;
  hungUpBy: string | null;
}

export type RecentCallsAnswer =
  | { kind: 'changed'; calls: CallSummary[]; etag: string | null }
  | { kind: 'unchanged' }
  /** This server keeps no call records (no records store configured: 404). */
  | { kind: 'unavailable' };

export async function fetchRecentCalls(
  etag: string | null,
  limit = 10,
  signal?: AbortSignal,
): Promise<RecentCallsAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (etag) headers['if-none-match'] = etag;
  let response: Response;
  try {
    response = await fetch(`/api/calls?limit=${limit}`, {
      headers,
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Cannot reach the server for your recent calls.', undefined);
  }
  if (response.status === 304) return { kind: 'unchanged' };
  if (response.status === 404) return { kind: 'unavailable' };
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw problemToError(response.status, body);
  const calls = (body as { calls?: CallSummary[] } | undefined)?.calls ?? [];
  return { kind: 'changed', calls, etag: response.headers.get('etag') };
}
