/**
 * The React test page, /react?strict=1&auto=1&sdk=mock|double&offline=<mode>&offlineMs=<ms>:
 * a small console on the binding (`TcccProvider`, `useTcccConnection`, `useTcccEvent`).
 *   strict=1        renders it inside <StrictMode> (React's development build)
 *   auto=1          autoConnect
 *   sdk=double      SDK URLs of the SDK test double (sdk-double.ts), with its `offline` mode
 *   embed=1         renderDomId: the SDK renders into #react-workbench, inside the console
 * It shows the connection in <output aria-label="connection">, the events it got in the list
 * "events", and has Connect, Reconnect, Disconnect buttons, a "Console mounted" checkbox that
 * mounts and unmounts the provider, and "Replace provider", which unmounts it and mounts a new
 * one at once. `window.reactHarness.sdkUrlCalls` counts sdkUrl().
 */
import { fetchSdkUrl } from '@tccc-kit/web-loader';
import {
  TcccProvider,
  type UseTcccConnectionResult,
  useTcccConnection,
  useTcccEvent,
} from '@tccc-kit/web-loader/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    reactHarness: { sdkUrlCalls: number };
  }
}

const params = new URLSearchParams(location.search);
window.reactHarness = { sdkUrlCalls: 0 };

const doubleParams = new URLSearchParams();
for (const name of ['offline', 'offlineMs', 'ready']) {
  const value = params.get(name);
  if (value !== null) doubleParams.set(name, value);
}
const mint = fetchSdkUrl({
  endpoint: params.get('sdk') === 'double' ? `/double-url?${doubleParams}` : '/sdk-url',
});
const sdkUrl = () => {
  window.reactHarness.sdkUrlCalls++;
  return mint();
};

function describe(connection: UseTcccConnectionResult): string {
  switch (connection.status) {
    case 'failed':
      return `failed ${connection.error.reason}`;
    case 'disconnected':
      return connection.reason === 'connectionLost'
        ? `disconnected connectionLost ${connection.detail}`
        : `disconnected ${connection.reason}`;
    default:
      return connection.status;
  }
}

function Console() {
  const connection = useTcccConnection();
  const [events, setEvents] = useState<string[]>([]);
  const log = (line: string) => setEvents((lines) => [...lines, line]);
  useTcccEvent('ready', () => log('ready'));
  useTcccEvent('callIn', (event) => log(`callIn ${event.type}`));
  useTcccEvent('connectionLost', (event) => log(`connectionLost ${event.reason}`));
  useTcccEvent('connectionRestored', () => log('connectionRestored'));
  useTcccEvent('loggedOut', (event) => log(`loggedOut ${event.reason}`));
  return (
    <section aria-label="console">
      <output aria-label="connection">{describe(connection)}</output>
      <button type="button" onClick={connection.connect}>
        Connect
      </button>
      <button type="button" onClick={connection.reconnect}>
        Reconnect
      </button>
      <button
        type="button"
        onClick={() => void connection.disconnect().then(() => log('disconnect done'))}
      >
        Disconnect
      </button>
      {/* The SDK renders its workbench here with embed=1; React renders nothing inside. */}
      <div id="react-workbench" style={{ width: 800, height: 520 }} />
      <ol aria-label="events">
        {events.map((line, index) => (
          // Lines are only ever appended: the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          <li key={index}>{line}</li>
        ))}
      </ol>
    </section>
  );
}

function App() {
  const [mounted, setMounted] = useState(true);
  // A new key makes React unmount the provider and mount a new one in the same commit.
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setGeneration((g) => g + 1)}>
        Replace provider
      </button>
      <label>
        <input
          type="checkbox"
          checked={mounted}
          onChange={(event) => setMounted(event.target.checked)}
        />
        Console mounted
      </label>
      {mounted && (
        <TcccProvider
          key={generation}
          sdkUrl={sdkUrl}
          autoConnect={params.get('auto') === '1'}
          timeoutMs={Number(params.get('timeoutMs') ?? 30_000)}
          renderDomId={params.get('embed') === '1' ? 'react-workbench' : undefined}
          nonce={document.documentElement.dataset.nonce ?? ''}
        >
          <Console />
        </TcccProvider>
      )}
    </>
  );
}

document.addEventListener('DOMContentLoaded', () => {
  const host = document.createElement('div');
  document.body.prepend(host);
  const app = <App />;
  createRoot(host).render(params.get('strict') === '1' ? <StrictMode>{app}</StrictMode> : app);
});
