// Imported statically, as a server bundle would: an import that touched `window` or
// `document` would fail this file before any test runs.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import { TcccProvider, useTcccConnection, useTcccEvent } from './index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function Status() {
  const connection = useTcccConnection();
  useTcccEvent('callIn', () => {});
  return createElement('output', null, connection.status);
}

function Orphan() {
  useTcccConnection();
  return null;
}

it('renders TcccProvider and its hooks with react-dom/server where there is no window', () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  const errors = vi.spyOn(console, 'error');
  const sdkUrl = vi.fn(async () => 'https://sdk.example.com/?token=t');
  const html = renderToString(
    createElement(TcccProvider, { sdkUrl, autoConnect: true }, createElement(Status)),
  );
  // Idle on the server: nothing loads there, even with autoConnect.
  expect(html).toBe('<output>idle</output>');
  expect(sdkUrl).not.toHaveBeenCalled();
  // React says nothing either (no layout-effect or hook-order warnings).
  expect(errors).not.toHaveBeenCalled();
});

it('a hook outside a provider throws, saying where the provider belongs', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(() => renderToString(createElement(Orphan))).toThrow(
    'useTcccConnection() needs a <TcccProvider> above it: wrap the console in one',
  );
});
