/** Helpers for tests of the SDK host (src/sdk) driven in-process through app.request. */
import { createMockTccc, type MockTccc } from '../src/mock.js';

export const origin = 'http://mock.test';

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** Reads a text/event-stream Response event by event. */
export class EventReader {
  readonly #reader: ReadableStreamDefaultReader<string>;
  #buffer = '';

  constructor(response: Response) {
    if (!response.body) throw new Error('the event stream response has no body');
    this.#reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  }

  /** The next event (comments and retry lines skipped). */
  async next(): Promise<StreamEvent> {
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data !== undefined) return { event, data: JSON.parse(data) };
        continue;
      }
      const { value, done } = await this.#reader.read();
      if (done) throw new Error('the event stream ended');
      this.#buffer += value;
    }
  }

  /** Skip events until one named `name` arrives. */
  async until(name: string): Promise<StreamEvent> {
    for (;;) {
      const event = await this.next();
      if (event.event === name) return event;
    }
  }

  cancel(): Promise<void> {
    return this.#reader.cancel();
  }
}

export interface SignedInSeat {
  credential: string;
  auth: { authorization: string };
  events: EventReader;
}

export function newMock(): MockTccc {
  return createMockTccc();
}

/** The header every /__tccc/ request of this mock needs. */
export function controlHeaders(mock: MockTccc): Record<string, string> {
  return { 'x-tccc-control-token': mock.controlToken };
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** Issue a token, log in with it and open the event stream (past its `connected` event). */
export async function signIn(
  mock: MockTccc,
  seatUserId = 'agent@example.com',
): Promise<SignedInSeat> {
  const { token } = mock.issueToken({ seatUserId, origin });
  const login = await mock.app.request('/sdk/session', json({ token }));
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { credential } = (await login.json()) as { credential: string };
  const auth = { authorization: `Bearer ${credential}` };
  const events = new EventReader(await mock.app.request('/sdk/events', { headers: auth }));
  await events.until('connected');
  return { credential, auth, events };
}

/** A JSON response body, read loosely: the tests' assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are asserted field by field in the tests.
export const body = (response: Response): Promise<any> => response.json();

/** `post` and `get` for the mock's routes: control routes carry the control token. */
export function requests(mock: () => MockTccc) {
  const post = (path: string, payload: unknown, headers: Record<string, string> = {}) =>
    mock().app.request(
      path,
      json(
        payload,
        path.startsWith('/__tccc/') ? { ...controlHeaders(mock()), ...headers } : headers,
      ),
    );
  const get = (path: string) => mock().app.request(path, { headers: controlHeaders(mock()) });
  return { post, get };
}
