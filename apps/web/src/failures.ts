/**
 * Turns anything that can go wrong while connecting into words for the agent: what happened
 * and what to do next. Pure, so each case is unit-tested. The `reason` is stable (the page
 * exposes it as `data-reason` for tests and for support); the texts are free to change.
 *
 * Never put the SDK URL, the token or a server's raw body in these texts: they are shown on
 * screen and end up in screenshots and bug reports.
 */
import { TcccLoadError } from '@tccc-kit/web-loader';

export interface Failure {
  /** Which step failed, e.g. `token-expired`, `script`, `server-unreachable`, `tccc-unavailable`. */
  reason: string;
  title: string;
  detail: string;
  /** `retry`: show Retry (it fetches a fresh SDK URL). `sign-in`: the session is gone. */
  action: 'retry' | 'sign-in';
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
  const suffix = code === undefined ? '' : ` (code ${code})`;
  if (status === 429) {
    return retry(
      'rate-limited',
      'Too many connection attempts',
      `The server limits how often an SDK URL can be fetched${suffix}. Wait a minute, then Retry.`,
    );
  }
  if (status === 403) {
    return retry(
      'forbidden',
      'The server refused the request',
      `The request was not accepted as coming from this site${suffix}. Reload the page, then Retry.`,
    );
  }
  if (status >= 500) {
    return retry(
      'tccc-unavailable',
      'TCCC could not issue an SDK URL',
      `The server could not get a login token from TCCC (HTTP ${status}${suffix}). ` +
        'This is usually temporary: Retry in a moment. If it persists, the operator should ' +
        "check the server's TCCC configuration and logs.",
    );
  }
  return retry(
    'sdk-url',
    'The server refused to issue an SDK URL',
    `HTTP ${status}${suffix}. Retry; if it persists, report it to the operator.`,
  );
}

function retry(reason: string, title: string, detail: string): Failure {
  return { reason, title, detail, action: 'retry' };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[.\s]+$/, '') || 'Unknown error';
}
