/**
 * The routes only the agent console needs, besides sign-in and SDK URLs:
 *
 *   GET /api/config                 what the sign-in page may say (public)
 *   GET /api/callers/:phone         the customer behind a number, for the screen pop
 *   GET /api/transfer-targets       skill groups and agents a call can go to
 *
 * The seat always comes from the signed-in session. Answers are `private, no-store`: they
 * are about one agent's customers and colleagues.
 */
import { Hono } from 'hono';
import type { Authenticator, User } from '../auth/authenticator.js';
import type { Sessions } from '../auth/sessions.js';
import { ProblemError } from '../http/problem.js';
import { tcccProblem } from '../tccc/problems.js';
import type { LookupCaller } from './callers.js';
import { type ListTransferTargets, targetsFor } from './transfer-targets.js';

export interface ConsoleDeps {
  /** Which TCCC the server talks to: the sign-in page shows the demo hint only on the mock. */
  tcccMode: 'embedded-mock' | 'cloud';
  /** The demo accounts and their password, shown on the sign-in page in embedded-mock mode. */
  demoSignIn?: { accounts: readonly string[]; password: string } | undefined;
  /** The screen-pop hook (console/callers.ts); without it every number is unknown. */
  lookupCaller?: LookupCaller | undefined;
  /** Transfer targets from the cloud API; without it transfers answer 503 `transfer_unavailable`. */
  listTransferTargets?: ListTransferTargets | undefined;
  /** Whether `GET /api/calls` is served (a call-record store is configured). */
  callHistory?: boolean;
}

/** What GET /api/config answers. */
export interface ConsoleConfig {
  tcccMode: 'embedded-mock' | 'cloud';
  demoSignIn: { accounts: string[]; password: string } | null;
  /** Whether the console can show recent calls (`GET /api/calls`). */
  callHistory: boolean;
  /** Whether the transfer dialog has targets to offer. */
  transfers: boolean;
}

const PHONE = /^\+?[0-9][0-9 -]{1,30}$/;

export function consoleRoutes(
  deps: ConsoleDeps & { sessions: Sessions; authenticator: Authenticator },
): Hono {
  const routes = new Hono();

  const signedIn = async (c: Parameters<Sessions['current']>[0]): Promise<User> => {
    const user = await deps.sessions.current(c);
    if (!user) throw new ProblemError('not_signed_in', 'Sign in first.');
    return user;
  };

  routes.get('/config', (c) => {
    const demo = deps.tcccMode === 'embedded-mock' ? deps.demoSignIn : undefined;
    const body: ConsoleConfig = {
      tcccMode: deps.tcccMode,
      demoSignIn: demo ? { accounts: [...demo.accounts], password: demo.password } : null,
      callHistory: deps.callHistory ?? false,
      transfers: deps.listTransferTargets !== undefined,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  routes.get('/callers/:phone', async (c) => {
    await signedIn(c);
    const phone = c.req.param('phone');
    if (!PHONE.test(phone)) {
      throw new ProblemError(
        'invalid_query',
        'The phone number must be digits (spaces, dashes and a leading + allowed), at most 32 characters.',
      );
    }
    const caller = (await deps.lookupCaller?.(phone, c.req.raw.signal)) ?? null;
    c.header('Cache-Control', 'private, no-store');
    return c.json({ phone, caller });
  });

  routes.get('/transfer-targets', async (c) => {
    const user = await signedIn(c);
    const seat = await deps.authenticator.resolveSeat(user);
    if (!seat) {
      throw new ProblemError(
        'no_seat',
        'Your account is not linked to a TCCC agent seat; ask the operator.',
      );
    }
    if (!deps.listTransferTargets) {
      throw new ProblemError(
        'transfer_unavailable',
        'This server has no transfer directory configured; the operator passes listTransferTargets to createApp.',
      );
    }
    let targets: Awaited<ReturnType<ListTransferTargets>>;
    try {
      targets = await deps.listTransferTargets(c.req.raw.signal);
    } catch (error) {
      throw tcccProblem(error);
    }
    c.header('Cache-Control', 'private, no-store');
    return c.json(targetsFor(targets, seat));
  });

  return routes;
}
