/**
 * Sign-in routes:
 *   POST   /api/session {email, password} -> 200 {email} and the session cookie
 *   GET    /api/session                   -> 200 {email} | 401 not_signed_in
 *   DELETE /api/session                   -> 204 (also when already signed out)
 */
import { type Context, Hono } from 'hono';
import { readJsonBody } from '../http/json-body.js';
import { ProblemError } from '../http/problem.js';
import type { Authenticator, User } from './authenticator.js';
import type { Sessions } from './sessions.js';
import type { SignInThrottle } from './sign-in-throttle.js';

const MAX_EMAIL = 254;
const MAX_PASSWORD = 1024;

export function sessionRoutes(deps: {
  authenticator: Authenticator;
  sessions: Sessions;
  /** Failed sign-ins per client address and per account (auth/sign-in-throttle.ts). */
  throttle: SignInThrottle;
  /** The client's address (http/client-address.ts); `undefined` for in-process requests. */
  clientAddress: (c: Context) => string | undefined;
}): Hono {
  const routes = new Hono();

  routes.post('/', async (c) => {
    const { email, password } = parseCredentials(await readJsonBody(c));
    const attempt = await deps.throttle.begin(email, deps.clientAddress(c));
    if (!attempt.ok) {
      throw new ProblemError(
        'rate_limited',
        `Too many failed sign-ins; try again in ${attempt.retryAfterSeconds} s.`,
        { headers: { 'Retry-After': String(attempt.retryAfterSeconds) } },
      );
    }
    let user: User | undefined;
    try {
      user = await deps.authenticator.signIn({ email, password });
    } catch (error) {
      await attempt.settle('error'); // the check broke: not the client's failure
      throw error;
    }
    await attempt.settle(user ? 'succeeded' : 'failed');
    if (!user) throw new ProblemError('invalid_credentials', 'The email or password is not right.');
    deps.sessions.start(c, user);
    c.header('Cache-Control', 'no-store');
    return c.json({ email: user.email });
  });

  // "Am I signed in?" is a question with two normal answers, so both are 200: a 401 here
  // would make every first visit log a console error in the browser. Routes that need a
  // session (POST /api/tccc/sdk-url) answer 401 not_signed_in.
  routes.get('/', async (c) => {
    const user = await deps.sessions.current(c);
    c.header('Cache-Control', 'no-store');
    return c.json({ email: user ? user.email : null });
  });

  routes.delete('/', async (c) => {
    await deps.sessions.end(c);
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  return routes;
}

function parseCredentials(body: unknown): { email: string; password: string } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof b.email !== 'string' || b.email.trim() === '' || b.email.length > MAX_EMAIL) {
    problems.push(`"email" must be a non-empty string of at most ${MAX_EMAIL} characters`);
  }
  if (typeof b.password !== 'string' || b.password === '' || b.password.length > MAX_PASSWORD) {
    problems.push(`"password" must be a non-empty string of at most ${MAX_PASSWORD} characters`);
  }
  if (problems.length > 0) {
    throw new ProblemError(
      'invalid_body',
      `Send {"email": string, "password": string}: ${problems.join('; ')}.`,
    );
  }
  return { email: b.email as string, password: b.password as string };
}
