/**
 * Drives the SDK runtime in-process, on a PAUSED mock clock: pages are recording sinks
 * attached to real SDK sessions, so a test reads exactly the events a page would receive and
 * moves time with `advance()`; nothing waits on real time.
 */
import type { ServerEvent, ServerEventMap, ServerEventName } from '@tccc-kit/fake-sdk';
import { createMockTccc, type MockTccc, type MockTcccOptions } from '../src/mock.js';
import type { SdkSession } from '../src/state/sessions.js';
import type { TelCdrInfo } from '../src/state/tencent-types.js';

export const ORIGIN = 'http://mock.test';
export const APP = 1400000000;
/** 2026-11-30T08:00:00Z: a whole second, so Unix-second fields are easy to read. */
export const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
export const T0_SECONDS = T0 / 1000;

/** A page with the fake SDK loaded: the events its stream delivered, in order. */
export class Page {
  readonly events: ServerEvent[] = [];
  closed = false;
  #detach: (() => void) | undefined;

  constructor(
    readonly session: SdkSession,
    private readonly mock: MockTccc,
  ) {
    this.connect();
  }

  get seatUserId(): string {
    return this.session.seatUserId;
  }

  /** Open an event stream (again); `connected` arrives first. */
  connect(): void {
    this.closed = false;
    this.#detach = this.mock.sdk.attachStream(this.session, {
      send: (event) => this.events.push(event),
      close: () => this.drop(),
    });
  }

  /** The stream goes away (a network drop, the page navigating). */
  drop(): void {
    if (this.closed) return;
    this.closed = true;
    this.#detach?.();
  }

  names(): ServerEventName[] {
    return this.events.map((event) => event.name);
  }

  /** Payloads of every event named `name`, in order. */
  all<K extends ServerEventName>(name: K): ServerEventMap[K][] {
    return this.events
      .filter((event) => event.name === name)
      .map((event) => event.payload) as ServerEventMap[K][];
  }

  /** The last event named `name`; throws when there is none. */
  last<K extends ServerEventName>(name: K): ServerEventMap[K] {
    const found = this.all(name).at(-1);
    if (found === undefined)
      throw new Error(`${this.seatUserId} saw no ${name} (saw ${this.names().join(', ')})`);
    return found;
  }

  /** Forget what was seen so far. */
  clear(): void {
    this.events.length = 0;
  }
}

export interface Harness {
  mock: MockTccc;
  /** Log a seat in (a fresh token) and open its page's stream. */
  login(seatUserId?: string, sdkAppId?: number): Page;
  /** Move the paused mock clock; deadlines it reaches are applied before it returns. */
  advance(ms: number): void;
  status(seatUserId: string, sdkAppId?: number): string;
  cdr(sessionId: string, sdkAppId?: number): TelCdrInfo;
  close(): void;
}

export function harness(options: MockTcccOptions = {}): Harness {
  const mock = createMockTccc({ now: T0, ...options });
  mock.pauseTime();
  return {
    mock,
    login(seatUserId = 'agent@example.com', sdkAppId) {
      const { token } = mock.issueToken({
        seatUserId,
        origin: ORIGIN,
        ...(sdkAppId === undefined ? {} : { sdkAppId }),
      });
      return new Page(mock.sdk.login(token, ORIGIN), mock);
    },
    advance: (ms) => mock.advanceTime(ms),
    status: (seatUserId, sdkAppId = APP) => mock.sdk.statusOf({ sdkAppId, seatUserId }),
    cdr(sessionId, sdkAppId = APP) {
      const record = mock.store.cdrs.get(sdkAppId, sessionId);
      if (!record) throw new Error(`no CDR for ${sessionId}`);
      return record;
    },
    close: () => {
      mock.reset();
      mock.close();
    },
  };
}

/** A seed with a Sales group of two agents and a Support group of one. */
export const groupsSeed = {
  apps: [{ sdkAppId: APP }],
  skillGroups: [
    { skillGroupId: 101, name: 'Sales' },
    { skillGroupId: 102, name: 'Support' },
  ],
  staff: [
    { mail: 'ana@example.com', name: 'Ana', phone: '008613800000001', skillGroups: [101] },
    { mail: 'bo@example.com', name: 'Bo', skillGroups: [101] },
    { mail: 'cy@example.com', name: 'Cy', skillGroups: [102] },
  ],
} satisfies MockTcccOptions;
