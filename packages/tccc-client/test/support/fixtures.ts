/**
 * Shared test helpers: the mock's default credentials, a recording logger, a check that
 * no secret leaked into anything a caller could print, and a way to wait for real I/O.
 */
import { inspect } from 'node:util';
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SEATS,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
} from '@tccc-kit/mock-tccc';
import { expect } from 'vitest';
import type { TcccClientConfig } from '../../src/config.js';
import type { Logger, LogLevel } from '../../src/logger.js';

export const SEAT = DEFAULT_SEATS[0];
export const SEAT_2 = DEFAULT_SEATS[1];

/** Config for the mock's default account; `endpoint` left to the caller (msw uses the default). */
export function mockConfig(overrides: Partial<TcccClientConfig> = {}): TcccClientConfig {
  return {
    sdkAppId: DEFAULT_SDK_APP_ID,
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    ...overrides,
  };
}

export interface LogEntry {
  level: LogLevel;
  fields: Record<string, unknown>;
  message: string;
}

export function recordingLogger(): Logger & {
  entries: LogEntry[];
  events(name: string): LogEntry[];
} {
  const entries: LogEntry[] = [];
  const record = (level: LogLevel) => (fields: Record<string, unknown>, message: string) => {
    entries.push({ level, fields, message });
  };
  return {
    entries,
    events: (name) => entries.filter((entry) => entry.fields.event === name),
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** Every way a caller might print `value`. */
export function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ''];
  if (value instanceof Error) out.push(String(value), String(value.stack), value.message);
  return out;
}

/** Asserts that none of `secrets` appears in any rendering of any of `values`. */
export function expectNoSecrets(values: unknown[], secrets: string[]) {
  expect(secrets.every((secret) => secret.length >= 8)).toBe(true);
  for (const value of values) {
    for (const text of renderings(value)) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  }
}

/**
 * Lets real I/O (loopback sockets, msw) run until `condition` holds. The 20 s guard only
 * turns a hang into a failure; no assertion depends on how fast this is.
 */
export async function until(condition: () => boolean, what: string, guardMs = 20_000) {
  const giveUpAt = performance.now() + guardMs;
  while (!condition()) {
    if (performance.now() > giveUpAt) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
