/**
 * Data Push configuration: where an app's pushes go and how the mock authenticates to the
 * receiver, as TCCC's console sets it (tccc-reference.md §6.1), per app. It comes from
 * options and `--config` (`apps[].dataPush`), the control plane
 * (`PUT /__tccc/apps/:sdkAppId/data-push`) and `mock.setDataPush()`; all are validated here and
 * every bad field is named. Secret values (password, client secret) are never echoed, and
 * `redactDataPush` is what any view of a configuration shows.
 *
 * How the mock pushes (retries, timeouts, bounds) is the mock-wide `push` settings
 * (settings.ts), not part of an app's configuration.
 */

import { checkKeys, isRecord, type Problems } from '../config/read.js';
import { quote } from '../quote.js';

export type DataPushAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string };

export type DataPushAction = 'cdr' | 'record';

export interface DataPushConfig {
  /** Receiver URL without query, e.g. http://127.0.0.1:3000/tccc/push; the mock appends ?action=cdr&version=1 */
  url: string;
  auth: DataPushAuth;
  /** What to push; default ['cdr', 'record'] */
  actions?: DataPushAction[];
}

/** A configuration as the mock holds it: validated, `actions` filled in, frozen. */
export interface ResolvedDataPush {
  readonly url: string;
  readonly auth: Readonly<DataPushAuth>;
  readonly actions: readonly DataPushAction[];
}

export const REDACTED_SECRET = '[redacted]';

/** What views show: the password and the client secret replaced by "[redacted]". */
export type RedactedDataPush = {
  url: string;
  actions: DataPushAction[];
  auth:
    | { type: 'none' }
    | { type: 'basic'; username: string; password: typeof REDACTED_SECRET }
    | { type: 'oauth'; tokenUrl: string; clientId: string; clientSecret: typeof REDACTED_SECRET };
};

export const DATA_PUSH_ACTIONS: readonly DataPushAction[] = ['cdr', 'record'];
const AUTH_TYPES = ['none', 'basic', 'oauth'] as const;
const MAX_URL_CHARS = 2048;
const MAX_CREDENTIAL_CHARS = 1024;

/** Thrown by `mock.setDataPush` and the control plane for a bad configuration. */
export class DataPushConfigError extends Error {
  override readonly name = 'DataPushConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid Data Push configuration: ${problems.join('; ')}`);
  }
}

function readUrl(
  value: unknown,
  at: string,
  problems: Problems,
  purpose: string,
): string | undefined {
  if (typeof value !== 'string' || value === '') {
    problems.push(
      `${at} is required: the ${purpose} as an http(s) URL such as "http://127.0.0.1:3000/tccc/push${purpose === 'token URL' ? '/token' : ''}"`,
    );
    return undefined;
  }
  if (value.length > MAX_URL_CHARS) {
    problems.push(`${at} must be at most ${MAX_URL_CHARS} characters`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(
      `${at} ${quote(value)} is not a URL (expected e.g. "http://127.0.0.1:3000/tccc/push")`,
    );
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`${at} must use http: or https: (got ${quote(url.protocol)})`);
    return undefined;
  }
  if (url.username !== '' || url.password !== '') {
    // Never quote it: it carries a credential.
    problems.push(`${at} must not carry user:password; put credentials in auth`);
    return undefined;
  }
  if (url.search !== '' || url.hash !== '') {
    problems.push(
      `${at} must have no query or fragment${purpose === 'receiver URL' ? ' (the mock appends ?action=cdr&version=1 itself)' : ''}`,
    );
    return undefined;
  }
  return url.href;
}

/** A credential: non-empty, at most 1 KiB, no control characters. Its value is never quoted. */
function readCredential(
  value: unknown,
  at: string,
  problems: Problems,
  { noColon = false } = {},
): string | undefined {
  if (typeof value !== 'string' || value === '') {
    problems.push(`${at} is required: a non-empty string`);
    return undefined;
  }
  const control = [...value].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
  if (value.length > MAX_CREDENTIAL_CHARS || control) {
    problems.push(
      `${at} must be at most ${MAX_CREDENTIAL_CHARS} characters without control characters`,
    );
    return undefined;
  }
  if (noColon && value.includes(':')) {
    problems.push(`${at} must not contain ":" (HTTP Basic separates user and password with it)`);
    return undefined;
  }
  return value;
}

