import type {
  LoginResponse,
  ReconnectSettings,
  SdkErrorBody,
  ServerEvent,
  ServerEventName,
} from '../protocol.js';
import { sdkRoutes, serverEventNames } from '../protocol.js';
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

/** What the event stream reports besides events. */
export interface StreamHandlers {
  onEvent(event: ServerEvent): void;
  /** The stream failed or ended; the client waits, then tries again. */
  onLost(reason: string): void;
  /** The host refused the session (401): the stream is over for good. */
  onRefused(error: HostError): void;
}

/**
 * HTTP client of the mock TCCC SDK host. Every URL is resolved against the script's own
 * URL, so the fake talks to whichever origin served it.
 */
export class HostClient {
  #credential: string | undefined;

  constructor(private readonly scriptUrl: URL) {}

  get loggedIn(): boolean {
    return this.#credential !== undefined;
  }

  url(route: string): string {
    return new URL(route, this.scriptUrl).href;
  }

  async login(token: string): Promise<LoginResponse> {
    const answer = await this.request<LoginResponse>('POST', sdkRoutes.session, { token }, false);
    this.#credential = answer.credential;
    return answer;
  }

  /**
   * End the session at the host. Sent as a CORS-simple `keepalive` request (text/plain JSON,
   * no Authorization header, so no preflight): it completes even when the page is being
   * unloaded (`pagehide`), as `navigator.sendBeacon` would, and its answer is readable.
   */
  async endSession(): Promise<void> {
    const credential = this.#credential;
    if (!credential) return;
    let response: Response;
    try {
      response = await fetch(this.url(sdkRoutes.endSession), {
        method: 'POST',
        body: JSON.stringify({ credential }),
        keepalive: true,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new HostError('Cannot reach the TCCC SDK host (network error).', 0, 'NetworkError');
    }
    if (!response.ok) throw await errorOf(response);
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
   * Open the event stream and keep it open until `signal` aborts or the host refuses the
   * session (401). A stream that fails or ends is reported (`onLost`) and reopened after a
   * wait that starts at `reconnect.initialMs` and doubles up to `reconnect.maxMs`; a stream
   * that delivered events starts the waits afresh.
   */
  async listen(
    handlers: StreamHandlers,
    signal: AbortSignal,
    reconnect: ReconnectSettings,
  ): Promise<void> {
    let waitMs = reconnect.initialMs;
    while (!signal.aborted) {
      let reason = 'the event stream to the SDK host closed';
      let delivered = false;
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
        if (response.status === 401) return handlers.onRefused(await errorOf(response));
        if (response.ok && response.body) {
          const parser = new SseParser();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            for (const message of parser.push(value)) {
              const event = toServerEvent(message.event, message.data);
              if (!event) continue;
              delivered = true;
              handlers.onEvent(event);
            }
          }
        } else {
          reason = `the SDK host answered HTTP ${response.status} to the event stream`;
        }
      } catch {
        reason = 'the event stream to the SDK host failed (network error)';
      }
      if (signal.aborted) return;
      if (delivered) waitMs = reconnect.initialMs;
      handlers.onLost(reason);
      await sleep(waitMs, signal);
      waitMs = Math.min(waitMs * 2, reconnect.maxMs);
    }
  }
}

function toServerEvent(name: string, data: string): ServerEvent | undefined {
  if (!(serverEventNames as readonly string[]).includes(name)) return undefined;
  try {
    return { name: name as ServerEventName, payload: JSON.parse(data) } as ServerEvent;
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
