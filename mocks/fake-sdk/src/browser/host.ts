import type { LoginResponse, SdkErrorBody, ServerEvent, ServerEventName } from '../protocol.js';
import { sdkRoutes } from '../protocol.js';
import { SseParser } from './sse.js';

/** A failed request to the SDK host; `message` is safe to show (no token, no credential). */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * HTTP client of the mock TCCC SDK host. Every URL is resolved against the script's own
 * URL, so the fake talks to whichever origin served it.
 */
export class HostClient {
  #credential: string | undefined;

  constructor(private readonly scriptUrl: URL) {}

  url(route: string): string {
    return new URL(route, this.scriptUrl).href;
  }

  async login(token: string): Promise<LoginResponse> {
    const answer = await this.request<LoginResponse>('POST', sdkRoutes.session, { token }, false);
    this.#credential = answer.credential;
    return answer;
  }

  async logout(): Promise<void> {
    if (!this.#credential) return;
    await this.request('DELETE', sdkRoutes.session).catch(() => {});
    this.#credential = undefined;
  }

  async request<T>(method: string, route: string, body?: unknown, authorized = true): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authorized) {
      if (!this.#credential) throw new HostError('The SDK is not logged in.', 0, 'NotLoggedIn');
      headers.authorization = `Bearer ${this.#credential}`;
    }
    let response: Response;
    try {
      response = await fetch(this.url(route), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new HostError('Cannot reach the TCCC SDK host (network error).', 0, 'NetworkError');
    }
    if (response.ok) {
      return (response.status === 204 ? undefined : await response.json()) as T;
    }
    throw await errorOf(response);
  }

  /**
   * Open the event stream and keep it open: reconnects after `retry` ms (server hint, 1 s by
   * default) until `signal` aborts or the session is rejected (401).
   */
  async listen(
    onEvent: (event: ServerEvent) => void,
    signal: AbortSignal,
    onFatal: (error: HostError) => void,
  ): Promise<void> {
    let retryMs = 1000;
    while (!signal.aborted) {
      const parser = new SseParser();
      try {
        const response = await fetch(this.url(sdkRoutes.events), {
          headers: {
            authorization: `Bearer ${this.#credential ?? ''}`,
            accept: 'text/event-stream',
          },
          credentials: 'omit',
          cache: 'no-store',
          signal,
        });
        if (response.status === 401) return onFatal(await errorOf(response));
        if (response.ok && response.body) {
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            for (const message of parser.push(value)) {
              const event = toServerEvent(message.event, message.data);
              if (event) onEvent(event);
            }
          }
        }
      } catch {
        // Network error or abort: retry below unless aborted.
      }
      retryMs = parser.retryMs ?? retryMs;
      if (signal.aborted) return;
      await sleep(retryMs, signal);
    }
  }
}

const knownEvents: readonly ServerEventName[] = [
  'connected',
  'callIn',
  'callOuted',
  'calloutAccepted',
  'userAccessed',
  'autoTransfer',
  'sessionEnded',
  'statusChanged',
];

function toServerEvent(name: string, data: string): ServerEvent | undefined {
  if (!(knownEvents as readonly string[]).includes(name)) return undefined;
  try {
    return { name, payload: JSON.parse(data) } as ServerEvent;
  } catch {
    return undefined;
  }
}

async function errorOf(response: Response): Promise<HostError> {
  let body: Partial<SdkErrorBody> = {};
  try {
    body = (await response.json()) as Partial<SdkErrorBody>;
  } catch {
    // Not JSON (e.g. an injected fault with a text body).
  }
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `HTTP ${response.status} from the TCCC SDK host.`;
  const code = typeof body.error?.code === 'string' ? body.error.code : 'HttpError';
  return new HostError(message, response.status, code);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