function readAuth(value: unknown, at: string, problems: Problems): DataPushAuth | undefined {
  if (!isRecord(value)) {
    problems.push(
      `${at} is required: {"type":"none"}, {"type":"basic","username","password"} or {"type":"oauth","tokenUrl","clientId","clientSecret"}`,
    );
    return undefined;
  }
  const { type } = value;
  if (typeof type !== 'string' || !(AUTH_TYPES as readonly string[]).includes(type)) {
    problems.push(`${at}.type must be one of ${AUTH_TYPES.join(', ')} (got ${quote(type)})`);
    return undefined;
  }
  const before = problems.length;
  switch (type as DataPushAuth['type']) {
    case 'none':
      checkKeys(value, ['type'], `${at}.`, problems);
      return problems.length === before ? { type: 'none' } : undefined;
    case 'basic': {
      checkKeys(value, ['type', 'username', 'password'], `${at}.`, problems);
      const username = readCredential(value.username, `${at}.username`, problems, {
        noColon: true,
      });
      const password = readCredential(value.password, `${at}.password`, problems);
      if (problems.length > before || username === undefined || password === undefined) {
        return undefined;
      }
      return { type: 'basic', username, password };
    }
    case 'oauth': {
      checkKeys(value, ['type', 'tokenUrl', 'clientId', 'clientSecret'], `${at}.`, problems);
      const tokenUrl = readUrl(value.tokenUrl, `${at}.tokenUrl`, problems, 'token URL');
      const clientId = readCredential(value.clientId, `${at}.clientId`, problems);
      const clientSecret = readCredential(value.clientSecret, `${at}.clientSecret`, problems);
      if (
        problems.length > before ||
        tokenUrl === undefined ||
        clientId === undefined ||
        clientSecret === undefined
      ) {
        return undefined;
      }
      return { type: 'oauth', tokenUrl, clientId, clientSecret };
    }
  }
}

function readActions(value: unknown, at: string, problems: Problems): DataPushAction[] | undefined {
  if (value === undefined) return [...DATA_PUSH_ACTIONS];
  const what = `a non-empty list of ${DATA_PUSH_ACTIONS.map((a) => `"${a}"`).join(', ')}`;
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${at} must be ${what}`);
    return undefined;
  }
  const actions: DataPushAction[] = [];
  value.forEach((action, i) => {
    if (!(DATA_PUSH_ACTIONS as readonly unknown[]).includes(action)) {
      problems.push(
        `${at}[${i}] must be one of ${DATA_PUSH_ACTIONS.join(', ')} (got ${quote(action)})`,
      );
    } else if (actions.includes(action as DataPushAction)) {
      problems.push(`${at}[${i}] repeats ${quote(action)}`);
    } else {
      actions.push(action as DataPushAction);
    }
  });
  return actions;
}

/** Validate one app's configuration, pushing a problem per bad field (prefixed with `at`). */
export function readDataPush(
  value: unknown,
  at: string,
  problems: Problems,
): ResolvedDataPush | undefined {
  if (!isRecord(value)) {
    problems.push(`${at} must be an object { url, auth, actions? } (or null to turn pushes off)`);
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, ['url', 'auth', 'actions'], `${at}.`, problems);
  const url = readUrl(value.url, `${at}.url`, problems, 'receiver URL');
  const auth = readAuth(value.auth, `${at}.auth`, problems);
  const actions = readActions(value.actions, `${at}.actions`, problems);
  if (problems.length > before || !url || !auth || !actions) return undefined;
  return Object.freeze({
    url,
    auth: Object.freeze(auth),
    actions: Object.freeze(actions),
  });
}

/** Validate a configuration from code or JSON; throws DataPushConfigError naming every problem. */
export function parseDataPushConfig(value: unknown): ResolvedDataPush {
  const problems: Problems = [];
  const resolved = readDataPush(value, 'dataPush', problems);
  if (!resolved || problems.length > 0) throw new DataPushConfigError(problems);
  return resolved;
}

/** A configuration as views show it: secrets replaced by "[redacted]". */
export function redactDataPush(config: ResolvedDataPush): RedactedDataPush {
  const { auth } = config;
  return {
    url: config.url,
    actions: [...config.actions],
    auth:
      auth.type === 'basic'
        ? { type: 'basic', username: auth.username, password: REDACTED_SECRET }
        : auth.type === 'oauth'
          ? {
              type: 'oauth',
              tokenUrl: auth.tokenUrl,
              clientId: auth.clientId,
              clientSecret: REDACTED_SECRET,
            }
          : { type: 'none' },
  };
}

/** The URL a push of `action` goes to. */
export function pushUrl(config: ResolvedDataPush, action: DataPushAction): string {
  const url = new URL(config.url);
  url.searchParams.set('action', action);
  url.searchParams.set('version', '1');
  return url.href;
}
