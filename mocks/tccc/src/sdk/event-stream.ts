import type { ServerEvent } from '@tccc-kit/fake-sdk';
import type { EventSink } from '../state/sessions.js';

/** Comment line sent this often so proxies and the browser keep an idle stream open. */
const keepAliveMs = 15_000;

/**
 * A `text/event-stream` Response whose events come from `attach(sink)`. The stream ends when
 * the client goes away (`signal` aborts or the body is cancelled) or the sink is closed.
 * Each event is `event: <TCCC event name>` with the JSON payload as `data:`.
 */
export function eventStreamResponse(
  signal: AbortSignal,
  attach: (sink: EventSink) => () => void,
  headers: Record<string, string> = {},
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const keepAlive = setInterval(() => write(': keep-alive\n\n'), keepAliveMs);
      keepAlive.unref?.();
      let detach = () => {};
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(keepAlive);
        signal.removeEventListener('abort', cleanup);
        detach();
      };
      const sink: EventSink = {
        send: (event: ServerEvent) =>
          write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`),
        close: () => {
          cleanup();
          controller.close();
        },
      };
      signal.addEventListener('abort', cleanup);
      write('retry: 1000\n\n');
      detach = attach(sink);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      ...headers,
    },
  });
}
