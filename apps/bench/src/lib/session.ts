/** Talking to the servers as a client does: sign in, ask for an SDK URL. */

/** Signs in to our server; resolves to the `Cookie` header value of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  await response.body?.cancel();
  if (response.status !== 200 || !cookie) {
    throw new Error(`sign-in as ${email} answered ${response.status} without a session cookie`);
  }
  return cookie;
}

/** POST /api/tccc/sdk-url with a session cookie; true when an SDK URL came back. */
export async function ourToken(
  baseUrl: string,
  cookie: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/tccc/sdk-url`, {
    method: 'POST',
    headers: { cookie },
    ...(signal ? { signal } : {}),
  });
  const body = (await response.json().catch(() => ({}))) as { sdkUrl?: unknown };
  return response.status === 200 && typeof body.sdkUrl === 'string';
}

/** The guide's `/loginTCCC`; true when an SdkURL came back. */
export async function baselineToken(baseUrl: string, signal?: AbortSignal): Promise<boolean> {
  const response = await fetch(`${baseUrl}/loginTCCC`, {
    method: 'POST',
    ...(signal ? { signal } : {}),
  });
  const body = (await response.json().catch(() => ({}))) as { SdkURL?: unknown };
  return response.status === 200 && typeof body.SdkURL === 'string';
}
