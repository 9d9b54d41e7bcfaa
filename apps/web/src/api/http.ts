/**
 * Talking to the backend (apps/server): the session routes, and the `send`/`readJson` pair the
 * other API modules use. The SDK URL route is not here: the loader's `fetchSdkUrl()` calls
 * it, so its errors arrive as `TcccLoadError`s.
 *
 * Errors from the server are RFC 9457 problem details `{type, title, status, detail, code}`;
 * they become {@link ApiError}s carrying the stable `code` (the console words its message by
 * code, see failures.ts) and the server's `detail`.
 */

export const sessionEndpoint = '/api/session';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status, or undefined when the server could not be reached. */
    readonly status: number | undefined,
    /** The problem's stable `code`, when the server sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The signed-in agent's email, or null when there is no session (`{"email": null}`). */
export async function currentSession(): Promise<string | null> {
  const body = await readJson(await send('GET', sessionEndpoint));
  return (body as { email?: unknown } | undefined)?.email === null ? null : emailOf(body);
}

export async function signIn(email: string, password: string): Promise<string> {
  const response = await send('POST', sessionEndpoint, { email, password });
  return emailOf(await readJson(response));
}

/** Ends the session at the server; take the seat offline first (`disconnect()`). */
export async function signOut(): Promise<void> {
  const response = await send('DELETE', sessionEndpoint);
  // 401: the session had already ended, which is what we wanted.
  if (!response.ok && response.status !== 401) await readJson(response);
}

export async function send(
  method: string,
  url: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      'Cannot reach the server. Check that it is running and that you are online, then try again.',
      undefined,
    );
  }
}

/** The JSON body of a 2xx answer; any other answer throws its problem as an ApiError. */
export async function readJson(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  throw problemToError(response.status, body);
}

export function problemToError(status: number, body: unknown): ApiError {
  const problem =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : undefined;
  const title = typeof problem.title === 'string' && problem.title ? problem.title : undefined;
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  const fallback =
    status === 401 ? 'The email or password is not right.' : `The server answered HTTP ${status}.`;
  return new ApiError(detail ?? title ?? fallback, status, code);
}

function emailOf(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string') {
    throw new ApiError('The server answered without an email: is this the tccc-kit server?', 200);
  }
  return email;
}
