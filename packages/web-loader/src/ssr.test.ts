import { expect, it } from 'vitest';

it('imports where there is no window or document (server rendering)', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  const loader = await import('./index.js');
  expect(Object.keys(loader).sort()).toEqual([
    'TcccLoadError',
    'assertSdkUrl',
    'fetchSdkUrl',
    'loadTccc',
    'offlineOnPageHide',
    'unloadTccc',
  ]);
});
