/**
 * Turns anything that can go wrong while connecting into words for the agent: what happened,
 * what to do, and whether Retry can help. Server refusals are worded by their problem `code`
 * (a missing seat is not "reload the page"); the HTTP status and code are kept apart as
 * `support`, a line the agent can quote to whoever runs the console. Pure, so each case is
 * unit-tested; `reason` is stable (the page exposes it as `data-reason`), texts may change.
 *
 * Never put the SDK URL, the token or a server's raw body in these texts: they are shown on
 * screen and end up in screenshots and bug reports.
 */
import { TcccLoadError } from '@tccc-kit/web-loader';

export interface Failure {
  /** Which step failed, e.g. `token-expired`, `script`, `no-seat`, `tccc-unavailable`. */
  reason: string;
  title: string;
  detail: string;
  /**
   * `retry`: Retry can help (it fetches one fresh SDK URL). `sign-in`: the session is gone.
   * `contact-admin`: only whoever runs the console can fix it; Retry is still offered, but
   * not as the first thing to do.
   */
  action: 'retry' | 'sign-in' | 'contact-admin';
  /** For support: HTTP status and problem code, e.g. `HTTP 503 · tccc_unavailable`. */
  support?: string;
}

/** `null` means there is nothing to show (the attempt was cancelled on purpose). */
export function describeFailure(error: unknown, timeoutMs: number): Failure | null {
  if (!(error instanceof TcccLoadError)) {
    return retry(
      'unexpected',
      'Something unexpected went wrong',
      `${errorText(error)}. Retry; if it keeps happening, reload the page and report it.`,
    );
  }
  switch (error.reason) {
    case 'aborted':
      return null;
    case 'sdk-url':
      return describeSdkUrlFailure(error);
    case 'token-expired':
      return retry(
        'token-expired',
        'The SDK login link expired',
        'An SDK URL works once and for 10 minutes, and this one was no longer valid when the SDK ' +
          "started. Retry fetches a fresh one. If it keeps happening, check this computer's clock.",
      );
    case 'script':
      return retry(
        'script',
        'The TCCC SDK script could not be loaded',
        'The browser could not load the SDK (network error, HTTP error, or blocked by the ' +
          "page's Content-Security-Policy or an extension). Check your connection and that the " +
          'SDK host is allowed, then Retry.',
      );
    case 'no-global':
      return retry(
        'no-global',
        'The SDK script did not start',
        'The script loaded but did not define window.tccc: the SDK URL probably does not point ' +
          'at the TCCC SDK. Retry; if it persists, check the server configuration.',
      );
    case 'timeout':
      return retry(
        'timeout',
        'The SDK did not become ready in time',
        `Neither ready nor tokenExpired arrived within ${Math.round(timeoutMs / 1000)} s. ` +
          'The network may be slow or TCCC unreachable. Retry.',
      );
    case 'render-dom':
      return retry(
        'render-dom',
        'The workbench container is missing',
        'The page element the SDK should render into does not exist. Untick "Show the SDK ' +
          'workbench in this page" or reload the page, then Retry.',
      );
    default:
      return retry('unexpected', 'Connecting failed', `${errorText(error)}. Retry.`);
  }
}

/** What each problem code of the SDK URL route means to an agent. */
const BY_CODE: Record<string, Omit<Failure, 'support'>> = {
  no_seat: {
    reason: 'no-seat',
    title: 'Your account has no agent seat',
    detail:
      'You are signed in, but your account is not linked to a TCCC agent seat, so you cannot ' +
      'take calls. Ask your supervisor to link it; reloading or retrying will not change this.',
    action: 'contact-admin',
  },
  tccc_seat_not_found: {
    reason: 'seat-not-found',
    title: 'Your agent seat does not exist in TCCC',
    detail:
      'Your account points at a seat that the contact center does not know. Ask your ' +
      'supervisor to add the seat in the TCCC console (or fix the mapping), then Retry.',
    action: 'contact-admin',
  },
  tccc_config_error: {
    reason: 'tccc-config',
    title: 'The contact center is not set up correctly',
    detail:
      'TCCC refused the credentials this console uses. Tell your supervisor or IT; the server ' +
      'log has the details. Retrying will not help until it is fixed.',
    action: 'contact-admin',
  },
  rate_limited: {
    reason: 'rate-limited',
    title: 'Too many connection attempts',
    detail: 'The server limits how often you can connect. Wait a minute, then Retry.',
    action: 'retry',
  },
  cross_site_request: {
    reason: 'forbidden',
    title: 'The server refused the request',
    detail: 'It did not accept the request as coming from this site. Reload the page, then Retry.',
    action: 'retry',
  },
};

const RATE_LIMITED = BY_CODE.rate_limited as Omit<Failure, 'support'>;
const FORBIDDEN = BY_CODE.cross_site_request as Omit<Failure, 'support'>;

const TCCC_OUTAGE: Omit<Failure, 'support'> = {
  reason: 'tccc-unavailable',
  title: 'TCCC could not be reached',
  detail:
    'The contact center did not issue a login for your seat: it is busy, slow or unreachable ' +
    'right now. This is usually temporary: Retry in a moment.',
  action: 'retry',
};

/**
 * Getting the SDK URL failed. With an HTTP status: the server said no. Without one: either
 * fetch itself failed (the loader keeps that as `cause`), or the server's answer was unusable.
 */
function describeSdkUrlFailure({ status, code, cause }: TcccLoadError): Failure {
  if (status === undefined && cause === undefined) {
    return retry(
      'sdk-url-invalid',
      'The server sent an unusable SDK URL',
      'What the server returned is not an SDK URL the browser may load (it must be a new, ' +
        'absolute https address). Retry; if it persists, the operator should check the ' +
        "server's TCCC configuration.",
    );
  }
  if (status === undefined) {
    return retry(
      'server-unreachable',
      'Cannot reach the server',
      'The request for an SDK URL got no answer: the server may be down or you are offline. ' +
        'Check that the server is running, then Retry.',
    );
  }
  if (status === 401) {
    return {
      reason: 'signed-out',
      title: 'Your session has ended',
      detail: 'Sign in again to connect.',
      action: 'sign-in',
    };
  }
  const support = `HTTP ${status}${code === undefined ? '' : ` · ${code}`}`;
  const known = code === undefined ? undefined : BY_CODE[code];
  if (known) return { ...known, support };
  if (status === 429) return { ...RATE_LIMITED, support };
  if (status === 403) return { ...FORBIDDEN, support };
  if (status >= 500) return { ...TCCC_OUTAGE, support };
  return {
    ...retry(
      'sdk-url',
      'The server refused to connect you',
      'Retry; if it keeps happening, tell your supervisor and quote the line below.',
    ),
    support,
  };
}

function retry(reason: string, title: string, detail: string): Failure {
  return { reason, title, detail, action: 'retry' };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[.\s]+$/, '') || 'Unknown error';
}
